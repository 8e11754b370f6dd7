//! Help request queries. A claim first touches the mentor's `users` row (`serialize_claims`)
//! and then takes the request with `UPDATE … WHERE status = 'open'`, so a mentor holds at most
//! one request and of two mentors racing for one request exactly one wins.

use crate::db::{now, Db, Tx};

/// A help request with its team's and its mentor's names.
#[derive(sqlx::FromRow)]
pub struct HelpRow {
    pub id: i64,
    pub team_id: i64,
    pub team: String,
    pub topic: String,
    pub skill: String,
    pub location: String,
    pub description: String,
    pub status: String,
    pub created_at: i64,
    pub claimed_by: Option<i64>,
    pub mentor: Option<String>,
    pub claimed_at: Option<i64>,
    pub resolved_at: Option<i64>,
    /// The mentor whose claim last went back to the queue for being held too long, and when.
    pub expired_from: Option<i64>,
    pub expired_at: Option<i64>,
}

/// Every request of the event, oldest first.
pub async fn requests_of_event(db: &Db, event_id: i64) -> Result<Vec<HelpRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT h.id, h.team_id, t.name AS team, h.topic, h.skill, h.location, h.description, h.status, h.created_at, \
         h.claimed_by, u.display_name AS mentor, h.claimed_at, h.resolved_at, h.expired_from, h.expired_at \
         FROM help_requests h JOIN teams t ON t.id = h.team_id \
         LEFT JOIN users u ON u.id = h.claimed_by WHERE h.event_id = $1 ORDER BY h.created_at, h.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await
}

/// The mentor's expertise tags as saved in their profile, if they saved one.
pub async fn mentor_expertise(db: &Db, event_id: i64, user_id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT expertise FROM mentor_profiles WHERE event_id = $1 AND user_id = $2")
        .bind(event_id)
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await
}

/// A request as a team raises it, checked.
pub struct NewRequest<'a> {
    pub event_id: i64,
    pub team_id: i64,
    pub topic: &'a str,
    pub skill: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    pub created_by: i64,
}

pub async fn insert_request(tx: &mut Tx, r: &NewRequest<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO help_requests (event_id, team_id, topic, skill, location, description, status, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8)",
    )
    .bind(r.event_id)
    .bind(r.team_id)
    .bind(r.topic)
    .bind(r.skill)
    .bind(r.location)
    .bind(r.description)
    .bind(r.created_by)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Where a help request belongs and who holds it, read before the gate is asked about its event.
#[derive(sqlx::FromRow)]
pub struct RequestRow {
    pub event_id: i64,
    pub team_id: i64,
    pub claimed_by: Option<i64>,
}

pub async fn request(db: &Db, request_id: i64) -> Result<Option<RequestRow>, sqlx::Error> {
    sqlx::query_as("SELECT event_id, team_id, claimed_by FROM help_requests WHERE id = $1")
        .bind(request_id)
        .fetch_optional(&db.pool)
        .await
}

/// Serializes this mentor's claims on their `users` row, for the rest of the transaction.
pub async fn serialize_claims(tx: &mut Tx, mentor_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET created_at = created_at WHERE id = $1").bind(mentor_id).execute(&mut **tx).await?;
    Ok(())
}

