//! Teams: per-event profiles, the looking-for-team board, team membership (invite codes,
//! join requests, captaincy) and the organizer's tools (overview, moves, lock, automatic
//! formation). The rules live in `domain`; seat-taking is race-free (see `db`).

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
mod pages;

pub use pages::{JoinTeamPage, OrganizerTeamsPage, TeamFinderPage, TeamPage};

#[cfg(feature = "ssr")]
use crate::auth::Role;
use crate::error::AppError;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub user_id: i64,
    pub name: String,
    pub skills: Vec<String>,
    pub captain: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinRequestView {
    pub id: i64,
    pub name: String,
    pub message: String,
    pub skills: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamView {
    pub id: i64,
    pub name: String,
    pub pitch: String,
    pub track: Option<String>,
    pub needs: Vec<String>,
    pub members: Vec<Member>,
    pub open_seats: i64,
    /// The join link, only for the team's own members (and organizers).
    pub invite_url: Option<String>,
    /// Only for the captain.
    pub requests: Vec<JoinRequestView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamPageData {
    pub event_id: i64,
    pub event_name: String,
    pub team_min: i64,
    pub team_max: i64,
    pub locked: bool,
    pub me: i64,
    pub skills: String,
    pub languages: String,
    pub bio: String,
    pub looking: bool,
    pub team: Option<TeamView>,
    pub team_track: Option<i64>,
    pub tracks: Vec<(i64, String)>,
    pub event_skills: Vec<String>,
}

/// Why someone or some team is suggested: the explained fit score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FitView {
    pub score: u32,
    pub needed: Vec<String>,
    pub new: Vec<String>,
    pub shared_language: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonCard {
    pub user_id: i64,
    pub name: String,
    pub skills: Vec<String>,
    pub languages: Vec<String>,
    pub bio: String,
    pub fit: Option<FitView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TeamCard {
    pub id: i64,
    pub name: String,
    pub pitch: String,
    pub needs: Vec<String>,
    pub open_seats: i64,
    pub fit: Option<FitView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub event_id: i64,
    pub people: Vec<PersonCard>,
    pub teams: Vec<TeamCard>,
    /// Whether the caller may ask to join teams (a participant without a team).
    pub can_request: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    pub event_id: i64,
    pub skills: String,
    pub team_min: i64,
    pub team_max: i64,
    pub locked_at: Option<String>,
    pub teams: Vec<TeamView>,
    pub solos: Vec<PersonCard>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JoinInfo {
    pub team_name: String,
    pub event_id: i64,
    pub event_name: String,
    pub open_seats: i64,
    /// Joining also makes the caller a participant of the event (they hold no role in it).
    pub registers: bool,
    /// Why the link cannot let the caller in, if it cannot.
    pub refusal: Option<crate::i18n::Msg>,
}

pub use crate::tags::{MAX_TAGS, TAG_LEN};
pub const BIO_MAX: usize = 500;
pub const PITCH_MAX: usize = 160;

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::db::{self, TeamRow};
    use super::domain;
    use super::*;
    use crate::auth::gate::{self, EventAccess};
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::tags::split;
    use std::collections::HashMap;

    pub fn fit_view(f: domain::Fit) -> Option<FitView> {
        (f.score > 0).then_some(FitView {
            score: f.score,
            needed: f.needed,
            new: f.new,
            shared_language: f.shared_language,
        })
    }

    /// The caller must be signed in, the team must exist, and the caller must hold one of
    /// `roles` in the team's event, to change the team (every caller writes): refused once
    /// the event is archived. Anonymous callers hear 401 before anything is looked up.
    pub async fn team_write_access(team_id: i64, roles: &[Role]) -> AppResult<(EventAccess, TeamRow)> {
        let authed = gate::signed_in().await?;
        let team = db::team(authed.db(), team_id).await?.ok_or(AppError::NotFound)?;
        let access = gate::event_write(team.event_id, roles).await?;
        Ok((access, team))
    }

    pub fn require_captain(access: &EventAccess, team: &TeamRow) -> AppResult<()> {
        if team.captain_id == Some(access.user.id) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Builds every team of an event with its members; `viewer` sees codes and requests of
    /// their own team only (organizers see every code).
    pub async fn team_views(db: &Db, event_id: i64, viewer: Option<i64>, organizer: bool) -> AppResult<Vec<TeamView>> {
        let (max,): (i64,) =
            sqlx::query_as("SELECT team_max FROM events WHERE id = $1").bind(event_id).fetch_one(&db.pool).await?;
        let tracks: Vec<(i64, String)> =
            crate::events::db::track_names(db, event_id, crate::i18n::request::request_lang()).await?;
        let members = db::members_of_event(db, event_id).await?;
        #[derive(sqlx::FromRow)]
        struct Request {
            id: i64,
            team_id: i64,
            display_name: String,
            message: String,
            skills: String,
        }
        let requests: Vec<Request> = sqlx::query_as(
            "SELECT r.id, r.team_id, u.display_name, r.message, COALESCE(p.skills, '') AS skills FROM join_requests r \
             JOIN teams t ON t.id = r.team_id JOIN users u ON u.id = r.user_id \
             LEFT JOIN profiles p ON p.event_id = t.event_id AND p.user_id = r.user_id \
             WHERE t.event_id = $1 AND r.status = 'pending' ORDER BY r.created_at, r.id",
        )
        .bind(event_id)
        .fetch_all(&db.pool)
        .await?;
        let teams = db::teams_of_event(db, event_id).await?;
        let base = gate::state()?.config.public_url.clone();
        // Members and requests grouped by team once, in their query order: scanning every
        // member for every team grew with teams × members (12 million steps at 2,000 teams).
        let mut members_by_team: HashMap<i64, Vec<&db::MemberRow>> = HashMap::new();
        for m in &members {
            members_by_team.entry(m.team_id).or_default().push(m);
        }
        let mut requests_by_team: HashMap<i64, Vec<&Request>> = HashMap::new();
        for r in &requests {
            requests_by_team.entry(r.team_id).or_default().push(r);
        }
        Ok(teams
            .into_iter()
            .map(|t| {
                let team_members: Vec<Member> = members_by_team
                    .get(&t.id)
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .map(|m| Member {
                        user_id: m.user_id,
                        name: m.display_name.clone(),
                        skills: split(&m.skills),
                        captain: t.captain_id == Some(m.user_id),
                    })
                    .collect();
                let is_member = viewer.is_some_and(|v| team_members.iter().any(|m| m.user_id == v));
                let is_captain = viewer.is_some() && t.captain_id == viewer;
                TeamView {
                    id: t.id,
                    track: t.track_id.and_then(|id| tracks.iter().find(|(tid, _)| *tid == id).map(|(_, n)| n.clone())),
                    needs: split(&t.needs),
                    open_seats: (max - t.member_count).max(0),
                    invite_url: (is_member || organizer).then(|| format!("{base}/join/{}", t.invite_code)),
                    requests: if is_captain || organizer {
                        requests_by_team
                            .get(&t.id)
                            .map(Vec::as_slice)
                            .unwrap_or_default()
                            .iter()
                            .map(|r| JoinRequestView {
                                id: r.id,
                                name: r.display_name.clone(),
                                message: r.message.clone(),
                                skills: split(&r.skills),
                            })
                            .collect()
                    } else {
                        Vec::new()
                    },
                    members: team_members,
                    name: t.name,
                    pitch: t.pitch,
                }
            })
            .collect())
    }

    pub const PARTICIPANT: &[Role] = &[Role::Participant];
    pub const ORGANIZER: &[Role] = &[Role::Organizer];
}

mod api;
pub use api::*;
