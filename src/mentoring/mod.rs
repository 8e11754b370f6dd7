//! Mentoring: mentor profiles per event, automatic (explained) and manual assignment of a
//! mentor to each team, and what teams see of their mentor. The assignment rules live in
//! `assign`.

#[cfg(feature = "ssr")]
pub mod assign;
pub mod day;
pub mod help;
mod pages;
pub mod sessions;

pub use day::MyDayPage;
pub use help::HelpQueuePage;
pub use pages::{MentorCardView, MentorProfilePage, MentoringPage};
pub use sessions::SessionsPage;

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::i18n::{args, Msg},
    crate::tags::split,
    serde_json::json,
};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentorProfileData {
    pub event_id: i64,
    pub event_name: String,
    pub expertise: String,
    pub languages: String,
    pub capacity: i64,
    pub bio: String,
    pub contact: String,
    /// The teams this mentor follows.
    pub teams: Vec<String>,
}

/// What a team sees of its mentor: only what the mentor chose to share.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentorCard {
    pub name: String,
    pub expertise: Vec<String>,
    pub languages: Vec<String>,
    pub bio: String,
    pub contact: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssignmentRow {
    pub team_id: i64,
    pub team_name: String,
    pub mentor_id: Option<i64>,
    pub mentor_name: Option<String>,
    /// Why: the skills and language that matched, or why nobody could be found.
    pub skills: Vec<String>,
    pub language: String,
    pub manual: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentorLoad {
    pub user_id: i64,
    pub name: String,
    pub expertise: Vec<String>,
    pub languages: Vec<String>,
    pub load: i64,
    pub capacity: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentoringData {
    pub event_id: i64,
    pub rows: Vec<AssignmentRow>,
    pub mentors: Vec<MentorLoad>,
    /// (team name, reason) from the last automatic run.
    pub uncovered: Vec<(String, crate::i18n::Msg)>,
}

pub const CAPACITY_MAX: i64 = 50;

#[server(prefix = "/api", endpoint = "mentoring/profile")]
pub async fn mentor_profile(event_id: i64) -> Result<MentorProfileData, AppError> {
    let access = gate::event(event_id, &[Role::Mentor]).await?;
    let db = access.db();
    let event_name: String =
        sqlx::query_scalar("SELECT name FROM events WHERE id = $1").bind(event_id).fetch_one(&db.pool).await?;
    #[derive(sqlx::FromRow)]
    struct Profile {
        expertise: String,
        languages: String,
        capacity: i64,
        bio: String,
        contact: String,
    }
    let row: Option<Profile> = sqlx::query_as(
        "SELECT expertise, languages, capacity, bio, contact FROM mentor_profiles WHERE event_id = $1 AND user_id = $2",
    )
    .bind(event_id)
    .bind(access.user.id)
    .fetch_optional(&db.pool)
    .await?;
    // A mentor who never saved a profile starts from the defaults: three teams, nothing else.
    let Profile { expertise, languages, capacity, bio, contact } = row.unwrap_or(Profile {
        expertise: String::new(),
        languages: String::new(),
        capacity: 3,
        bio: String::new(),
        contact: String::new(),
    });
    let teams: Vec<String> = sqlx::query_scalar(
        "SELECT t.name FROM mentor_assignments a JOIN teams t ON t.id = a.team_id WHERE a.event_id = $1 AND a.mentor_id = $2 ORDER BY t.name",
    )
    .bind(event_id)
    .bind(access.user.id)
    .fetch_all(&db.pool)
    .await?;
    Ok(MentorProfileData {
        event_id,
        event_name,
        expertise: expertise.replace(',', ", "),
        languages: languages.replace(',', ", "),
        capacity,
        bio,
        contact,
        teams,
    })
}

#[server(prefix = "/api", endpoint = "mentoring/save-profile")]
pub async fn save_mentor_profile(
    event_id: i64,
    expertise: String,
    languages: String,
    capacity: String,
    bio: String,
    contact: String,
) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Mentor]).await?;
    let mut errors = Vec::new();
    let expertise = crate::tags::field(&mut errors, "expertise", &expertise);
    let languages = crate::tags::field(&mut errors, "languages", &languages);
    let bio = crate::events::domain::text(&mut errors, "bio", &bio, crate::teams::BIO_MAX, false);
    let contact = crate::events::domain::text(&mut errors, "contact", &contact, 200, false);
    let capacity = match capacity.trim().parse::<i64>() {
        Ok(n) if (0..=CAPACITY_MAX).contains(&n) => n,
        _ => {
            errors.push(crate::error::FieldError::with(
                "capacity",
                args::ErrNumberRange { range: format!("0–{CAPACITY_MAX}") },
            ));
            0
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    sqlx::query(
        "INSERT INTO mentor_profiles (event_id, user_id, expertise, languages, capacity, bio, contact, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id, user_id) DO UPDATE SET \
         expertise = excluded.expertise, languages = excluded.languages, capacity = excluded.capacity, \
         bio = excluded.bio, contact = excluded.contact, updated_at = excluded.updated_at",
    )
    .bind(event_id)
    .bind(access.user.id)
    .bind(&expertise)
    .bind(&languages)
    .bind(capacity)
    .bind(&bio)
    .bind(&contact)
    .bind(now())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::{Db, Tx};
    use crate::error::AppResult;

    /// A mentor of the event with their profile (defaults where they saved none).
    #[derive(sqlx::FromRow)]
    pub struct Mentor {
        pub id: i64,
        pub display_name: String,
        pub expertise: String,
        pub languages: String,
        pub capacity: i64,
    }

    pub async fn mentors(db: &Db, event_id: i64) -> AppResult<Vec<Mentor>> {
        Ok(sqlx::query_as(
            "SELECT u.id, u.display_name, COALESCE(p.expertise, '') AS expertise, \
             COALESCE(p.languages, '') AS languages, COALESCE(p.capacity, 3) AS capacity \
             FROM event_roles r JOIN users u ON u.id = r.user_id \
             LEFT JOIN mentor_profiles p ON p.event_id = r.event_id AND p.user_id = r.user_id \
             WHERE r.event_id = $1 AND r.role = 'mentor' ORDER BY u.display_name, u.id",
        )
        .bind(event_id)
        .fetch_all(&db.pool)
        .await?)
    }

    pub async fn set(
        tx: &mut Tx,
        event_id: i64,
        team_id: i64,
        mentor_id: i64,
        skills: &str,
        language: &str,
        by: Option<i64>,
    ) -> AppResult<()> {
        let t = now();
        sqlx::query(
            "INSERT INTO mentor_assignments (team_id, event_id, mentor_id, skills, language, assigned_by, assigned_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (team_id) DO UPDATE SET mentor_id = excluded.mentor_id, \
             skills = excluded.skills, language = excluded.language, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at",
        )
        .bind(team_id)
        .bind(event_id)
        .bind(mentor_id)
        .bind(skills)
        .bind(language)
        .bind(by)
        .bind(t)
        .execute(&mut **tx)
        .await?;
        super::record_mentorship(tx, team_id, mentor_id, super::MentorshipSource::Assigned).await?;
        Ok(())
    }

    pub fn reason(u: super::assign::Uncovered) -> Msg {
        match u {
            super::assign::Uncovered::NoSharedLanguage => Msg::UncoveredLanguage,
            super::assign::Uncovered::NoMatchingExpertise => Msg::UncoveredExpertise,
            super::assign::Uncovered::NoCapacityLeft => Msg::UncoveredCapacity,
        }
    }
}

/// How a mentor came to mentor a team, which keeps them from judging it: assigned to it, or
/// the help-desk request they resolved for it, or a session they held with it. The first way
/// is the one kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MentorshipSource {
    Assigned,
    Help,
    Session,
}

