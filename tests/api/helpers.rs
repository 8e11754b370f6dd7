//! Starts the real server on a random port against a fresh database: a temporary SQLite file,
//! or (with HAKAM_TEST_BACKEND=postgres) a uniquely named PostgreSQL database dropped afterwards.

use hakam::config::Config;
pub use leptos::server_fn::ServerFn;
use reqwest::{redirect::Policy, Client, StatusCode};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU32, Ordering};

// Every server function's argument type, in one place: tests call a function through its own
// type, so a renamed function or argument is a compile error here rather than a failed call.
pub use hakam::account::{
    ChangePassword, DeleteAccount, EmailResetLink, MyAccount, PrivacyNotice, ResetPassword, SignOutEverywhere,
    UpdateProfile,
};
pub use hakam::admin::{setup::ClaimAdmin, IssueResetLink, ListUsers, SetEventCreator};
pub use hakam::audience::{
    AudienceConsole, Ballot, CastVote, MakeTickets, PrintTickets, SaveAudienceSettings, UseTicket, VoidTickets,
};
pub use hakam::auth::{CurrentUser, Login, Logout, Signup};
pub use hakam::board::api::{
    BoardConsole, EventAnnouncements, FreezeBoard, PostAnnouncement, ProjectorData, PublicRanking, PublishResults,
    RetireAnnouncement, SaveBoardSettings, StepReveal, TeamViewInput,
};
pub use hakam::certificates::{AllCertificates, MyCertificate, VerifyCertificate};
pub use hakam::checkin::{CheckIn, CheckinConsole, MarkPresence, MyCheckin, RenewCheckinCode};
pub use hakam::dashboard::{CommitImport, Dashboard, ImportBatch, StageImport};
pub use hakam::error::{AppError, FieldError};
pub use hakam::events::people::{RemoveRole, RetireJudge};
pub use hakam::events::{
    AddOrganizer, AddTrack, ArchiveEvent, CreateEvent, DeleteEvent, EventForm, EventInput, EventPage, JoinEvent,
    ListEvents, RemoveTrack, TrackInput, UnarchiveEvent, UpdateEvent,
};
pub use hakam::i18n::Msg;
pub use hakam::invites::{AcceptInvite, CreateInvite, InviteInfo, ListInvites, RevokeInvite, SignupAndAccept};
pub use hakam::judging::audit::AuditLog;
pub use hakam::judging::manage::{
    AddExtraJudge, AddJudge, ExtendPass, JudgingConsole, JudgingResults, LoadRubric, ResetPass, RunAssignment,
    SaveJudgingSettings, SaveRubric, SetTable, ShowPass, UpdateJudge,
};
pub use hakam::judging::paper::{PaperEntry, SavePaper, ScoreSheets};
pub use hakam::judging::score::{
    JoinAsJudge, JudgeConflicts, JudgeDesk, OpenPass, SaveConflicts, SaveScore, ScoreSheet,
};
pub use hakam::mentoring::day::MyDay;
pub use hakam::mentoring::help::{
    CancelHelp, ClaimHelp, HandHelp, HelpPage, RaiseHelp, ReleaseHelp, ResolveHelp, SaveHelpSettings,
};
pub use hakam::mentoring::sessions::{BookSlot, CancelSlot, ListSlots, OfferSlot, SessionNotes};
pub use hakam::mentoring::{
    AssignMentor, AutoAssignMentors, MentorProfile, MentoringOverview, MyMentor, SaveMentorProfile,
};
pub use hakam::projects::{
    ExtendDeadline, ListSubmissions, ProjectDetail, ProjectInput, ProjectPage, RemoveScreenshot, SaveProject,
    UploadScreenshot,
};
pub use hakam::rooms::{
    AutoPlace, ImportPlaces, PlaceProject, RemoveRoom, RemoveRoomPlan, RoomMap, RoomsConsole, SaveRoom, UploadRoomPlan,
};
pub use hakam::slots::{ClearSlots, GenerateSlots, MoveSlot, SlotsConsole, TeamSlots};
pub use hakam::stage::{PutOnStage, SavePitchLength, StageConsole, TapClock};
pub use hakam::teams::{
    AutoFormTeams, CreateTeam, DecideRequest, DissolveTeam, JoinTeam, LeaveTeam, MakeCaptain, MoveParticipant, MyTeam,
    RemoveMember, RenameTeam, RequestJoin, SaveProfile, SetEventSkills, SetTeamLock, TeamBoard, TeamInvitation,
    TeamsOverview, UpdateTeam,
};

