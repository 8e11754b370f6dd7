//! The teams server functions. Each starts at the authorization gate (directly or through
//! `ssr::team_write_access`), validates everything, and writes in one transaction.

use super::*;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {
    super::ssr::{self, ORGANIZER, PARTICIPANT},
    crate::auth::gate,
    crate::db::{audit, now},
    crate::error::FieldError,
    crate::i18n::{args, Msg},
    serde_json::json,
};

/// The participant's team page: profile, team, and what they may do.
#[server(prefix = "/api", endpoint = "teams/page")]
pub async fn my_team(event_id: i64) -> Result<TeamPageData, AppError> {
    let access = gate::event(event_id, PARTICIPANT).await?;
    let db = access.db();
    #[derive(sqlx::FromRow)]
    struct Event {
        name: String,
        team_min: i64,
        team_max: i64,
        teams_locked_at: Option<i64>,
        skills: String,
    }
    let Event { name: event_name, team_min, team_max, teams_locked_at: locked_at, skills: event_skills } =
        sqlx::query_as("SELECT name, team_min, team_max, teams_locked_at, skills FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(&db.pool)
            .await?;
    let mine = db::team_of_user(db, event_id, access.user.id).await?;
    // Without a saved profile, someone is looking for a team exactly when they have none.
    let db::ProfileRow { skills, languages, bio, looking } =
        db::profile(db, event_id, access.user.id).await?.unwrap_or_else(|| db::ProfileRow {
            skills: String::new(),
            languages: String::new(),
            bio: String::new(),
            looking: i64::from(mine.is_none()),
        });
    let team_track = mine.as_ref().and_then(|t| t.track_id);
    let team = match mine {
        Some(t) => ssr::team_views(db, event_id, Some(access.user.id), false).await?.into_iter().find(|v| v.id == t.id),
        None => None,
    };
    let tracks = crate::events::db::track_names(db, event_id, crate::i18n::request::request_lang()).await?;
    Ok(TeamPageData {
        event_id,
        event_name,
        team_min,
        team_max,
        locked: locked_at.is_some_and(|t| t <= now()),
        me: access.user.id,
        skills: skills.replace(',', ", "),
        languages: languages.replace(',', ", "),
        bio,
        looking: looking != 0,
        team,
        team_track,
        tracks,
        event_skills: crate::tags::split(&event_skills),
    })
}

#[server(prefix = "/api", endpoint = "teams/save-profile")]
pub async fn save_profile(
    event_id: i64,
    skills: String,
    languages: String,
    bio: String,
    looking: Option<String>,
) -> Result<(), AppError> {
    let access = gate::event_write(event_id, PARTICIPANT).await?;
    let mut errors = Vec::new();
    let skills = crate::tags::field(&mut errors, "skills", &skills);
    let languages = crate::tags::field(&mut errors, "languages", &languages);
    let bio = crate::events::domain::text(&mut errors, "bio", &bio, BIO_MAX, false);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    let profile = db::ProfileRow { skills, languages, bio, looking: i64::from(looking.is_some()) };
    db::save_profile(&mut tx, event_id, access.user.id, &profile).await?;
    tx.commit().await?;
    Ok(())
}

/// The looking-for-team board, filtered by skill and language, with explained suggestions.
#[server(prefix = "/api", endpoint = "teams/board")]
pub async fn team_board(event_id: i64, skill: String, language: String) -> Result<Board, AppError> {
    let access = gate::event(event_id, &[Role::Participant, Role::Mentor, Role::Organizer]).await?;
    let db = access.db();
    let skill = skill.trim().to_lowercase();
    let language = language.trim().to_lowercase();
    // Tags keep the case they were typed in; they match whatever the case.
    let matches =
        |tags: &[String], wanted: &str| wanted.is_empty() || tags.iter().any(|t| crate::tags::key(t) == wanted);
    let mine = db::team_of_user(db, event_id, access.user.id).await?;
    let my_profile = db::profile(db, event_id, access.user.id).await?;
    let (my_skills, my_langs) =
        my_profile.map(|p| (crate::tags::keys(&p.skills), crate::tags::keys(&p.languages))).unwrap_or_default();
    let members = db::members_of_event(db, event_id).await?;
    // What my team already has, to suggest people who complement it.
    let (team_skills, team_needs): (Vec<String>, Vec<String>) = match &mine {
        Some(t) => {
            let skills =
                members.iter().filter(|m| m.team_id == t.id).flat_map(|m| crate::tags::keys(&m.skills)).collect();
            (skills, crate::tags::keys(&t.needs))
        }
        None => (Vec::new(), Vec::new()),
    };
    let (max,): (i64,) =
        sqlx::query_as("SELECT team_max FROM events WHERE id = $1").bind(event_id).fetch_one(&db.pool).await?;
    let mut people: Vec<PersonCard> = db::solos(db, event_id)
        .await?
        .into_iter()
        .filter(|s| s.looking != 0 && s.user_id != access.user.id)
        .map(|s| {
            let skills = crate::tags::split(&s.skills);
            let languages = crate::tags::split(&s.languages);
            let (skill_keys, language_keys) = (crate::tags::keys(&s.skills), crate::tags::keys(&s.languages));
            let fit = mine.as_ref().and_then(|_| {
                ssr::fit_view(domain::fit(&team_skills, &team_needs, &my_langs, &skill_keys, &language_keys))
            });
            PersonCard { user_id: s.user_id, name: s.display_name, skills, languages, bio: s.bio, fit }
        })
        .filter(|p| matches(&p.skills, &skill) && matches(&p.languages, &language))
        .collect();
    people.sort_by(|a, b| b.fit.as_ref().map(|f| f.score).cmp(&a.fit.as_ref().map(|f| f.score)));
    let mut teams: Vec<TeamCard> = db::teams_of_event(db, event_id)
        .await?
        .into_iter()
        .filter(|t| t.member_count < max && mine.as_ref().map(|m| m.id) != Some(t.id))
        .map(|t| {
            let has: Vec<String> =
                members.iter().filter(|m| m.team_id == t.id).flat_map(|m| crate::tags::keys(&m.skills)).collect();
            let needs = crate::tags::split(&t.needs);
            let fit = (mine.is_none() && !my_skills.is_empty())
                .then(|| ssr::fit_view(domain::fit(&has, &crate::tags::keys(&t.needs), &[], &my_skills, &my_langs)))
                .flatten();
            TeamCard { id: t.id, name: t.name, pitch: t.pitch, open_seats: max - t.member_count, needs, fit }
        })
        .filter(|t| matches(&t.needs, &skill))
        .collect();
    teams.sort_by(|a, b| b.fit.as_ref().map(|f| f.score).cmp(&a.fit.as_ref().map(|f| f.score)));
    Ok(Board { event_id, people, teams, can_request: access.has(Role::Participant) && mine.is_none() })
}

#[server(prefix = "/api", endpoint = "teams/create")]
pub async fn create_team(
    event_id: i64,
    team_name: String,
    pitch: String,
    track_id: String,
    needs: String,
) -> Result<(), AppError> {
    let access = gate::event_write(event_id, PARTICIPANT).await?;
    let mut errors = Vec::new();
    let name = domain::TeamName::parse(&team_name).map_err(|k| errors.push(FieldError::new("team_name", k))).ok();
    let pitch = crate::events::domain::text(&mut errors, "pitch", &pitch, PITCH_MAX, false);
    let needs = crate::tags::field(&mut errors, "needs", &needs);
    let track_id = crate::events::db::track_of_event(access.db(), event_id, &track_id, &mut errors).await?;
    let Some(name) = name.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let mut tx = access.db().begin_write().await?;
    let (_, max) = db::ensure_unlocked(&mut tx, event_id).await?;
    let team = db::NewTeam {
        event_id,
        name: name.as_str(),
        pitch: &pitch,
        track_id,
        needs: &needs,
        captain: Some(access.user.id),
    };
    let team_id = db::insert_team(&mut tx, &team).await?.id;
    db::take_seat(&mut tx, team_id, event_id, access.user.id, max).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "team.created",
        None,
        Some(json!({ "team": team_id, "name": name.as_str() })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What an invite code leads to, for the join page. Any account.
#[server(prefix = "/api", endpoint = "teams/join-info")]
pub async fn team_invitation(code: String) -> Result<JoinInfo, AppError> {
    let authed = gate::signed_in().await?;
    let team = db::team_by_code(authed.db(), code.trim()).await?.ok_or(AppError::NotFound)?;
    let (event_name, max): (String, i64) = sqlx::query_as("SELECT name, team_max FROM events WHERE id = $1")
        .bind(team.event_id)
        .fetch_one(&authed.db().pool)
        .await?;
    let entry = link_entry(authed.db(), team.event_id, authed.user.id).await?;
    Ok(JoinInfo {
        team_name: team.name,
        event_id: team.event_id,
        event_name,
        open_seats: (max - team.member_count).max(0),
        registers: entry == Ok(domain::LinkEntry::SignUpAndSeat),
        refusal: entry.err().map(refusal_msg),
    })
}

/// What following a team link of `event_id` would do for `user_id` now.
#[cfg(feature = "ssr")]
async fn link_entry(
    db: &crate::db::Db,
    event_id: i64,
    user_id: i64,
) -> Result<Result<domain::LinkEntry, domain::LinkRefusal>, AppError> {
    let roles = gate::roles_in_event(db, event_id, user_id).await?;
    let event = crate::events::db::event(db, event_id).await?.ok_or(AppError::NotFound)?;
    let open = crate::events::domain::registration_open(
        event.input.registration_opens,
        event.input.registration_closes,
        now(),
    );
    Ok(domain::link_entry(&roles, open))
}

#[cfg(feature = "ssr")]
fn refusal_msg(r: domain::LinkRefusal) -> Msg {
    match r {
        domain::LinkRefusal::Staff => Msg::JoinTeamStaff,
        domain::LinkRefusal::RegistrationClosed => Msg::ErrTeamLinkRegistrationClosed,
    }
}

/// Joins a team with its invite code. A participant of its event takes a seat; an account
/// with no role in the event becomes a participant and takes the seat in the same step,
/// while registration is open (`domain::link_entry`). The link grants nothing else: staff of
/// the event are refused, and the team's size limit and lock hold for everyone.
#[server(prefix = "/api", endpoint = "teams/join")]
pub async fn join_team(code: String) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    let team = db::team_by_code(authed.db(), code.trim()).await?.ok_or(AppError::NotFound)?;
    // A team link of an archived event seats no one.
    gate::ensure_writable(authed.db(), team.event_id).await?;
    let user = authed.user.id;
    let entry = match link_entry(authed.db(), team.event_id, user).await? {
        Ok(entry) => entry,
        Err(domain::LinkRefusal::Staff) => return Err(AppError::Forbidden),
        Err(r @ domain::LinkRefusal::RegistrationClosed) => return Err(AppError::Conflict(refusal_msg(r))),
    };
    let mut tx = authed.db().begin_write().await?;
    if entry == domain::LinkEntry::SignUpAndSeat {
        // `grant` refuses a role clashing with one granted meanwhile (a judge invite
        // accepted at the same instant); the seat below is taken in the same transaction, so
        // a full or locked team leaves the newcomer exactly as they were.
        if crate::events::db::grant(&mut tx, team.event_id, user, Role::Participant, None).await? {
            audit(&mut tx, Some(team.event_id), Some(user), "event.joined", None, Some(json!({ "via": "team" })))
                .await?;
        }
    }
    let (_, max) = db::ensure_unlocked(&mut tx, team.event_id).await?;
    db::take_seat(&mut tx, team.id, team.event_id, user, max).await?;
    audit(
        &mut tx,
        Some(team.event_id),
        Some(user),
        "team.joined",
        None,
        Some(json!({ "team": team.id, "via": "code" })),
    )
    .await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{}/team", team.event_id));
    Ok(())
}

#[server(prefix = "/api", endpoint = "teams/request")]
pub async fn request_join(team_id: i64, message: String) -> Result<(), AppError> {
    let (access, team) = ssr::team_write_access(team_id, PARTICIPANT).await?;
    let mut errors = Vec::new();
    let message = crate::events::domain::text(&mut errors, "message", &message, 300, false);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    db::ensure_unlocked(&mut tx, team.event_id).await?;
    let in_team: Option<(i64,)> =
        sqlx::query_as("SELECT team_id FROM team_members WHERE event_id = $1 AND user_id = $2")
            .bind(team.event_id)
            .bind(access.user.id)
            .fetch_optional(&mut *tx)
            .await?;
    if in_team.is_some() {
        return Err(AppError::Conflict(Msg::ErrAlreadyInTeam));
    }
    let pending: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM join_requests WHERE team_id = $1 AND user_id = $2 AND status = 'pending'")
            .bind(team_id)
            .bind(access.user.id)
            .fetch_optional(&mut *tx)
            .await?;
    if pending.is_none() {
        sqlx::query("INSERT INTO join_requests (team_id, user_id, message, status, created_at) VALUES ($1, $2, $3, 'pending', $4)")
            .bind(team_id)
            .bind(access.user.id)
            .bind(&message)
            .bind(now())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The captain accepts or declines a request to join.
#[server(prefix = "/api", endpoint = "teams/decide")]
pub async fn decide_request(request_id: i64, accept: bool) -> Result<(), AppError> {
    let authed = gate::signed_in().await?;
    let row: Option<(i64, i64)> =
        sqlx::query_as("SELECT team_id, user_id FROM join_requests WHERE id = $1 AND status = 'pending'")
            .bind(request_id)
            .fetch_optional(&authed.db().pool)
            .await?;
    let (team_id, user_id) = row.ok_or(AppError::NotFound)?;
    let (access, team) = ssr::team_write_access(team_id, PARTICIPANT).await?;
    ssr::require_captain(&access, &team)?;
    let mut tx = access.db().begin_write().await?;
    let (_, max) = db::ensure_unlocked(&mut tx, team.event_id).await?;
    let decided = sqlx::query(
        "UPDATE join_requests SET status = $1, decided_at = $2, decided_by = $3 WHERE id = $4 AND status = 'pending'",
    )
    .bind(if accept { "accepted" } else { "declined" })
    .bind(now())
    .bind(access.user.id)
    .bind(request_id)
    .execute(&mut *tx)
    .await?;
    if decided.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ErrRequestAlreadyDecided));
    }
    if accept {
        db::take_seat(&mut tx, team_id, team.event_id, user_id, max).await?;
    }
    audit(
        &mut tx,
        Some(team.event_id),
        Some(access.user.id),
        if accept { "team.request_accepted" } else { "team.request_declined" },
        None,
        Some(json!({ "team": team_id, "user": user_id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "teams/leave")]
pub async fn leave_team(event_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, PARTICIPANT).await?;
    let team = db::team_of_user(access.db(), event_id, access.user.id).await?.ok_or(AppError::NotFound)?;
    let mut tx = access.db().begin_write().await?;
    db::ensure_unlocked(&mut tx, event_id).await?;
    db::free_seat(&mut tx, team.id, access.user.id).await?;
    audit(&mut tx, Some(event_id), Some(access.user.id), "team.left", None, Some(json!({ "team": team.id }))).await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "teams/remove-member")]
pub async fn remove_member(team_id: i64, user_id: i64) -> Result<(), AppError> {
    let (access, team) = ssr::team_write_access(team_id, PARTICIPANT).await?;
    ssr::require_captain(&access, &team)?;
    if user_id == access.user.id {
        return Err(AppError::field("user_id", Msg::ErrCaptainCannotRemoveSelf));
    }
    let mut tx = access.db().begin_write().await?;
    db::ensure_unlocked(&mut tx, team.event_id).await?;
    db::free_seat(&mut tx, team_id, user_id).await?;
    audit(
        &mut tx,
        Some(team.event_id),
        Some(access.user.id),
        "team.member_removed",
        None,
        Some(json!({ "team": team_id, "user": user_id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[server(prefix = "/api", endpoint = "teams/make-captain")]
pub async fn make_captain(team_id: i64, user_id: i64) -> Result<(), AppError> {
    let (access, team) = ssr::team_write_access(team_id, PARTICIPANT).await?;
    ssr::require_captain(&access, &team)?;
    let mut tx = access.db().begin_write().await?;
    let done = sqlx::query(
        "UPDATE teams SET captain_id = $1 WHERE id = $2 AND captain_id = $3 \
         AND EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = $2 AND m.user_id = $1)",
    )
    .bind(user_id)
    .bind(team_id)
    .bind(access.user.id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::NotFound);
    }
    audit(
        &mut tx,
        Some(team.event_id),
        Some(access.user.id),
        "team.captain_changed",
        None,
        Some(json!({ "team": team_id, "captain": user_id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every team and every participant still alone. Organizers only.
#[server(prefix = "/api", endpoint = "teams/overview")]
pub async fn teams_overview(event_id: i64) -> Result<Overview, AppError> {
    let access = gate::event(event_id, ORGANIZER).await?;
    let db = access.db();
    #[derive(sqlx::FromRow)]
    struct Event {
        team_min: i64,
        team_max: i64,
        teams_locked_at: Option<i64>,
        timezone: String,
        skills: String,
    }
    let Event { team_min, team_max, teams_locked_at: locked_at, timezone: tz, skills } =
        sqlx::query_as("SELECT team_min, team_max, teams_locked_at, timezone, skills FROM events WHERE id = $1")
            .bind(event_id)
            .fetch_one(&db.pool)
            .await?;
    let tz = crate::events::domain::parse_timezone(&tz).unwrap_or(chrono_tz::UTC);
    let solos = db::solos(db, event_id)
        .await?
        .into_iter()
        .map(|s| PersonCard {
            user_id: s.user_id,
            name: s.display_name,
            skills: crate::tags::split(&s.skills),
            languages: crate::tags::split(&s.languages),
            bio: s.bio,
            fit: None,
        })
        .collect();
    Ok(Overview {
        event_id,
        skills: skills.replace(',', ", "),
        team_min,
        team_max,
        locked_at: locked_at.map(|t| crate::events::domain::utc_to_local_input(t, tz)),
        teams: ssr::team_views(db, event_id, None, true).await?,
        solos,
    })
}

/// Moves a participant into a team (out of their current one, if any). Organizers only;
/// the team's size limit still holds, the lock date does not.
#[server(prefix = "/api", endpoint = "teams/move")]
pub async fn move_participant(event_id: i64, user_id: i64, team_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, ORGANIZER).await?;
    let roles = gate::roles_in_event(access.db(), event_id, user_id).await?;
    if !roles.contains(&Role::Participant) {
        return Err(AppError::field("user_id", Msg::ErrNotAParticipant));
    }
    let target = db::team(access.db(), team_id).await?.filter(|t| t.event_id == event_id).ok_or(AppError::NotFound)?;
    let current = db::team_of_user(access.db(), event_id, user_id).await?;
    let (max,): (i64,) =
        sqlx::query_as("SELECT team_max FROM events WHERE id = $1").bind(event_id).fetch_one(&access.db().pool).await?;
    let mut tx = access.db().begin_write().await?;
    if let Some(current) = &current {
        if current.id == target.id {
            return Ok(());
        }
        db::free_seat(&mut tx, current.id, user_id).await?;
    }
    db::take_seat(&mut tx, target.id, event_id, user_id, max).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "team.member_moved",
        current.map(|c| json!({ "team": c.id })),
        Some(json!({ "team": target.id, "user": user_id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets (or clears, with an empty value) the time after which participants can no longer
/// change teams. Organizers only.
#[server(prefix = "/api", endpoint = "teams/lock")]
pub async fn set_team_lock(event_id: i64, locked_at: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, ORGANIZER).await?;
    let tz = crate::events::db::timezone(access.db(), event_id).await?;
    let at = crate::events::domain::optional_local(&locked_at, tz, "locked_at")?;
    let mut tx = access.db().begin_write().await?;
    sqlx::query("UPDATE events SET teams_locked_at = $1 WHERE id = $2")
        .bind(at)
        .bind(event_id)
        .execute(&mut *tx)
        .await?;
    audit(&mut tx, Some(event_id), Some(access.user.id), "teams.lock_set", None, Some(json!({ "locked_at": at })))
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Forms teams from the participants still alone (see `domain::auto_form`). The same seed
/// on the same data gives the same teams. Organizers only.
#[server(prefix = "/api", endpoint = "teams/auto-form")]
pub async fn auto_form_teams(event_id: i64, seed: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, ORGANIZER).await?;
    let seed: u64 = seed.trim().parse().map_err(|_| AppError::field("seed", Msg::ErrNotANumber))?;
    let db = access.db();
    let solos: Vec<domain::Solo> = db::solos(db, event_id)
        .await?
        .into_iter()
        .map(|s| domain::Solo {
            user_id: s.user_id,
            skills: crate::tags::keys(&s.skills),
            languages: crate::tags::keys(&s.languages),
        })
        .collect();
    let members = db::members_of_event(db, event_id).await?;
    let teams: Vec<domain::OpenTeam> = db::teams_of_event(db, event_id)
        .await?
        .into_iter()
        .map(|t| domain::OpenTeam {
            team_id: t.id,
            members: t.member_count,
            skills: members.iter().filter(|m| m.team_id == t.id).flat_map(|m| crate::tags::keys(&m.skills)).collect(),
            needs: crate::tags::keys(&t.needs),
            languages: Vec::new(),
        })
        .collect();
    let mut tx = db.begin_write().await?;
    let (min, max): (i64, i64) = sqlx::query_as("SELECT team_min, team_max FROM events WHERE id = $1")
        .bind(event_id)
        .fetch_one(&mut *tx)
        .await?;
    let plan = domain::auto_form(&solos, &teams, min, max, seed);
    for (team_id, user_id) in &plan.joins {
        db::take_seat(&mut tx, *team_id, event_id, *user_id, max).await?;
    }
    // Read inside the write transaction, so the names chosen are free when they are written.
    let taken: Vec<String> =
        sqlx::query_scalar("SELECT name FROM teams WHERE event_id = $1").bind(event_id).fetch_all(&mut *tx).await?;
    let lang = crate::i18n::request::request_lang();
    let names = domain::free_names(
        // Stored as the team's name: no bidi marks in the database.
        |n| lang.format_plain(args::AutoTeamName { number: n }),
        &taken,
        taken.len() as i64 + 1,
        plan.new_teams.len(),
    );
    for (people, name) in plan.new_teams.iter().zip(&names) {
        let team = db::NewTeam { event_id, name, captain: people.first().copied(), ..Default::default() };
        let team_id = db::insert_team(&mut tx, &team).await?.id;
        for user_id in people {
            db::take_seat(&mut tx, team_id, event_id, *user_id, max).await?;
        }
    }
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "teams.auto_formed",
        None,
        Some(json!({ "seed": seed, "joins": plan.joins, "new_teams": plan.new_teams, "unplaced": plan.unplaced })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a team that has no members left and nothing judged: a team whose project was
/// submitted or scored stays, since deleting it would take the project, its scores and their
/// history with it (foreign keys cascade). Organizers only.
#[server(prefix = "/api", endpoint = "teams/dissolve")]
pub async fn dissolve_team(event_id: i64, team_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, ORGANIZER).await?;
    let mut tx = access.db().begin_write().await?;
    // The conditions are part of the DELETE itself: no window between a check made here and
    // the delete, for a submission or a first score to slip into.
    let gone: Option<(String,)> = sqlx::query_as(
        "DELETE FROM teams WHERE id = $1 AND event_id = $2 AND member_count = 0 \
         AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.team_id = teams.id AND (p.status <> 'draft' OR p.submitted_at IS NOT NULL \
             OR EXISTS (SELECT 1 FROM scores s WHERE s.project_id = p.id) \
             OR EXISTS (SELECT 1 FROM score_saves k WHERE k.project_id = p.id) \
             OR EXISTS (SELECT 1 FROM judge_assignments a WHERE a.project_id = p.id))) \
         RETURNING name",
    )
    .bind(team_id)
    .bind(event_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((name,)) = gone else {
        let exists: Option<(i64,)> = sqlx::query_as("SELECT member_count FROM teams WHERE id = $1 AND event_id = $2")
            .bind(team_id)
            .bind(event_id)
            .fetch_optional(&mut *tx)
            .await?;
        return Err(match exists {
            None => AppError::NotFound,
            Some((0,)) => AppError::Conflict(Msg::ErrTeamHasJudgedProject),
            Some(_) => AppError::Conflict(Msg::ErrTeamNotEmpty),
        });
    };
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "team.dissolved",
        Some(json!({ "team": team_id, "name": name })),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Renames a team (an offensive name, or one that misleads). Organizers only; unlike the
/// captain's edit, the lock date does not stop it.
#[server(prefix = "/api", endpoint = "teams/rename")]
pub async fn rename_team(event_id: i64, team_id: i64, team_name: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, ORGANIZER).await?;
    let name = domain::TeamName::parse(&team_name).map_err(|k| AppError::field("team_name", k))?;
    let mut tx = access.db().begin_write().await?;
    // The event id in the WHERE clause keeps an organizer inside their own event.
    let before: Option<(String,)> = sqlx::query_as("SELECT name FROM teams WHERE id = $1 AND event_id = $2")
        .bind(team_id)
        .bind(event_id)
        .fetch_optional(&mut *tx)
        .await?;
    let (before,) = before.ok_or(AppError::NotFound)?;
    let done = sqlx::query("UPDATE teams SET name = $1 WHERE id = $2 AND event_id = $3")
        .bind(name.as_str())
        .bind(team_id)
        .bind(event_id)
        .execute(&mut *tx)
        .await;
    match done {
        Ok(_) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(AppError::field("team_name", Msg::ErrTeamNameTaken))
        }
        Err(e) => return Err(e.into()),
    }
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "team.renamed",
        Some(json!({ "team": team_id, "name": before })),
        Some(json!({ "team": team_id, "name": name.as_str() })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The captain edits the team's name, pitch, track and needed skills.
#[server(prefix = "/api", endpoint = "teams/update")]
pub async fn update_team(
    team_id: i64,
    team_name: String,
    pitch: String,
    track_id: String,
    needs: String,
) -> Result<(), AppError> {
    let (access, team) = ssr::team_write_access(team_id, PARTICIPANT).await?;
    ssr::require_captain(&access, &team)?;
    let mut errors = Vec::new();
    let name = domain::TeamName::parse(&team_name).map_err(|k| errors.push(FieldError::new("team_name", k))).ok();
    let pitch = crate::events::domain::text(&mut errors, "pitch", &pitch, PITCH_MAX, false);
    let needs = crate::tags::field(&mut errors, "needs", &needs);
    let track_id = crate::events::db::track_of_event(access.db(), team.event_id, &track_id, &mut errors).await?;
    let Some(name) = name.filter(|_| errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let mut tx = access.db().begin_write().await?;
    db::ensure_unlocked(&mut tx, team.event_id).await?;
    let done = sqlx::query("UPDATE teams SET name = $1, pitch = $2, track_id = $3, needs = $4 WHERE id = $5")
        .bind(name.as_str())
        .bind(&pitch)
        .bind(track_id)
        .bind(&needs)
        .bind(team_id)
        .execute(&mut *tx)
        .await;
    match done {
        Ok(_) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(AppError::field("team_name", Msg::ErrTeamNameTaken))
        }
        Err(e) => return Err(e.into()),
    }
    if track_id != team.track_id {
        follow_team_track(&mut tx, team_id, team.track_id, track_id, access.user.id).await?;
    }
    audit(
        &mut tx,
        Some(team.event_id),
        Some(access.user.id),
        "team.updated",
        Some(json!({ "name": team.name, "pitch": team.pitch, "needs": team.needs, "track": team.track_id })),
        Some(json!({ "name": name.as_str(), "pitch": pitch, "needs": needs, "track": track_id })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves the team's project to the team's new track when it follows the team
/// (`projects::domain::follows_team_track`: it has no track or the former one, and judging
/// has not reached it), writing the change into the project's history
/// as made by whoever changed the team's track.
#[cfg(feature = "ssr")]
async fn follow_team_track(
    tx: &mut crate::db::Tx,
    team_id: i64,
    former: Option<i64>,
    track_id: Option<i64>,
    by: i64,
) -> Result<(), AppError> {
    #[derive(sqlx::FromRow)]
    struct Project {
        id: i64,
        track_id: Option<i64>,
        in_judging: i64,
    }
    let project: Option<Project> = sqlx::query_as(&format!(
        "SELECT p.id, p.track_id, {} AS in_judging FROM projects p WHERE p.team_id = $1",
        crate::projects::db::JUDGING_REACHED
    ))
    .bind(team_id)
    .fetch_optional(&mut **tx)
    .await?;
    let follows = |p: &Project| crate::projects::domain::follows_team_track(p.track_id, former, p.in_judging != 0);
    let Some(project) = project.filter(follows) else {
        return Ok(());
    };
    if project.track_id == track_id {
        return Ok(());
    }
    let t = now();
    sqlx::query(
        "UPDATE projects SET track_id = $1, version = version + 1, updated_at = $2, updated_by = $3 WHERE id = $4",
    )
    .bind(track_id)
    .bind(t)
    .bind(by)
    .bind(project.id)
    .execute(&mut **tx)
    .await?;
    let before = crate::projects::db::track_name(tx, project.track_id).await?;
    let after = crate::projects::db::track_name(tx, track_id).await?;
    let changes = vec![("track".to_owned(), before, after)];
    sqlx::query("INSERT INTO project_history (project_id, user_id, at, changes) VALUES ($1, $2, $3, $4)")
        .bind(project.id)
        .bind(by)
        .bind(t)
        .bind(serde_json::to_string(&changes).unwrap_or_default())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// The skills the event suggests to participants. Organizers only.
#[server(prefix = "/api", endpoint = "teams/set-skills")]
pub async fn set_event_skills(event_id: i64, skills: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, ORGANIZER).await?;
    let mut errors = Vec::new();
    let skills = crate::tags::field(&mut errors, "skills", &skills);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    sqlx::query("UPDATE events SET skills = $1 WHERE id = $2").bind(&skills).bind(event_id).execute(&mut *tx).await?;
    audit(&mut tx, Some(event_id), Some(access.user.id), "event.skills_set", None, Some(json!({ "skills": skills })))
        .await?;
    tx.commit().await?;
    Ok(())
}