impl MentorshipSource {
    pub fn code(self) -> &'static str {
        match self {
            MentorshipSource::Assigned => "assigned",
            MentorshipSource::Help => "help",
            MentorshipSource::Session => "session",
        }
    }

    /// The stored code's source; the schema allows no other codes.
    pub fn from_code(code: &str) -> Self {
        match code {
            "help" => MentorshipSource::Help,
            "session" => MentorshipSource::Session,
            _ => MentorshipSource::Assigned,
        }
    }

    pub fn label(self) -> crate::i18n::Msg {
        match self {
            MentorshipSource::Assigned => crate::i18n::Msg::MentoredAssigned,
            MentorshipSource::Help => crate::i18n::Msg::MentoredAtHelpDesk,
            MentorshipSource::Session => crate::i18n::Msg::MentoredInSession,
        }
    }
}

/// The event's mentors, by name: (user id, name).
#[cfg(feature = "ssr")]
pub async fn mentors_of(db: &crate::db::Db, event_id: i64) -> crate::error::AppResult<Vec<(i64, String)>> {
    Ok(ssr::mentors(db, event_id).await?.into_iter().map(|m| (m.id, m.display_name)).collect())
}

/// Records that the mentor has mentored the team (kept when it already was, with its first
/// reason): judging assignment then keeps them off the team's project.
#[cfg(feature = "ssr")]
pub async fn record_mentorship(
    tx: &mut crate::db::Tx,
    team_id: i64,
    mentor_id: i64,
    source: MentorshipSource,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO mentorship_log (team_id, mentor_id, first_at, source) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (team_id, mentor_id) DO NOTHING",
    )
    .bind(team_id)
    .bind(mentor_id)
    .bind(now())
    .bind(source.code())
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Takes a mentor who is no longer one off the teams they followed: those teams are left
/// without a mentor, for the organizers to assign by hand or with the next automatic run. The
/// mentorship log keeps them (a mentor stays conflicted for judging a team they mentored).
/// Returns the teams left without a mentor.
#[cfg(feature = "ssr")]
pub async fn unassign_mentor(tx: &mut crate::db::Tx, event_id: i64, mentor_id: i64) -> Result<Vec<i64>, sqlx::Error> {
    let mut teams: Vec<i64> =
        sqlx::query_scalar("DELETE FROM mentor_assignments WHERE event_id = $1 AND mentor_id = $2 RETURNING team_id")
            .bind(event_id)
            .bind(mentor_id)
            .fetch_all(&mut **tx)
            .await?;
    teams.sort_unstable();
    Ok(teams)
}