pub struct TestApp {
    pub base: String,
    pub state: hakam::server::AppState,
    pub uploads: std::path::PathBuf,
    _db: FreshDb,
}

enum Cleanup {
    Sqlite(std::path::PathBuf),
    Postgres { admin_url: String, name: String },
}

/// A new, empty database of the backend under test, removed when dropped.
pub struct FreshDb {
    pub url: String,
    cleanup: Option<Cleanup>,
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

pub fn unique() -> String {
    format!(
        "{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos()
    )
}

pub fn backend() -> String {
    std::env::var("HAKAM_TEST_BACKEND").unwrap_or_else(|_| "sqlite".into())
}

pub async fn fresh_database() -> FreshDb {
    fresh_database_of(&backend()).await
}

/// A new, empty database of `backend` ("sqlite" or "postgres"), whichever is under test.
pub async fn fresh_database_of(backend: &str) -> FreshDb {
    match backend {
        "postgres" => {
            let admin_url = std::env::var("HAKAM_TEST_PG_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
            let name = format!("hakam_test_{}", unique());
            use sqlx::Connection;
            let mut conn = sqlx::PgConnection::connect(&admin_url).await.expect("PostgreSQL reachable");
            sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut conn).await.expect("create db");
            let base = admin_url.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(admin_url.clone());
            FreshDb { url: format!("{base}/{name}"), cleanup: Some(Cleanup::Postgres { admin_url, name }) }
        }
        _ => {
            let dir = std::env::temp_dir().join(format!("hakam-test-{}", unique()));
            std::fs::create_dir_all(&dir).unwrap();
            FreshDb { url: format!("sqlite://{}/hakam.db", dir.display()), cleanup: Some(Cleanup::Sqlite(dir)) }
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_on_with(&backend(), adjust).await
}

/// A server on a fresh database of `backend`, whatever backend the run is for: for what only
/// one of them can do (several instances share a database only with PostgreSQL).
pub async fn spawn_app_on(backend: &str) -> TestApp {
    spawn_app_on_with(backend, |_| {}).await
}

async fn spawn_app_on_with(backend: &str, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let db = fresh_database_of(backend).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let uploads = std::env::temp_dir().join(format!("hakam-uploads-{}", unique()));
    let mut config = Config::for_tests(db.url.clone(), addr, uploads.clone());
    adjust(&mut config);
    let state = hakam::server::spawn(config, listener).await.expect("server starts");
    TestApp { base: format!("http://{addr}"), state, uploads, _db: db }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.uploads);
    }
}

impl Drop for FreshDb {
    fn drop(&mut self) {
        match self.cleanup.take() {
            Some(Cleanup::Sqlite(dir)) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Some(Cleanup::Postgres { admin_url, name }) => {
                // Drop cannot await; a helper thread with its own runtime drops the database.
                let _ = std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                    rt.block_on(async move {
                        use sqlx::Connection;
                        if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut conn)
                                .await;
                        }
                    });
                })
                .join();
            }
            None => {}
        }
    }
}

/// A browser-like user: its own cookie jar; redirects are not followed so tests see them.
/// A request, body included, that takes longer than `REQUEST_LIMIT` fails its test instead of
/// stalling the whole run (no test request or stream read comes near it).
pub fn user_agent() -> Client {
    Client::builder().cookie_store(true).redirect(Policy::none()).timeout(REQUEST_LIMIT).build().unwrap()
}

