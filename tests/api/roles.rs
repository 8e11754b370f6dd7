//! Organizers removing roles: a mentor (what they held handed back), a judge who has not
//! scored (passes revoked, assignments released), a judge who has scored (refused, then
//! retired: results unchanged, still named in the audit as retired), organizers (never the
//! last one), and no one else may remove anyone.

use crate::fixture::{Persona::*, *};
use crate::helpers::*;
use crate::judging::{jury, save};
use reqwest::{Client, StatusCode};

async fn built() -> (TestApp, Fixture) {
    let app = spawn_app().await;
    let admin = user_agent();
    app.signup_admin(&admin, "Admin", "admin@example.ma").await;
    let fx = Fixture::build(&app, "r", &admin).await;
    (app, fx)
}

fn ok(r: &Reply, what: &str) {
    assert!(r.status.is_success() || r.status.is_redirection(), "{what}: {} {}", r.status, r.body);
}

fn refused_with(r: &Reply, msg: Msg, what: &str) {
    assert_eq!(r.error(), Some(AppError::Conflict(msg)), "{what}: {} {}", r.status, r.body);
    assert_eq!(r.status, StatusCode::CONFLICT, "{what}");
}

async fn count(app: &TestApp, sql: &str, a: i64, b: i64) -> i64 {
    sqlx::query_scalar::<_, i64>(sql).bind(a).bind(b).fetch_one(&app.state.db.pool).await.unwrap()
}

fn remove(event_id: i64, user_id: i64, role: &str) -> RemoveRole {
    RemoveRole { event_id, user_id, role: role.into() }
}

/// The project ids of a list in an answer (`assignments_released`, …).
fn ids(v: &serde_json::Value) -> Vec<i64> {
    v.as_array().map(|a| a.iter().filter_map(|x| x.as_i64()).collect()).unwrap_or_default()
}

#[tokio::test]
async fn removing_a_mentor_ends_their_access_and_hands_back_what_they_held() {
    let (app, fx) = built().await;
    let (org, mentor, member) = (fx.client(Organizer), fx.client(Mentor), fx.client(Participant));
    let m = fx.user(Mentor);
    // The mentor is handling a request, follows "Borj", and "Atlas" booked a slot of theirs.
    let help = raise_help(&app, fx.client(Captain), fx.event).await;
    ok(&app.send(mentor, &ClaimHelp { request_id: help }).await, "claim");
    ok(
        &app.send(org, &AssignMentor { event_id: fx.event, team_id: fx.team2, mentor_id: m.to_string() }).await,
        "assign mentor",
    );
    ok(
        &app.send(
            mentor,
            &SessionNotes { slot_id: fx.slot, notes: "Préparer la démo".into(), attended: String::new() },
        )
        .await,
        "notes",
    );
    let free_slot = offer_slot(&app, mentor, fx.event).await;
    ok(&app.send(mentor, &MentorProfile { event_id: fx.event }).await, "the mentor's profile before");
    assert_eq!(get_status(&app, mentor, &format!("/events/{}/live", fx.event)).await.0, StatusCode::OK);

    let r = app.send(org, &remove(fx.event, m, "mentor")).await;
    ok(&r, "remove the mentor");
    let done = r.json();
    assert_eq!(done["slots_withdrawn"], 2, "{}", r.body);
    assert_eq!(ids(&done["bookings_cancelled"]), vec![fx.team]);
    assert_eq!(ids(&done["help_released"]), vec![help]);
    assert_eq!(ids(&done["teams_unassigned"]), vec![fx.team2]);

    // Access ends at the next request: functions, the live stream, the event's pages.
    for r in [
        app.send(mentor, &MentorProfile { event_id: fx.event }).await,
        app.send(mentor, &ListSlots { event_id: fx.event }).await,
        app.send(mentor, &HelpPage { event_id: fx.event, all: false }).await,
        app.send(mentor, &ClaimHelp { request_id: fx.help }).await,
    ] {
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    }
    assert_eq!(get_status(&app, mentor, &format!("/events/{}/live", fx.event)).await.0, StatusCode::FORBIDDEN);
    assert!(app.send(mentor, &EventPage { id: fx.event }).await.json()["my_roles"].as_array().unwrap().is_empty());

    // Nothing held was lost: the booking is cancelled with its notes, the slots withdrawn (no
    // longer listed nor bookable), the request back in the queue, the team without a mentor
    // but the mentorship still on record (a conflict for judging it).
    let pool = &app.state.db.pool;
    let (notes, cancelled): (String, Option<i64>) =
        sqlx::query_as("SELECT notes, cancelled_at FROM mentor_bookings WHERE slot_id = $1 AND team_id = $2")
            .bind(fx.slot)
            .bind(fx.team)
            .fetch_one(pool)
            .await
            .unwrap();
    assert_eq!(notes, "Préparer la démo");
    assert!(cancelled.is_some(), "the team's booking is cancelled, not deleted");
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM mentor_slots WHERE mentor_id = $1 AND event_id = $2 AND withdrawn_at IS NOT NULL",
            m,
            fx.event
        )
        .await,
        2
    );
    let listed = app.send(member, &ListSlots { event_id: fx.event }).await;
    ok(&listed, "schedule");
    assert!(listed.json()["slots"].as_array().unwrap().is_empty(), "withdrawn slots are not listed: {}", listed.body);
    refused_with(&app.send(member, &BookSlot { slot_id: free_slot }).await, Msg::ErrSlotTaken, "book a withdrawn slot");
    assert_eq!(count(&app, "SELECT COUNT(*) FROM help_requests WHERE id = $1 AND status = 'open' AND claimed_by IS NULL AND event_id = $2", help, fx.event).await, 1);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM mentor_assignments WHERE mentor_id = $1 AND event_id = $2", m, fx.event)
            .await,
        0
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM mentorship_log WHERE mentor_id = $1 AND team_id = $2", m, fx.team2).await,
        1
    );
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE event_id = $1 AND actor_id = $2 AND action = 'role.removed'",
            fx.event,
            fx.user(Organizer)
        )
        .await,
        1
    );
    let csv = app.get(org, &format!("/events/{}/sessions.csv", fx.event)).await.body;
    assert!(csv.contains("cancelled") && csv.contains("withdrawn"), "{csv}");

    // A link made before the removal does not undo it; one made afterwards is a new decision.
    let old = app.send(mentor, &AcceptInvite { code: fx.invite_code.clone() }).await;
    refused_with(&old, Msg::ErrRemovedFromRole, "an old mentor link");
    let code = app.invite(org, fx.event, "mentor", "1").await;
    ok(&app.send(mentor, &AcceptInvite { code }).await, "a new mentor link");
    ok(&app.send(mentor, &MentorProfile { event_id: fx.event }).await, "the mentor is back");
}

