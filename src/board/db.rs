//! The board's rows: the organizer's settings and reveal state, the live rows and progress,
//! the announcements, and who sees which audience.

use super::domain::{self, Audience, Progress, RevealMode, Row, State, Visibility};
use crate::db::{now, Db, Tx};
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Localized};

/// The organizer's board settings and state, as stored.
#[derive(Clone, Debug)]
pub struct Stored {
    pub state: State,
    /// Teams see the judges' feedback on their project once results are published.
    pub show_comments: bool,
    /// Teams see their place (and their place in their track).
    pub show_rank: bool,
    /// Teams see the average mark they got on each criterion.
    pub show_marks: bool,
    pub top_n: usize,
    pub rotate_seconds: i64,
    pub frozen_at: Option<i64>,
    pub published_at: Option<i64>,
    pub version: i64,
}

/// Every column is NULL when the organizer has not saved anything for the event yet.
#[derive(sqlx::FromRow)]
struct BoardRow {
    visibility: Option<String>,
    show_comments: Option<i64>,
    top_n: Option<i64>,
    rotate_seconds: Option<i64>,
    /// The frozen standings, as JSON.
    frozen: Option<String>,
    frozen_at: Option<i64>,
    /// The published standings, as JSON.
    published: Option<String>,
    published_at: Option<i64>,
    reveal_mode: Option<String>,
    reveal_step: Option<i64>,
    version: Option<i64>,
    /// The people's choice published with the results, as JSON.
    favourites: Option<String>,
    show_rank: Option<i64>,
    show_marks: Option<i64>,
}

fn rows_json(json: Option<String>) -> AppResult<Option<Vec<Row>>> {
    json.map(|j| {
        serde_json::from_str(&j).map_err(|e| {
            tracing::error!(error = %e, "stored board snapshot unreadable");
            AppError::Internal
        })
    })
    .transpose()
}

/// The board of an event (defaults until the organizer saves anything); `NotFound` for
/// an unknown event. One read: it runs on every recomputation of a watched board.
pub async fn stored(db: &Db, event_id: i64) -> AppResult<Stored> {
    let row: Option<BoardRow> = sqlx::query_as(
        "SELECT b.visibility, b.show_comments, b.top_n, b.rotate_seconds, b.frozen, b.frozen_at, b.published, b.published_at, \
         b.reveal_mode, b.reveal_step, b.version, b.favourites, b.show_rank, b.show_marks FROM events e LEFT JOIN boards b ON b.event_id = e.id WHERE e.id = $1",
    )
    .bind(event_id)
    .fetch_optional(&db.pool)
    .await?;
    let b = row.ok_or(AppError::NotFound)?;
    Ok(Stored {
        state: State {
            visibility: b.visibility.as_deref().and_then(Visibility::from_code).unwrap_or(Visibility::Hidden),
            frozen: rows_json(b.frozen)?,
            published: rows_json(b.published)?,
            mode: b.reveal_mode.as_deref().and_then(RevealMode::from_code).unwrap_or(RevealMode::All),
            step: b.reveal_step.unwrap_or(0).max(0) as usize,
            favourites: b
                .favourites
                .map(|j| {
                    serde_json::from_str(&j).map_err(|e| AppError::internal("stored people's choice unreadable", e))
                })
                .transpose()?,
        },
        show_comments: b.show_comments == Some(1),
        // Ranks are shown unless the organizer says otherwise; marks only if they say so.
        show_rank: b.show_rank != Some(0),
        show_marks: b.show_marks == Some(1),
        top_n: b.top_n.unwrap_or(10).clamp(1, 50) as usize,
        rotate_seconds: b.rotate_seconds.unwrap_or(15),
        frozen_at: b.frozen_at,
        published_at: b.published_at,
        version: b.version.unwrap_or(0),
    })
}

