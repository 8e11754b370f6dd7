//! CSV import at /events/{id}/import: the organizer pastes a CSV (or cells copied from a
//! spreadsheet); the server keeps it as a batch and shows every row with its problems; only
//! a batch without problems can be imported, in one transaction, and only once.
//!
//! Participants and mentors each get a personal single-use invite link, judges a phone
//! sign-in link, projects a team (with its join link) and a submitted project: the
//! organizer sends the links.

use crate::error::AppError;
use crate::i18n::{args, use_lang, Msg};
use crate::ui::{action_error, event_id_param, loaded, Alert, EventIdInput, FormError, Select, Submit, TextArea};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use {
    super::import::{self, Kind, What},
    crate::auth::{gate, Role},
    crate::db::{audit, now},
    crate::error::FieldError,
    crate::i18n::Lang,
    serde_json::json,
};

/// Largest paste accepted (about 2,000 rows of people).
#[cfg(feature = "ssr")]
pub const MAX_BYTES: usize = 512 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Created {
    pub name: String,
    pub email: String,
    /// The link to send: a personal invite, a judge's sign-in link, or a team's join link.
    /// A judge's link is stored only as a digest: it is in the commit's answer and on the
    /// next view of the batch, then empty here.
    pub link: String,
    /// The judge account created for this row (judge imports).
    #[serde(default)]
    pub judge: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    pub event_id: i64,
    pub id: i64,
    pub kind: String,
    pub columns: Vec<String>,
    /// (line, cells) of the rows that will be imported.
    pub rows: Vec<(usize, Vec<String>)>,
    /// (line, column, message) in the reader's language.
    pub problems: Vec<(usize, String, String)>,
    pub committed: bool,
    pub created: Vec<Created>,
}

#[cfg(feature = "ssr")]
fn what_key(w: What) -> Msg {
    match w {
        What::NotCsv => Msg::ImportNotCsv,
        What::MissingColumn => Msg::ImportMissingColumn,
        What::TooManyRows => Msg::ImportTooManyRows,
        What::Empty => Msg::ErrRequired,
        What::TooLong => Msg::ImportTooLong,
        What::BadEmail => Msg::ErrEmailInvalid,
        What::DuplicateInFile => Msg::ImportDuplicate,
        What::UnknownTrack => Msg::ImportUnknownTrack,
        What::BadUrl => Msg::ErrUrl,
    }
}

/// Every name a track goes by, in any of the languages it was named in: a file may name
/// tracks in whichever language its author used.
#[cfg(feature = "ssr")]
async fn tracks(db: &crate::db::Db, event_id: i64) -> Result<Vec<(i64, String)>, AppError> {
    let mut names = Vec::new();
    for track in crate::events::db::tracks(db, event_id).await? {
        let name = track.name();
        for text in [&name.ar, &name.fr, &name.en] {
            if !text.is_empty() && !names.iter().any(|(id, n)| *id == track.id && n == text) {
                names.push((track.id, text.clone()));
            }
        }
    }
    Ok(names)
}

/// The rows of a batch as checked now, with the problems the database adds (a team name
/// already taken in the event).
#[cfg(feature = "ssr")]
async fn check(
    db: &crate::db::Db,
    event_id: i64,
    kind: Kind,
    body: &str,
    lang: Lang,
) -> Result<(import::Parsed, Vec<(usize, String, String)>), AppError> {
    let known: Vec<String> = tracks(db, event_id).await?.into_iter().map(|t| t.1).collect();
    let parsed = import::parse(kind, body, &known);
    let mut problems: Vec<(usize, String, String)> =
        parsed.problems.iter().map(|p| (p.line, p.column.clone(), lang.t(what_key(p.what)).to_owned())).collect();
    if kind == Kind::Projects {
        let taken: Vec<(String,)> =
            sqlx::query_as("SELECT name FROM teams WHERE event_id = $1").bind(event_id).fetch_all(&db.pool).await?;
        for p in &parsed.projects {
            if taken.iter().any(|(t,)| t.to_lowercase() == p.team.to_lowercase()) {
                problems.push((p.line, "team".into(), lang.t(Msg::ErrTeamNameTaken).to_owned()));
            }
        }
        problems.sort_by_key(|p| p.0);
    }
    Ok((parsed, problems))
}

