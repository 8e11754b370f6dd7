//! The events server functions. Each starts at the authorization gate; creating and
//! editing parse the whole form once into the domain's event before anything is written.

use super::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::Track,
    crate::auth::gate::{self, Caller},
    crate::db::{audit, now, Db},
    crate::error::AppResult,
    crate::i18n::{request::request_lang, Lang, Localized},
    serde_json::json,
};

/// Every event's public card. Public.
#[server(prefix = "/api", endpoint = "events/list")]
pub async fn list_events() -> Result<Vec<EventSummary>, AppError> {
    let caller = gate::public().await?;
    Ok(db::list(caller.db()).await?.iter().map(summary).collect())
}

/// An event's public page, with the caller's roles in it. Public.
#[server(prefix = "/api", endpoint = "events/page")]
pub async fn event_page(id: i64) -> Result<EventPageData, AppError> {
    let caller = gate::public().await?;
    page(&caller, id).await
}

/// Creates an event; its creator becomes its first organizer. Accounts allowed to create events.
#[server(prefix = "/api", endpoint = "events/create")]
pub async fn create_event(#[server(flatten)] event: EventInput) -> Result<i64, AppError> {
    let authed = gate::signed_in().await?;
    if !authed.user.can_create_events {
        return Err(AppError::Forbidden);
    }
    let input = domain::Event::parse(&event).map_err(AppError::Invalid)?;
    let mut tx = authed.db().begin_write().await?;
    let id = db::insert(&mut tx, &input, authed.user.id).await?;
    audit(&mut tx, Some(id), Some(authed.user.id), "event.created", None, serde_json::to_value(&input).ok()).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{id}/manage"));
    Ok(id)
}

/// The organizer's editable view of an event. Organizers only.
#[server(prefix = "/api", endpoint = "events/form")]
pub async fn event_form(id: i64) -> Result<EventFormData, AppError> {
    let access = gate::event(id, &[Role::Organizer]).await?;
    form_data(access.db(), id).await
}

/// Saves the organizer's edit of an event made on `version`. Organizers only.
#[server(prefix = "/api", endpoint = "events/update")]
pub async fn update_event(id: i64, version: i64, #[server(flatten)] event: EventInput) -> Result<(), AppError> {
    let access = gate::event_write(id, &[Role::Organizer]).await?;
    let input = domain::Event::parse(&event).map_err(AppError::Invalid)?;
    let mut tx = access.db().begin_write().await?;
    let before = db::event(access.db(), id).await?.map(|r| r.input());
    if !db::update(&mut tx, id, version, &input).await? {
        // Someone saved after this form was loaded: refuse rather than overwrite their work.
        return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
    }
    audit(
        &mut tx,
        Some(id),
        Some(access.user.id),
        "event.updated",
        before.and_then(|b| serde_json::to_value(&b).ok()),
        serde_json::to_value(&input).ok(),
    )
    .await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{id}/manage?saved=1"));
    Ok(())
}

/// Adds a track, named (and described) in one or more languages. Organizers only.
#[server(prefix = "/api", endpoint = "events/add-track")]
pub async fn add_track(event_id: i64, #[server(flatten)] track: TrackInput) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut errors = Vec::new();
    let name = Localized::parse(
        &mut errors,
        "track_name",
        [&track.track_name_ar, &track.track_name_fr, &track.track_name_en],
        domain::TRACK_NAME_MAX,
        true,
    );
    let description = Localized::parse(
        &mut errors,
        "track_description",
        [&track.track_description_ar, &track.track_description_fr, &track.track_description_en],
        domain::TRACK_DESCRIPTION_MAX,
        false,
    );
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    if db::insert_track(&mut tx, event_id, &name, &description).await?.is_none() {
        drop(tx);
        return Err(AppError::field(&clashing_name(access.db(), event_id, &name).await?, Msg::ErrTrackExists));
    }
    audit(&mut tx, Some(event_id), Some(access.user.id), "track.added", None, Some(json!({ "name": name }))).await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "events/remove-track")]