#[tokio::test]
async fn removing_a_judge_who_has_not_scored_ends_their_access_and_releases_their_projects() {
    let app = spawn_app().await;
    let jury = jury(&app, 2, 3, "3").await;
    crate::judging::assign(&app, &jury, "1").await;
    let (judge, phone) = &jury.judges[2];
    // A judge with a password of their own, through an invite, also assigned.
    let code = app.invite(&jury.organizer, jury.event, "judge", "1").await;
    let own = app.join_with_invite(&code, "Nadia Idrissi", "nadia@example.ma").await;
    let own_id = app.user_id("nadia@example.ma").await;
    ok(
        &app.send(&jury.organizer, &AddExtraJudge { event_id: jury.event, project_id: jury.projects[0].0 }).await,
        "extra judge",
    );
    assert_eq!(crate::judging::assigned_to(&app, own_id).await, vec![jury.projects[0].0]);
    ok(&app.send(phone, &JudgeDesk { event_id: jury.event }).await, "the desk before");
    ok(&app.send(&own, &JudgeDesk { event_id: jury.event }).await, "the desk before");

    let r = app.send(&jury.organizer, &remove(jury.event, *judge, "judge")).await;
    ok(&r, "remove the pass judge");
    let done = r.json();
    assert_eq!(done["passes_revoked"], 1, "{}", r.body);
    assert_eq!(ids(&done["assignments_released"]), jury.projects.iter().map(|p| p.0).collect::<Vec<_>>());
    let r = app.send(&jury.organizer, &remove(jury.event, own_id, "judge")).await;
    ok(&r, "remove the password judge");
    assert_eq!(ids(&r.json()["assignments_released"]), vec![jury.projects[0].0]);

    // The phone's pass is revoked (its session ends); the account judge holds no role.
    let desk = app.send(phone, &JudgeDesk { event_id: jury.event }).await;
    assert!(matches!(desk.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN), "{} {}", desk.status, desk.body);
    let late = save(&app, &own, jury.event, jury.projects[0].0, "after-removal", 0, &[("c1", "4"), ("c2", "7")]).await;
    assert_eq!(late.status, StatusCode::FORBIDDEN, "{}", late.body);
    assert_eq!(app.send(&own, &JudgeDesk { event_id: jury.event }).await.status, StatusCode::FORBIDDEN);
    assert!(crate::judging::assigned_to(&app, *judge).await.is_empty());
    assert!(crate::judging::assigned_to(&app, own_id).await.is_empty());
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM event_roles WHERE role = 'judge' AND event_id = {}", jury.event))
            .await,
        2
    );

    // The projects are short of judges; the next run finds no one else to give them to.
    let console = app.send(&jury.organizer, &JudgingConsole { event_id: jury.event }).await.json();
    assert!(console["coverage"].as_array().unwrap().iter().all(|c| c["under"] == true), "{console}");
    crate::judging::assign(&app, &jury, "2").await;
    assert!(crate::judging::assigned_to(&app, *judge).await.is_empty());
}