/// Keeps the pasted CSV as a batch and shows its preview.
#[server(prefix = "/api", endpoint = "console/import/stage")]
pub async fn stage_import(event_id: i64, kind: String, csv_text: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let Some(kind) = Kind::from_code(&kind) else {
        return Err(AppError::field("kind", Msg::ErrRequired));
    };
    if csv_text.trim().is_empty() {
        return Err(AppError::field("csv_text", Msg::ErrRequired));
    }
    if csv_text.len() > MAX_BYTES {
        return Err(AppError::Invalid(vec![FieldError::with("csv_text", args::ErrTooLongMax { count: MAX_BYTES })]));
    }
    let mut tx = access.db().begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO imports (event_id, kind, body, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(event_id)
    .bind(kind.code())
    .bind(&csv_text)
    .bind(access.user.id)
    .bind(now())
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    leptos_axum::redirect(&format!("/events/{event_id}/import?batch={id}"));
    Ok(())
}

/// A staged batch: its preview, or what its import created. Without a batch, only the check
/// that the caller may import (the import page shows its form to organizers alone).
#[server(prefix = "/api", endpoint = "console/import/batch")]
pub async fn import_batch(event_id: i64, batch: Option<i64>) -> Result<Option<Batch>, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let Some(batch) = batch else { return Ok(None) };
    let row: Option<(String, String, Option<String>)> =
        sqlx::query_as("SELECT kind, body, result FROM imports WHERE id = $1 AND event_id = $2")
            .bind(batch)
            .bind(event_id)
            .fetch_optional(&db.pool)
            .await?;
    let (kind_code, body, result) = row.ok_or(AppError::NotFound)?;
    let kind = Kind::from_code(&kind_code).ok_or_else(|| AppError::missing("import batch of an unknown kind"))?;
    let columns: Vec<String> = kind.columns().iter().map(|c| c.to_string()).collect();
    if let Some(result) = result {
        let mut created: Vec<Created> =
            serde_json::from_str(&result).map_err(|e| AppError::internal("stored import result unreadable", e))?;
        // Judges' links are shown on this one view after the import (see `commit_import`).
        let judges: Vec<i64> = created.iter().filter_map(|c| c.judge).collect();
        if !judges.is_empty() {
            let mut fresh = crate::judging::manage::passes::take_revealed(event_id, Some(&judges)).await?;
            for c in &mut created {
                if let Some(url) = c.judge.and_then(|j| fresh.remove(&j)) {
                    c.link = url;
                }
            }
        }
        return Ok(Some(Batch {
            event_id,
            id: batch,
            kind: kind_code,
            columns,
            rows: Vec::new(),
            problems: Vec::new(),
            committed: true,
            created,
        }));
    }
    let (parsed, problems) = check(db, event_id, kind, &body, crate::i18n::request::request_lang()).await?;
    let join = |v: &[String]| v.join(" | ");
    let rows = if kind == Kind::Projects {
        parsed
            .projects
            .iter()
            .map(|p| {
                (
                    p.line,
                    vec![
                        p.team.clone(),
                        p.title.clone(),
                        p.track.clone().unwrap_or_default(),
                        p.summary.clone(),
                        p.repo_url.clone().unwrap_or_default(),
                    ],
                )
            })
            .collect()
    } else {
        parsed
            .people
            .iter()
            .map(|p| {
                (p.line, vec![p.name.clone(), p.email.clone().unwrap_or_default(), join(&p.skills), join(&p.languages)])
            })
            .collect()
    };
    Ok(Some(Batch {
        event_id,
        id: batch,
        kind: kind_code,
        columns,
        rows,
        problems,
        committed: false,
        created: Vec::new(),
    }))
}

