//! Event content in Arabic, French and English: what organizers write (the event's
//! description, tracks, rubric criteria and level descriptors) is read in each reader's
//! language, falling back to the first language written.

use crate::events::organizer;
use crate::helpers::*;
use reqwest::{redirect::Policy, Client, StatusCode};

/// An anonymous reader whose browser asks for `lang`.
fn reader(lang: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("accept-language", lang.parse().unwrap());
    Client::builder().default_headers(headers).redirect(Policy::none()).timeout(REQUEST_LIMIT).build().unwrap()
}

fn saved(r: &Reply) {
    assert!(r.status.is_success() || r.status.is_redirection(), "{} {}", r.status, r.body);
}

async fn page_in(app: &TestApp, client: &Client, path: &str, lang: &str) -> String {
    let res = client.get(format!("{}{path}", app.base)).header("accept-language", lang).send().await.unwrap();
    assert!(res.status().is_success(), "{path}: {}", res.status());
    res.text().await.unwrap()
}

#[tokio::test]
async fn each_reader_sees_the_event_and_its_tracks_in_their_language_else_the_first_written() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let event = EventInput {
        description_ar: "هاكاثون لشباب الجهة".into(),
        description_fr: "Un hackathon pour les jeunes de la région".into(),
        description_en: String::new(),
        ..event_input("Hackathon Fès")
    };
    saved(&app.send(&org, &CreateEvent { event }).await);
    let id = app.latest_event_id().await;
    let track = TrackInput {
        track_name_ar: "الصحة".into(),
        track_name_en: "Health".into(),
        track_description_fr: "Des outils pour les centres de santé".into(),
        ..Default::default()
    };
    saved(&app.send(&org, &AddTrack { event_id: id, track }).await);

    // English has no description: the first written (Arabic). French has no track name: the
    // first written (Arabic). The track description exists in French only.
    // Each text says which language it is in, for the page's `lang` attribute.
    for (lang, description, written, track, track_written) in [
        ("ar", "هاكاثون لشباب الجهة", "Ar", "الصحة", "Ar"),
        ("fr", "Un hackathon pour les jeunes de la région", "Fr", "الصحة", "Ar"),
        ("en", "هاكاثون لشباب الجهة", "Ar", "Health", "En"),
    ] {
        let page = app.send(&reader(lang), &EventPage { id }).await.json();
        assert_eq!(page["description"], description, "{lang}");
        assert_eq!(page["description_lang"], written, "{lang}");
        assert_eq!(page["tracks"][0]["name"], track, "{lang}");
        assert_eq!(page["tracks"][0]["name_lang"], track_written, "{lang}");
        assert_eq!(page["tracks"][0]["description_lang"], "Fr", "{lang}");
        assert_eq!(page["tracks"][0]["description"], "Des outils pour les centres de santé", "{lang}");
    }
    let fr = page_in(&app, &user_agent(), &format!("/events/{id}"), "fr").await;
    assert!(fr.contains("Un hackathon pour les jeunes de la région"));
    assert!(!fr.contains("هاكاثون لشباب الجهة"), "one language on the page, not all three");
    let en = page_in(&app, &user_agent(), &format!("/events/{id}"), "en").await;
    let at = en.find(r#"class="description""#).expect("the description");
    let tag = &en[en[..at].rfind('<').unwrap()..at + en[at..].find('>').unwrap()];
    assert!(tag.contains(r#"lang="ar""#), "the English page marks the Arabic fallback: {tag}");

    // The organizer's form holds each language as written, English empty.
    let form = app.send(&org, &EventForm { id }).await.json();
    let field =
        |name: &str| form["fields"].as_array().unwrap().iter().find(|f| f[0] == name).map(|f| f[1].clone()).unwrap();
    assert_eq!(field("description_ar"), "هاكاثون لشباب الجهة");
    assert_eq!(field("description_en"), "");
    // What has one text only (CSV, import, audit) keeps the first written.
    assert_eq!(app.count("SELECT COUNT(*) FROM events WHERE description = 'هاكاثون لشباب الجهة'").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM tracks WHERE name = 'الصحة' AND name_fr = ''").await, 1);
}

#[tokio::test]
async fn track_names_are_unique_in_each_language_and_a_refused_track_changes_nothing() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "Hackathon Nador").await;
    saved(&app.send(&org, &new_track(id, "Santé")).await);
    let add = |ar: &str, fr: &str, en: &str| AddTrack {
        event_id: id,
        track: TrackInput {
            track_name_ar: ar.into(),
            track_name_fr: fr.into(),
            track_name_en: en.into(),
            ..Default::default()
        },
    };
    // The clash is reported on the language that clashes, not the first one filled in.
    let clash = app.send(&org, &add("الصحة", "Santé", "Health")).await;
    assert_eq!(clash.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(clash.invalid_fields(), ["track_name_fr"]);
    assert_eq!(clash.first_invalid(), Some(Msg::ErrTrackExists));
    // The same words in another language are another name.
    saved(&app.send(&org, &add("الصحة", "", "Health")).await);
    let clash = app.send(&org, &add("", "Santé publique", "Health")).await;
    assert_eq!(clash.invalid_fields(), ["track_name_en"]);
    // A name needs one language; each language is bounded on its own input.
    assert_eq!(app.send(&org, &add(" ", "", "")).await.invalid_fields(), ["track_name_ar"]);
    let long = "x".repeat(81);
    assert_eq!(app.send(&org, &add("", "Énergie", &long)).await.invalid_fields(), ["track_name_en"]);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM tracks WHERE event_id = {id}")).await, 2);
}

#[tokio::test]
async fn a_description_too_long_in_one_language_is_refused_on_that_input_and_nothing_is_saved() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "Hackathon Taza").await;
    let before = app.send(&org, &EventForm { id }).await.json();
    let event = EventInput { description_en: "y".repeat(5001), ..event_input("Hackathon Taza 2") };
    let r = app.send(&org, &UpdateEvent { id, version: before["version"].as_i64().unwrap(), event }).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.invalid_fields(), ["description_en"]);
    assert_eq!(app.send(&org, &EventForm { id }).await.json(), before, "nothing changed");
}

