//! Deleting an account (the right to erasure of Moroccan law 09-08, art. 8), in one
//! transaction, so that nothing is half done.
//!
//! The `users` row is not deleted: it stays as an anonymous placeholder, "Deleted account #N"
//! with no address (`deleted:N`, not an address any form accepts) and no usable password,
//! marked `deleted_at`. Everything that makes the results of an event stays attached to it:
//! the scores and comments the person gave as a judge and their edit history, their edits in
//! their team's project history, the screenshots they uploaded, the notes they wrote on mentoring
//! sessions that took place. So every event's ranking and normalization are the same before
//! and after. What is about the person goes:
//!
//! - their name, address and password, their per-event profiles (skills, languages, bio) and
//!   mentor profiles (expertise, bio, contact), their join requests and their messages;
//! - their team memberships: the captain's role passes to the longest-standing member left, as
//!   when a captain leaves (a team whose last member goes stays, with its project and scores,
//!   for the organizers to keep or dissolve). The organizers' team lock does not hold a person
//!   in a team they want to leave for good;
//! - their roles, but the judge role in an event where they scored (the organizers' console
//!   keeps listing the placeholder, marked unavailable, beside the scores it gave); their
//!   unscored judge assignments, declared conflicts, mentor assignments and mentoring history,
//!   mentoring slots still to come, and any help request they were handling goes back to the
//!   queue;
//! - every session (the password and the session epoch change), every judge pass and reset
//!   link, the login throttle's records of the address, and the old addresses the audit log
//!   kept from profile changes.
//!
//! Two accounts cannot go: the last platform admin (someone must run the platform) and the
//! last organizer of an event (someone must run the event): each is refused with a clear
//! error, before anything changes. The person first makes someone else admin or co-organizer.

use super::domain;
use crate::db::{now, Tx};
use crate::error::{AppError, AppResult};
use crate::i18n::{args, Msg};

/// What the deletion touched, to tell the live pages.
pub struct Erased {
    /// Events whose help queue changed (a request handed back).
    pub help_events: Vec<i64>,
    /// Events whose judging changed (assignments withdrawn).
    pub judging_events: Vec<i64>,
}

