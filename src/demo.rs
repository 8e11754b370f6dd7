//! A demo event for first runs (`HAKAM_DEMO=1`): loaded only into a database with no events,
//! with names and texts like those of the events Hakam is made for.

use crate::auth::Role;
use crate::db::{now, Db};
use crate::i18n::Localized;

const DAY: i64 = 86_400;

/// Accounts that exist only as names: their password hash is not a valid hash, so nobody
/// can sign in as them (the judges are pass-only accounts: they sign in with a phone link).
const PEOPLE: &[(&str, &str, Role)] = &[
    ("يوسف العلوي", "youssef.alaoui@demo.hakam.invalid", Role::Mentor),
    ("Nadia Berrada", "nadia.berrada@demo.hakam.invalid", Role::Mentor),
    ("عبد الرحيم الإدريسي", "abderrahim.idrissi@demo.hakam.invalid", Role::Judge),
    ("Fatima Zahra Amrani", "fz.amrani@demo.hakam.invalid", Role::Judge),
    ("Karim Tazi", "karim.tazi@demo.hakam.invalid", Role::Judge),
    ("مريم الصديقي", "meryem.seddiki@demo.hakam.invalid", Role::Participant),
    ("Omar Chraibi", "omar.chraibi@demo.hakam.invalid", Role::Participant),
    ("هشام بنكيران", "hicham.benkirane@demo.hakam.invalid", Role::Participant),
    ("Salma Ouazzani", "salma.ouazzani@demo.hakam.invalid", Role::Participant),
    ("إيمان الفاسي", "imane.fassi@demo.hakam.invalid", Role::Participant),
];

/// Tracks, named and described in Arabic, French and English.
const TRACKS: &[([&str; 3], [&str; 3])] = &[
    (
        ["الرقمي في خدمة المواطن", "Le numérique au service du citoyen", "Digital services for citizens"],
        [
            "خدمات عمومية أبسط لسكان الإقليم.",
            "Des services publics plus simples pour les habitants de la province.",
            "Simpler public services for the province's residents.",
        ],
    ),
    (
        ["البيانات الضخمة في حياتنا اليومية", "Le big data au quotidien", "Big data in everyday life"],
        [
            "كيف تغير البيانات الضخمة حياتنا اليومية: النقل، الصحة، التجارة.",
            "Comment les données massives changent notre quotidien : transport, santé, commerce.",
            "How big data changes daily life: transport, health, trade.",
        ],
    ),
    (
        ["التكنولوجيا الفلاحية", "Agritech", "Agritech"],
        [
            "أدوات رقمية لفلاحي جهة الشرق.",
            "Outils numériques pour les agriculteurs de la région de l'Oriental.",
            "Digital tools for the farmers of the Oriental region.",
        ],
    ),
];

/// Teams of one whose projects are submitted: (team, member, email, title, tagline).
const SUBMITTED: &[(&str, &str, &str, &str, &str)] = &[
    (
        "فريق الواحة",
        "Yassine Belhaj",
        "yassine.belhaj@demo.hakam.invalid",
        "سقي ذكي: حساسات رطوبة للفلاحين",
        "Des capteurs à bas coût qui disent quand arroser.",
    ),
    (
        "Team Moulouya",
        "سناء الحمداوي",
        "sanae.hamdaoui@demo.hakam.invalid",
        "Bus Berkane : horaires en direct",
        "Les horaires des bus de la ville sur un simple SMS.",
    ),
];

/// The demo is built through the same insert functions as the forms; their refusals (a role
/// clash, a taken name) cannot happen on an empty database, and would be reported as a
/// database error like the rest of the loading.
fn refused(e: crate::error::AppError) -> sqlx::Error {
    sqlx::Error::Protocol(format!("demo data refused: {e:?}"))
}

/// An account; `hash` is not a valid argon2 hash for the people nobody signs in as.
async fn account(tx: &mut crate::db::Tx, email: &str, name: &str, hash: &str) -> Result<i64, sqlx::Error> {
    match crate::auth::db::create_user(tx, email, name, hash).await? {
        crate::auth::db::NewUser::Created(user) => Ok(user.id),
        crate::auth::db::NewUser::EmailTaken => Err(sqlx::Error::Protocol(format!("demo account {email} exists"))),
    }
}

