use crate::helpers::*;
use reqwest::StatusCode;

#[tokio::test]
async fn pages_render_in_the_negotiated_language_and_direction() {
    let app = spawn_app().await;
    let c = reqwest::Client::new();
    let html = c.get(format!("{}/login", app.base)).header("accept-language", "ar-MA,ar;q=0.9,fr;q=0.8").send().await.unwrap().text().await.unwrap();
    assert!(html.contains(r#"<html lang="ar" dir="rtl""#), "{}", &html[..html.len().min(300)]);
    assert!(html.contains("تسجيل الدخول"));
    let html = c.get(format!("{}/login", app.base)).header("accept-language", "fr-FR").send().await.unwrap().text().await.unwrap();
    assert!(html.contains(r#"<html lang="fr" dir="ltr""#));
    assert!(html.contains("Mot de passe"));
    // The cookie set by the language switch wins over the browser's header.
    let res = app.get(&user_agent(), "/lang/ar?next=/signup").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.headers["location"], "/signup");
    assert!(res.headers["set-cookie"].to_str().unwrap().starts_with("hakam_lang=ar"));
    let html = c.get(format!("{}/signup", app.base)).header("cookie", "hakam_lang=ar").header("accept-language", "en").send().await.unwrap().text().await.unwrap();
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
    assert!(html.contains(r#"action="/api/auth/signup""#), "no plain form action");
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
    let res = browser
        .post(format!("{}/api/auth/signup", app.base))
        .header("accept", "text/html")
        .header("accept-language", "fr")
        .header("referer", format!("{}/signup", app.base))
        .form(&[("display_name", "Meryem Seddiki"), ("email", "meryem@"), ("password", "secret-but-short")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.contains("__err="), "{location}");
    assert_eq!(app.count("SELECT COUNT(*) FROM users").await, 0);

    let html = browser.get(&location).header("accept", "text/html").header("accept-language", "fr").send().await.unwrap().text().await.unwrap();
    assert!(html.contains("Saisissez une adresse e-mail valide"), "French error next to the field");
    assert!(html.contains(r#"value="Meryem Seddiki""#), "the name typed is kept");
    assert!(html.contains(r#"value="meryem@""#), "the email typed is kept");
    assert!(!html.contains("secret-but-short"), "passwords are never echoed");

    // Kept for one page view only.
    let html = browser.get(format!("{}/signup", app.base)).header("accept", "text/html").send().await.unwrap().text().await.unwrap();
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
    let link = hakam::demo::load_if_empty(&other.state.db).await.unwrap().expect("the demo loads into an empty database");
    let token = link.strip_prefix("/pass/").expect("a pass link");
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM judge_passes").fetch_one(&other.state.db.pool).await.unwrap();
    assert!(!stored.contains(token));
    let phone = user_agent();
    other.call(&phone, "judging/pass/open", &[("token", token)]).await;
    let desk = other.call(&phone, "judging/desk", &[("event_id", other.latest_event_id().await.to_string())]).await.json();
    assert_eq!(desk["open"], true);
    assert_eq!(desk["items"].as_array().map(Vec::len), Some(2), "{desk}");
    assert_eq!(desk["items"][0]["criteria"].as_array().map(Vec::len), Some(3));
    // The demo judge's phone reaches that event's judging only.
    assert_eq!(other.call(&phone, "events/join", &[("event_id", other.latest_event_id().await.to_string())]).await.status, reqwest::StatusCode::FORBIDDEN);
    drop(other);
    let id = app.latest_event_id().await;
    let page = app.call(&user_agent(), "events/page", &[("id", id.to_string())]).await.json();
    assert!(page["name"].as_str().unwrap().contains("بركان"));
    assert_eq!(page["tracks"].as_array().unwrap().len(), 3);
    let html = app.get(&user_agent(), &format!("/events/{id}")).await.body;
    assert!(html.contains("Le hackathon réunit"));
    // Loading again (a restart) adds nothing.
    assert_eq!(hakam::demo::load_if_empty(&app.state.db).await.unwrap(), None);
    assert_eq!(app.count("SELECT COUNT(*) FROM events").await, 1);
}
