//! The people's choice rows: settings, candidates, ballots, tickets and the tally.

use super::domain::{self, Candidate, Redemption, VoteState};
use crate::db::{now, Backend, Db, Tx};
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;

/// The vote's settings as stored, or the defaults (off, one vote, no tickets).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct SettingsRow {
    pub state: String,
    pub votes_each: i64,
    pub tickets: i64,
    pub version: i64,
}

impl SettingsRow {
    pub fn state(&self) -> VoteState {
        VoteState::from_code(&self.state).unwrap_or(VoteState::Off)
    }
}

pub async fn settings(db: &Db, event_id: i64) -> AppResult<SettingsRow> {
    let row: Option<SettingsRow> =
        sqlx::query_as("SELECT state, votes_each, tickets, version FROM audience_settings WHERE event_id = $1")
            .bind(event_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(row.unwrap_or(SettingsRow { state: "off".into(), votes_each: 1, tickets: 0, version: 0 }))
}

/// How a write holds the settings row until it commits (PostgreSQL; SQLite has one writer).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    /// Votes: many at once, but none while the settings change (closing the vote waits for
    /// the votes in flight, and no vote lands after it).
    Share,
    /// Settings changes and ticket print runs: one at a time.
    Alone,
}

/// The settings read inside a write, after making sure the row exists, held as `hold` says.
pub async fn settings_in(tx: &mut Tx, db: &Db, event_id: i64, hold: Hold) -> AppResult<SettingsRow> {
    sqlx::query(
        "INSERT INTO audience_settings (event_id, updated_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING",
    )
    .bind(event_id)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    let lock = match (db.backend, hold) {
        (Backend::Sqlite, _) => "",
        (Backend::Postgres, Hold::Share) => " FOR SHARE",
        (Backend::Postgres, Hold::Alone) => " FOR UPDATE",
    };
    Ok(sqlx::query_as(&format!(
        "SELECT state, votes_each, tickets, version FROM audience_settings WHERE event_id = $1{lock}"
    ))
    .bind(event_id)
    .fetch_one(&mut **tx)
    .await?)
}

/// A project on the ballot: every submitted project of the event.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CandidateRow {
    pub id: i64,
    pub title: String,
    pub tagline: String,
    pub team_id: i64,
    pub team: String,
    pub table_label: String,
}

pub async fn candidates(db: &Db, event_id: i64) -> AppResult<Vec<CandidateRow>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.title, p.tagline, p.team_id, t.name AS team, p.table_label FROM projects p \
         JOIN teams t ON t.id = p.team_id WHERE p.event_id = $1 AND p.status = 'submitted' ORDER BY p.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?)
}

/// The candidate `project_id` of the event, read in the vote's transaction.
pub async fn candidate(tx: &mut Tx, event_id: i64, project_id: i64) -> AppResult<Option<CandidateRow>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.title, p.tagline, p.team_id, t.name AS team, p.table_label FROM projects p \
         JOIN teams t ON t.id = p.team_id WHERE p.event_id = $1 AND p.id = $2 AND p.status = 'submitted'",
    )
    .bind(event_id)
    .bind(project_id)
    .fetch_optional(&mut **tx)
    .await?)
}

/// A ballot as (slot, project), in slot order.
pub async fn picks(db: &Db, event_id: i64, voter: &str) -> AppResult<Vec<(i64, i64)>> {
    Ok(sqlx::query_as("SELECT slot, project_id FROM audience_votes WHERE event_id = $1 AND voter = $2 ORDER BY slot")
        .bind(event_id)
        .bind(voter)
        .fetch_all(&db.pool)
        .await?)
}

pub async fn picks_tx(tx: &mut Tx, event_id: i64, voter: &str) -> AppResult<Vec<(i64, i64)>> {
    Ok(sqlx::query_as("SELECT slot, project_id FROM audience_votes WHERE event_id = $1 AND voter = $2 ORDER BY slot")
        .bind(event_id)
        .bind(voter)
        .fetch_all(&mut **tx)
        .await?)
}

/// Who votes: an account (a participant) or a ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voter {
    Account(i64),
    Ticket(i64),
}

impl Voter {
    /// The ballot's key: one ballot per account or ticket.
    pub fn key(self) -> String {
        match self {
            Voter::Account(id) => format!("u{id}"),
            Voter::Ticket(id) => format!("t{id}"),
        }
    }
}

