use crate::helpers::*;
use reqwest::StatusCode;

#[tokio::test]
async fn pages_render_in_the_negotiated_language_and_direction() {
    let app = spawn_app().await;
    let c = reqwest::Client::new();
    let html = c
        .get(format!("{}/login", app.base))
        .header("accept-language", "ar-MA,ar;q=0.9,fr;q=0.8")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="ar" dir="rtl""#), "{}", &html[..html.len().min(300)]);
    assert!(html.contains("تسجيل الدخول"));
    let html = c
        .get(format!("{}/login", app.base))
        .header("accept-language", "fr-FR")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<html lang="fr" dir="ltr""#));
    assert!(html.contains("Mot de passe"));
    // The cookie set by the language switch wins over the browser's header.
    let res = app.get(&user_agent(), "/lang/ar?next=/signup").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.headers["location"], "/signup");
    assert!(res.headers["set-cookie"].to_str().unwrap().starts_with("hakam_lang=ar"));
    let html = c
        .get(format!("{}/signup", app.base))
        .header("cookie", "hakam_lang=ar")
        .header("accept-language", "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"dir="rtl""#));
    // The switch never sends anyone to another site.
    let res = app.get(&user_agent(), "/lang/fr?next=//evil.example").await;
    assert_eq!(res.headers["location"], "/");
}

