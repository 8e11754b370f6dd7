//! Session queries. A slot is booked by `UPDATE … WHERE team_id IS NULL` (one team wins), and
//! a team's bookings are serialized on its `teams` row (`serialize_bookings`), so two
//! bookings of overlapping slots by one team cannot both pass the overlap check.

use crate::db::{now, Db, Tx};

/// A slot with its mentor's name and, if booked, its team and the booking's notes.
#[derive(sqlx::FromRow)]
pub struct ListedSlot {
    pub id: i64,
    pub mentor_id: i64,
    pub mentor: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub location: String,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    pub notes: String,
    pub attended: Option<i64>,
}

/// The event's slots in time order.
pub async fn slots_of_event(db: &Db, event_id: i64) -> Result<Vec<ListedSlot>, sqlx::Error> {
    sqlx::query_as(
        "SELECT s.id, s.mentor_id, u.display_name AS mentor, s.starts_at, s.ends_at, s.location, s.team_id, \
         t.name AS team_name, COALESCE(b.notes, '') AS notes, b.attended \
         FROM mentor_slots s JOIN users u ON u.id = s.mentor_id LEFT JOIN teams t ON t.id = s.team_id \
         LEFT JOIN mentor_bookings b ON b.slot_id = s.id AND b.cancelled_at IS NULL AND b.team_id = s.team_id \
         WHERE s.event_id = $1 AND s.withdrawn_at IS NULL ORDER BY s.starts_at, u.display_name, s.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await
}

/// When the event starts and ends, which slots must fall between.
#[derive(sqlx::FromRow)]
pub struct EventSpan {
    pub starts_at: i64,
    pub ends_at: i64,
}

pub async fn event_span(db: &Db, event_id: i64) -> Result<EventSpan, sqlx::Error> {
    sqlx::query_as("SELECT starts_at, ends_at FROM events WHERE id = $1").bind(event_id).fetch_one(&db.pool).await
}

/// Whether the mentor already offers a slot overlapping `starts`..`ends`.
pub async fn mentor_busy(
    tx: &mut Tx,
    event_id: i64,
    mentor_id: i64,
    starts: i64,
    ends: i64,
) -> Result<bool, sqlx::Error> {
    let overlap: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM mentor_slots WHERE event_id = $1 AND mentor_id = $2 AND starts_at < $3 AND ends_at > $4 \
         AND withdrawn_at IS NULL",
    )
    .bind(event_id)
    .bind(mentor_id)
    .bind(ends)
    .bind(starts)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(overlap.is_some())
}