#[tokio::test]
async fn a_judge_who_scored_is_retired_and_the_results_stay_the_same() {
    let app = spawn_app().await;
    // Four projects, three judges on each, normalized per judge.
    let jury = jury(&app, 4, 3, "3").await;
    crate::judging::assign(&app, &jury, "1").await;
    let marks = [
        [("c1", "5"), ("c2", "9")],
        [("c1", "3"), ("c2", "6")],
        [("c1", "2"), ("c2", "2")],
        [("c1", "4"), ("c2", "5")],
    ];
    for (j, (_, phone)) in jury.judges.iter().enumerate() {
        // The third judge scores two projects and leaves the others untouched.
        let n = if j == 2 { 2 } else { 4 };
        for (i, (project, _)) in jury.projects.iter().take(n).enumerate() {
            let m = &marks[(i + j) % 4];
            ok(&save(&app, phone, jury.event, *project, &format!("score-{j}-{i}"), 0, m).await, "score");
        }
    }
    let (judge, phone) = &jury.judges[2];
    let org = &jury.organizer;

    let refused = app.send(org, &remove(jury.event, *judge, "judge")).await;
    refused_with(&refused, Msg::ErrJudgeHasScored, "remove a judge who scored");
    let unknown = app.send(org, &RetireJudge { event_id: jury.event, user_id: jury.judges[0].0 + 1000 }).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND, "{}", unknown.body);

    let results = app.send(org, &JudgingResults { event_id: jury.event }).await;
    ok(&results, "results before");
    let ranking = app.get(org, &format!("/events/{}/ranking.csv", jury.event)).await.body;
    let calibration = app.send(org, &Dashboard { event_id: jury.event }).await.json()["calibration_svg"].clone();

    let r = app.send(org, &RetireJudge { event_id: jury.event, user_id: *judge }).await;
    ok(&r, "retire");
    let done = r.json();
    assert_eq!(done["retired"], true);
    assert_eq!(done["passes_revoked"], 1);
    let unscored: Vec<i64> = jury.projects.iter().skip(2).map(|p| p.0).collect();
    assert_eq!(ids(&done["assignments_released"]), unscored, "{}", r.body);

    // Access is gone at once.
    let desk = app.send(phone, &JudgeDesk { event_id: jury.event }).await;
    assert!(matches!(desk.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN), "{}", desk.status);
    // The results, the ranking and each judge's normalized totals are exactly as before.
    let after = app.send(org, &JudgingResults { event_id: jury.event }).await;
    assert_eq!(after.json(), results.json(), "results changed by the retirement");
    assert_eq!(app.get(org, &format!("/events/{}/ranking.csv", jury.event)).await.body, ranking);
    // The scores export keeps the judge's scores and says they were retired.
    let scores = app.get(org, &format!("/events/{}/scores.csv?by=judge", jury.event)).await.body;
    let theirs: Vec<&str> = scores.lines().filter(|l| l.starts_with("Juge 2,")).collect();
    assert_eq!(theirs.len(), 2, "{scores}");
    assert!(theirs.iter().all(|l| l.trim_end().ends_with(",true")), "{scores}");
    assert!(scores.lines().filter(|l| l.starts_with("Juge 0,")).all(|l| l.trim_end().ends_with(",false")));
    assert_eq!(app.send(org, &Dashboard { event_id: jury.event }).await.json()["calibration_svg"], calibration);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM scores WHERE judge_id = {judge}")).await, 2);
    assert_eq!(
        crate::judging::assigned_to(&app, *judge).await,
        jury.projects.iter().take(2).map(|p| p.0).collect::<Vec<_>>()
    );

    // The audit still names the judge, marked retired, next to their scores.
    let audit = app.send(org, &AuditLog { event_id: jury.event }).await.json();
    let name = "Juge 2";
    let entries = audit.as_array().unwrap();
    let theirs: Vec<_> = entries.iter().filter(|e| e["actor"] == name).collect();
    assert!(!theirs.is_empty() && theirs.iter().all(|e| e["retired"] == true), "{audit}");
    assert!(entries.iter().any(|e| e["action"] == "judge.retired" && e["detail"].as_str().unwrap().contains(name)));
    assert!(entries.iter().filter(|e| e["actor"] == "Juge 0").all(|e| e["retired"] == false));
    let console = app.send(org, &JudgingConsole { event_id: jury.event }).await.json();
    let listed = console["judges"].as_array().unwrap().iter().find(|j| j["user_id"] == *judge).cloned().unwrap();
    assert_eq!(listed["retired"], true);

    // Retired stays retired: again, through a judge link, or by the next assignment run.
    refused_with(
        &app.send(org, &RetireJudge { event_id: jury.event, user_id: *judge }).await,
        Msg::ErrJudgeRetired,
        "retire twice",
    );
    refused_with(
        &app.send(org, &remove(jury.event, *judge, "judge")).await,
        Msg::ErrJudgeRetired,
        "remove a retired judge",
    );
    crate::judging::assign(&app, &jury, "5").await;
    assert_eq!(crate::judging::assigned_to(&app, *judge).await.len(), 2, "no new assignment for a retired judge");
    assert_eq!(
        app.send(org, &ResetPass { event_id: jury.event, user_id: *judge, action: "renew".into() }).await.status,
        StatusCode::NOT_FOUND
    );

    // A judge who has not scored is removed, not retired.
    let fresh = crate::judging::add_judge(&app, org, jury.event, "Juge 3").await.0;
    refused_with(
        &app.send(org, &RetireJudge { event_id: jury.event, user_id: fresh }).await,
        Msg::ErrJudgeNotScored,
        "retire an unscored judge",
    );
}