pub const REQUEST_LIMIT: std::time::Duration = std::time::Duration::from_secs(90);

pub struct Reply {
    pub status: StatusCode,
    pub body: String,
    pub headers: reqwest::header::HeaderMap,
}

impl Reply {
    /// The `Set-Cookie` line of the session cookie (`hakam`, or `__Host-hakam` over https),
    /// attributes included, if the response sets it.
    pub fn session_set_cookie(&self) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("hakam=") || c.starts_with("__Host-hakam="))
            .map(str::to_owned)
    }

    /// Reads a response whole.
    pub async fn read(res: reqwest::Response) -> Reply {
        let status = res.status();
        let headers = res.headers().clone();
        Reply { status, body: res.text().await.unwrap_or_default(), headers }
    }
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
    /// The error a failed call answered, decoded as the browser decodes it; `None` for a
    /// success or a body that is not an error.
    pub fn error(&self) -> Option<AppError> {
        if self.status.is_client_error() || self.status.is_server_error() {
            serde_json::from_str(&self.body).ok()
        } else {
            None
        }
    }
    /// The per-field errors of an `Invalid` answer (none for any other answer).
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self.error() {
            Some(AppError::Invalid(errors)) => errors,
            _ => Vec::new(),
        }
    }
    /// The fields named in an `Invalid` error, for asserting per-field messages.
    pub fn invalid_fields(&self) -> Vec<String> {
        self.field_errors().into_iter().map(|e| e.field).collect()
    }
    /// The message of the first invalid field, as the form shows it first.
    pub fn first_invalid(&self) -> Option<Msg> {
        self.field_errors().first().map(|e| e.msg)
    }
}

/// One server-function call as the browser makes it: the function's path and its arguments
/// encoded as its form (url-encoded, or multipart for a file upload).
#[derive(Clone, Debug)]
pub struct Call {
    pub path: &'static str,
    body: Body,
}

#[derive(Clone, Debug)]
enum Body {
    Form(String),
    Multipart { fields: Vec<(String, String)>, file: Option<(String, Vec<u8>)> },
}

impl Call {
    /// A call of the server function whose arguments `args` are. They are encoded with the
    /// server-function layer's own url encoding (the one `PostUrl` decodes), so optional
    /// arguments left `None` are left out as an unticked checkbox is, and map arguments are
    /// sent as `marks[c1]=4`.
    pub fn of<T: ServerFn + serde::Serialize>(args: &T) -> Call {
        let form = serde_qs::to_string(args).expect("server-function arguments encode");
        Call { path: T::PATH, body: Body::Form(form) }
    }

    /// The request that makes this call to the server at `base`.
    pub fn request(&self, client: &Client, base: &str) -> reqwest::RequestBuilder {
        let url = format!("{base}{}", self.path);
        match &self.body {
            Body::Form(form) => client
                .post(url)
                .header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(form.clone()),
            Body::Multipart { fields, file } => {
                let mut form = reqwest::multipart::Form::new();
                for (k, v) in fields {
                    form = form.text(k.clone(), v.clone());
                }
                if let Some((name, bytes)) = file {
                    form =
                        form.part(name.clone(), reqwest::multipart::Part::bytes(bytes.clone()).file_name("shot.png"));
                }
                client.post(url).multipart(form)
            }
        }
    }

    /// A screenshot upload: its fields and its file.
    pub fn upload(fields: &[(&str, String)], file: Option<(&str, Vec<u8>)>) -> Call {
        Call::multipart(UploadScreenshot::PATH, fields, file)
    }

    /// A room's floor plan upload: its fields and its file.
    pub fn plan(fields: &[(&str, String)], file: Option<(&str, Vec<u8>)>) -> Call {
        Call::multipart(UploadRoomPlan::PATH, fields, file)
    }

