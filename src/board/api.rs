//! The board's server functions. The organizer's controls (visibility, freeze, publication,
//! reveal, announcements) are organizer-only; the projector, the public results and the
//! announcements bar are public, and hand each caller only what their audience may see
//! (see `domain`).

use super::domain::Progress;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::db,
    super::domain::{self, Audience, RevealMode, Visibility},
    crate::audience::domain::VoteState,
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::error::FieldError,
    crate::i18n::{args, Msg},
    serde_json::json,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnouncementRow {
    pub id: i64,
    /// As written, in each language the organizer used.
    pub body: crate::i18n::Localized,
    pub at: String,
    /// Shown on the public projector too, not only to the event's members.
    pub public: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardControls {
    pub event_id: i64,
    pub event_name: String,
    pub visibility: String,
    pub show_comments: bool,
    pub show_rank: bool,
    pub show_marks: bool,
    pub top_n: i64,
    pub rotate_seconds: i64,
    pub frozen_at: Option<String>,
    pub published_at: Option<String>,
    pub reveal_mode: String,
    pub reveal_step: i64,
    pub steps: i64,
    pub version: i64,
    pub progress: Progress,
    pub announcements: Vec<AnnouncementRow>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectorView {
    pub event_id: i64,
    pub event_name: String,
    /// The current frame for the caller's audience and language (built by `domain::render`,
    /// every text escaped).
    pub html: String,
    pub event_url: String,
    pub qr_svg: String,
    pub rotate_seconds: i64,
    /// The server's clock at this read: the stage's countdown in later frames counts by it.
    pub now_ms: i64,
}

/// What a team is shown of its own result, as far as the organizer lets teams see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyResult {
    pub team: String,
    /// The team's place and the number of places; `None` where ranks are not shown.
    pub rank: Option<usize>,
    pub of: usize,
    pub track: String,
    pub track_rank: Option<usize>,
    /// The average mark the project got on each criterion (empty where marks are not shown).
    pub marks: Vec<CriterionMark>,
    /// The judges' feedback to the team, without their names, in no judge's order.
    pub feedback: Vec<String>,
}

/// One criterion of a team's result: its average over the judges' complete scores, on the
/// criterion's scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionMark {
    pub name: String,
    /// One decimal ("3.7").
    pub average: String,
    pub min: i64,
    pub max: i64,
    /// How many judges' scores the average is over.
    pub judges: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankingData {
    pub event_id: i64,
    pub event_name: String,
    pub published: bool,
    /// The published results as far as they are revealed (empty before publication).
    pub html: String,
    pub mine: Option<MyResult>,
    /// The caller is a participant and the results are out in full: their certificate of
    /// participation is ready.
    pub certificate: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Announcements {
    /// The caller holds a role in the event (and so gets live updates).
    pub member: bool,
    pub items: Vec<(i64, String)>,
}

#[cfg(feature = "ssr")]
fn display(at: Option<i64>, tz: chrono_tz::Tz) -> Option<String> {
    at.map(|t| crate::i18n::dates::for_reader(t, tz))
}

#[cfg(feature = "ssr")]
async fn event_name(db: &crate::db::Db, event_id: i64) -> Result<String, AppError> {
    crate::events::db::name(db, event_id).await?.ok_or(AppError::NotFound)
}

/// The organizer's board controls.
#[server(prefix = "/api", endpoint = "board/console")]
pub async fn board_console(event_id: i64) -> Result<BoardControls, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let stored = db::stored(db, event_id).await?;
    let tz = crate::events::db::timezone(db, event_id).await.unwrap_or(chrono_tz::UTC);
    let steps = stored.state.reveal_steps();
    Ok(BoardControls {
        event_id,
        event_name: event_name(db, event_id).await?,
        visibility: stored.state.visibility.code().into(),
        show_comments: stored.show_comments,
        show_rank: stored.show_rank,
        show_marks: stored.show_marks,
        top_n: stored.top_n as i64,
        rotate_seconds: stored.rotate_seconds,
        frozen_at: display(stored.frozen_at.filter(|_| stored.state.frozen.is_some()), tz),
        published_at: display(stored.published_at.filter(|_| stored.state.published.is_some()), tz),
        reveal_mode: stored.state.mode.code().into(),
        reveal_step: stored.state.step as i64,
        steps: steps as i64,
        version: stored.version,
        progress: db::progress(db, event_id).await?,
        announcements: db::announcements(db, event_id)
            .await?
            .into_iter()
            .map(|a| AnnouncementRow {
                id: a.id,
                body: a.body(),
                at: crate::i18n::dates::for_reader(a.created_at, tz),
                public: a.public(),
            })
            .collect(),
    })
}

/// What each team sees of its own result once the results are published: the board
/// console's checkboxes, each present when ticked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TeamViewInput {
    /// The judges' feedback, without their names.
    pub show_comments: Option<String>,
    /// Its place, overall and in its track.
    pub show_rank: Option<String>,
    /// Its average mark on each criterion.
    pub show_marks: Option<String>,
}