#[tokio::test]
async fn a_retired_account_judge_cannot_come_back_through_a_link() {
    let app = spawn_app().await;
    let jury = jury(&app, 1, 0, "1").await;
    let code = app.invite(&jury.organizer, jury.event, "judge", "5").await;
    let own = app.join_with_invite(&code, "Karim Alaoui", "karim@example.ma").await;
    let id = app.user_id("karim@example.ma").await;
    crate::judging::assign(&app, &jury, "1").await;
    ok(&save(&app, &own, jury.event, jury.projects[0].0, "karim-001", 0, &[("c1", "4"), ("c2", "7")]).await, "score");
    ok(&app.send(&jury.organizer, &RetireJudge { event_id: jury.event, user_id: id }).await, "retire");
    assert_eq!(app.send(&own, &JudgeDesk { event_id: jury.event }).await.status, StatusCode::FORBIDDEN);
    let again = app.send(&own, &AcceptInvite { code }).await;
    refused_with(&again, Msg::ErrJudgeRetired, "the old judge link");
    let fresh = app.invite(&jury.organizer, jury.event, "judge", "1").await;
    refused_with(&app.send(&own, &AcceptInvite { code: fresh }).await, Msg::ErrJudgeRetired, "a new judge link");
    assert_eq!(app.send(&own, &JudgeDesk { event_id: jury.event }).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_last_organizer_stays_and_an_organizer_may_leave_when_another_remains() {
    let (app, fx) = built().await;
    let org = fx.client(Organizer);
    let me = fx.user(Organizer);
    refused_with(
        &app.send(org, &remove(fx.event, me, "organizer")).await,
        Msg::ErrLastOrganizerRemoved,
        "the last organizer",
    );

    // Participants are their team's business; unknown roles and roles not held are refused.
    let p = app.send(org, &remove(fx.event, fx.user(Solo), "participant")).await;
    refused_with(&p, Msg::ErrParticipantNotRemovedHere, "a participant");
    assert_eq!(app.send(org, &remove(fx.event, fx.user(Solo), "captain")).await.invalid_fields(), vec!["role"]);
    assert_eq!(app.send(org, &remove(fx.event, fx.user(Judge), "mentor")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.send(org, &remove(fx.event, fx.user(OtherOrganizer), "organizer")).await.status,
        StatusCode::NOT_FOUND
    );

    // A co-organizer joins; then the first organizer may leave, and the co-organizer is last.
    let (co, co_id) = fresh_account(&app, &fx.open_participant_code, &fx.tag).await;
    let email: String = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
        .bind(co_id)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    ok(&app.send(org, &AddOrganizer { event_id: fx.event, organizer_email: email }).await, "co-organizer");
    let left = app.send(org, &remove(fx.event, me, "organizer")).await;
    ok(&left, "leave");
    assert_eq!(app.send(org, &EventForm { id: fx.event }).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.send(org, &JudgingConsole { event_id: fx.event }).await.status, StatusCode::FORBIDDEN);
    ok(&app.send(&co, &EventForm { id: fx.event }).await, "the co-organizer runs the event");
    refused_with(
        &app.send(&co, &remove(fx.event, co_id, "organizer")).await,
        Msg::ErrLastOrganizerRemoved,
        "the new last organizer",
    );
    // The people list names who is left, with what may be done about each.
    let form = app.send(&co, &EventForm { id: fx.event }).await.json();
    let people = form["people"].as_array().unwrap();
    assert!(people.iter().all(|p| p["user_id"] != me || p["role"] != "Organizer"), "{form}");
    let judge = people.iter().find(|p| p["user_id"] == fx.user(Judge)).unwrap();
    assert_eq!(judge["scored"], true);
}

#[tokio::test]
async fn no_one_but_the_events_organizers_removes_or_retires_anyone() {
    let (app, fx) = built().await;
    let pass_phone = crate::judging::open_pass(&app, &fx.pass_token).await;
    ok(&app.send(&pass_phone, &JudgeDesk { event_id: fx.event }).await, "the pass judge's desk");
    let calls = [
        Call::of(&remove(fx.event, fx.user(Mentor), "mentor")),
        Call::of(&remove(fx.event, fx.pass_judge, "judge")),
        Call::of(&remove(fx.event, fx.user(Organizer), "organizer")),
        Call::of(&RetireJudge { event_id: fx.event, user_id: fx.user(Judge) }),
    ];
    let before = snapshot(&app).await;
    let callers: Vec<(Persona, &Client)> =
        [Anonymous, Participant, Captain, Solo, Mentor, Judge, OtherOrganizer, Admin]
            .into_iter()
            .map(|p| (p, fx.client(p)))
            .chain(std::iter::once((Judge, &pass_phone)))
            .collect();
    for (p, client) in callers {
        for call in &calls {
            let r = app.send_call(client, call).await;
            let expected = if p == Anonymous { StatusCode::UNAUTHORIZED } else { StatusCode::FORBIDDEN };
            assert_eq!(r.status, expected, "{} as {p:?}: {}", call.path, r.body);
        }
    }
    let after = snapshot(&app).await;
    assert!(changed(&before, &after).is_empty(), "refused calls changed {:?}", changed(&before, &after));
    // The other event's organizer is refused in this event, and allowed in their own.
    let (_, stranger) = fresh_account(&app, &fx.open_mentor_code, &fx.tag).await;
    let r = app.send(fx.client(OtherOrganizer), &remove(fx.open_event, stranger, "mentor")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    ok(&app.send(fx.client(Organizer), &remove(fx.open_event, stranger, "mentor")).await, "their own event");
}

#[test]
fn the_pages_offer_removal_and_show_retired_judges() {
    on_big_stack(|| async {
        let (app, fx) = built().await;
        let org = fx.client(Organizer);
        let manage = app.get(org, &format!("/events/{}/manage", fx.event)).await;
        assert_eq!(manage.status, StatusCode::OK);
        let offer = |p: Persona, action: &str| {
            format!(
                r#"data-user="{}" data-role="{}" data-action="{action}""#,
                fx.user(p),
                if p == Mentor { "mentor" } else { "judge" }
            )
        };
        // The mentor and the judge without scores are removed; the judge who scored, retired.
        assert!(manage.body.contains(&offer(Mentor, "remove")), "no removal of the mentor");
        assert!(manage.body.contains(&offer(Judge, "retire")), "no retirement of the judge who scored");
        assert!(manage
            .body
            .contains(&format!(r#"data-user="{}" data-role="judge" data-action="remove""#, fx.pass_judge)));
        // Participants are left to their teams' flows.
        assert!(!manage.body.contains(&format!(r#"data-user="{}" data-role="participant""#, fx.user(Solo))));

        ok(&app.send(org, &RetireJudge { event_id: fx.event, user_id: fx.user(Judge) }).await, "retire");
        for page in ["manage", "judging", "audit"] {
            let html = app.get(org, &format!("/events/{}/{page}", fx.event)).await;
            assert_eq!(html.status, StatusCode::OK, "{page}");
            assert!(html.body.contains(r#"class="tag retired""#), "{page} does not mark the judge retired");
        }
        let judging = app.get(fx.client(Judge), &format!("/events/{}/judge", fx.event)).await;
        assert_eq!(judging.status, StatusCode::FORBIDDEN, "the retired judge's desk page");
    });
}