/// Holds the voter until the transaction ends and checks, there, that they may still vote:
/// a participant of the event, or a ticket of the event not voided. Held, one voter's taps
/// sent at once are applied one after the other (PostgreSQL; SQLite has one writer), each on
/// the ballot the one before left, and refused with their reason (no votes left) rather than
/// by the keys; and a ticket voided meanwhile (its votes deleted) takes no vote after it.
pub async fn hold_voter(tx: &mut Tx, db: &Db, event_id: i64, voter: Voter) -> AppResult<()> {
    let lock = if db.backend == Backend::Postgres { " FOR NO KEY UPDATE" } else { "" };
    match voter {
        Voter::Account(id) => {
            sqlx::query(&format!("SELECT id FROM users WHERE id = $1{lock}"))
                .bind(id)
                .fetch_optional(&mut **tx)
                .await?;
            let role: Option<i64> = sqlx::query_scalar(
                "SELECT user_id FROM event_roles WHERE event_id = $1 AND user_id = $2 AND role = 'participant'",
            )
            .bind(event_id)
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
            if role.is_none() {
                return Err(AppError::Forbidden);
            }
        }
        Voter::Ticket(id) => {
            let voided: Option<Option<i64>> = sqlx::query_scalar(&format!(
                "SELECT voided_at FROM audience_tickets WHERE id = $1 AND event_id = $2{lock}"
            ))
            .bind(id)
            .bind(event_id)
            .fetch_optional(&mut **tx)
            .await?;
            if !matches!(voided, Some(None)) {
                return Err(AppError::Conflict(Msg::ErrTicketVoided));
            }
        }
    }
    Ok(())
}