/// Who sees the live board, what teams see of their own result, the projector's layout.
#[server(prefix = "/api", endpoint = "board/settings")]
pub async fn save_board_settings(
    event_id: i64,
    version: i64,
    visibility: String,
    #[server(flatten)] team_view: TeamViewInput,
    top_n: String,
    rotate_seconds: String,
) -> Result<(), AppError> {
    let TeamViewInput { show_comments, show_rank, show_marks } = team_view;
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut errors = Vec::new();
    if Visibility::from_code(&visibility).is_none() {
        errors.push(FieldError::new("visibility", Msg::ErrRequired));
    }
    let top_n = match top_n.trim().parse::<i64>() {
        Ok(n) if (3..=50).contains(&n) => n,
        _ => {
            errors.push(FieldError::with("top_n", args::ErrNumberRange { range: "3–50" }));
            0
        }
    };
    let rotate = match rotate_seconds.trim().parse::<i64>() {
        Ok(n) if (5..=300).contains(&n) => n,
        _ => {
            errors.push(FieldError::with("rotate_seconds", args::ErrNumberRange { range: "5–300" }));
            0
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let comments = i64::from(show_comments.is_some());
    let (rank, marks) = (i64::from(show_rank.is_some()), i64::from(show_marks.is_some()));
    let mut tx = access.db().begin_write().await?;
    db::ensure(&mut tx, event_id).await?;
    let before = db::stored(access.db(), event_id).await?;
    let done = sqlx::query(
        "UPDATE boards SET visibility = $1, show_comments = $2, top_n = $3, rotate_seconds = $4, version = version + 1, updated_at = $5, \
         show_rank = $8, show_marks = $9 WHERE event_id = $6 AND version = $7",
    )
    .bind(&visibility)
    .bind(comments)
    .bind(top_n)
    .bind(rotate)
    .bind(now())
    .bind(event_id)
    .bind(version.max(1))
    .bind(rank)
    .bind(marks)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrChangedMeanwhile));
    }
    audit(
        &mut tx, Some(event_id), Some(access.user.id), "board.settings",
        Some(json!({ "visibility": before.state.visibility.code(), "show_comments": before.show_comments, "show_rank": before.show_rank, "show_marks": before.show_marks, "top_n": before.top_n, "rotate_seconds": before.rotate_seconds })),
        Some(json!({ "visibility": visibility, "show_comments": comments == 1, "show_rank": rank == 1, "show_marks": marks == 1, "top_n": top_n, "rotate_seconds": rotate })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Board);
    Ok(())
}

/// Freezes the public board on the current standings ("on"), or lets it move again ("off").
#[server(prefix = "/api", endpoint = "board/freeze")]
pub async fn freeze_board(event_id: i64, frozen: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let freeze = match frozen.as_str() {
        "on" => true,
        "off" => false,
        _ => return Err(AppError::Invalid(vec![FieldError::new("frozen", Msg::ErrRequired)])),
    };
    let mut tx = access.db().begin_write().await?;
    db::ensure(&mut tx, event_id).await?;
    let snapshot = if freeze {
        let rows = db::live_rows(access.db(), event_id).await?;
        Some(serde_json::to_string(&rows).map_err(|e| AppError::internal("board snapshot not serialized", e))?)
    } else {
        None
    };
    // Freezing a frozen board keeps the first snapshot: a second tap must not move it.
    let sql = if freeze {
        "UPDATE boards SET frozen = $1, frozen_at = $2, version = version + 1, updated_at = $2 WHERE event_id = $3 AND frozen IS NULL"
    } else {
        "UPDATE boards SET frozen = $1, frozen_at = NULL, version = version + 1, updated_at = $2 WHERE event_id = $3 AND frozen IS NOT NULL"
    };
    let done = sqlx::query(sql).bind(snapshot).bind(now()).bind(event_id).execute(&mut *tx).await?;
    if done.rows_affected() == 1 {
        audit(
            &mut tx,
            Some(event_id),
            Some(access.user.id),
            if freeze { "board.freeze" } else { "board.unfreeze" },
            None,
            None,
        )
        .await?;
    }
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Board);
    Ok(())
}