    /// A multipart server function's call: its fields and its file.
    pub fn multipart(path: &'static str, fields: &[(&str, String)], file: Option<(&str, Vec<u8>)>) -> Call {
        Call {
            path,
            body: Body::Multipart {
                fields: fields.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
                file: file.map(|(name, bytes)| (name.to_owned(), bytes)),
            },
        }
    }
}

/// The argument map of a server function that takes one (`marks[c1]=4`, `fields[name_1]=…`);
/// no pairs is no map, as a form without such fields sends.
pub fn map<K: ToString, V: ToString>(pairs: &[(K, V)]) -> Option<BTreeMap<String, String>> {
    (!pairs.is_empty()).then(|| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
}

impl TestApp {
    /// Calls a server function through its argument type, as a form post the way
    /// `<ActionForm>` does: `app.send(&client, &JoinTeam { code }).await`.
    pub async fn send<T: ServerFn + serde::Serialize>(&self, client: &Client, args: &T) -> Reply {
        self.send_call(client, &Call::of(args)).await
    }

    /// Sends a call prepared beforehand (a table of calls, a call made by several clients).
    pub async fn send_call(&self, client: &Client, call: &Call) -> Reply {
        Reply::read(self.request(client, call).send().await.expect("request sent")).await
    }

    /// The request a call makes, for a test that adds headers of its own (a browser's
    /// `Accept: text/html`, its `Referer`) before sending it.
    pub fn request(&self, client: &Client, call: &Call) -> reqwest::RequestBuilder {
        call.request(client, &self.base)
    }

    /// Uploads a screenshot (a multipart server function), as a browser form with a file does.
    pub async fn upload(&self, client: &Client, fields: &[(&str, String)], file: Option<(&str, Vec<u8>)>) -> Reply {
        self.send_call(client, &Call::upload(fields, file)).await
    }

    pub async fn get(&self, client: &Client, path: &str) -> Reply {
        Reply::read(client.get(format!("{}{path}", self.base)).send().await.expect("request sent")).await
    }

    pub async fn signup(&self, client: &Client, name: &str, email: &str) -> Reply {
        let args = Signup { display_name: name.into(), email: email.into(), password: PASSWORD.into(), next: None };
        self.send(client, &args).await
    }

    /// Signs up the platform admin (who may create events and let others do so). Tests get
    /// their admin only through this, so how an admin comes to be is decided in one place:
    /// the account signs up like anyone, then is promoted by what `hakam admin <email>` runs.
    pub async fn signup_admin(&self, client: &Client, name: &str, email: &str) -> Reply {
        let reply = self.signup(client, name, email).await;
        assert_eq!(self.me(client).await["is_admin"], false, "{email} became admin by signing up");
        hakam::auth::bootstrap::make_admin(&self.state.db, email)
            .await
            .expect("the admin command promotes the account");
        assert_eq!(self.me(client).await["is_admin"], true, "{email} should be the platform admin");
        reply
    }

    pub async fn login(&self, client: &Client, email: &str, password: &str) -> Reply {
        self.send(client, &Login { email: email.into(), password: password.into(), next: None }).await
    }

    pub async fn me(&self, client: &Client) -> Value {
        self.send(client, &CurrentUser {}).await.json()
    }

    /// Creates a valid event and returns its id; the client must be allowed to create events.
    pub async fn create_event(&self, client: &Client, name: &str) -> i64 {
        let reply = self.send(client, &event_form(name)).await;
        assert!(
            reply.status.is_success() || reply.status.is_redirection(),
            "create_event: {} {}",
            reply.status,
            reply.body
        );
        self.latest_event_id().await
    }

    /// A new account signed up through an invite code (with `PASSWORD`): its session.
    pub async fn join_with_invite(&self, code: &str, name: &str, email: &str) -> Client {
        let client = user_agent();
        let args = SignupAndAccept {
            code: code.into(),
            display_name: name.into(),
            email: email.into(),
            password: PASSWORD.into(),
        };
        let r = self.send(&client, &args).await;
        assert!(r.status.is_success() || r.status.is_redirection(), "{email} joins: {} {}", r.status, r.body);
        client
    }

    pub async fn latest_event_id(&self) -> i64 {
        sqlx::query_scalar::<_, i64>("SELECT MAX(id) FROM events").fetch_one(&self.state.db.pool).await.unwrap()
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar::<_, i64>(sql).fetch_one(&self.state.db.pool).await.unwrap()
    }

    /// Creates an invite and returns its code.
    pub async fn invite(&self, organizer: &Client, event_id: i64, role: &str, max_uses: &str) -> String {
        let args = CreateInvite {
            event_id,
            role: role.into(),
            label: "Jury".into(),
            max_uses: max_uses.into(),
            valid_days: "7".into(),
            allow_clash: None,
        };
        let reply = self.send(organizer, &args).await;
        assert!(reply.status.is_success(), "invite: {} {}", reply.status, reply.body);
        sqlx::query_scalar::<_, String>("SELECT code FROM invites WHERE event_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(event_id)
            .fetch_one(&self.state.db.pool)
            .await
            .unwrap()
    }

    pub async fn user_id(&self, email: &str) -> i64 {
        sqlx::query_scalar::<_, i64>("SELECT id FROM users WHERE email = $1")
            .bind(email)
            .fetch_one(&self.state.db.pool)
            .await
            .unwrap()
    }
}

/// A tiny valid PNG (1×1): an image the upload takes.
pub fn png() -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    v.extend_from_slice(&[
        0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
    ]);
    v.extend_from_slice(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]);
    v
}