/// Makes sure the board row exists, so it can be updated in place.
pub async fn ensure(tx: &mut Tx, event_id: i64) -> AppResult<()> {
    sqlx::query("INSERT INTO boards (event_id, updated_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING")
        .bind(event_id)
        .bind(now())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The live standings as the board shows them: the event's chosen method's score.
pub async fn live_rows(db: &Db, event_id: i64) -> AppResult<Vec<Row>> {
    let results = crate::judging::manage::db::results(db, event_id).await?;
    let z = results.method == crate::judging::results::Method::Z;
    Ok(results
        .rows
        .into_iter()
        .map(|r| Row {
            project: r.project_id,
            title: r.title,
            team: r.team,
            track: r.track,
            score: if z { r.normalized } else { r.raw },
            rank: r.rank,
            track_rank: r.track_rank,
        })
        .collect())
}

/// Judging progress: assignments with a complete score (or the team marked absent).
pub async fn progress(db: &Db, event_id: i64) -> AppResult<Progress> {
    let (assigned, done): (i64, Option<i64>) = sqlx::query_as(
        "SELECT COUNT(*), SUM(CASE WHEN s.status IN ('scored', 'absent') THEN 1 ELSE 0 END) FROM judge_assignments a \
         LEFT JOIN scores s ON s.project_id = a.project_id AND s.judge_id = a.judge_id WHERE a.event_id = $1",
    )
    .bind(event_id)
    .fetch_one(&db.pool)
    .await?;
    Ok(Progress { done: done.unwrap_or(0), assigned })
}

/// One current announcement.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Announcement {
    pub id: i64,
    pub body_ar: String,
    pub body_fr: String,
    pub body_en: String,
    pub created_at: i64,
    /// 1 when the organizer let it show on the public projector; otherwise it is for the
    /// event's members only.
    pub is_public: i64,
}

impl Announcement {
    pub fn body(&self) -> Localized {
        Localized::new(&self.body_ar, &self.body_fr, &self.body_en)
    }
    pub fn public(&self) -> bool {
        self.is_public == 1
    }
}

/// The current announcements, newest first.
pub async fn announcements(db: &Db, event_id: i64) -> AppResult<Vec<Announcement>> {
    Ok(sqlx::query_as(
        "SELECT id, body_ar, body_fr, body_en, created_at, is_public FROM announcements WHERE event_id = $1 AND retired_at IS NULL \
         ORDER BY created_at DESC, id DESC LIMIT 20",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?)
}

/// An announcement in the reader's language, else in the first language it was written in.
pub fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Ar => 0,
        Lang::Fr => 1,
        Lang::En => 2,
    }
}

pub fn audience_index(a: Audience) -> usize {
    match a {
        Audience::Public => 0,
        Audience::Organizers => 1,
    }
}

/// Every rendering of an event's board: [audience][language].
#[derive(Debug, PartialEq)]
pub struct Frames {
    pub event_name: String,
    pub html: [[String; 3]; 2],
    /// The projector's page rotation, which travels with the frames it rotates.
    pub rotate_seconds: i64,
}

impl Frames {
    pub fn get(&self, audience: Audience, lang: Lang) -> &str {
        &self.html[audience_index(audience)][lang_index(lang)]
    }
}