#[tokio::test]
async fn forms_are_plain_html_forms_with_labels() {
    let app = spawn_app().await;
    let html = app.get(&user_agent(), "/signup").await.body;
    // Works before WASM: a real form posting to the server function.
    assert!(html.contains(&format!(r#"action="{}""#, Signup::PATH)), "no plain form action");
    assert!(html.contains(r#"method="post""#));
    for id in ["f-display_name", "f-email", "f-password"] {
        assert!(html.contains(&format!(r#"for="{id}""#)), "label for {id}");
        assert!(html.contains(&format!(r#"id="{id}""#)), "input {id}");
    }
}

#[tokio::test]
async fn health_check_reports_database_reachability() {
    let app = spawn_app().await;
    let r = app.get(&user_agent(), "/healthz").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, "ok");
}

#[tokio::test]
async fn a_refused_plain_form_post_comes_back_with_errors_and_the_typed_values() {
    let app = spawn_app().await;
    let browser = user_agent();
    // What a phone does before the WASM arrives: a plain form post that accepts HTML.
    let signup = Signup {
        display_name: "Meryem Seddiki".into(),
        email: "meryem@".into(),
        password: "secret-but-short".into(),
        next: None,
    };
    let res = app
        .request(&browser, &Call::of(&signup))
        .header("accept", "text/html")
        .header("accept-language", "fr")
        .header("referer", format!("{}/signup", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.contains("__err="), "{location}");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);

    let html = browser
        .get(&location)
        .header("accept", "text/html")
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Saisissez une adresse e-mail valide"), "French error next to the field");
    assert!(html.contains(r#"value="Meryem Seddiki""#), "the name typed is kept");
    assert!(html.contains(r#"value="meryem@""#), "the email typed is kept");
    assert!(!html.contains("secret-but-short"), "passwords are never echoed");

    // Kept for one page view only.
    let html = browser
        .get(format!("{}/signup", app.base))
        .header("accept", "text/html")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!html.contains("Meryem Seddiki"));
}

#[tokio::test]
async fn the_demo_event_loads_once_with_arabic_and_french_content() {
    let app = spawn_app_with(|c| c.demo = true).await;
    assert_eq!(app.count("SELECT COUNT(*) FROM events").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM teams").await, 3);
    assert_eq!(app.count("SELECT COUNT(*) FROM team_members").await, 5);
    assert_eq!(app.count("SELECT COUNT(*) FROM projects WHERE status = 'submitted'").await, 2);
    // The demo judge's link is stored only as a digest: it exists in the loader's answer (and
    // log) alone. Loading into another empty database shows that it opens a desk with both
    // submitted projects to score.
    assert_eq!(app.count("SELECT COUNT(*) FROM judge_passes").await, 1);
    let other = spawn_app().await;
    let link =
        hakam::demo::load_if_empty(&other.state.db).await.unwrap().expect("the demo loads into an empty database");
    let token = link.strip_prefix("/pass/").expect("a pass link");
    let stored: String =
        sqlx::query_scalar("SELECT token_hash FROM judge_passes").fetch_one(&other.state.db.pool).await.unwrap();
    assert!(!stored.contains(token));
    let phone = user_agent();
    other.send(&phone, &OpenPass { token: token.to_string() }).await;
    let desk = other.send(&phone, &JudgeDesk { event_id: other.latest_event_id().await }).await.json();
    assert_eq!(desk["open"], true);
    assert_eq!(desk["items"].as_array().map(Vec::len), Some(2), "{desk}");
    assert_eq!(desk["items"][0]["criteria"].as_array().map(Vec::len), Some(3));
    // The demo judge's phone reaches that event's judging only.
    assert_eq!(
        other.send(&phone, &JoinEvent { event_id: other.latest_event_id().await }).await.status,
        reqwest::StatusCode::FORBIDDEN
    );
    drop(other);
    let id = app.latest_event_id().await;
    let page = app.send(&user_agent(), &EventPage { id }).await.json();
    assert!(page["name"].as_str().unwrap().contains("بركان"));
    assert_eq!(page["tracks"].as_array().unwrap().len(), 3);
    // The description is written in three languages: each reader gets theirs alone.
    let html = app.get(&user_agent(), &format!("/events/{id}")).await.body;
    assert!(html.contains("Young people with ideas") && !html.contains("Le hackathon réunit"));
    let url = format!("{}/events/{id}", app.base);
    let html = user_agent().get(url).header("accept-language", "fr").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Le hackathon réunit") && html.contains("Le big data au quotidien"), "French text and track");
    // Loading again (a restart) adds nothing.
    assert_eq!(hakam::demo::load_if_empty(&app.state.db).await.unwrap(), None);
    assert_eq!(app.count("SELECT COUNT(*) FROM events").await, 1);
}

/// A page that refuses its reader says so with its status, and an organizer's form is not in
/// a refused page's HTML.
#[test]
fn refused_pages_answer_with_their_status_and_without_organizer_forms() {
    on_big_stack(refused_pages);
}

async fn refused_pages() {
    let app = spawn_app().await;
    let organizer = user_agent();
    app.signup_admin(&organizer, "Salma Benali", "organizer@example.ma").await;
    let event = app.create_event(&organizer, "Hackathon Berkane").await;
    let (_, judge) = crate::judging::add_judge(&app, &organizer, event, "Nadia El Idrissi").await;
    let participant = user_agent();
    app.signup(&participant, "Youssef Amrani", "youssef@example.ma").await;
    let code = app.invite(&organizer, event, "participant", "1").await;
    assert!(app.send(&participant, &AcceptInvite { code: code.clone() }).await.status.is_success());
    let anonymous = user_agent();
    let html = |c: &reqwest::Client, path: String| {
        let c = c.clone();
        let url = format!("{}{path}", app.base);
        async move {
            let res = c.get(url).header("accept", "text/html").header("accept-language", "en").send().await.unwrap();
            (res.status(), res.text().await.unwrap())
        }
    };

    let organizer_pages = [
        "manage",
        "teams",
        "submissions",
        "mentoring",
        "judging",
        "rubric",
        "results",
        "audit",
        "show",
        "dashboard",
        "import",
    ];
    for page in organizer_pages {
        let path = format!("/events/{event}/{page}");
        let (status, _) = html(&organizer, path.clone()).await;
        assert_eq!(status, StatusCode::OK, "organizer on {path}");
        for (who, client) in [("judge", &judge), ("participant", &participant)] {
            let (status, body) = html(client, path.clone()).await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{who} on {path}");
            assert!(body.contains("You are not allowed to do this."), "{who} on {path}: the refusal is shown");
            // Only the header's log-out form posts anywhere.
            let posts: Vec<&str> = body
                .match_indices(r#"action="/api/"#)
                .map(|(i, _)| &body[i..(i + 40).min(body.len())])
                .filter(|a| !a.contains(Logout::PATH))
                .collect();
            assert!(posts.is_empty(), "{who} on {path}: forms {posts:?}");
        }
        let (status, _) = html(&anonymous, path.clone()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "anonymous on {path}");
    }

    // The import form in particular: the organizer gets it, nobody else does.
    let (_, body) = html(&organizer, format!("/events/{event}/import")).await;
    assert!(body.contains(&format!(r#"action="{}""#, StageImport::PATH)), "the organizer's import form");
    for client in [&participant, &judge, &anonymous] {
        let (_, body) = html(client, format!("/events/{event}/import")).await;
        assert!(!body.contains(StageImport::PATH), "no import form for others");
        assert!(!body.contains("csv_text"));
    }

    // A page of an event that does not exist, or of a malformed id.
    for path in [
        format!("/events/{}/judging", event + 1000),
        format!("/events/{}", event + 1000),
        "/events/abc/judging".to_owned(),
    ] {
        let (status, _) = html(&organizer, path.clone()).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
    // The judge's own pages still open; an event's public page too.
    assert_eq!(html(&judge, format!("/events/{event}/judge")).await.0, StatusCode::OK);
    assert_eq!(html(&anonymous, format!("/events/{event}")).await.0, StatusCode::OK);
    // Creating events is for those allowed to.
    assert_eq!(html(&anonymous, "/events/new".to_owned()).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(html(&participant, "/events/new".to_owned()).await.0, StatusCode::FORBIDDEN);
    assert_eq!(html(&organizer, "/events/new".to_owned()).await.0, StatusCode::OK);
}

/// The account pages: labelled plain forms in the reader's language, refused to those who have
/// no account page.
#[tokio::test]
async fn account_pages_have_labelled_forms_in_every_language() {
    let app = spawn_app().await;
    let salma = user_agent();
    app.signup(&salma, "Salma Benali", "salma@example.ma").await;
    let page = |c: &reqwest::Client, path: &str, lang: &str| {
        let req = c.get(format!("{}{path}", app.base)).header("accept", "text/html").header("accept-language", lang);
        async move {
            let res = req.send().await.unwrap();
            (res.status(), res.text().await.unwrap())
        }
    };

    let (status, html) = page(&salma, "/account", "en").await;
    assert_eq!(status, StatusCode::OK);
    for action in [UpdateProfile::PATH, ChangePassword::PATH, SignOutEverywhere::PATH] {
        assert!(html.contains(&format!(r#"action="{action}""#)), "a plain form posting to {action}");
    }
    for id in ["f-display_name", "f-email", "f-password", "f-current_password", "f-new_password"] {
        assert!(html.contains(&format!(r#"for="{id}""#)) && html.contains(&format!(r#"id="{id}""#)), "label for {id}");
    }
    assert!(html.contains(r#"value="Salma Benali""#) && html.contains(r#"value="salma@example.ma""#));
    assert!(html.contains(r#"href="/account""#), "the header links to the account page");
    // Three forms ask for a password on this page: each field has an id of its own, or a
    // label (and an error message) would point at another form's field.
    let mut ids: Vec<&str> = html.split(r#" id=""#).skip(1).filter_map(|rest| rest.split('"').next()).collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "an id appears twice on the account page");
    let (_, html) = page(&salma, "/account", "ar").await;
    assert!(html.contains(r#"dir="rtl""#) && html.contains("تسجيل الخروج من كل مكان"));
    let (_, html) = page(&salma, "/account", "fr").await;
    assert!(html.contains("Se déconnecter partout") && html.contains("Mot de passe actuel"));
    // After a change, its notice.
    let (_, html) = page(&salma, "/account?done=password", "en").await;
    assert!(html.contains("Your password was changed."));

    // Anonymous visitors are asked to sign in.
    let (status, html) = page(&user_agent(), "/account", "en").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(!html.contains(ChangePassword::PATH));

    // The sign-in page points to the explanation; the explanation and the reset page open to anyone.
    let (_, html) = page(&user_agent(), "/login", "en").await;
    assert!(html.contains(r#"href="/forgot""#) && html.contains("Forgot your password?"));
    let (status, html) = page(&user_agent(), "/forgot", "fr").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("administrateur de la plateforme"));
    let (status, html) = page(&user_agent(), "/reset/abc", "ar").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!(r#"action="{}""#, ResetPassword::PATH)) && html.contains(r#"for="f-new_password""#));
    assert!(html.contains("اختر كلمة مرور جديدة"));
}

/// The manage page opens on the invites, and their form's defaults make the common link: a
/// participant link for everyone who comes.
#[test]
fn the_manage_page_leads_with_invites_whose_defaults_admit_many_participants() {
    on_big_stack(invites_first);
}

async fn invites_first() {
    let app = spawn_app().await;
    let organizer = user_agent();
    app.signup_admin(&organizer, "Salma Benali", "organizer@example.ma").await;
    let event = app.create_event(&organizer, "Hackathon Berkane").await;
    let html = app.get(&organizer, &format!("/events/{event}/manage")).await.body;
    let at = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("{needle} on the manage page"));
    assert!(at(r#"id="invites""#) < at(&format!(r#"action="{}""#, UpdateEvent::PATH)), "invites before the event form");
    assert!(at(r#"id="invites""#) < at(r#"id="tracks""#));
    // The form's defaults, as the browser would post them.
    let option = &html[at(r#"<option value="participant""#)..];
    assert!(option[..option.find('>').unwrap()].contains("selected"), "participant preselected");
    let input_start = html[..at(r#"name="max_uses""#)].rfind("<input").unwrap();
    let input = &html[input_start..input_start + html[input_start..].find('>').unwrap()];
    let uses = input.split(r#"value=""#).nth(1).and_then(|v| v.split('"').next()).expect("a default number of uses");
    assert!(uses.parse::<i64>().unwrap() >= 100, "{input}");
    let invite = CreateInvite {
        event_id: event,
        role: "participant".into(),
        label: "Tout le monde".into(),
        max_uses: uses.into(),
        valid_days: "14".into(),
        allow_clash: None,
    };
    assert!(app.send(&organizer, &invite).await.status.is_success());
    let code: String = sqlx::query_scalar("SELECT code FROM invites WHERE event_id = $1")
        .bind(event)
        .fetch_one(&app.state.db.pool)
        .await
        .unwrap();
    for i in 0..3 {
        app.join_with_invite(&code, &format!("Participant {i}"), &format!("p{i}@example.ma")).await;
    }
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM event_roles WHERE event_id = {event} AND role = 'participant'")).await,
        3
    );
}

/// On the event page a track's name and description are a heading and a paragraph of their
/// own, not two runs of text that read as one in Arabic.
#[tokio::test]
async fn a_tracks_name_and_description_are_separate_on_the_event_page() {
    let app = spawn_app().await;
    let organizer = user_agent();
    app.signup_admin(&organizer, "Salma Benali", "organizer@example.ma").await;
    let event = app.create_event(&organizer, "هاكاثون بركان").await;
    let track = AddTrack {
        event_id: event,
        track: TrackInput {
            track_name_ar: "الفلاحة الذكية".into(),
            track_description_ar: "حلول للسقي وتتبع المحاصيل".into(),
            ..Default::default()
        },
    };
    assert!(app.send(&organizer, &track).await.status.is_success());
    let reader = user_agent();
    app.get(&reader, "/lang/ar?next=/").await;
    let html = app.get(&reader, &format!("/events/{event}")).await.body;
    let name = &html[html.find(r#"class="track-name""#).expect("a track heading")..];
    assert!(name.starts_with(r#"class="track-name""#) && name[..name.find("</h3>").unwrap()].contains("الفلاحة الذكية"));
    assert!(!name[..name.find("</h3>").unwrap()].contains("حلول للسقي"), "the description is not in the heading");
    let description = &html[html.find(r#"class="track-description""#).expect("a description paragraph")..];
    assert!(description[..description.find("</p>").unwrap()].contains("حلول للسقي وتتبع المحاصيل"));
}

/// The rubric builder shows the criteria in use and one empty block (two for a new rubric),
/// with an "add a criterion" control for each further block; every block keeps its field
/// names, so a block opened by the control posts like the others.
#[test]
fn the_rubric_builder_shows_the_criteria_in_use_and_a_control_to_add_one() {
    on_big_stack(rubric_builder);
}

async fn rubric_builder() {
    let app = spawn_app().await;
    let organizer = user_agent();
    app.signup_admin(&organizer, "Salma Benali", "organizer@example.ma").await;
    let event = app.create_event(&organizer, "Hackathon Berkane").await;
    app.get(&organizer, "/lang/fr?next=/").await;
    // (blocks shown, blocks in all) on the builder.
    let blocks = || async {
        let html = app.get(&organizer, &format!("/events/{event}/rubric")).await.body;
        let first_control = html.find(r#"<details class="add-criterion""#).expect("an add-a-criterion control");
        assert!(html.contains("Ajouter un critère"), "the control is labelled in the reader's language");
        (html[..first_control].matches("criterion-row").count(), html.matches("criterion-row").count(), html)
    };
    let (shown, all, _) = blocks().await;
    assert_eq!((shown, all), (2, 8), "a new rubric: two empty blocks, the others behind the control");

    let r = crate::judging::save_rubric(&app, &organizer, event, 0, 0).await;
    assert!(r.status.is_success(), "{}", r.body);
    let (shown, all, html) = blocks().await;
    assert_eq!((shown, all), (3, 8), "two criteria in use and one empty block");
    assert!(html.contains(r#"value="Impact""#));

    // A criterion written in a block the control opened (the fifth) is saved like any other.
    let r = app
        .send(
            &organizer,
            &SaveRubric {
                event_id: event,
                scope: 0,
                version: 1,
                fields: map(&[
                    ("name_1_fr", "Impact"),
                    ("weight_1", "3"),
                    ("scale_1", "1-5"),
                    ("name_5_fr", "Présentation"),
                    ("weight_5", "1"),
                    ("scale_5", "1-5"),
                ]),
            },
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let (shown, _, html) = blocks().await;
    assert_eq!(shown, 3);
    assert!(html.contains(r#"value="Présentation""#));
}