/// Serializes the deletions that could leave no one in charge (two admins deleting themselves
/// at once on PostgreSQL, where each would otherwise still count the other): a row lock held
/// until the transaction ends. SQLite's single writer is already alone.
async fn lock(tx: &mut Tx, key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO login_locks (key, at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET at = excluded.at")
        .bind(key)
        .bind(now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn ids(tx: &mut Tx, sql: &str, user_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    let rows: Vec<(i64,)> = sqlx::query_as(sql).bind(user_id).fetch_all(&mut **tx).await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

async fn run(tx: &mut Tx, sql: &str, user_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query(sql).bind(user_id).execute(&mut **tx).await?;
    Ok(())
}

/// Refuses (409) when the account is the last platform admin or the last organizer of an
/// event, under locks that keep two such deletions from passing this check together.
async fn ensure_replaceable(tx: &mut Tx, user_id: i64, is_admin: bool) -> AppResult<()> {
    if is_admin {
        lock(tx, "account-deletion:admins").await?;
        let (others,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM users WHERE is_admin = 1 AND deleted_at IS NULL AND id <> $1")
                .bind(user_id)
                .fetch_one(&mut **tx)
                .await?;
        if others == 0 {
            return Err(AppError::Conflict(Msg::ErrLastAdmin));
        }
    }
    #[derive(sqlx::FromRow)]
    struct Organized {
        event_id: i64,
        name: String,
    }
    let organized: Vec<Organized> = sqlx::query_as(
        "SELECT e.id AS event_id, e.name FROM event_roles r JOIN events e ON e.id = r.event_id \
         WHERE r.user_id = $1 AND r.role = 'organizer' ORDER BY e.id",
    )
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    for event in organized {
        lock(tx, &format!("account-deletion:organizers:{}", event.event_id)).await?;
        let (others,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM event_roles WHERE event_id = $1 AND role = 'organizer' AND user_id <> $2",
        )
        .bind(event.event_id)
        .bind(user_id)
        .fetch_one(&mut **tx)
        .await?;
        if others == 0 {
            return Err(AppError::conflict_with(args::ErrLastOrganizer { event: event.name }));
        }
    }
    Ok(())
}

/// Deletes the account `user_id` as the module says, inside `tx`, if its password is still
/// `hash` (checked when the form was sent; a change meanwhile refuses with 409). `email` is
/// its current address.
pub async fn erase(tx: &mut Tx, user_id: i64, email: &str, hash: &str, is_admin: bool) -> AppResult<Erased> {
    ensure_replaceable(tx, user_id, is_admin).await?;
    let t = now();

    // Teams: each membership ends as leaving does, captaincy passing on.
    let teams = ids(tx, "SELECT team_id FROM team_members WHERE user_id = $1 ORDER BY team_id", user_id).await?;
    for team in teams {
        crate::teams::db::free_seat(tx, team, user_id).await?;
    }
    run(tx, "DELETE FROM join_requests WHERE user_id = $1", user_id).await?;
    run(tx, "DELETE FROM profiles WHERE user_id = $1", user_id).await?;
    // A certificate names its holder: it goes with the account.
    run(tx, "DELETE FROM certificates WHERE user_id = $1", user_id).await?;
    // Where and when the person arrived goes with them; whom an organizer ticked in does not
    // need the organizer's name.
    run(tx, "DELETE FROM checkins WHERE user_id = $1", user_id).await?;
    run(tx, "UPDATE checkins SET checked_by = NULL WHERE checked_by = $1", user_id).await?;

    // Mentoring: the profile, the teams assigned (the organizers assign them again), the
    // history of teams mentored (it only ever served to keep this person from judging them),
    // and slots still to come, with their bookings. Sessions that took place keep their notes,
    // which are the team's history.
    run(tx, "DELETE FROM mentor_profiles WHERE user_id = $1", user_id).await?;
    run(tx, "DELETE FROM mentor_assignments WHERE mentor_id = $1", user_id).await?;
    run(tx, "DELETE FROM mentorship_log WHERE mentor_id = $1", user_id).await?;
    sqlx::query("DELETE FROM mentor_slots WHERE mentor_id = $1 AND starts_at > $2")
        .bind(user_id)
        .bind(t)
        .execute(&mut **tx)
        .await?;
    let help_events = ids(
        tx,
        "SELECT DISTINCT event_id FROM help_requests WHERE claimed_by = $1 AND status = 'claimed' ORDER BY event_id",
        user_id,
    )
    .await?;
    run(
        tx,
        "UPDATE help_requests SET status = 'open', claimed_by = NULL, claimed_at = NULL \
         WHERE claimed_by = $1 AND status = 'claimed'",
        user_id,
    )
    .await?;
    // Whose claim went back to the queue was only ever for telling that mentor.
    run(tx, "UPDATE help_requests SET expired_from = NULL, expired_at = NULL WHERE expired_from = $1", user_id).await?;

    // Judging: the scores stay. In each event where the person scored, they stay a judge of
    // record, unavailable, so no new project reaches them; everywhere, what they had not
    // scored yet goes back to the organizers' assignment.
    let scored_events =
        ids(tx, "SELECT DISTINCT event_id FROM scores WHERE judge_id = $1 ORDER BY event_id", user_id).await?;
    let judging_events = ids(
        tx,
        "SELECT DISTINCT event_id FROM judge_assignments WHERE judge_id = $1 \
         UNION SELECT event_id FROM scores WHERE judge_id = $1 ORDER BY event_id",
        user_id,
    )
    .await?;
    for event_id in &scored_events {
        sqlx::query(
            "INSERT INTO judge_profiles (event_id, user_id, tracks, active, updated_at) VALUES ($1, $2, '', 0, $3) \
             ON CONFLICT (event_id, user_id) DO UPDATE SET active = 0, updated_at = excluded.updated_at",
        )
        .bind(event_id)
        .bind(user_id)
        .bind(t)
        .execute(&mut **tx)
        .await?;
    }
    run(
        tx,
        "DELETE FROM judge_assignments WHERE judge_id = $1 AND NOT EXISTS \
         (SELECT 1 FROM scores s WHERE s.project_id = judge_assignments.project_id AND s.judge_id = $1)",
        user_id,
    )
    .await?;
    run(tx, "DELETE FROM judge_conflicts WHERE judge_id = $1", user_id).await?;
    run(
        tx,
        "DELETE FROM judge_profiles WHERE user_id = $1 AND event_id NOT IN \
         (SELECT event_id FROM scores WHERE judge_id = $1)",
        user_id,
    )
    .await?;
    sqlx::query("UPDATE judge_passes SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL")
        .bind(user_id)
        .bind(t)
        .execute(&mut **tx)
        .await?;
    run(
        tx,
        "DELETE FROM event_roles WHERE user_id = $1 AND NOT (role = 'judge' AND event_id IN \
         (SELECT event_id FROM scores WHERE judge_id = $1))",
        user_id,
    )
    .await?;

    // Ways back in, and what was kept about the address.
    run(tx, "DELETE FROM password_resets WHERE user_id = $1", user_id).await?;
    for sql in [
        "DELETE FROM login_failures WHERE account = $1",
        "DELETE FROM login_devices WHERE account = $1",
        "DELETE FROM login_locks WHERE key = 'account:' || $1",
    ] {
        sqlx::query(sql).bind(email).execute(&mut **tx).await?;
    }
    // Profile changes kept the addresses moved from and to: the entry stays, without them.
    sqlx::query("UPDATE audit_log SET after_json = $2 WHERE actor_id = $1 AND action = 'account.profile_updated'")
        .bind(user_id)
        .bind(serde_json::json!({ "user": user_id }).to_string())
        .execute(&mut **tx)
        .await?;

    // The placeholder. Only if the password is still the one checked: a change meanwhile (from
    // another device) refuses the whole deletion.
    let gone = sqlx::query(
        "UPDATE users SET display_name = $2, email = $3, password_hash = $4, is_admin = 0, can_create_events = 0, \
         session_epoch = session_epoch + 1, deleted_at = $5 \
         WHERE id = $1 AND password_hash = $6 AND deleted_at IS NULL",
    )
    .bind(user_id)
    .bind(domain::deleted_name(user_id))
    .bind(domain::deleted_email(user_id))
    .bind(domain::deleted_password(&crate::links::random(32)))
    .bind(t)
    .bind(hash)
    .execute(&mut **tx)
    .await?;
    if gone.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrPasswordChangedMeanwhile));
    }
    crate::db::audit(tx, None, Some(user_id), "account.deleted", None, Some(serde_json::json!({ "user": user_id })))
        .await?;
    Ok(Erased { help_events, judging_events })
}