#[tokio::test]
async fn rubric_criteria_and_levels_are_read_in_the_readers_language() {
    let app = spawn_app().await;
    let org = organizer(&app).await;
    let id = app.create_event(&org, "Hackathon Meknès").await;
    let rubric = SaveRubric {
        event_id: id,
        scope: 0,
        version: 0,
        fields: map(&[
            ("name_1_ar", "الأثر"),
            ("name_1_fr", "Impact"),
            ("weight_1", "2"),
            ("scale_1", "1-3"),
            ("levels_1_ar", "ضعيف\n\nقوي"),
            ("levels_1_fr", "Faible\nMoyen"),
        ]),
    };
    saved(&app.send(&org, &rubric).await);
    let stored = app.send(&org, &LoadRubric { event_id: id, scope: 0 }).await.json();
    let c = &stored["criteria"][0];
    assert_eq!(c["name"], serde_json::json!({ "ar": "الأثر", "fr": "Impact" }), "empty languages are not stored");
    assert_eq!(c["levels"].as_array().unwrap().len(), 3);

    // The builder's preview shows each level as a reader of that language reads it: Arabic
    // where written, else the first written (level 2 exists in French only), each marked
    // with the language it is in.
    let level = |html: &str, text: &str| -> Option<String> {
        let end = html.find(&format!(">{text}</span>"))?;
        let start = html[..end].rfind("<span")?;
        let tag = &html[start..end];
        tag.contains(r#"class="level-d""#).then(|| tag.to_owned())
    };
    let ar = page_in(&app, &org, &format!("/events/{id}/rubric"), "ar").await;
    for (text, written) in [("ضعيف", "ar"), ("Moyen", "fr"), ("قوي", "ar")] {
        let tag = level(&ar, text).unwrap_or_else(|| panic!("Arabic page, level {text}"));
        assert!(tag.contains(&format!(r#"lang="{written}""#)), "{tag}");
    }
    let en = page_in(&app, &org, &format!("/events/{id}/rubric"), "en").await;
    let tag = level(&en, "ضعيف").expect("English left empty: the first written");
    assert!(tag.contains(r#"lang="ar""#), "{tag}");
    let fr = page_in(&app, &org, &format!("/events/{id}/rubric"), "fr").await;
    for text in ["Faible", "Moyen", "قوي"] {
        assert!(level(&fr, text).is_some(), "French page, level {text}");
    }
    assert!(level(&fr, "ضعيف").is_none());
}