/// Publishes the current results ("publish", with a reveal mode) or withdraws them
/// ("withdraw"). Publishing takes a snapshot: later score changes need a new publication.
#[server(prefix = "/api", endpoint = "board/publish")]
pub async fn publish_results(event_id: i64, action: String, reveal_mode: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    db::ensure(&mut tx, event_id).await?;
    let before = db::stored(access.db(), event_id).await?;
    let had = before.state.published.as_ref().map(|p| domain::ranked(p).len());
    match action.as_str() {
        "publish" => {
            let Some(mode) = RevealMode::from_code(&reveal_mode) else {
                return Err(AppError::Invalid(vec![FieldError::new("reveal_mode", Msg::ErrRequired)]));
            };
            let rows = db::live_rows(access.db(), event_id).await?;
            if domain::ranked(&rows).is_empty() {
                return Err(AppError::Conflict(Msg::ErrNothingToPublish));
            }
            let json =
                serde_json::to_string(&rows).map_err(|e| AppError::internal("published results not serialized", e))?;
            // The people's choice goes out with the results once its vote is closed; while it
            // is open, publishing would leave it out without a word, so it is refused.
            // Read held (shared) in this transaction: the vote cannot reopen nor tickets be
            // voided until the publication is committed.
            let vote =
                crate::audience::db::settings_in(&mut tx, access.db(), event_id, crate::audience::db::Hold::Share)
                    .await?;
            let favourites = match vote.state() {
                VoteState::Open => return Err(AppError::Conflict(Msg::ErrCloseVoteFirst)),
                VoteState::Off => None,
                VoteState::Closed => {
                    let f = crate::audience::domain::favourites(
                        &crate::audience::db::standings(access.db(), event_id).await?,
                    );
                    Some(
                        serde_json::to_string(&f)
                            .map_err(|e| AppError::internal("people's choice not serialized", e))?,
                    )
                }
            };
            sqlx::query(
                "UPDATE boards SET published = $1, published_at = $2, reveal_mode = $3, reveal_step = 0, favourites = $4, \
                 version = version + 1, updated_at = $2 WHERE event_id = $5",
            )
            .bind(&json)
            .bind(now())
            .bind(mode.code())
            .bind(favourites)
            .bind(event_id)
            .execute(&mut *tx)
            .await?;
            // Every participant's certificate gets its code now, while the event can still be
            // written: once archived, certificates are only read.
            crate::certificates::db::issue_all(&mut tx, event_id).await?;
            audit(
                &mut tx,
                Some(event_id),
                Some(access.user.id),
                "results.publish",
                had.map(|n| json!({ "ranked": n })),
                Some(json!({ "ranked": domain::ranked(&rows).len(), "reveal": mode.code() })),
            )
            .await?;
        }
        "withdraw" => {
            sqlx::query("UPDATE boards SET published = NULL, published_at = NULL, favourites = NULL, reveal_step = 0, version = version + 1, updated_at = $1 WHERE event_id = $2")
                .bind(now())
                .bind(event_id)
                .execute(&mut *tx)
                .await?;
            audit(
                &mut tx,
                Some(event_id),
                Some(access.user.id),
                "results.withdraw",
                had.map(|n| json!({ "ranked": n })),
                None,
            )
            .await?;
        }
        _ => return Err(AppError::Invalid(vec![FieldError::new("action", Msg::ErrRequired)])),
    }
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Board);
    Ok(())
}