/// Teams with their mentors and the reasons, and every mentor's load. Organizers only.
#[server(prefix = "/api", endpoint = "mentoring/overview")]
pub async fn mentoring_overview(event_id: i64) -> Result<MentoringData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    #[derive(sqlx::FromRow)]
    struct Assigned {
        team_id: i64,
        team_name: String,
        mentor_id: Option<i64>,
        mentor_name: Option<String>,
        skills: Option<String>,
        language: Option<String>,
        assigned_by: Option<i64>,
    }
    let rows: Vec<Assigned> = sqlx::query_as(
        "SELECT t.id AS team_id, t.name AS team_name, a.mentor_id, u.display_name AS mentor_name, a.skills, \
         a.language, a.assigned_by FROM teams t \
         LEFT JOIN mentor_assignments a ON a.team_id = t.id LEFT JOIN users u ON u.id = a.mentor_id \
         WHERE t.event_id = $1 ORDER BY t.name",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let mentors = ssr::mentors(db, event_id).await?;
    let rows: Vec<AssignmentRow> = rows
        .into_iter()
        .map(|r| AssignmentRow {
            team_id: r.team_id,
            team_name: r.team_name,
            // An assignment with an author was made by hand; the algorithm leaves none.
            manual: r.mentor_id.is_some() && r.assigned_by.is_some(),
            mentor_id: r.mentor_id,
            mentor_name: r.mentor_name,
            skills: split(&r.skills.unwrap_or_default()),
            language: r.language.unwrap_or_default(),
        })
        .collect();
    let mentors = mentors
        .into_iter()
        .map(|m| MentorLoad {
            load: rows.iter().filter(|r| r.mentor_id == Some(m.id)).count() as i64,
            user_id: m.id,
            name: m.display_name,
            expertise: split(&m.expertise),
            languages: split(&m.languages),
            capacity: m.capacity,
        })
        .collect();
    // Why the teams still without a mentor could not be covered, as the algorithm sees it.
    let uncovered = {
        let plan = plan(db, event_id, 0, false).await?;
        plan.uncovered
            .iter()
            .filter_map(|(team, why)| {
                rows.iter()
                    .find(|r| r.team_id == *team && r.mentor_id.is_none())
                    .map(|r| (r.team_name.clone(), ssr::reason(*why)))
            })
            .collect()
    };
    Ok(MentoringData { event_id, rows, mentors, uncovered })
}