/// The password of every account the tests make.
pub const PASSWORD: &str = "correct horse battery";

/// A valid event whose registration is open now (dates in 2020–2099 around the present).
pub fn event_form(name: &str) -> CreateEvent {
    CreateEvent { event: event_input(name) }
}

/// The fields of `event_form`, for a test that changes some of them.
pub fn event_input(name: &str) -> EventInput {
    let fmt = |offset_days: i64| {
        let t = chrono::Utc::now() + chrono::Duration::days(offset_days);
        t.format("%Y-%m-%dT%H:%M").to_string()
    };
    EventInput {
        name: name.to_owned(),
        description_ar: "الرقمي في خدمة المواطن".to_owned(),
        description_fr: "Le numérique au service du citoyen".to_owned(),
        description_en: String::new(),
        venue: "Berkane".to_owned(),
        timezone: "Africa/Casablanca".to_owned(),
        starts_at: fmt(5),
        ends_at: fmt(8),
        team_min: "2".to_owned(),
        team_max: "5".to_owned(),
        registration_opens: fmt(-1),
        registration_closes: fmt(5),
        hacking_starts: fmt(5),
        submission_deadline: fmt(7),
        judging_opens: fmt(7),
        judging_closes: fmt(8),
        results_at: fmt(8),
    }
}

/// A track of `event_id` named `name` in French only, without a description.
pub fn new_track(event_id: i64, name: impl Into<String>) -> AddTrack {
    AddTrack { event_id, track: TrackInput { track_name_fr: name.into(), ..Default::default() } }
}

/// An edit of event `id`, made on `version`, that saves `form`.
pub fn event_update(id: i64, version: i64, form: CreateEvent) -> UpdateEvent {
    UpdateEvent { id, version, event: form.event }
}

/// A team of `event` named `name`, with no pitch, track or needs.
pub fn new_team(event_id: i64, name: &str) -> CreateTeam {
    CreateTeam {
        event_id,
        team_name: name.to_owned(),
        pitch: String::new(),
        track_id: String::new(),
        needs: String::new(),
    }
}