/// Imports a batch that has no problems: everything in one transaction, once. Answers what
/// was created, with every link: judges' sign-in links exist only in this answer and on the
/// batch's next view.
#[server(prefix = "/api", endpoint = "console/import/commit")]
pub async fn commit_import(event_id: i64, batch: i64) -> Result<Vec<Created>, AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let lang = crate::i18n::request::request_lang();
    let mut tx = db.begin_write().await?;
    // Claiming the batch first makes a second click (or a replay) import nothing.
    let claimed =
        sqlx::query("UPDATE imports SET committed_at = $1 WHERE id = $2 AND event_id = $3 AND committed_at IS NULL")
            .bind(now())
            .bind(batch)
            .bind(event_id)
            .execute(&mut *tx)
            .await?;
    if claimed.rows_affected() != 1 {
        return Err(AppError::Conflict(Msg::ImportAlreadyDone));
    }
    let (kind_code, body): (String, String) =
        sqlx::query_as("SELECT kind, body FROM imports WHERE id = $1").bind(batch).fetch_one(&mut *tx).await?;
    let kind = Kind::from_code(&kind_code).ok_or_else(|| AppError::missing("import batch of an unknown kind"))?;
    let (parsed, problems) = check(db, event_id, kind, &body, lang).await?;
    if !problems.is_empty() {
        return Err(AppError::Conflict(Msg::ImportHasProblems));
    }
    let base = access.state.config.public_url.clone();
    let expires: i64 =
        sqlx::query_scalar("SELECT ends_at FROM events WHERE id = $1").bind(event_id).fetch_one(&mut *tx).await?;
    let mut created = Vec::new();
    match kind {
        Kind::Participants | Kind::Mentors => {
            let role = if kind == Kind::Mentors { Role::Mentor } else { Role::Participant };
            for p in &parsed.people {
                let email = p.email.clone().unwrap_or_default();
                let label: String = format!("{} <{}>", p.name, email).chars().take(80).collect();
                // One use each, valid until the event ends (at least a day).
                let invite = crate::invites::db::NewInvite {
                    event_id,
                    role,
                    label: &label,
                    max_uses: 1,
                    expires_at: expires.max(now() + 86_400),
                    created_by: access.user.id,
                    allow_clash: false,
                };
                let (_, code) = crate::invites::db::insert(&mut tx, &invite).await?;
                created.push(Created {
                    name: p.name.clone(),
                    email,
                    link: format!("{base}/invite/{code}"),
                    judge: None,
                });
            }
        }
        Kind::Judges => {
            for p in &parsed.people {
                let user_id = crate::judging::manage::passes::create_pass_user(&mut tx, &p.name).await?;
                crate::events::db::grant(&mut tx, event_id, user_id, Role::Judge, Some(access.user.id)).await?;
                let pass =
                    crate::judging::manage::passes::insert_pass(&mut tx, event_id, user_id, Some(access.user.id))
                        .await?;
                let link = crate::judging::manage::passes::pass_url(&base, &pass.token);
                created.push(Created {
                    name: p.name.clone(),
                    email: p.email.clone().unwrap_or_default(),
                    link,
                    judge: Some(user_id),
                });
            }
        }
        Kind::Projects => {
            let tracks = tracks(db, event_id).await?;
            for p in &parsed.projects {
                let track = p.track.as_ref().and_then(|t| tracks.iter().find(|(_, n)| n == t)).map(|(id, _)| *id);
                let team = crate::teams::db::NewTeam { event_id, name: &p.team, track_id: track, ..Default::default() };
                let team = crate::teams::db::insert_team(&mut tx, &team).await?;
                let project = crate::projects::db::NewProject {
                    team_id: team.id,
                    event_id,
                    title: &p.title,
                    description: &p.summary,
                    track_id: track,
                    repo_url: p.repo_url.as_deref().unwrap_or_default(),
                    status: crate::projects::ProjectStatus::Submitted,
                    by: Some(access.user.id),
                    ..Default::default()
                };
                crate::projects::db::insert_project(&mut tx, &project).await?;
                // The team's join link: its members join the imported team with it.
                created.push(Created {
                    name: p.team.clone(),
                    email: String::new(),
                    link: format!("{base}/join/{}", team.invite_code),
                    judge: None,
                });
            }
        }
    }
    // Judges' links are kept without their secret; the plain ones go to this answer and,
    // once, to the batch's next view.
    let stored: Vec<Created> = created
        .iter()
        .map(|c| Created { link: if c.judge.is_some() { String::new() } else { c.link.clone() }, ..c.clone() })
        .collect();
    let result = serde_json::to_string(&stored).map_err(|e| AppError::internal("import result not serialized", e))?;
    sqlx::query("UPDATE imports SET result = $1 WHERE id = $2").bind(&result).bind(batch).execute(&mut *tx).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "import",
        None,
        Some(json!({ "kind": kind.code(), "rows": created.len(), "batch": batch })),
    )
    .await?;
    tx.commit().await?;
    for c in &created {
        if let Some(judge) = c.judge {
            crate::judging::manage::passes::reveal_once(event_id, judge, &c.link).await?;
        }
    }
    Ok(created)
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let query = use_query_map();
    let batch_id = move || query.with(|q| q.get("batch").and_then(|b| b.parse::<i64>().ok()));
    let stage = ServerAction::<StageImport>::new();
    let commit = ServerAction::<CommitImport>::new();
    let (stage_errors, commit_errors) = (action_error(stage), action_error(commit));
    // Always asked, batch or not: it is also the organizer check, so nobody else is shown
    // the form (or a 200).
    let batch = Resource::new(move || (id.get(), batch_id()), |(id, b)| import_batch(id, b));
    let kinds = vec![
        ("participants".to_string(), lang.t(Msg::ImportParticipants).to_string()),
        ("mentors".to_string(), lang.t(Msg::ImportMentors).to_string()),
        ("judges".to_string(), lang.t(Msg::ImportJudges).to_string()),
        ("projects".to_string(), lang.t(Msg::ImportProjects).to_string()),
    ];
    view! {
        <section class="form-page wide">
            <div class="page-head">
                <h1>{lang.t(Msg::ImportTitle)}</h1>
                <a href=move || format!("/events/{}/dashboard", id.get())>{lang.t(Msg::DashboardTitle)}</a>
            </div>
            {loaded(
                batch,
                move |b| {
                    let kinds = kinds.clone();
                    view! {
                        {b.map(|b| batch_view(b, commit, commit_errors))}
                        <h2>{lang.t(Msg::ImportNew)}</h2>
                        <p class="hint">{lang.t(Msg::HintImport)}</p>
                        <ul class="hint">
                            <li>
                                <code>"name, email, skills, languages"</code>
                                " — "
                                {lang.t(Msg::ImportParticipants)}
                                ", "
                                {lang.t(Msg::ImportMentors)}
                                ", "
                                {lang.t(Msg::ImportJudges)}
                            </li>
                            <li>
                                <code>"team, title, track, summary, repo_url"</code>
                                " — "
                                {lang.t(Msg::ImportProjects)}
                            </li>
                        </ul>
                        <ActionForm action=stage>
                            <FormError errors=stage_errors />
                            <EventIdInput event_id=id.get_untracked() />
                            <Select label=Msg::ImportKind name="kind" errors=stage_errors options=kinds />
                            <CsvFilePicker label=lang.t(Msg::ImportFile).to_string() />
                            <TextArea label=Msg::ImportCsv name="csv_text" errors=stage_errors rows=10 />
                            <Submit label=Msg::ImportCheck />
                        </ActionForm>
                    }
                        .into_any()
                },
            )}
        </section>
    }
}