/// Computes the board once for every audience and language.
pub async fn frames(db: &Db, event_id: i64) -> AppResult<Frames> {
    let stored = stored(db, event_id).await?;
    // The live standings are only computed when someone may see them.
    let live = match (&stored.state.published, &stored.state.frozen, stored.state.visibility) {
        (None, None, Visibility::Public | Visibility::Organizers) => live_rows(db, event_id).await?,
        _ => Vec::new(),
    };
    let progress = progress(db, event_id).await?;
    // The projector is a public screen, whoever is signed in on it: it shows only what
    // the organizer made public; members read the others on the event's pages.
    let latest = announcements(db, event_id).await?.into_iter().find(Announcement::public);
    // With team names hidden from judges, every board but the organizers' shows projects
    // without their teams until the results are published: judges see the public board
    // (signed in or not, and on the hall's projector), so it cannot carry the names.
    let hide_teams = stored.state.published.is_none() && crate::judging::db::settings(db, event_id).await?.hide_names;
    let (public_state, public_live) = if hide_teams {
        let state = State { frozen: stored.state.frozen.as_deref().map(domain::without_teams), ..stored.state.clone() };
        (state, domain::without_teams(&live))
    } else {
        (stored.state.clone(), live.clone())
    };
    let track_names = crate::events::db::track_languages(db, event_id).await?;
    // The stage is shown to whoever sees the board: the organizers always, the public once
    // the board or the results are theirs to see.
    let stage = crate::stage::now_showing(db, event_id).await?;
    let public_stage = match (stored.state.visibility, &stored.state.published) {
        (Visibility::Public, _) | (_, Some(_)) => stage.as_ref(),
        _ => None,
    };
    let render = |audience: Audience| {
        let (state, rows) = match audience {
            Audience::Public => (&public_state, &public_live),
            Audience::Organizers => (&stored.state, &live),
        };
        Lang::ALL.map(|lang| {
            // Each language's board names the tracks in that language.
            let name = |t: &str| track_names.get(t).map(|n| n.pick(lang).to_owned()).unwrap_or_else(|| t.to_owned());
            let frame = domain::frame(&state.renamed(&name), &domain::renamed(rows, &name), audience);
            let text = latest.as_ref().map(|a| a.body().pick(lang).to_owned());
            let stage = match audience {
                Audience::Public => public_stage,
                Audience::Organizers => stage.as_ref(),
            };
            domain::render_with_stage(&frame, progress, text.as_deref(), stage, lang, stored.top_n)
        })
    };
    let event_name = crate::events::db::name(db, event_id).await?.ok_or(AppError::NotFound)?;
    Ok(Frames {
        event_name,
        html: [render(Audience::Public), render(Audience::Organizers)],
        rotate_seconds: stored.rotate_seconds,
    })
}

/// Which audience a caller belongs to.
pub async fn audience(db: &Db, event_id: i64, user: Option<i64>) -> AppResult<Audience> {
    let Some(uid) = user else {
        // Unknown events are still refused for anonymous callers.
        crate::events::db::name(db, event_id).await?.ok_or(AppError::NotFound)?;
        return Ok(Audience::Public);
    };
    let roles = crate::auth::gate::roles_in_event(db, event_id, uid).await?;
    Ok(if roles.contains(&crate::auth::Role::Organizer) { Audience::Organizers } else { Audience::Public })
}

/// The average mark `project` got on each criterion of its rubric, over the judges' complete
/// scores given under that rubric (a score from an earlier version of it may mean something
/// else), with each criterion's name in the reader's language.
pub async fn criterion_marks(
    db: &Db,
    event_id: i64,
    project: i64,
    lang: Lang,
) -> AppResult<Vec<super::api::CriterionMark>> {
    let track: Option<i64> = sqlx::query_scalar("SELECT track_id FROM projects WHERE id = $1 AND event_id = $2")
        .bind(project)
        .bind(event_id)
        .fetch_optional(&db.pool)
        .await?
        .flatten();
    let Some(rubric) = crate::judging::db::rubric_for(db, event_id, track).await? else { return Ok(Vec::new()) };
    let marks: Vec<String> =
        sqlx::query_scalar("SELECT marks FROM scores WHERE project_id = $1 AND rubric_id = $2 AND status = 'scored'")
            .bind(project)
            .bind(rubric.id)
            .fetch_all(&db.pool)
            .await?;
    let sheets: Vec<std::collections::BTreeMap<String, i64>> = marks
        .iter()
        .map(|m| serde_json::from_str(m).map_err(|e| AppError::internal("stored marks unreadable", e)))
        .collect::<AppResult<_>>()?;
    Ok(domain::averages(&rubric.criteria, &sheets)
        .into_iter()
        .map(|(c, average, judges)| super::api::CriterionMark {
            name: c.name.pick(lang).to_owned(),
            average: format!("{average:.1}"),
            min: c.min,
            max: c.max,
            judges,
        })
        .collect())
}