pub async fn remove_track(event_id: i64, track_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    let Some(name) = db::remove_track(&mut tx, event_id, track_id).await? else {
        return Err(AppError::NotFound);
    };
    audit(&mut tx, Some(event_id), Some(access.user.id), "track.removed", Some(json!({ "name": name })), None).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes an existing account a co-organizer. Organizers only.
#[server(prefix = "/api", endpoint = "events/add-organizer")]
pub async fn add_organizer(event_id: i64, organizer_email: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let email =
        crate::auth::domain::Email::parse(&organizer_email).map_err(|k| AppError::field("organizer_email", k))?;
    let Some(crate::auth::db::Account { user, .. }) =
        crate::auth::db::user_by_email(access.db(), email.as_str()).await?
    else {
        return Err(AppError::field("organizer_email", Msg::ErrNoSuchAccount));
    };
    let mut tx = access.db().begin_write().await?;
    if db::grant(&mut tx, event_id, user.id, Role::Organizer, Some(access.user.id)).await? {
        audit(
            &mut tx,
            Some(event_id),
            Some(access.user.id),
            "role.granted",
            None,
            Some(json!({ "user": user.id, "role": "organizer" })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Joins an event as a participant while its registration is open. Any account.
#[server(prefix = "/api", endpoint = "events/join")]
pub async fn join_event(event_id: i64) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    gate::ensure_writable(authed.db(), event_id).await?;
    let row = db::event(authed.db(), event_id).await?.ok_or(AppError::NotFound)?;
    if !domain::registration_open(row.input.registration_opens, row.input.registration_closes, now()) {
        return Err(AppError::Conflict(Msg::ErrRegistrationClosed));
    }
    let mut tx = authed.db().begin_write().await?;
    if db::grant(&mut tx, event_id, authed.user.id, Role::Participant, None).await? {
        audit(&mut tx, Some(event_id), Some(authed.user.id), "event.joined", None, None).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Archives the event: from now on it is read-only for everyone (the gate refuses every
/// write), and stays readable and exportable. Before its results are due only when the
/// organizer confirms the event is over (`confirm`). Organizers only; an archived event is
/// refused (409) like any other write.
#[server(prefix = "/api", endpoint = "events/archive")]
pub async fn archive_event(event_id: i64, confirm: Option<String>) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let ending = db::ending(access.db(), event_id).await?.ok_or(AppError::NotFound)?;
    let at = now();
    domain::may_archive(ending.results_at, at, confirm.is_some()).map_err(|e| AppError::Invalid(vec![e]))?;
    let mut tx = access.db().begin_write().await?;
    if !db::archive(&mut tx, event_id, at).await? {
        // Archived meanwhile by another organizer.
        return Err(AppError::Conflict(Msg::ErrEventArchived));
    }
    audit(&mut tx, Some(event_id), Some(access.user.id), "event.archived", None, None).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{event_id}/dashboard"));
    Ok(())
}

/// Makes an archived event writable again, so a mistaken archive is not a trap. Organizers
/// only. One of the two writes that go through the gate's read entry: it acts on archived
/// events alone.
#[server(prefix = "/api", endpoint = "events/unarchive")]
pub async fn unarchive_event(event_id: i64) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    if !db::unarchive(&mut tx, event_id).await? {
        return Err(AppError::Conflict(Msg::ErrEventNotArchived));
    }
    audit(&mut tx, Some(event_id), Some(access.user.id), "event.unarchived", None, None).await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{event_id}/dashboard"));
    Ok(())
}

/// Deletes an archived event and everything of it, once the whole event was downloaded
/// (export.zip) since it was archived and the organizer typed its name (`confirm_name`).
/// Organizers only; the other write through the gate's read entry, as it acts on archived
/// events alone. The deletion itself is recorded with no event (the event is gone).
#[server(prefix = "/api", endpoint = "events/delete")]
pub async fn delete_event(event_id: i64, confirm_name: String) -> Result<(), AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let ending = db::ending(access.db(), event_id).await?.ok_or(AppError::NotFound)?;
    domain::may_delete(ending.archived_at, ending.exported_at, &ending.name, &confirm_name)?;
    let mut tx = access.db().begin_write().await?;
    if !db::delete(&mut tx, event_id).await? {
        // Unarchived meanwhile (which also forgets the export).
        return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
    }
    audit(
        &mut tx,
        None,
        Some(access.user.id),
        "event.deleted",
        Some(json!({ "event": event_id, "name": ending.name })),
        None,
    )
    .await?;
    tx.commit().await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// Where the event stands in its ending, for its organizers' dashboard.
#[cfg(feature = "ssr")]
pub async fn ending(db: &Db, event_id: i64) -> AppResult<EventEnding> {
    let end = db::ending(db, event_id).await?.ok_or(AppError::NotFound)?;
    Ok(EventEnding {
        archived: end.archived_at.is_some(),
        results_due: now() < end.results_at,
        exported_since_archived: domain::exported_since_archived(end.archived_at, end.exported_at),
    })
}

/// The input of a refused track name that clashes with one of the event's tracks: the first
/// language in which another track has that name, else (the names written first are equal)
/// the first language written.
#[cfg(feature = "ssr")]
async fn clashing_name(db: &Db, event_id: i64, name: &Localized) -> AppResult<String> {
    let taken = db::tracks(db, event_id).await?;
    let clash = Lang::ALL
        .into_iter()
        .find(|l| !name.get(*l).is_empty() && taken.iter().any(|t| t.name().get(*l) == name.get(*l)))
        .or_else(|| Lang::ALL.into_iter().find(|l| !name.get(*l).is_empty()))
        .unwrap_or(Lang::Ar);
    Ok(crate::i18n::input_name("track_name", clash))
}

/// The tracks as a reader of `lang` sees them.
#[cfg(feature = "ssr")]
fn tracks(rows: Vec<db::TrackRow>, lang: Lang) -> Vec<Track> {
    rows.into_iter()
        .map(|t| {
            let (name, description) = (t.name(), t.description());
            Track {
                id: t.id,
                name: name.pick(lang).to_owned(),
                name_lang: name.picked_lang(lang),
                description: description.pick(lang).to_owned(),
                description_lang: description.picked_lang(lang),
            }
        })
        .collect()
}

#[cfg(feature = "ssr")]
async fn form_data(db: &Db, id: i64) -> AppResult<EventFormData> {
    let row = db::event(db, id).await?.ok_or(AppError::NotFound)?;
    let e = row.input();
    let z = domain::timezone_or_utc(&e.timezone);
    let t = |ts| domain::utc_to_local_input(ts, z);
    let fields = vec![
        ("name", e.name.clone()),
        ("description_ar", e.description.ar.clone()),
        ("description_fr", e.description.fr.clone()),
        ("description_en", e.description.en.clone()),
        ("venue", e.venue.clone()),
        ("timezone", e.timezone.clone()),
        ("starts_at", t(e.starts_at)),
        ("ends_at", t(e.ends_at)),
        ("team_min", e.team_min.to_string()),
        ("team_max", e.team_max.to_string()),
        ("registration_opens", t(e.registration_opens)),
        ("registration_closes", t(e.registration_closes)),
        ("hacking_starts", t(e.hacking_starts)),
        ("submission_deadline", t(e.submission_deadline)),
        ("judging_opens", t(e.judging_opens)),
        ("judging_closes", t(e.judging_closes)),
        ("results_at", t(e.results_at)),
    ];
    let people = super::people::db::people(db, id)
        .await?
        .into_iter()
        .filter_map(|p| {
            Some(super::people::Person {
                role: Role::from_code(&p.role)?,
                user_id: p.user_id,
                name: p.display_name,
                email: p.email,
                retired: p.retired_at.is_some(),
                scored: p.scored == 1,
            })
        })
        .collect();
    Ok(EventFormData {
        id,
        version: row.version,
        fields: fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        tracks: tracks(db::tracks(db, id).await?, request_lang()),
        people,
        archived: db::ending(db, id).await?.is_some_and(|end| end.archived_at.is_some()),
    })
}

#[cfg(feature = "ssr")]
fn summary(row: &db::EventRow) -> EventSummary {
    EventSummary {
        id: row.id,
        name: row.input.name.clone(),
        venue: row.input.venue.clone(),
        starts: crate::i18n::dates::for_reader(row.input.starts_at, domain::timezone_or_utc(&row.input.timezone)),
        timezone: row.input.timezone.clone(),
    }
}

#[cfg(feature = "ssr")]
async fn page(caller: &Caller, id: i64) -> AppResult<EventPageData> {
    let db = caller.db();
    let row = db::event(db, id).await?.ok_or(AppError::NotFound)?;
    let e = row.input();
    let z = domain::timezone_or_utc(&e.timezone);
    let d = |ts| crate::i18n::dates::for_reader(ts, z);
    let my_roles = caller.roles_in(id).await?;
    Ok(EventPageData {
        id,
        schedule: vec![
            (Msg::FieldStartsAt, d(e.starts_at)),
            (Msg::FieldRegistrationOpens, d(e.registration_opens)),
            (Msg::FieldRegistrationCloses, d(e.registration_closes)),
            (Msg::FieldHackingStarts, d(e.hacking_starts)),
            (Msg::FieldSubmissionDeadline, d(e.submission_deadline)),
            (Msg::FieldJudgingOpens, d(e.judging_opens)),
            (Msg::FieldJudgingCloses, d(e.judging_closes)),
            (Msg::FieldResultsAt, d(e.results_at)),
            (Msg::FieldEndsAt, d(e.ends_at)),
        ],
        registration_open: domain::registration_open(e.registration_opens, e.registration_closes, now()),
        archived: db::ending(db, id).await?.is_some_and(|end| end.archived_at.is_some()),
        tracks: tracks(db::tracks(db, id).await?, request_lang()),
        description: e.description.pick(request_lang()).to_owned(),
        description_lang: e.description.picked_lang(request_lang()),
        name: e.name,
        venue: e.venue,
        timezone: e.timezone,
        team_min: e.team_min,
        team_max: e.team_max,
        my_roles,
    })
}
