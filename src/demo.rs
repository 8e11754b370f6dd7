//! A demo event for first runs (`HAKAM_DEMO=1`): loaded only into a database with no events,
//! with names and texts like those of the events Hakam is made for.

use crate::auth::Role;
use crate::db::{now, Db};
use rand::distributions::Alphanumeric;
use rand::Rng;

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

const TRACKS: &[(&str, &str)] = &[
    ("الرقمي في خدمة المواطن", "Des services publics plus simples pour les habitants de la province."),
    (
        "البيانات الضخمة في حياتنا اليومية",
        "Comment les données massives changent notre quotidien : transport, santé, commerce.",
    ),
    ("Agritech", "Outils numériques pour les agriculteurs de la région de l'Oriental."),
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

/// The demo's grants never clash (each demo person holds one role); should one be refused,
/// it is reported as a database error like the rest of the loading.
fn refused(e: crate::error::AppError) -> sqlx::Error {
    sqlx::Error::Protocol(format!("demo role refused: {e:?}"))
}

/// Loads the demo into an empty database; returns the path of the demo judge's phone link
/// (also logged): only its digest is stored, so this is the one time it exists.
pub async fn load_if_empty(db: &Db) -> Result<Option<String>, sqlx::Error> {
    let (events,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM events").fetch_one(&db.pool).await?;
    if events > 0 {
        return Ok(None);
    }
    let password: String = rand::thread_rng().sample_iter(&Alphanumeric).take(16).map(char::from).collect();
    let hash = crate::auth::password::hash(crate::auth::domain::Password::offered(password.clone()))
        .await
        .map_err(|e| sqlx::Error::Protocol(e.to_string()))?;
    let t = now();
    let mut tx = db.begin_write().await?;
    let organizer_email = "organizer@demo.hakam.invalid";
    let (organizer,): (i64,) = sqlx::query_as(
        "INSERT INTO users (email, display_name, password_hash, is_admin, can_create_events, created_at) \
         VALUES ($1, $2, $3, 0, 1, $4) RETURNING id",
    )
    .bind(organizer_email)
    .bind("سلمى بنعلي")
    .bind(&hash)
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    let event = crate::events::domain::EventInput {
        name: "هاكاثون بركان الرقمي 2026".into(),
        description: "في إطار المنتدى الثالث «المجتمع الرقمي»، ينظم هذا الهاكاثون لفائدة الشباب حاملي الأفكار والمشاريع من مختلف جهات المملكة، \
            الذين يطورونها تحت إشراف مؤطرين وخبراء في المواكبة المقاولاتية.\n\n\
            Le hackathon réunit des jeunes porteurs d'idées autour du thème « Le big data dans notre vie quotidienne » ; \
            les projets lauréats pourront être intégrés aux projets de la province."
            .into(),
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
    for (name, description) in TRACKS {
        sqlx::query("INSERT INTO tracks (event_id, name, description, created_at) VALUES ($1, $2, $3, $4)")
            .bind(event_id)
            .bind(*name)
            .bind(*description)
            .bind(t)
            .execute(&mut *tx)
            .await?;
    }
    let mut ids = Vec::new();
    for (name, email, role) in PEOPLE {
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(*email)
        .bind(*name)
        .bind(if *role == Role::Judge { crate::judging::score::ssr::pass_hash() } else { "!".to_owned() })
        .bind(t)
        .fetch_one(&mut *tx)
        .await?;
        crate::events::db::grant(&mut tx, event_id, id, *role, Some(organizer)).await.map_err(refused)?;
        ids.push(id);
    }
    // One team of three participants with a draft project; two participants still alone.
    let (track,): (i64,) = sqlx::query_as("SELECT id FROM tracks WHERE event_id = $1 ORDER BY id LIMIT 1")
        .bind(event_id)
        .fetch_one(&mut *tx)
        .await?;
    let members = [ids[5], ids[6], ids[7]];
    let (team,): (i64,) = sqlx::query_as(
        "INSERT INTO teams (event_id, name, pitch, track_id, needs, captain_id, invite_code, member_count, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 3, $8) RETURNING id",
    )
    .bind(event_id)
    .bind("فريق الأطلس")
    .bind("Une application pour signaler les problèmes de voirie à la commune.")
    .bind(track)
    .bind("design,data")
    .bind(members[0])
    .bind(crate::teams::ssr::new_code())
    .bind(t)
    .fetch_one(&mut *tx)
    .await?;
    for (i, user) in members.iter().enumerate() {
        sqlx::query("INSERT INTO team_members (team_id, event_id, user_id, joined_at) VALUES ($1, $2, $3, $4)")
            .bind(team)
            .bind(event_id)
            .bind(*user)
            .bind(t + i as i64)
            .execute(&mut *tx)
            .await?;
    }
    for (user, skills, languages) in [(ids[8], "design,marketing", "ar,fr"), (ids[9], "data,python", "ar,fr,en")] {
        sqlx::query("INSERT INTO profiles (event_id, user_id, skills, languages, bio, looking, updated_at) VALUES ($1, $2, $3, $4, '', 1, $5)")
            .bind(event_id)
            .bind(user)
            .bind(skills)
            .bind(languages)
            .bind(t)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO projects (team_id, event_id, title, tagline, description, track_id, repo_url, technologies, status, version, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', 1, $9, $10)",
    )
    .bind(team)
    .bind(event_id)
    .bind("بلّغ: منصة للتبليغ عن مشاكل الطرق")
    .bind("Signalez un nid-de-poule en une photo, suivez sa réparation.")
    .bind("يلتقط المواطن صورة للمشكل، فتحدد المنصة موقعه وترسله إلى المصلحة المختصة في الجماعة، ويتابع المواطن حالة الإصلاح.\n\nLe citoyen prend une photo, la plateforme localise le problème et le transmet au service communal.")
    .bind(track)
    .bind("https://example.org/atlas/ballagh")
    .bind("leaflet, postgresql, rust")
    .bind(t)
    .bind(members[0])
    .execute(&mut *tx)
    .await?;
    // Two more teams have submitted, so the judges have something to score.
    let mut submitted = Vec::new();
    for (i, (team_name, member, email, title, tagline)) in SUBMITTED.iter().enumerate() {
        let (user,): (i64,) = sqlx::query_as(
            "INSERT INTO users (email, display_name, password_hash, created_at) VALUES ($1, $2, '!', $3) RETURNING id",
        )
        .bind(*email)
        .bind(*member)
        .bind(t)
        .fetch_one(&mut *tx)
        .await?;
        crate::events::db::grant(&mut tx, event_id, user, Role::Participant, Some(organizer)).await.map_err(refused)?;
        let (team,): (i64,) = sqlx::query_as(
            "INSERT INTO teams (event_id, name, pitch, track_id, needs, captain_id, invite_code, member_count, created_at) \
             VALUES ($1, $2, '', $3, '', $4, $5, 1, $6) RETURNING id",
        )
        .bind(event_id)
        .bind(*team_name)
        .bind(track)
        .bind(user)
        .bind(crate::teams::ssr::new_code())
        .bind(t)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO team_members (team_id, event_id, user_id, joined_at) VALUES ($1, $2, $3, $4)")
            .bind(team)
            .bind(event_id)
            .bind(user)
            .bind(t)
            .execute(&mut *tx)
            .await?;
        let (project,): (i64,) = sqlx::query_as(
            "INSERT INTO projects (team_id, event_id, title, tagline, track_id, status, submitted_at, table_label, version, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, 1, $6, $8) RETURNING id",
        )
        .bind(team)
        .bind(event_id)
        .bind(*title)
        .bind(*tagline)
        .bind(track)
        .bind(t)
        .bind(format!("{}", i + 1))
        .bind(user)
        .fetch_one(&mut *tx)
        .await?;
        submitted.push(project);
    }
    // Judging is open in the demo so the judge's link can be tried at once; two judges per
    // project.
    sqlx::query(
        "INSERT INTO judging_settings (event_id, judges_per_project, state, updated_at) VALUES ($1, 2, 'open', $2)",
    )
    .bind(event_id)
    .bind(t)
    .execute(&mut *tx)
    .await?;
    for project in &submitted {
        for judge in [ids[2], ids[3]] {
            sqlx::query(
                "INSERT INTO judge_assignments (event_id, project_id, judge_id, assigned_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(event_id)
            .bind(project)
            .bind(judge)
            .bind(t)
            .execute(&mut *tx)
            .await?;
        }
    }
    // An event-wide rubric, and a phone sign-in link for one judge.
    let rubric = serde_json::json!([
        { "key": "c1", "name": "الأثر · Impact", "description": "Le projet répond-il à un vrai besoin des habitants ?", "weight": 3, "min": 1, "max": 5,
          "levels": ["ضعيف · Faible", "محدود · Limité", "متوسط · Moyen", "قوي · Fort", "استثنائي · Exceptionnel"] },
        { "key": "c2", "name": "الإنجاز التقني · Réalisation", "description": "", "weight": 2, "min": 1, "max": 5, "levels": [] },
        { "key": "c3", "name": "العرض · Présentation", "description": "", "weight": 1, "min": 1, "max": 5, "levels": [] }
    ]);
    sqlx::query("INSERT INTO rubrics (event_id, scope, version, criteria, created_by, created_at) VALUES ($1, 0, 1, $2, $3, $4)")
        .bind(event_id)
        .bind(rubric.to_string())
        .bind(organizer)
        .bind(t)
        .execute(&mut *tx)
        .await?;
    let pass = crate::judging::score::ssr::insert_pass(&mut tx, event_id, ids[2], Some(organizer))
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
