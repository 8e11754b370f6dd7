//! Mentoring sessions: mentors offer time slots, teams book them, both can cancel, the mentor
//! keeps notes and marks attendance, organizers see the schedule.
//!
//! Notes and attendance belong to the booking (`mentor_bookings`), not the slot: a team that
//! cancels takes nothing of its session with it to the next team, and its booking keeps the
//! mentor's notes as history (in the organizers' sessions export).
//!
//! Races are settled in the database: a slot is booked by `UPDATE … WHERE team_id IS NULL`
//! (one team wins), and a team's bookings are serialized by first touching its `teams` row,
//! so two bookings of overlapping slots by one team cannot both pass the overlap check.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::error::FieldError,
    crate::events::domain::{local_to_utc, utc_to_display},
    crate::i18n::Msg,
    serde_json::json,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlotView {
    pub id: i64,
    pub mentor: String,
    pub day: String,
    pub starts: String,
    pub ends: String,
    pub location: String,
    pub team: Option<String>,
    /// The caller's own team holds it.
    pub mine: bool,
    /// Notes are shown only to the mentor, the booking team and organizers.
    pub notes: Option<String>,
    pub attended: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    pub event_id: i64,
    pub timezone: String,
    pub slots: Vec<SlotView>,
    pub is_mentor: bool,
    pub has_team: bool,
    pub is_organizer: bool,
    pub me: String,
}

pub const NOTES_MAX: usize = 4000;
pub const SLOT_MAX_MINUTES: i64 = 240;

/// Slots are valid when they end after they start, last at most four hours, and fall
/// within the event. Plain rule, unit-tested.
pub fn slot_error(
    starts: i64,
    ends: i64,
    event_starts: i64,
    event_ends: i64,
) -> Option<(&'static str, crate::i18n::Msg)> {
    use crate::i18n::Msg;
    if ends <= starts {
        Some(("ends_at", Msg::ErrEndsBeforeStart))
    } else if ends - starts > SLOT_MAX_MINUTES * 60 {
        Some(("ends_at", Msg::ErrSlotTooLong))
    } else if starts < event_starts || ends > event_ends {
        Some(("starts_at", Msg::ErrWithinEvent))
    } else {
        None
    }
}