/// Deletes the voter's votes that count for nothing: for projects no longer on the ballot
/// (withdrawn since they were chosen), and a participant's for their own team's project
/// (they joined the team after voting). Either would hold a slot the voter cannot use.
pub async fn drop_gone(tx: &mut Tx, event_id: i64, voter: Voter) -> AppResult<()> {
    sqlx::query(
        "DELETE FROM audience_votes WHERE event_id = $1 AND voter = $2 AND (project_id NOT IN \
         (SELECT id FROM projects WHERE event_id = $1 AND status = 'submitted') OR project_id IN \
         (SELECT p.id FROM projects p JOIN team_members m ON m.team_id = p.team_id WHERE m.user_id = $3))",
    )
    .bind(event_id)
    .bind(voter.key())
    .bind(match voter {
        Voter::Account(id) => id,
        Voter::Ticket(_) => 0,
    })
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Writes one vote in `slot`. The keys refuse a second vote in the slot or for the project,
/// which is how two taps sent at once end: the second fails here.
pub async fn insert_vote(
    tx: &mut Tx,
    event_id: i64,
    voter: Voter,
    slot: i64,
    project_id: i64,
) -> Result<(), sqlx::Error> {
    let (user, ticket) = match voter {
        Voter::Account(id) => (Some(id), None),
        Voter::Ticket(id) => (None, Some(id)),
    };
    sqlx::query(
        "INSERT INTO audience_votes (event_id, voter, user_id, ticket_id, slot, project_id, cast_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(event_id)
    .bind(voter.key())
    .bind(user)
    .bind(ticket)
    .bind(slot)
    .bind(project_id)
    .bind(now())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Moves the vote in `slot` to `project_id`, if the slot still holds `from` (a tap that
/// crossed another is refused, not applied over it).
pub async fn move_vote(
    tx: &mut Tx,
    event_id: i64,
    voter: Voter,
    slot: i64,
    from: i64,
    project_id: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE audience_votes SET project_id = $1, cast_at = $2 WHERE event_id = $3 AND voter = $4 AND slot = $5 AND project_id = $6",
    )
    .bind(project_id)
    .bind(now())
    .bind(event_id)
    .bind(voter.key())
    .bind(slot)
    .bind(from)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn remove_vote(tx: &mut Tx, event_id: i64, voter: Voter, project_id: i64) -> AppResult<()> {
    sqlx::query("DELETE FROM audience_votes WHERE event_id = $1 AND voter = $2 AND project_id = $3")
        .bind(event_id)
        .bind(voter.key())
        .bind(project_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The condition on a vote `v` that it counts: not a participant's vote for their own team.
const COUNTED: &str = "NOT EXISTS (SELECT 1 FROM team_members m JOIN projects p ON p.team_id = m.team_id \
     WHERE m.user_id = v.user_id AND p.id = v.project_id)";

/// Every vote of the event that counts, as the project voted for. A participant's vote for
/// their own team's project does not (they may have joined that team after voting). Votes
/// cast with tickets still count after the organizer stops taking tickets: voiding the
/// tickets is how they are taken out (the console says so).
pub async fn votes(db: &Db, event_id: i64) -> AppResult<Vec<i64>> {
    Ok(sqlx::query_scalar(&format!("SELECT v.project_id FROM audience_votes v WHERE v.event_id = $1 AND {COUNTED}"))
        .bind(event_id)
        .fetch_all(&db.pool)
        .await?)
}

pub async fn voter_count(db: &Db, event_id: i64) -> AppResult<i64> {
    Ok(sqlx::query_scalar(&format!(
        "SELECT COUNT(DISTINCT v.voter) FROM audience_votes v WHERE v.event_id = $1 AND {COUNTED}"
    ))
    .bind(event_id)
    .fetch_one(&db.pool)
    .await?)
}

/// The standings now, for the organizers and for publication.
pub async fn standings(db: &Db, event_id: i64) -> AppResult<Vec<domain::Standing>> {
    let candidates: Vec<Candidate> =
        candidates(db, event_id).await?.into_iter().map(|c| (c.id, c.title, c.team)).collect();
    Ok(domain::standings(&candidates, &votes(db, event_id).await?))
}

/// A ticket as the vote reads it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct TicketRow {
    pub id: i64,
    pub event_id: i64,
    pub number: i64,
    pub redeemed_at: Option<i64>,
    pub voided_at: Option<i64>,
}

pub async fn ticket_by_hash(db: &Db, code_hash: &str) -> AppResult<Option<TicketRow>> {
    Ok(sqlx::query_as("SELECT id, event_id, number, redeemed_at, voided_at FROM audience_tickets WHERE code_hash = $1")
        .bind(code_hash)
        .fetch_optional(&db.pool)
        .await?)
}

pub async fn ticket(db: &Db, ticket_id: i64) -> AppResult<Option<TicketRow>> {
    Ok(sqlx::query_as("SELECT id, event_id, number, redeemed_at, voided_at FROM audience_tickets WHERE id = $1")
        .bind(ticket_id)
        .fetch_optional(&db.pool)
        .await?)
}

/// Marks a ticket used by this browser, if nobody used it yet: of two browsers racing for
/// one ticket, exactly one gets it.
pub async fn redeem(tx: &mut Tx, ticket_id: i64, client: &str, browser: &str) -> AppResult<bool> {
    let done = sqlx::query(
        "UPDATE audience_tickets SET redeemed_at = $1, client = $2, browser = $3 \
         WHERE id = $4 AND redeemed_at IS NULL AND voided_at IS NULL",
    )
    .bind(now())
    .bind(client)
    .bind(browser)
    .bind(ticket_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Makes `count` tickets numbered after the event's last one; their codes' digests are given.
pub async fn insert_tickets(tx: &mut Tx, event_id: i64, hashes: &[String], by: i64) -> AppResult<Vec<i64>> {
    // The settings row is locked first (by the caller), so two print runs never share numbers.
    let last: Option<i64> = sqlx::query_scalar("SELECT MAX(number) FROM audience_tickets WHERE event_id = $1")
        .bind(event_id)
        .fetch_one(&mut **tx)
        .await?;
    let mut numbers = Vec::with_capacity(hashes.len());
    let t = now();
    for (i, hash) in hashes.iter().enumerate() {
        let number = last.unwrap_or(0) + 1 + i as i64;
        sqlx::query(
            "INSERT INTO audience_tickets (event_id, number, code_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(event_id)
        .bind(number)
        .bind(hash)
        .bind(by)
        .bind(t)
        .execute(&mut **tx)
        .await?;
        numbers.push(number);
    }
    Ok(numbers)
}

/// Voids the tickets of these numbers (unused ones can no longer be used) and deletes their
/// votes. Returns the numbers that were voided now.
pub async fn void_tickets(tx: &mut Tx, event_id: i64, numbers: &[i64]) -> AppResult<Vec<i64>> {
    let mut voided = Vec::new();
    for n in numbers {
        let id: Option<i64> = sqlx::query_scalar(
            "UPDATE audience_tickets SET voided_at = $1 WHERE event_id = $2 AND number = $3 AND voided_at IS NULL RETURNING id",
        )
        .bind(now())
        .bind(event_id)
        .bind(n)
        .fetch_optional(&mut **tx)
        .await?;
        if let Some(id) = id {
            sqlx::query("DELETE FROM audience_votes WHERE event_id = $1 AND ticket_id = $2")
                .bind(event_id)
                .bind(id)
                .execute(&mut **tx)
                .await?;
            voided.push(*n);
        }
    }
    Ok(voided)
}

/// How many tickets exist, were used and were voided.
pub async fn ticket_counts(db: &Db, event_id: i64) -> AppResult<(i64, i64, i64)> {
    let (made, used, void): (i64, Option<i64>, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), SUM(CASE WHEN redeemed_at IS NOT NULL AND voided_at IS NULL THEN 1 ELSE 0 END), \
         SUM(CASE WHEN voided_at IS NOT NULL THEN 1 ELSE 0 END) FROM audience_tickets WHERE event_id = $1",
    )
    .bind(event_id)
    .fetch_one(&db.pool)
    .await?;
    Ok((made, used.unwrap_or(0), void.unwrap_or(0)))
}

#[derive(sqlx::FromRow)]
struct RedemptionRow {
    number: i64,
    browser: String,
    client: String,
    redeemed_at: i64,
}

/// Every ticket used and not voided.
pub async fn redemptions(db: &Db, event_id: i64) -> AppResult<Vec<Redemption>> {
    let rows: Vec<RedemptionRow> = sqlx::query_as(
        "SELECT number, browser, client, redeemed_at FROM audience_tickets \
         WHERE event_id = $1 AND redeemed_at IS NOT NULL AND voided_at IS NULL ORDER BY redeemed_at, number",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Redemption { number: r.number, browser: r.browser, client: r.client, at: r.redeemed_at })
        .collect())
}

/// Whether a people's choice is published with the event's results.
pub async fn published(tx: &mut Tx, event_id: i64) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM boards WHERE event_id = $1 AND favourites IS NOT NULL")
        .bind(event_id)
        .fetch_one(&mut **tx)
        .await?;
    Ok(n > 0)
}