pub async fn insert_slot(
    tx: &mut Tx,
    event_id: i64,
    mentor_id: i64,
    starts: i64,
    ends: i64,
    location: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO mentor_slots (event_id, mentor_id, starts_at, ends_at, location, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(event_id)
        .bind(mentor_id)
        .bind(starts)
        .bind(ends)
        .bind(location)
        .bind(now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// A slot as stored, read before the gate is asked about its event.
#[derive(sqlx::FromRow)]
pub struct SlotRow {
    pub event_id: i64,
    pub mentor_id: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub team_id: Option<i64>,
}

pub async fn slot(db: &Db, slot_id: i64) -> Result<Option<SlotRow>, sqlx::Error> {
    sqlx::query_as("SELECT event_id, mentor_id, starts_at, ends_at, team_id FROM mentor_slots WHERE id = $1")
        .bind(slot_id)
        .fetch_optional(&db.pool)
        .await
}

/// Serializes this team's bookings on its row, for the rest of the transaction.
pub async fn serialize_bookings(tx: &mut Tx, team_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE teams SET member_count = member_count WHERE id = $1").bind(team_id).execute(&mut **tx).await?;
    Ok(())
}

/// Whether the team already holds a slot overlapping `starts`..`ends`.
pub async fn team_busy(tx: &mut Tx, team_id: i64, starts: i64, ends: i64) -> Result<bool, sqlx::Error> {
    let clash: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM mentor_slots WHERE team_id = $1 AND starts_at < $2 AND ends_at > $3")
            .bind(team_id)
            .bind(ends)
            .bind(starts)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(clash.is_some())
}

/// Books a free slot for the team; whether it was still free.
pub async fn take_slot(tx: &mut Tx, slot_id: i64, team_id: i64, booked_by: i64) -> Result<bool, sqlx::Error> {
    let booked = sqlx::query(
        "UPDATE mentor_slots SET team_id = $1, booked_by = $2, booked_at = $3 WHERE id = $4 AND team_id IS NULL \
         AND withdrawn_at IS NULL",
    )
    .bind(team_id)
    .bind(booked_by)
    .bind(now())
    .bind(slot_id)
    .execute(&mut **tx)
    .await?;
    Ok(booked.rows_affected() == 1)
}

/// Opens the team's booking of a slot just taken. A booking left standing by a team since
/// deleted is closed first; then this team's booking starts empty.
pub async fn open_booking(
    tx: &mut Tx,
    slot_id: i64,
    event_id: i64,
    team_id: i64,
    booked_by: i64,
) -> Result<(), sqlx::Error> {
    let t = now();
    sqlx::query("UPDATE mentor_bookings SET cancelled_at = $1 WHERE slot_id = $2 AND cancelled_at IS NULL")
        .bind(t)
        .bind(slot_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query(
        "INSERT INTO mentor_bookings (slot_id, event_id, team_id, booked_by, booked_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(slot_id)
    .bind(event_id)
    .bind(team_id)
    .bind(booked_by)
    .bind(t)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

pub async fn delete_slot(tx: &mut Tx, slot_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM mentor_slots WHERE id = $1").bind(slot_id).execute(&mut **tx).await?;
    Ok(())
}

/// Frees the team's slot. The booking, notes and attendance included, stays as history of
/// this team's session.
pub async fn free_slot(tx: &mut Tx, slot_id: i64, team_id: Option<i64>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE mentor_slots SET team_id = NULL, booked_by = NULL, booked_at = NULL WHERE id = $1 AND team_id = $2",
    )
    .bind(slot_id)
    .bind(team_id)
    .execute(&mut **tx)
    .await?;
    sqlx::query(
        "UPDATE mentor_bookings SET cancelled_at = $1 WHERE slot_id = $2 AND team_id = $3 AND cancelled_at IS NULL",
    )
    .bind(now())
    .bind(slot_id)
    .bind(team_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Saves the mentor's notes and attendance on the standing booking; whether there was one
/// (the team may have cancelled meanwhile).
pub async fn save_notes(
    tx: &mut Tx,
    slot_id: i64,
    team_id: Option<i64>,
    notes: &str,
    attended: Option<i64>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE mentor_bookings SET notes = $1, attended = $2 WHERE slot_id = $3 AND team_id = $4 AND cancelled_at IS NULL")
        .bind(notes)
        .bind(attended)
        .bind(slot_id)
        .bind(team_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// What withdrawing a removed mentor's slots did.
#[derive(Debug, Default)]
pub struct Withdrawn {
    pub slots: u64,
    /// The teams whose standing booking was cancelled (none when the team is gone).
    pub teams: Vec<i64>,
}

/// Withdraws the slots of a mentor who is no longer one: those not yet ended, and free ones
/// whenever they were (nobody may book them now). A standing booking of a withdrawn slot is
/// cancelled, not deleted: it keeps its notes as the team's history, as when a team cancels.
/// Sessions that took place stay as they were. Withdrawn slots are no longer listed, booked or
/// counted against the mentor's new slots; the sessions export still shows them.
pub async fn withdraw_mentor_slots(
    tx: &mut Tx,
    event_id: i64,
    mentor_id: i64,
    at: i64,
) -> Result<Withdrawn, sqlx::Error> {
    const WITHDRAWN: &str =
        "event_id = $2 AND mentor_id = $3 AND withdrawn_at IS NULL AND (ends_at > $1 OR team_id IS NULL)";
    let teams: Vec<Option<i64>> = sqlx::query_scalar(&format!(
        "UPDATE mentor_bookings SET cancelled_at = $1 WHERE cancelled_at IS NULL \
         AND slot_id IN (SELECT id FROM mentor_slots WHERE {WITHDRAWN}) RETURNING team_id"
    ))
    .bind(at)
    .bind(event_id)
    .bind(mentor_id)
    .fetch_all(&mut **tx)
    .await?;
    let slots = sqlx::query(&format!(
        "UPDATE mentor_slots SET withdrawn_at = $1, team_id = NULL, booked_by = NULL, booked_at = NULL WHERE {WITHDRAWN}"
    ))
    .bind(at)
    .bind(event_id)
    .bind(mentor_id)
    .execute(&mut **tx)
    .await?
    .rows_affected();
    let mut teams: Vec<i64> = teams.into_iter().flatten().collect();
    teams.sort_unstable();
    Ok(Withdrawn { slots, teams })
}