/// The event's slots, for mentors, participants and organizers of the event.
#[server(prefix = "/api", endpoint = "sessions/list")]
pub async fn list_slots(event_id: i64) -> Result<Schedule, AppError> {
    let access = gate::event(event_id, &[Role::Mentor, Role::Participant, Role::Organizer]).await?;
    let db = access.db();
    let tz = crate::events::db::timezone(db, event_id).await?;
    let team = crate::teams::db::team_of_user(db, event_id, access.user.id).await?.map(|t| t.id);
    let organizer = access.has(Role::Organizer);
    #[derive(sqlx::FromRow)]
    struct Listed {
        id: i64,
        mentor_id: i64,
        mentor: String,
        starts_at: i64,
        ends_at: i64,
        location: String,
        team_id: Option<i64>,
        team_name: Option<String>,
        notes: String,
        attended: Option<i64>,
    }
    let rows: Vec<Listed> = sqlx::query_as(
        "SELECT s.id, s.mentor_id, u.display_name AS mentor, s.starts_at, s.ends_at, s.location, s.team_id, \
         t.name AS team_name, COALESCE(b.notes, '') AS notes, b.attended \
         FROM mentor_slots s JOIN users u ON u.id = s.mentor_id LEFT JOIN teams t ON t.id = s.team_id \
         LEFT JOIN mentor_bookings b ON b.slot_id = s.id AND b.cancelled_at IS NULL AND b.team_id = s.team_id \
         WHERE s.event_id = $1 ORDER BY s.starts_at, u.display_name, s.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let slots = rows
        .into_iter()
        .map(|r| {
            let mine = team.is_some() && r.team_id == team;
            let own = r.mentor_id == access.user.id;
            SlotView {
                id: r.id,
                mentor: r.mentor,
                day: utc_to_display(r.starts_at, tz).chars().take(10).collect(),
                starts: crate::i18n::dates::for_reader(r.starts_at, tz),
                ends: crate::i18n::dates::until(r.starts_at, r.ends_at, tz, crate::i18n::request::request_lang()),
                location: r.location,
                // Who booked is visible to the mentor and organizers; others see "booked".
                team: r.team_name.filter(|_| own || organizer || mine),
                mine,
                notes: (own || organizer || mine).then_some(r.notes),
                attended: r.attended.map(|a| a != 0),
            }
        })
        .collect();
    Ok(Schedule {
        event_id,
        timezone: tz.name().to_owned(),
        slots,
        is_mentor: access.has(Role::Mentor),
        has_team: team.is_some(),
        is_organizer: organizer,
        me: access.user.display_name.clone(),
    })
}

/// A mentor offers a slot (times in the event's time zone).
#[server(prefix = "/api", endpoint = "sessions/offer")]
pub async fn offer_slot(event_id: i64, starts_at: String, ends_at: String, location: String) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Mentor]).await?;
    let db = access.db();
    let tz = crate::events::db::timezone(db, event_id).await?;
    let mut errors = Vec::new();
    let starts = local_to_utc(&starts_at, tz);
    let ends = local_to_utc(&ends_at, tz);
    if starts.is_none() {
        errors.push(FieldError::new("starts_at", Msg::ErrDateTime));
    }
    if ends.is_none() {
        errors.push(FieldError::new("ends_at", Msg::ErrDateTime));
    }
    let location = crate::events::domain::text(&mut errors, "location", &location, 120, false);
    let (Some(starts), Some(ends)) = (starts, ends) else {
        return Err(AppError::Invalid(errors));
    };
    let (event_starts, event_ends): (i64, i64) = sqlx::query_as("SELECT starts_at, ends_at FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_one(&db.pool)
        .await?;
    if let Some((field, key)) = slot_error(starts, ends, event_starts, event_ends) {
        errors.push(FieldError::new(field, key));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = db.begin_write().await?;
    let overlap: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM mentor_slots WHERE event_id = $1 AND mentor_id = $2 AND starts_at < $3 AND ends_at > $4",
    )
    .bind(event_id)
    .bind(access.user.id)
    .bind(ends)
    .bind(starts)
    .fetch_optional(&mut *tx)
    .await?;
    if overlap.is_some() {
        return Err(AppError::field("starts_at", Msg::ErrSlotOverlaps));
    }
    sqlx::query("INSERT INTO mentor_slots (event_id, mentor_id, starts_at, ends_at, location, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(event_id)
        .bind(access.user.id)
        .bind(starts)
        .bind(ends)
        .bind(&location)
        .bind(now())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A slot as stored, read before the gate is asked about its event.
#[cfg(feature = "ssr")]
#[derive(sqlx::FromRow)]
struct Slot {
    event_id: i64,
    mentor_id: i64,
    starts_at: i64,
    ends_at: i64,
    team_id: Option<i64>,
}

#[cfg(feature = "ssr")]
async fn slot_event(db: &crate::db::Db, slot_id: i64) -> Result<Slot, AppError> {
    let row: Option<Slot> =
        sqlx::query_as("SELECT event_id, mentor_id, starts_at, ends_at, team_id FROM mentor_slots WHERE id = $1")
            .bind(slot_id)
            .fetch_optional(&db.pool)
            .await?;
    row.ok_or(AppError::NotFound)
}

/// A team member books a free slot for their team.
#[server(prefix = "/api", endpoint = "sessions/book")]
pub async fn book_slot(slot_id: i64) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    let Slot { event_id, starts_at: starts, ends_at: ends, .. } = slot_event(authed.db(), slot_id).await?;
    let access = gate::event(event_id, &[Role::Participant]).await?;
    let team = crate::teams::db::team_of_user(access.db(), event_id, access.user.id)
        .await?
        .ok_or(AppError::Conflict(Msg::ErrNeedTeam))?;
    let mut tx = access.db().begin_write().await?;
    // Serialize this team's bookings on its row, so the overlap check below cannot race.
    sqlx::query("UPDATE teams SET member_count = member_count WHERE id = $1").bind(team.id).execute(&mut *tx).await?;
    let clash: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM mentor_slots WHERE team_id = $1 AND starts_at < $2 AND ends_at > $3")
            .bind(team.id)
            .bind(ends)
            .bind(starts)
            .fetch_optional(&mut *tx)
            .await?;
    if clash.is_some() {
        return Err(AppError::Conflict(Msg::ErrTeamBusyThen));
    }
    let booked = sqlx::query(
        "UPDATE mentor_slots SET team_id = $1, booked_by = $2, booked_at = $3 WHERE id = $4 AND team_id IS NULL",
    )
    .bind(team.id)
    .bind(access.user.id)
    .bind(now())
    .bind(slot_id)
    .execute(&mut *tx)
    .await?;
    if booked.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrSlotTaken));
    }
    let t = now();
    // A booking left standing by a team since deleted is closed first; then this team's
    // booking starts empty.
    sqlx::query("UPDATE mentor_bookings SET cancelled_at = $1 WHERE slot_id = $2 AND cancelled_at IS NULL")
        .bind(t)
        .bind(slot_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO mentor_bookings (slot_id, event_id, team_id, booked_by, booked_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(slot_id)
    .bind(event_id)
    .bind(team.id)
    .bind(access.user.id)
    .bind(t)
    .execute(&mut *tx)
    .await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "session.booked",
        None,
        Some(json!({ "slot": slot_id, "team": team.id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Cancels: the booking team frees the slot; the mentor (or an organizer) removes it.
#[server(prefix = "/api", endpoint = "sessions/cancel")]
pub async fn cancel_slot(slot_id: i64) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    let Slot { event_id, mentor_id, team_id, .. } = slot_event(authed.db(), slot_id).await?;
    let access = gate::event(event_id, &[Role::Participant, Role::Mentor, Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    if mentor_id == access.user.id || access.has(Role::Organizer) {
        sqlx::query("DELETE FROM mentor_slots WHERE id = $1").bind(slot_id).execute(&mut *tx).await?;
        audit(
            &mut tx,
            Some(event_id),
            Some(access.user.id),
            "session.removed",
            Some(json!({ "slot": slot_id, "team": team_id })),
            None,
        )
        .await?;
    } else {
        let mine = crate::teams::db::team_of_user(access.db(), event_id, access.user.id).await?.map(|t| t.id);
        if mine.is_none() || mine != team_id {
            return Err(AppError::Forbidden);
        }
        sqlx::query(
            "UPDATE mentor_slots SET team_id = NULL, booked_by = NULL, booked_at = NULL WHERE id = $1 AND team_id = $2",
        )
        .bind(slot_id)
        .bind(team_id)
        .execute(&mut *tx)
        .await?;
        // The booking, notes and attendance included, stays as history of this team's session.
        sqlx::query(
            "UPDATE mentor_bookings SET cancelled_at = $1 WHERE slot_id = $2 AND team_id = $3 AND cancelled_at IS NULL",
        )
        .bind(now())
        .bind(slot_id)
        .bind(team_id)
        .execute(&mut *tx)
        .await?;
        audit(
            &mut tx,
            Some(event_id),
            Some(access.user.id),
            "session.cancelled",
            Some(json!({ "slot": slot_id, "team": team_id })),
            None,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The slot's mentor writes notes and marks attendance ("yes", "no" or "" for unknown).
#[server(prefix = "/api", endpoint = "sessions/notes")]
pub async fn session_notes(slot_id: i64, notes: String, attended: String) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    let Slot { event_id, mentor_id, team_id, .. } = slot_event(authed.db(), slot_id).await?;
    let access = gate::event(event_id, &[Role::Mentor]).await?;
    if mentor_id != access.user.id {
        return Err(AppError::Forbidden);
    }
    if team_id.is_none() {
        return Err(AppError::Conflict(Msg::ErrSlotNotBooked));
    }
    let mut errors = Vec::new();
    let notes = crate::events::domain::text(&mut errors, "notes", &notes, NOTES_MAX, false);
    let attended = match attended.trim() {
        "" => None,
        "yes" => Some(1i64),
        "no" => Some(0),
        _ => {
            errors.push(FieldError::new("attended", Msg::ErrRequired));
            None
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    let done = sqlx::query("UPDATE mentor_bookings SET notes = $1, attended = $2 WHERE slot_id = $3 AND team_id = $4 AND cancelled_at IS NULL")
        .bind(&notes)
        .bind(attended)
        .bind(slot_id)
        .bind(team_id)
        .execute(&mut *tx)
        .await?;
    // The team cancelled between the read above and this write.
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrSlotNotBooked));
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Msg;

    #[test]
    fn slots_must_be_ordered_short_and_inside_the_event() {
        let (s, e) = (1_000_000, 2_000_000);
        assert_eq!(slot_error(s + 100, s + 100, s, e), Some(("ends_at", Msg::ErrEndsBeforeStart)));
        assert_eq!(slot_error(s + 100, s + 100 + 5 * 3600, s, e), Some(("ends_at", Msg::ErrSlotTooLong)));
        assert_eq!(slot_error(s - 100, s + 1000, s, e), Some(("starts_at", Msg::ErrWithinEvent)));
        assert_eq!(slot_error(s + 100, s + 1900, s, e), None);
    }
}

/// The sessions page: everyone with a role sees the schedule; mentors offer slots, team
/// members book them, mentors keep notes.
#[component]
pub fn SessionsPage() -> impl IntoView {
    use crate::i18n::{args, use_lang, Msg};
    use crate::ui::{action_error, Field, FormError, Submit};
    let lang = use_lang();
    let id = crate::ui::event_id_param();
    let data = Resource::new(move || id.get(), list_slots);
    let offer = ServerAction::<OfferSlot>::new();
    let book = ServerAction::<BookSlot>::new();
    let cancel = ServerAction::<CancelSlot>::new();
    let notes = ServerAction::<SessionNotes>::new();
    let (offer_errors, book_errors, cancel_errors, notes_errors) =
        (action_error(offer), action_error(book), action_error(cancel), action_error(notes));
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {move || data.get().map(|r| match r {
                Err(e) => crate::ui::failure(lang, &e),
                Ok(s) => {
                    let event_id = s.event_id;
                    view! {
                        <section class="form-page">
                            <h1>{lang.t(Msg::SessionsTitle)}</h1>
                            <p class="muted">{lang.format(args::TimesIn { timezone: &s.timezone })}</p>
                            {s.is_mentor.then(|| view! {
                                <h2>{lang.t(Msg::OfferSlot)}</h2>
                                <ActionForm action=offer>
                                    <FormError errors=offer_errors/>
                                    <input type="hidden" name="event_id" value=event_id/>
                                    <div class="row">
                                        <Field label=Msg::FieldSlotStarts name="starts_at" kind="datetime-local" errors=offer_errors required=true/>
                                        <Field label=Msg::FieldSlotEnds name="ends_at" kind="datetime-local" errors=offer_errors required=true/>
                                    </div>
                                    <Field label=Msg::FieldLocation name="location" errors=offer_errors dir_auto=true/>
                                    <Submit label=Msg::OfferSlot pending=offer.pending()/>
                                </ActionForm>
                            })}
                            <FormError errors=book_errors/>
                            <FormError errors=cancel_errors/>
                            <FormError errors=notes_errors/>
                            {s.slots.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                            <ul class="cards slots">
                                {s.slots.clone().into_iter().map(|slot| {
                                    let own = s.is_mentor && slot.mentor == s.me;
                                    let free = slot.team.is_none() && !slot.mine && slot.notes.is_none();
                                    let can_book = s.has_team && free;
                                    let can_remove = own || s.is_organizer;
                                    view! {
                                        <li class="card" class:mine=slot.mine>
                                            <p><strong><time>{slot.starts.clone()}</time> " – " <time>{slot.ends.clone()}</time></strong></p>
                                            <p dir="auto">{slot.mentor.clone()} {(!slot.location.is_empty()).then(|| format!(" · {}", slot.location))}</p>
                                            <p>{match (&slot.team, free) {
                                                (Some(t), _) => lang.format(args::BookedBy { name: t }),
                                                (None, true) => lang.t(Msg::SlotFree).to_owned(),
                                                (None, false) => lang.t(Msg::SlotBooked).to_owned(),
                                            }}</p>
                                            {slot.attended.map(|a| view! { <p class="badge">{lang.t(if a { Msg::Attended } else { Msg::Absent })}</p> })}
                                            {slot.notes.clone().filter(|n| !n.is_empty() && !own).map(|n| view! { <p class="description" dir="auto">{n}</p> })}
                                            {can_book.then(|| view! {
                                                <ActionForm action=book attr:class="inline">
                                                    <input type="hidden" name="slot_id" value=slot.id/>
                                                    <button type="submit" class="button primary">{lang.t(Msg::Book)}</button>
                                                </ActionForm>
                                            })}
                                            {(slot.mine && !own).then(|| view! {
                                                <ActionForm action=cancel attr:class="inline">
                                                    <input type="hidden" name="slot_id" value=slot.id/>
                                                    <button type="submit" class="button">{lang.t(Msg::CancelBooking)}</button>
                                                </ActionForm>
                                            })}
                                            {(own && slot.team.is_some()).then(|| {
                                                let notes_id = format!("f-notes-{}", slot.id);
                                                let attended_id = format!("f-attended-{}", slot.id);
                                                view! {
                                                    <ActionForm action=notes>
                                                        <input type="hidden" name="slot_id" value=slot.id/>
                                                        <label for=notes_id.clone()>{lang.t(Msg::SessionNotes)}</label>
                                                        <textarea id=notes_id name="notes" rows="3" dir="auto">{crate::ui::escape_html(&slot.notes.clone().unwrap_or_default())}</textarea>
                                                        <label for=attended_id.clone()>{lang.t(Msg::Attendance)}</label>
                                                        <select id=attended_id name="attended">
                                                            <option value="" selected=slot.attended.is_none()>"—"</option>
                                                            <option value="yes" selected=slot.attended == Some(true)>{lang.t(Msg::Attended)}</option>
                                                            <option value="no" selected=slot.attended == Some(false)>{lang.t(Msg::Absent)}</option>
                                                        </select>
                                                        <button type="submit" class="button">{lang.t(Msg::Save)}</button>
                                                    </ActionForm>
                                                }
                                            })}
                                            {can_remove.then(|| view! {
                                                <ActionForm action=cancel attr:class="inline">
                                                    <input type="hidden" name="slot_id" value=slot.id/>
                                                    <button type="submit" class="button link danger">{lang.t(Msg::Remove)}</button>
                                                </ActionForm>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }.into_any()
                }
            })}
        </Suspense>
    }
}