/// Whether the mentor already holds a claimed request.
pub async fn holds_a_request(tx: &mut Tx, mentor_id: i64) -> Result<bool, sqlx::Error> {
    let holding: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM help_requests WHERE claimed_by = $1 AND status = 'claimed'")
            .bind(mentor_id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(holding.is_some())
}

/// Takes an open request for the mentor; whether it was still open.
pub async fn claim(tx: &mut Tx, request_id: i64, mentor_id: i64) -> Result<bool, sqlx::Error> {
    let taken = sqlx::query("UPDATE help_requests SET status = 'claimed', claimed_by = $1, claimed_at = $2 WHERE id = $3 AND status = 'open'")
        .bind(mentor_id)
        .bind(now())
        .bind(request_id)
        .execute(&mut **tx)
        .await?;
    Ok(taken.rows_affected() == 1)
}

/// Hands a request the mentor holds back to the queue; whether they held it.
pub async fn release(tx: &mut Tx, request_id: i64, mentor_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE help_requests SET status = 'open', claimed_by = NULL, claimed_at = NULL WHERE id = $1 AND status = 'claimed' AND claimed_by = $2")
        .bind(request_id)
        .bind(mentor_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks an open or claimed request resolved; whether it was still open or claimed. The mentor
/// who held it has now mentored the team (a conflict of interest for judging it).
pub async fn resolve(tx: &mut Tx, request_id: i64) -> Result<bool, sqlx::Error> {
    let done: Option<(i64, Option<i64>)> = sqlx::query_as(
        "UPDATE help_requests SET status = 'resolved', resolved_at = $1 WHERE id = $2 AND status IN ('open', 'claimed') \
         RETURNING team_id, claimed_by",
    )
    .bind(now())
    .bind(request_id)
    .fetch_optional(&mut **tx)
    .await?;
    let Some((team_id, mentor)) = done else { return Ok(false) };
    if let Some(mentor_id) = mentor {
        crate::mentoring::record_mentorship(tx, team_id, mentor_id, crate::mentoring::MentorshipSource::Help).await?;
    }
    Ok(true)
}

/// Hands an open or claimed request to a mentor (an organizer's choice); the mentor who held
/// it before, if any, or `None` when the request is no longer open or claimed.
pub async fn hand_to(tx: &mut Tx, request_id: i64, mentor_id: i64) -> Result<Option<Option<i64>>, sqlx::Error> {
    let before: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT claimed_by FROM help_requests WHERE id = $1 AND status IN ('open', 'claimed')")
            .bind(request_id)
            .fetch_optional(&mut **tx)
            .await?;
    let Some((before,)) = before else { return Ok(None) };
    let done = sqlx::query(
        "UPDATE help_requests SET status = 'claimed', claimed_by = $1, claimed_at = $2 \
         WHERE id = $3 AND status IN ('open', 'claimed')",
    )
    .bind(mentor_id)
    .bind(now())
    .bind(request_id)
    .execute(&mut **tx)
    .await?;
    Ok((done.rows_affected() == 1).then_some(before))
}

/// Minutes a mentor may hold one of the event's requests before it goes back to the queue.
pub async fn claim_minutes(db: &Db, event_id: i64) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT help_claim_minutes FROM events WHERE id = $1").bind(event_id).fetch_one(&db.pool).await
}

/// Sets the event's claim limit; the limit it had.
pub async fn set_claim_minutes(tx: &mut Tx, event_id: i64, minutes: i64) -> Result<i64, sqlx::Error> {
    let before: i64 = sqlx::query_scalar("SELECT help_claim_minutes FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_one(&mut **tx)
        .await?;
    sqlx::query("UPDATE events SET help_claim_minutes = $1 WHERE id = $2")
        .bind(minutes)
        .bind(event_id)
        .execute(&mut **tx)
        .await?;
    Ok(before)
}

/// A claim that went back to the queue for being held past the event's limit.
#[derive(sqlx::FromRow)]
pub struct ExpiredClaim {
    pub id: i64,
    pub event_id: i64,
    pub expired_from: Option<i64>,
}

/// Whether any claim, in an event not archived, has been held past its event's limit at `t`:
/// asked first, so the sweep writes (and on SQLite takes the write lock) only when it must.
pub async fn any_stale_claim(db: &Db, t: i64) -> Result<bool, sqlx::Error> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT h.id FROM help_requests h JOIN events e ON e.id = h.event_id \
         WHERE h.status = 'claimed' AND e.archived_at IS NULL AND h.claimed_at <= $1 - 60 * e.help_claim_minutes LIMIT 1",
    )
    .bind(t)
    .fetch_optional(&db.pool)
    .await?;
    Ok(found.is_some())
}

/// Hands every claim held past its event's limit at `t` back to the queue, remembering whose
/// it was. An archived event is left as it is (it is only read).
pub async fn expire_stale_claims(tx: &mut Tx, t: i64) -> Result<Vec<ExpiredClaim>, sqlx::Error> {
    // The right-hand sides read the row as it was, so `expired_from` takes the old holder.
    sqlx::query_as(
        "UPDATE help_requests SET status = 'open', expired_from = claimed_by, expired_at = $1, \
         claimed_by = NULL, claimed_at = NULL \
         WHERE status = 'claimed' AND claimed_at <= $1 - 60 * \
         (SELECT e.help_claim_minutes FROM events e WHERE e.id = help_requests.event_id AND e.archived_at IS NULL) \
         RETURNING id, event_id, expired_from",
    )
    .bind(t)
    .fetch_all(&mut **tx)
    .await
}

/// Withdraws an open or claimed request; whether it was still open or claimed.
pub async fn cancel(tx: &mut Tx, request_id: i64) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("UPDATE help_requests SET status = 'cancelled' WHERE id = $1 AND status IN ('open', 'claimed')")
            .bind(request_id)
            .execute(&mut **tx)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Hands every request a mentor is handling back to the queue, as their own release would:
/// for a mentor who is no longer one. Resolved requests keep who handled them. Returns the
/// requests handed back.
pub async fn release_all_of(tx: &mut Tx, event_id: i64, mentor_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    let mut ids: Vec<i64> = sqlx::query_scalar(
        "UPDATE help_requests SET status = 'open', claimed_by = NULL, claimed_at = NULL \
         WHERE event_id = $1 AND claimed_by = $2 AND status = 'claimed' RETURNING id",
    )
    .bind(event_id)
    .bind(mentor_id)
    .fetch_all(&mut **tx)
    .await?;
    ids.sort_unstable();
    Ok(ids)
}