/// Moves the reveal one step ("next" or "back") from step `from`, or to its end ("end").
/// Naming the step it starts from makes a retried tap (bad Wi-Fi) harmless: it finds the
/// reveal already moved and changes nothing.
#[server(prefix = "/api", endpoint = "board/reveal")]
pub async fn step_reveal(event_id: i64, direction: String, from: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let stored = db::stored(access.db(), event_id).await?;
    if stored.state.published.is_none() {
        return Err(AppError::Conflict(Msg::ErrNotPublished));
    }
    let steps = stored.state.reveal_steps() as i64;
    let to = match direction.as_str() {
        "next" => (from + 1).min(steps),
        "back" => (from - 1).max(0),
        "end" => steps,
        _ => return Err(AppError::Invalid(vec![FieldError::new("direction", Msg::ErrRequired)])),
    };
    let mut tx = access.db().begin_write().await?;
    let done = sqlx::query("UPDATE boards SET reveal_step = $1, version = version + 1, updated_at = $2 WHERE event_id = $3 AND reveal_step = $4 AND published IS NOT NULL")
        .bind(to)
        .bind(now())
        .bind(event_id)
        .bind(from)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 1 && to != from {
        audit(
            &mut tx,
            Some(event_id),
            Some(access.user.id),
            "reveal.step",
            Some(json!({ "step": from })),
            Some(json!({ "step": to, "of": steps })),
        )
        .await?;
    }
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Board);
    Ok(())
}

/// Posts an announcement in one or more languages; it appears live on the event's pages, and
/// on the projector only if `public` is ticked (anyone may open the projector).
#[server(prefix = "/api", endpoint = "board/announce")]
pub async fn post_announcement(
    event_id: i64,
    body_ar: String,
    body_fr: String,
    body_en: String,
    public: Option<String>,
) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut errors = Vec::new();
    let body = crate::i18n::Localized::parse(&mut errors, "body", [&body_ar, &body_fr, &body_en], 500, false);
    if errors.is_empty() && body.is_empty() {
        errors.push(FieldError::new("body_en", Msg::ErrAnnouncementEmpty));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    // A checkbox: present ("on") when ticked. Not public unless the organizer says so.
    let public = public.is_some_and(|p| !p.is_empty() && p != "off");
    let mut tx = access.db().begin_write().await?;
    sqlx::query("INSERT INTO announcements (event_id, body_ar, body_fr, body_en, created_by, created_at, is_public) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(event_id)
        .bind(&body.ar)
        .bind(&body.fr)
        .bind(&body.en)
        .bind(access.user.id)
        .bind(now())
        .bind(i64::from(public))
        .execute(&mut *tx)
        .await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "announcement.post",
        None,
        Some(json!({ "ar": body.ar, "fr": body.fr, "en": body.en, "public": public })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Announce);
    Ok(())
}

#[server(prefix = "/api", endpoint = "board/announce/retire")]
pub async fn retire_announcement(event_id: i64, announcement_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    let done =
        sqlx::query("UPDATE announcements SET retired_at = $1 WHERE id = $2 AND event_id = $3 AND retired_at IS NULL")
            .bind(now())
            .bind(announcement_id)
            .bind(event_id)
            .execute(&mut *tx)
            .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "announcement.retire",
        Some(json!({ "id": announcement_id })),
        None,
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Announce);
    Ok(())
}

/// The projector: anyone may open it; the frame shows only what the caller's audience may
/// see (nothing but progress and public announcements while the board is hidden from them).
#[server(prefix = "/api", endpoint = "board/projector")]
pub async fn projector_data(event_id: i64) -> Result<ProjectorView, AppError> {
    let caller = gate::public().await?;
    let (db, state) = (caller.db(), &caller.state);
    // Anonymous callers (and judges' pass sessions, which reach no account) are the public;
    // an unknown event is refused by the cache below.
    let who = match caller.account() {
        None => Audience::Public,
        Some(user) => db::audience(db, event_id, Some(user.id)).await?,
    };
    let lang = crate::i18n::request::request_lang();
    // The viewers' cache, caught up with every change made before this call: a reload costs
    // no ranking, no rendering and no QR code (see `board::live`).
    let frames = state.boards.current(db, &state.live, event_id).await?;
    let event_url = format!("{}/events/{event_id}", state.config.public_url);
    Ok(ProjectorView {
        event_id,
        event_name: frames.event_name.clone(),
        html: frames.get(who, lang).to_owned(),
        qr_svg: state.boards.qr(event_id, &event_url).to_string(),
        event_url,
        rotate_seconds: frames.rotate_seconds,
        now_ms: crate::db::now_ms(),
    })
}