fn batch_view(b: Batch, commit: ServerAction<CommitImport>, commit_errors: Signal<Option<AppError>>) -> impl IntoView {
    let lang = use_lang();
    if b.committed {
        return view! {
            <div class="card" id="import-result">
                <h2>
                    {lang
                        .format(args::ImportDone {
                            count: b.created.len(),
                        })}
                </h2>
                <div class="table-scroll">
                    <table class="people">
                        <tbody>
                            {b
                                .created
                                .into_iter()
                                .map(|c| {
                                    view! {
                                        <tr>
                                            <td dir="auto">{c.name}</td>
                                            <td>{c.email}</td>
                                            <td>
                                                {if !c.link.is_empty() {
                                                    view! { <a href=c.link.clone()>{c.link.clone()}</a> }.into_any()
                                                } else if c.judge.is_some() {
                                                    view! {
                                                        <span class="muted">{lang.t(Msg::ImportPassShownOnce)}</span>
                                                    }
                                                        .into_any()
                                                } else {
                                                    ().into_any()
                                                }}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
        }
        .into_any();
    }
    let ok = b.problems.is_empty() && !b.rows.is_empty();
    view! {
        <div class="card" id="import-preview">
            <h2>
                {lang
                    .format(args::ImportPreview {
                        count: b.rows.len(),
                    })}
            </h2>
            {(!b.problems.is_empty())
                .then(|| {
                    view! {
                        <Alert message=lang
                            .format(args::ImportProblems {
                                count: b.problems.len(),
                            }) />
                        <ul class="import-problems">
                            {b
                                .problems
                                .iter()
                                .map(|(line, column, message)| {
                                    view! {
                                        <li>
                                            {lang.format(args::ImportLine { line })}
                                            {(!column.is_empty())
                                                .then(|| {
                                                    view! {
                                                        " · "
                                                        <code>{column.clone()}</code>
                                                    }
                                                })} ": " {message.clone()}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <div class="table-scroll">
                <table class="people">
                    <thead>
                        <tr>
                            <th>"#"</th>
                            {b.columns.iter().map(|c| view! { <th>{c.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {b
                            .rows
                            .iter()
                            .map(|(line, cells)| {
                                view! {
                                    <tr>
                                        <td>{*line}</td>
                                        {cells.iter().map(|c| view! { <td dir="auto">{c.clone()}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
            <ActionForm action=commit>
                <FormError errors=commit_errors />
                <EventIdInput event_id=b.event_id />
                <input type="hidden" name="batch" value=b.id />
                <button type="submit" class="button primary" disabled=!ok>
                    {lang
                        .format(args::ImportConfirm {
                            count: b.rows.len(),
                        })}
                </button>
            </ActionForm>
        </div>
    }
    .into_any()
}

/// Reads a chosen file into the CSV box, so organizers need not open it in an editor first
/// (done by the page's script, `web`). Without scripts the box still takes a paste.
#[component]
pub fn CsvFilePicker(label: String) -> impl IntoView {
    view! {
        <div class="field">
            <label for="f-csv_file">{label}</label>
            <input id="f-csv_file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" data-fills="f-csv_text" />
        </div>
    }
}

#[cfg(feature = "web")]
pub(crate) mod client {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// Makes each file picker of the page fill its text box.
    pub fn start(document: &web_sys::Document) {
        let Ok(pickers) = document.query_selector_all("input[type=file][data-fills]") else { return };
        for i in 0..pickers.length() {
            let Some(picker) = pickers.item(i) else { continue };
            let handler = Closure::<dyn Fn(web_sys::Event)>::new(load);
            let _ = picker.add_event_listener_with_callback("change", handler.as_ref().unchecked_ref());
            handler.forget();
        }
    }

    fn load(ev: web_sys::Event) {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(target) = input.get_attribute("data-fills") else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else { return };
            let Some(text) = text.as_string() else { return };
            let area = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&target))
                .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
            if let Some(area) = area {
                area.set_value(&text);
            }
        });
    }
}