#[cfg(feature = "ssr")]
async fn plan(db: &crate::db::Db, event_id: i64, seed: u64, rebalance: bool) -> Result<assign::Assignment, AppError> {
    let mentors: Vec<assign::Mentor> = ssr::mentors(db, event_id)
        .await?
        .into_iter()
        .map(|m| assign::Mentor {
            id: m.id,
            // Matched by key: "UX" and "ux" are one skill.
            expertise: crate::tags::keys(&m.expertise),
            languages: crate::tags::keys(&m.languages),
            capacity: u32::try_from(m.capacity).unwrap_or(0),
        })
        .collect();
    // A team's languages are those its members declared; its skills, its track and needs.
    #[derive(sqlx::FromRow)]
    struct TeamNeeds {
        id: i64,
        track: Option<String>,
        needs: String,
        mentor_id: Option<i64>,
    }
    let teams: Vec<TeamNeeds> = sqlx::query_as(
        "SELECT t.id, tr.name AS track, t.needs, a.mentor_id FROM teams t LEFT JOIN tracks tr ON tr.id = t.track_id \
         LEFT JOIN mentor_assignments a ON a.team_id = t.id WHERE t.event_id = $1 ORDER BY t.id",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let languages: Vec<(i64, String)> = sqlx::query_as(
        "SELECT m.team_id, COALESCE(p.languages, '') FROM team_members m \
         LEFT JOIN profiles p ON p.event_id = m.event_id AND p.user_id = m.user_id WHERE m.event_id = $1",
    )
    .bind(event_id)
    .fetch_all(&db.pool)
    .await?;
    let teams: Vec<assign::Team> = teams
        .into_iter()
        .map(|t| {
            let mut langs: Vec<String> =
                languages.iter().filter(|(team, _)| *team == t.id).flat_map(|(_, l)| crate::tags::keys(l)).collect();
            langs.sort();
            langs.dedup();
            assign::Team {
                id: t.id,
                track: t.track.map(|t| t.trim().to_lowercase()),
                needs: crate::tags::keys(&t.needs),
                languages: langs,
                current: t.mentor_id,
            }
        })
        .collect();
    Ok(assign::assign(&teams, &mentors, seed, rebalance))
}

/// Runs the automatic assignment; existing assignments stay unless `rebalance` is ticked.
/// Organizers only; the run is recorded in the audit log.
#[server(prefix = "/api", endpoint = "mentoring/auto-assign")]
pub async fn auto_assign_mentors(event_id: i64, seed: String, rebalance: Option<String>) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let seed: u64 = seed.trim().parse().map_err(|_| AppError::field("seed", Msg::ErrNotANumber))?;
    let rebalance = rebalance.is_some();
    let plan = plan(access.db(), event_id, seed, rebalance).await?;
    let mut tx = access.db().begin_write().await?;
    if rebalance {
        sqlx::query("DELETE FROM mentor_assignments WHERE event_id = $1").bind(event_id).execute(&mut *tx).await?;
    }
    for m in plan.matches.iter().filter(|m| !m.kept) {
        ssr::set(
            &mut tx,
            event_id,
            m.team_id,
            m.mentor_id,
            &m.skills.join(","),
            m.language.as_deref().unwrap_or(""),
            None,
        )
        .await?;
    }
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "mentoring.auto_assigned",
        None,
        Some(json!({
            "seed": seed,
            "rebalance": rebalance,
            "assigned": plan.matches.iter().filter(|m| !m.kept).map(|m| (m.team_id, m.mentor_id)).collect::<Vec<_>>(),
            "uncovered": plan.uncovered.iter().map(|u| u.0).collect::<Vec<_>>(),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Assigns a mentor to a team by hand, or unassigns with an empty `mentor_id`. Organizers only.
#[server(prefix = "/api", endpoint = "mentoring/assign")]
pub async fn assign_mentor(event_id: i64, team_id: i64, mentor_id: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let team: Option<(i64,)> = sqlx::query_as("SELECT id FROM teams WHERE id = $1 AND event_id = $2")
        .bind(team_id)
        .bind(event_id)
        .fetch_optional(&access.db().pool)
        .await?;
    team.ok_or(AppError::NotFound)?;
    let mut tx = access.db().begin_write().await?;
    match mentor_id.trim() {
        "" => {
            sqlx::query("DELETE FROM mentor_assignments WHERE team_id = $1").bind(team_id).execute(&mut *tx).await?;
            audit(
                &mut tx,
                Some(event_id),
                Some(access.user.id),
                "mentoring.unassigned",
                None,
                Some(json!({ "team": team_id })),
            )
            .await?;
        }
        raw => {
            let mentor = raw.parse::<i64>().map_err(|_| AppError::field("mentor_id", Msg::ErrRequired))?;
            let roles = gate::roles_in_event(access.db(), event_id, mentor).await?;
            if !roles.contains(&Role::Mentor) {
                return Err(AppError::field("mentor_id", Msg::ErrNotAMentor));
            }
            ssr::set(&mut tx, event_id, team_id, mentor, "", "", Some(access.user.id)).await?;
            audit(
                &mut tx,
                Some(event_id),
                Some(access.user.id),
                "mentoring.assigned",
                None,
                Some(json!({ "team": team_id, "mentor": mentor })),
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The caller's team's mentor, as the mentor chose to show themselves. Participants only.
#[server(prefix = "/api", endpoint = "mentoring/my-mentor")]
pub async fn my_mentor(event_id: i64) -> Result<Option<MentorCard>, AppError> {
    let access = gate::event(event_id, &[Role::Participant]).await?;
    #[derive(sqlx::FromRow)]
    struct Card {
        display_name: String,
        expertise: Option<String>,
        languages: Option<String>,
        bio: Option<String>,
        contact: Option<String>,
    }
    let row: Option<Card> = sqlx::query_as(
        "SELECT u.display_name, p.expertise, p.languages, p.bio, p.contact FROM team_members m \
         JOIN mentor_assignments a ON a.team_id = m.team_id JOIN users u ON u.id = a.mentor_id \
         LEFT JOIN mentor_profiles p ON p.event_id = a.event_id AND p.user_id = a.mentor_id \
         WHERE m.event_id = $1 AND m.user_id = $2",
    )
    .bind(event_id)
    .bind(access.user.id)
    .fetch_optional(&access.db().pool)
    .await?;
    Ok(row.map(|c| MentorCard {
        name: c.display_name,
        expertise: split(&c.expertise.unwrap_or_default()),
        languages: split(&c.languages.unwrap_or_default()),
        bio: c.bio.unwrap_or_default(),
        contact: c.contact.unwrap_or_default(),
    }))
}