/// The public results page: the published results as far as the reveal has gone, and for a
/// participant, their team's rank and (if the organizer allows) the judges' comments.
#[server(prefix = "/api", endpoint = "board/ranking")]
pub async fn public_ranking(event_id: i64) -> Result<RankingData, AppError> {
    let caller = gate::public().await?;
    let db = caller.db();
    let stored = db::stored(db, event_id).await?;
    let event_name = event_name(db, event_id).await?;
    let lang = crate::i18n::request::request_lang();
    let Some(published) = stored.state.published.clone() else {
        return Ok(RankingData {
            event_id,
            event_name,
            published: false,
            html: String::new(),
            mine: None,
            certificate: false,
        });
    };
    let frame = domain::frame(&stored.state, &[], Audience::Public);
    let html = domain::render(&frame, db::progress(db, event_id).await?, None, lang, usize::MAX);
    let revealed = |project: i64| match &frame {
        domain::Frame::Final { .. } => true,
        domain::Frame::Reveal { slots, .. } => {
            slots.iter().any(|s| s.row.as_ref().is_some_and(|r| r.project == project))
        }
        _ => false,
    };
    let mut mine = None;
    if let Some(user) = &caller.user {
        let team: Option<(i64, String, Option<i64>)> = sqlx::query_as(
            "SELECT t.id, t.name, p.id FROM team_members m JOIN teams t ON t.id = m.team_id \
             LEFT JOIN projects p ON p.team_id = t.id WHERE m.event_id = $1 AND m.user_id = $2",
        )
        .bind(event_id)
        .bind(user.id)
        .fetch_optional(&db.pool)
        .await?;
        if let Some((_, team_name, Some(project))) = team {
            let row = published.iter().find(|r| r.project == project).filter(|_| revealed(project));
            if let Some(row) = row {
                // Feedback in the order of its text, not of the judges who wrote it.
                let feedback: Vec<String> = if stored.show_comments {
                    sqlx::query_scalar(
                        "SELECT feedback FROM scores WHERE project_id = $1 AND status = 'scored' AND feedback <> '' ORDER BY feedback",
                    )
                    .bind(project)
                    .fetch_all(&db.pool)
                    .await?
                } else {
                    Vec::new()
                };
                let marks = if stored.show_marks {
                    db::criterion_marks(db, event_id, project, lang).await?
                } else {
                    Vec::new()
                };
                mine = Some(MyResult {
                    team: team_name,
                    rank: row.rank.filter(|_| stored.show_rank),
                    of: domain::ranked(&published).len(),
                    track: row.track.clone(),
                    track_rank: row.track_rank.filter(|_| stored.show_rank),
                    marks,
                    feedback,
                });
            }
        }
    }
    let certificate = matches!(frame, domain::Frame::Final { .. })
        && caller.account().is_some()
        && caller.roles_in(event_id).await?.contains(&Role::Participant);
    Ok(RankingData { event_id, event_name, published: true, html, mine, certificate })
}

/// The event's current announcements for the bar on its pages: for anyone holding a role in
/// the event; others get an empty list.
#[server(prefix = "/api", endpoint = "board/announcements")]
pub async fn event_announcements(event_id: i64) -> Result<Announcements, AppError> {
    let caller = gate::public().await?;
    if caller.user.is_none() {
        return Ok(Announcements { member: false, items: Vec::new() });
    }
    let roles = match caller.roles_in(event_id).await {
        Ok(r) => r,
        Err(AppError::NotFound) => return Ok(Announcements { member: false, items: Vec::new() }),
        Err(e) => return Err(e),
    };
    if roles.is_empty() {
        return Ok(Announcements { member: false, items: Vec::new() });
    }
    let lang = crate::i18n::request::request_lang();
    let items = db::announcements(caller.db(), event_id)
        .await?
        .into_iter()
        .take(3)
        .map(|a| (a.id, a.body().pick(lang).to_owned()))
        .collect();
    Ok(Announcements { member: true, items })
}