/// Loads the demo into an empty database; returns the path of the demo judge's phone link
/// (also logged): only its digest is stored, so this is the one time it exists.
pub async fn load_if_empty(db: &Db) -> Result<Option<String>, sqlx::Error> {
    let (events,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM events").fetch_one(&db.pool).await?;
    if events > 0 {
        return Ok(None);
    }
    let password = crate::links::random(16);
    let hash = crate::auth::password::hash(crate::auth::domain::Password::offered(password.clone()))
        .await
        .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let t = now();
    let mut tx = db.begin_write().await?;
    let organizer_email = "organizer@demo.hakam.invalid";
    let organizer = account(&mut tx, organizer_email, "سلمى بنعلي", &hash).await?;
    crate::auth::db::set_event_creator(&mut tx, organizer, true).await?;
    let event = crate::events::domain::Event {
        name: "هاكاثون بركان الرقمي 2026".into(),
        description: Localized::new(
            "في إطار المنتدى الثالث «المجتمع الرقمي»، ينظم هذا الهاكاثون لفائدة الشباب حاملي الأفكار والمشاريع من مختلف جهات المملكة، \
             الذين يطورونها تحت إشراف مؤطرين وخبراء في المواكبة المقاولاتية.",
            "Le hackathon réunit des jeunes porteurs d'idées autour du thème « Le big data dans notre vie quotidienne » ; \
             les projets lauréats pourront être intégrés aux projets de la province.",
            "Young people with ideas build projects around the theme \"Big data in our daily lives\", coached by \
             mentors; the winning projects may join the province's own.",
        ),
        venue: "القرية الرقمية، بركان".into(),
        timezone: "Africa/Casablanca".into(),
        starts_at: t + 7 * DAY,
        ends_at: t + 10 * DAY,
        team_min: 2,
        team_max: 5,
        registration_opens: t - DAY,
        registration_closes: t + 7 * DAY,
        hacking_starts: t + 7 * DAY + 3600,
        submission_deadline: t + 9 * DAY,
        judging_opens: t + 9 * DAY + 3600,
        judging_closes: t + 10 * DAY - 4 * 3600,
        results_at: t + 10 * DAY - 2 * 3600,
    };
    let event_id = crate::events::db::insert(&mut tx, &event, organizer).await.map_err(refused)?;
    let mut tracks = Vec::new();
    for ([ar, fr, en], [d_ar, d_fr, d_en]) in TRACKS {
        let (name, description) = (Localized::new(*ar, *fr, *en), Localized::new(*d_ar, *d_fr, *d_en));
        let id = crate::events::db::insert_track(&mut tx, event_id, &name, &description).await?;
        tracks.push(id.ok_or_else(|| sqlx::Error::Protocol(format!("demo track {fr} exists")))?);
    }
    let track = Some(tracks[0]);
    let mut ids = Vec::new();
    for (name, email, role) in PEOPLE {
        let hash = if *role == Role::Judge { crate::judging::passes::pass_hash() } else { "!".to_owned() };
        let id = account(&mut tx, email, name, &hash).await?;
        crate::events::db::grant(&mut tx, event_id, id, *role, Some(organizer)).await.map_err(refused)?;
        ids.push(id);
    }
    // One team of three participants with a draft project; two participants still alone.
    let members = [ids[5], ids[6], ids[7]];
    let atlas = crate::teams::db::NewTeam {
        event_id,
        name: "فريق الأطلس",
        pitch: "Une application pour signaler les problèmes de voirie à la commune.",
        track_id: track,
        needs: "design,data",
        captain: Some(members[0]),
    };
    let team = crate::teams::db::insert_team(&mut tx, &atlas).await.map_err(refused)?.id;
    for user in members {
        crate::teams::db::take_seat(&mut tx, team, event_id, user, event.team_max).await.map_err(refused)?;
    }
    for (user, skills, languages) in [(ids[8], "design,marketing", "ar,fr"), (ids[9], "data,python", "ar,fr,en")] {
        let profile = crate::teams::db::ProfileRow {
            skills: skills.into(),
            languages: languages.into(),
            bio: String::new(),
            looking: 1,
        };
        crate::teams::db::save_profile(&mut tx, event_id, user, &profile).await?;
    }
    let draft = crate::projects::db::NewProject {
        team_id: team,
        event_id,
        title: "بلّغ: منصة للتبليغ عن مشاكل الطرق",
        tagline: "Signalez un nid-de-poule en une photo, suivez sa réparation.",
        description: "يلتقط المواطن صورة للمشكل، فتحدد المنصة موقعه وترسله إلى المصلحة المختصة في الجماعة، ويتابع المواطن حالة الإصلاح.\n\nLe citoyen prend une photo, la plateforme localise le problème et le transmet au service communal.",
        track_id: track,
        repo_url: "https://example.org/atlas/ballagh",
        technologies: "leaflet, postgresql, rust",
        status: crate::projects::ProjectStatus::Draft,
        by: Some(members[0]),
        ..Default::default()
    };
    crate::projects::db::insert_project(&mut tx, &draft).await?;
    // Two more teams have submitted, so the judges have something to score.
    let mut submitted = Vec::new();
    for (i, &(team_name, member, email, title, tagline)) in SUBMITTED.iter().enumerate() {
        let user = account(&mut tx, email, member, "!").await?;
        crate::events::db::grant(&mut tx, event_id, user, Role::Participant, Some(organizer)).await.map_err(refused)?;
        let new = crate::teams::db::NewTeam {
            event_id,
            name: team_name,
            track_id: track,
            captain: Some(user),
            ..Default::default()
        };
        let team = crate::teams::db::insert_team(&mut tx, &new).await.map_err(refused)?.id;
        crate::teams::db::take_seat(&mut tx, team, event_id, user, event.team_max).await.map_err(refused)?;
        let table = format!("{}", i + 1);
        let project = crate::projects::db::NewProject {
            team_id: team,
            event_id,
            title,
            tagline,
            track_id: track,
            status: crate::projects::ProjectStatus::Submitted,
            table_label: &table,
            by: Some(user),
            ..Default::default()
        };
        submitted.push(crate::projects::db::insert_project(&mut tx, &project).await?);
    }
    // The submitted projects sit in one room, at their tables: the judges' walk.
    let room = crate::rooms::db::insert(&mut tx, event_id, "Salle Ibn Khaldoun", Some(20)).await?;
    for project in &submitted {
        sqlx::query("UPDATE projects SET room_id = $1 WHERE id = $2")
            .bind(room)
            .bind(*project)
            .execute(&mut *tx)
            .await?;
    }
    // Judging is open in the demo so the judge's link can be tried at once; two judges per
    // project.
    crate::judging::db::ensure_settings(&mut tx, event_id).await.map_err(refused)?;
    sqlx::query("UPDATE judging_settings SET judges_per_project = 2, state = 'open' WHERE event_id = $1")
        .bind(event_id)
        .execute(&mut *tx)
        .await?;
    for project in &submitted {
        for judge in [ids[2], ids[3]] {
            crate::judging::db::insert_assignment(&mut tx, event_id, *project, judge, None).await?;
        }
    }
    // An event-wide rubric, and a phone sign-in link for one judge.
    let rubric = serde_json::json!([
        { "key": "c1", "name": { "ar": "الأثر", "fr": "Impact", "en": "Impact" },
          "description": {
              "ar": "هل يستجيب المشروع لحاجة حقيقية لدى السكان؟",
              "fr": "Le projet répond-il à un vrai besoin des habitants ?",
              "en": "Does the project meet a real need of the residents?" },
          "weight": 3, "min": 1, "max": 5,
          "levels": [
              { "ar": "ضعيف", "fr": "Faible", "en": "Weak" },
              { "ar": "محدود", "fr": "Limité", "en": "Limited" },
              { "ar": "متوسط", "fr": "Moyen", "en": "Fair" },
              { "ar": "قوي", "fr": "Fort", "en": "Strong" },
              { "ar": "استثنائي", "fr": "Exceptionnel", "en": "Outstanding" }] },
        { "key": "c2", "name": { "ar": "الإنجاز التقني", "fr": "Réalisation technique", "en": "Technical execution" },
          "description": {}, "weight": 2, "min": 1, "max": 5, "levels": [] },
        { "key": "c3", "name": { "ar": "العرض", "fr": "Présentation", "en": "Presentation" },
          "description": {}, "weight": 1, "min": 1, "max": 5, "levels": [] }
    ]);
    crate::judging::db::insert_rubric(&mut tx, event_id, 0, 1, &rubric.to_string(), organizer).await?;
    let pass = crate::judging::passes::insert_pass(&mut tx, event_id, ids[2], Some(organizer))
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("demo judge pass: {e}")))?;
    let pass = format!("/pass/{}", pass.token);
    crate::db::audit(&mut tx, Some(event_id), Some(organizer), "demo.loaded", None, None).await?;
    tx.commit().await?;
    tracing::info!(
        "Demo event loaded (teams, a draft and two submitted projects, a rubric, judging open). Its organizer can sign in as {organizer_email} with password {password} (shown only now); the demo judge's phone link is {pass} (shown only now). \
         To become the platform admin, sign up with your own account and open the one-time set-up link printed below (or run `hakam admin <email>`)."
    );
    Ok(Some(pass))
}