/// Runs the futures concurrently on this task and returns their outputs in order: enough to
/// make requests race against the server without another dependency.
pub async fn join_all<F: std::future::Future>(futures: impl Iterator<Item = F>) -> Vec<F::Output> {
    let mut pinned: Vec<_> = futures.map(Box::pin).collect();
    let mut done: Vec<Option<F::Output>> = (0..pinned.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (i, f) in pinned.iter_mut().enumerate() {
            if done[i].is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => done[i] = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    done.into_iter().map(|d| d.expect("completed")).collect()
}

/// Another server instance on the same database as `app`, as PostgreSQL deployments run
/// several; returns its base URL. It runs until the test ends.
pub async fn spawn_instance(app: &TestApp) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = Config::for_tests(app.state.config.database_url.clone(), addr, app.uploads.clone());
    hakam::server::spawn(config, listener).await.expect("second instance starts");
    format!("http://{addr}")
}

/// Runs a test that renders whole pages on 16 MiB threads, the test's and the server's:
/// an unoptimized build needs more stack than a test thread's 2 MiB for some pages.
pub fn on_big_stack<F: std::future::Future<Output = ()>>(test: impl FnOnce() -> F + Send + 'static) {
    const STACK: usize = 16 * 1024 * 1024;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_stack_size(STACK)
        .enable_all()
        .build()
        .unwrap();
    std::thread::Builder::new().stack_size(STACK).spawn(move || runtime.block_on(test())).unwrap().join().unwrap();
}

/// A mail server for the tests: speaks just enough SMTP to take messages, and keeps them.
#[derive(Clone)]
pub struct MailSink {
    pub url: String,
    messages: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl MailSink {
    pub async fn start() -> MailSink {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("smtp://{}", listener.local_addr().unwrap());
        let messages = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let kept = messages.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let kept = kept.clone();
                tokio::spawn(async move {
                    let _ = smtp_session(socket, kept).await;
                });
            }
        });
        MailSink { url, messages }
    }

    /// The server's mail settings for this sink.
    pub fn config(&self) -> hakam::config::Mail {
        hakam::config::Mail { url: self.url.clone(), from: "Hakam <no-reply@example.ma>".into() }
    }

    /// The messages taken so far, with quoted-printable soft line breaks undone.
    pub fn messages(&self) -> Vec<String> {
        let kept = self.messages.lock().unwrap();
        kept.iter().map(|m| m.replace("=\r\n", "").replace("=3D", "=")).collect()
    }

    /// Waits (up to 10 s) until at least `n` messages arrived; the server sends after answering.
    pub async fn wait_for(&self, n: usize) -> Vec<String> {
        for _ in 0..200 {
            if self.messages.lock().unwrap().len() >= n {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        self.messages()
    }
}

async fn smtp_session(
    socket: tokio::net::TcpStream,
    kept: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
) -> std::io::Result<()> {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    let (read, mut write) = socket.into_split();
    let mut read = BufReader::new(read);
    write.write_all(b"220 sink.test ESMTP\r\n").await?;
    let mut line = String::new();
    loop {
        line.clear();
        if read.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let command = line.to_ascii_uppercase();
        if command.starts_with("EHLO") {
            write.write_all(b"250-sink.test\r\n250 8BITMIME\r\n").await?;
        } else if command.starts_with("DATA") {
            write.write_all(b"354 end with a dot\r\n").await?;
            let mut message = String::new();
            loop {
                line.clear();
                if read.read_line(&mut line).await? == 0 {
                    return Ok(());
                }
                if line == ".\r\n" {
                    break;
                }
                message.push_str(&line);
            }
            kept.lock().unwrap().push(message);
            write.write_all(b"250 kept\r\n").await?;
        } else if command.starts_with("QUIT") {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            write.write_all(b"250 ok\r\n").await?;
        }
    }
}

/// A day a month from now at 09:00, as a `datetime-local` input reads it: pitch slots of the
/// tests start then, in the future whenever the tests run.
pub fn slot_day() -> String {
    (chrono::Utc::now() + chrono::Duration::days(30)).format("%Y-%m-%dT09:00").to_string()
}
