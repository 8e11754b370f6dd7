//! Claims held too long go back to the queue. Each instance looks every
//! `Config::help_sweep` (30 s by default): a claim nobody resolved or released within its
//! event's limit (`events.help_claim_minutes`, 20 by default) is open again, remembers whose it
//! was (that mentor's help page says so), is written to the audit log without an actor, and
//! the event's open pages hear of it. Instances sharing a PostgreSQL database may sweep at
//! once: the `UPDATE` takes each claim once, whoever gets it.

use crate::db::{audit, now, Db};
use crate::live::{hub::Hub, Topic};
use serde_json::json;
use std::time::Duration;

/// Sweeps every `every` until aborted.
pub fn start(db: Db, live: Hub, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(every);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match sweep(&db, now()).await {
                Ok(events) => events.into_iter().for_each(|event_id| live.publish(event_id, Topic::Help)),
                Err(e) => tracing::warn!(error = %e, "stale help claims not released"),
            }
        }
    })
}

/// Releases the claims held past their event's limit at `t`; the events whose queue changed.
pub async fn sweep(db: &Db, t: i64) -> Result<Vec<i64>, sqlx::Error> {
    if !super::db::any_stale_claim(db, t).await? {
        return Ok(Vec::new());
    }
    let mut tx = db.begin_write().await?;
    let expired = super::db::expire_stale_claims(&mut tx, t).await?;
    for claim in &expired {
        audit(
            &mut tx,
            Some(claim.event_id),
            None,
            "help.expired",
            Some(json!({ "request": claim.id, "mentor": claim.expired_from })),
            Some(json!({ "request": claim.id, "status": "open" })),
        )
        .await?;
    }
    tx.commit().await?;
    let mut events: Vec<i64> = expired.iter().map(|c| c.event_id).collect();
    events.sort_unstable();
    events.dedup();
    Ok(events)
}
