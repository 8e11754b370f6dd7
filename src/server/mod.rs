//! The HTTP server: routes, middleware and start-up. Built as a function so the integration
//! tests start exactly what `main` starts, on a random port and a fresh database.

use crate::app::{shell, App};
use crate::config::Config;
use crate::db::{Db, DbError, Sessions};
use crate::error::AppError;
use crate::i18n::{Lang, LANG_COOKIE};
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::sync::Arc;
use tokio::task::JoinHandle;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::session_store::ExpiredDeletion;
use tower_sessions::{cookie::SameSite, Expiry, SessionManagerLayer};

pub mod check;
pub mod headers;
pub mod limits;
pub mod plain;
pub mod tls;

pub use crate::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    #[error("demo data: {0}")]
    Demo(sqlx::Error),
    #[error("password hashing: {0}")]
    Hash(#[from] crate::auth::password::HashError),
    #[error("moving old screenshots into the database: {0}")]
    Uploads(sqlx::Error),
    #[error("admin set-up link: {0}")]
    AdminSetup(sqlx::Error),
    #[error(transparent)]
    Tls(#[from] tls::TlsError),
    #[error(transparent)]
    Mail(#[from] crate::account::mail::MailError),
}

/// A running server: its state, the background tasks to stop, and the router.
pub struct Built {
    pub state: AppState,
    pub router: Router,
    pub cleanup: JoinHandle<()>,
    /// Scheduled backups, when configured.
    pub backups: Option<JoinHandle<()>>,
    /// Hands help requests held too long back to the queue.
    pub help_sweep: JoinHandle<()>,
}

pub async fn build(config: Config) -> Result<Built, StartError> {
    let mailer = config.mail.as_ref().map(crate::account::mail::Mailer::new).transpose()?;
    let db = Db::connect(&config.database_url, config.max_connections).await?;
    db.migrate().await?;
    let sessions = db.session_store(&config.database_url).await?;
    crate::projects::files::adopt_old_uploads(&db, &config.upload_dir).await.map_err(StartError::Uploads)?;
    if config.demo {
        crate::demo::load_if_empty(&db).await.map_err(StartError::Demo)?;
    }
    let admin_setup = crate::auth::bootstrap::prepare_link(&db, config.admin_email.as_deref())
        .await
        .map_err(StartError::AdminSetup)?;
    if let Some(token) = &admin_setup {
        crate::auth::bootstrap::announce(&config.public_url, token, config.admin_email.as_deref());
    }
    let hasher = crate::auth::password::Hasher::start(config.hash_concurrency).await?;
    let joins = crate::auth::limits::RateLimiter::new(config.joins_per_minute);
    // Expired sessions are deleted hourly, and so are the login throttle's records past the
    // time the privacy notice gives (`account::db::forget_expired`); the task is aborted on
    // shutdown.
    let cleanup = tokio::spawn(sessions.clone().continuously_delete_expired(tokio::time::Duration::from_secs(3600)));
    let purge_db = db.clone();
    let cleanup = tokio::spawn(async move {
        let sessions = async {
            if let Ok(Err(e)) = cleanup.await {
                tracing::error!(error = %e, "session cleanup stopped");
            }
        };
        let records = async {
            let mut hourly = tokio::time::interval(tokio::time::Duration::from_secs(3600));
            loop {
                hourly.tick().await;
                if let Err(e) = crate::account::db::forget_expired(&purge_db, crate::db::now()).await {
                    tracing::warn!(error = %e, "expired login records not deleted");
                }
            }
        };
        tokio::join!(sessions, records);
    });
    let leptos = LeptosOptions::builder()
        .output_name("hakam")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build();
    let scores = crate::judging::writer::Writer::start(&db);
    let live = crate::live::hub::Hub::start(&db, &config.database_url);
    let state = AppState {
        db,
        config: Arc::new(config),
        leptos,
        live,
        scores,
        boards: Default::default(),
        hasher,
        joins,
        admin_setup: admin_setup.map(Arc::from),
        streams: Default::default(),
        mailer,
    };
    let router = router(state.clone(), sessions);
    let backups = state.config.backups.every.map(|every| {
        let b = &state.config.backups;
        tracing::info!(every = ?every, dir = %b.dir.display(), keep = b.keep, "scheduled backups on");
        crate::backup::schedule(state.db.clone(), state.config.database_url.clone(), b.dir.clone(), every, b.keep)
    });
    let help_sweep =
        crate::mentoring::help::sweep::start(state.db.clone(), state.live.clone(), state.config.help_sweep);
    Ok(Built { state, router, cleanup, backups, help_sweep })
}

fn router(state: AppState, sessions: Sessions) -> Router {
    let config = state.config.clone();
    let session_layer = SessionManagerLayer::new(sessions)
        .with_name(if config.secure_cookies() { "__Host-hakam" } else { "hakam" })
        .with_secure(config.secure_cookies())
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(tower_sessions::cookie::time::Duration::seconds(
            config.session_idle.as_secs() as i64,
        )));
    let routes = generate_route_list(|| view! { <App lang=Lang::default() /> });
    let context_state = state.clone();
    let provide = move || {
        // Before any data is read for the request (see `live::hub::Hub::since`).
        provide_context(crate::live::hub::RequestMark(context_state.live.counts.mark()));
        provide_context(context_state.clone());
    };
    let render_state = state.clone();

    let pkg = Router::new()
        .nest_service("/pkg", ServeDir::new(config.site_root.join("pkg")).precompressed_br().precompressed_gzip())
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            // The build does not hash file names, so revalidate cheaply with ETag/Last-Modified
            // instead of caching forever; a release changes the files in place.
            HeaderValue::from_static("public, max-age=3600, must-revalidate"),
        ));

    // What every route goes through, innermost first.
    let shared = |routes: Router<LeptosOptions>| {
        routes
            .layer(middleware::from_fn(limits::guard_server_functions))
            .layer(middleware::from_fn(error_status))
            .layer(middleware::from_fn(keep_form_values))
            .layer(session_layer.clone())
            // Around the session layer, so the session's own save also finishes.
            .layer(middleware::from_fn(run_to_completion))
            // Outside the session layer: a refused login touches no session.
            .layer(middleware::from_fn_with_state(state.clone(), limits::shed_hashing))
            .layer(middleware::from_fn_with_state(state.clone(), reject_cross_site))
            .layer(middleware::from_fn_with_state(config.secure_cookies(), headers::security_headers))
            // No request needs more than a screenshot plus its form: refuse bigger bodies early.
            .layer(tower_http::limit::RequestBodyLimitLayer::new(4 * 1024 * 1024))
    };

    // The live streams, each holding a place of its client's budget while open. They skip
    // the compression layer, which never compresses an event stream anyway, but whose
    // response body, sized for its Brotli encoder's state, would take over 5 KiB of every
    // open stream for as long as it stays open.
    let streams = Router::new()
        .route(
            "/events/{id}/live",
            get({
                let (db, hub) = (state.db.clone(), state.live.clone());
                move |session: tower_sessions::Session, path, query| {
                    hub.clone().stream(db.clone(), session, path, query)
                }
            }),
        )
        .route(
            "/events/{id}/board/live",
            get({
                let state = state.clone();
                move |session: tower_sessions::Session, path, query, headers| {
                    crate::board::live::stream(state.clone(), session, path, query, headers)
                }
            }),
        )
        .route_layer(middleware::from_fn_with_state(state.clone(), limits::limit_streams));

    let pages = Router::new()
        .route(
            "/healthz",
            get({
                let db = state.db.clone();
                move || healthz(db.clone())
            }),
        )
        .route("/lang/{code}", get(switch_language))
        .route(
            "/sw.js",
            get({
                let worker = crate::judging::offline::ServiceWorker::new(config.site_root.clone());
                move || worker.clone().serve()
            }),
        )
        .route("/events/{id}/desk.webmanifest", get(crate::judging::offline::desk_manifest))
        .route(
            "/uploads/{file}",
            get({
                let db = state.db.clone();
                move |session: tower_sessions::Session, path| {
                    crate::projects::files::serve_upload(db.clone(), session, path)
                }
            }),
        )
        .route(
            "/account/data.json",
            get({
                let (db, idle) = (state.db.clone(), config.session_idle);
                move |session: tower_sessions::Session, headers: HeaderMap| {
                    crate::account::export::data_json(db.clone(), session, idle, headers)
                }
            }),
        )
        .route(
            "/events/{id}/sessions.csv",
            get({
                let db = state.db.clone();
                move |session: tower_sessions::Session, path| {
                    crate::dashboard::export::sessions_csv(db.clone(), session, path)
                }
            }),
        )
        .route(
            "/events/{id}/rooms/{room}/plan",
            get({
                let db = state.db.clone();
                move |session: tower_sessions::Session, path| crate::rooms::plan::serve(db.clone(), session, path)
            }),
        )
        .route(
            "/events/{id}/checkins.csv",
            get({
                let db = state.db.clone();
                move |session: tower_sessions::Session, path| {
                    crate::checkin::export::checkins_csv(db.clone(), session, path)
                }
            }),
        )
        .route(
            "/events/{id}/export.zip",
            get({
                let db = state.db.clone();
                move |session: tower_sessions::Session, path| {
                    crate::dashboard::archive::export_zip(db.clone(), session, path)
                }
            }),
        )
        .route(
            "/events/{id}/teams.csv",
            get({
                let db = state.db.clone();
                move |session: tower_sessions::Session, path| {
                    crate::projects::files::export_teams_csv(db.clone(), session, path)
                }
            }),
        )
        .route(
            "/events/{id}/submissions.csv",
            get({
                let db = state.db.clone();
                move |session: tower_sessions::Session, path, query| {
                    crate::projects::files::export_csv(db.clone(), session, path, query)
                }
            }),
        )
        .route(
            "/events/{id}/scores.csv",
            get({
                let db = state.db.clone();
                move |session: tower_sessions::Session, path, query| {
                    crate::judging::manage::export::scores_csv(db.clone(), session, path, query)
                }
            }),
        )
        .route(
            "/events/{id}/ranking.csv",
            get({
                let db = state.db.clone();
                move |session: tower_sessions::Session, path| {
                    crate::judging::manage::export::ranking_csv(db.clone(), session, path)
                }
            }),
        )
        .route(
            "/api/{*fn_name}",
            axum::routing::post({
                let provide = provide.clone();
                move |req: Request| leptos_axum::handle_server_fns_with_context(provide.clone(), req)
            })
            .get({
                let provide = provide.clone();
                move |req: Request| leptos_axum::handle_server_fns_with_context(provide.clone(), req)
            }),
        )
        .leptos_routes_with_context(&state.leptos, routes, provide.clone(), move || {
            let lang = crate::i18n::request::request_lang();
            shell(render_state.leptos.clone(), lang)
        })
        .merge(pkg)
        .fallback_service(ServeDir::new(&config.site_root));

    Router::new()
        .merge(shared(streams))
        .merge(shared(pages).layer(CompressionLayer::new()))
        .with_state(state.leptos.clone())
}

/// Up and able to reach its database.
async fn healthz(db: Db) -> impl IntoResponse {
    match sqlx::query("SELECT 1").execute(&db.pool).await {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable"),
    }
}

#[derive(serde::Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// Sets the language cookie and returns to the page the reader was on.
async fn switch_language(Path(code): Path<String>, Query(q): Query<NextQuery>) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let next = crate::auth::domain::safe_next(q.next.as_deref());
    let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax", lang.code());
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let (Ok(loc), Ok(c)) = (HeaderValue::from_str(&next), HeaderValue::from_str(&cookie)) {
        res.headers_mut().insert(header::LOCATION, loc);
        res.headers_mut().insert(header::SET_COOKIE, c);
    }
    res
}

/// Refuses state-changing requests that a browser says come from another site, before any
/// server function runs. Requests without these headers are not from a browser page (curl,
/// tests) and cannot carry a victim's cookies cross-site.
async fn reject_cross_site(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && is_cross_site(req.headers(), &state.config.public_url) {
        tracing::warn!(path = %req.uri().path(), "cross-site request refused");
        let body = serde_json::to_string(&AppError::CrossSite).unwrap_or_default();
        return (StatusCode::FORBIDDEN, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    }
    next.run(req).await
}

pub fn is_cross_site(headers: &HeaderMap, public_url: &str) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => false,
        Some(origin) => {
            let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
            let same_host = origin.split_once("://").map(|(_, h)| h == host).unwrap_or(false);
            !(same_host || origin == public_url)
        }
    }
}

/// Runs the request to its end even when the client goes away first. Without this, a phone
/// dropping its connection mid-request drops the handler's future wherever it stands: in the
/// middle of a transaction, or of one statement's exchange with PostgreSQL, and the
/// connection goes back to the pool in a state its next user trips over ("there is already a
/// transaction in progress"). In a task of its own, every transaction commits or rolls back
/// and every statement is read to its end; the answer then goes nowhere. Live streams are
/// unaffected: their handler returns at once, and the stream itself ends with the client.
async fn run_to_completion(req: Request, next: Next) -> Response {
    match tokio::spawn(next.run(req)).await {
        Ok(res) => res,
        Err(e) => {
            tracing::error!(error = %e, "request handler panicked");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Server functions answer errors with status 500 by default; give each error its real
/// status (401, 403, 404, 409, 422, 429, 503; `Retry-After` on 429 and 503) so clients and logs can tell them apart.
async fn error_status(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    // An island asking for the error's texts rendered (see `ShownError`), in this language.
    let shown_in =
        req.headers().contains_key(crate::error::SHOWN_ERRORS).then(|| crate::i18n::request::lang_of(req.headers()));
    let res = next.run(req).await;
    let failed =
        res.status() == StatusCode::INTERNAL_SERVER_ERROR || (shown_in.is_some() && res.status().as_u16() >= 400);
    if !is_api || !failed {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    // An error lists at most every field of a form, an import's included: far below this.
    let Ok(bytes) = axum::body::to_bytes(body, 1024 * 1024).await else {
        tracing::error!("an error answer over 1 MiB could not be read back");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let Ok(err) = serde_json::from_slice::<AppError>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    if parts.status == StatusCode::INTERNAL_SERVER_ERROR {
        parts.status = StatusCode::from_u16(err.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if let Some(seconds) = err.retry_after() {
            parts.headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
    }
    let Some(lang) = shown_in else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    match serde_json::to_vec(&err.shown(lang)) {
        Ok(shown) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            parts.headers.append(header::VARY, HeaderValue::from_static(crate::error::SHOWN_ERRORS));
            Response::from_parts(parts, Body::from(shown))
        }
        Err(_) => Response::from_parts(parts, Body::from(bytes)),
    }
}

const FORM_ECHO: &str = "form_echo";
const FORM_ERROR: &str = "form_error";

/// Keeps what a person typed when a plain form post (no script yet on a slow phone) is
/// refused: the server function redirects back to the form with the error in the URL, and
/// the values ride along in the session for the next page view, minus any password or link
/// token (the page puts those back from its own URL, and the session store keeps no secret).
///
/// The error in that URL (`__err`, read by the page's form) is honoured only if this server
/// put it there for this session: the session keeps the one it issued, and a page view whose
/// `__err` is not that one has it removed before rendering. A link crafted by someone else
/// can thus show no text of its author's choosing (an error's arguments are free text).
async fn keep_form_values(session: tower_sessions::Session, mut req: Request, next: Next) -> Response {
    let accepts_html =
        req.headers().get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"));
    let is_form = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let path = req.uri().path().to_owned();
    if req.method() == Method::POST && path.starts_with("/api/") && accepts_html {
        let (parts, body) = req.into_parts();
        // Only url-encoded forms are kept (uploads are not echoed, and may be large).
        let kept = if is_form {
            let Ok(bytes) = axum::body::to_bytes(body, 256 * 1024).await else {
                return StatusCode::PAYLOAD_TOO_LARGE.into_response();
            };
            req = Request::from_parts(parts, Body::from(bytes.clone()));
            Some(bytes)
        } else {
            req = Request::from_parts(parts, body);
            None
        };
        let res = next.run(req).await;
        let issued =
            res.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).and_then(|l| query_value(l, "__err"));
        if let Some(err) = issued {
            if let Err(e) = session.insert(FORM_ERROR, err).await {
                tracing::warn!(error = %e, "could not keep the form error");
            }
            if let Some(bytes) = kept {
                let values: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
                let values: Vec<(String, String)> =
                    values.into_iter().filter(|(k, _)| !k.contains("password") && k != "token").collect();
                if let Err(e) = session.insert(FORM_ECHO, values).await {
                    tracing::warn!(error = %e, "could not keep form values");
                }
            }
        }
        return res;
    }
    if req.method() == Method::GET && !path.starts_with("/api/") {
        if let Some(shown) = req.uri().query().and_then(|q| query_value(q, "__err")) {
            let issued = session.remove::<String>(FORM_ERROR).await.ok().flatten();
            if issued.as_deref() != Some(shown.as_str()) {
                tracing::info!(%path, "form error in the URL not issued here; not shown");
                strip_form_error(&mut req);
            }
        }
        if accepts_html {
            if let Ok(Some(values)) = session.remove::<Vec<(String, String)>>(FORM_ECHO).await {
                req.extensions_mut().insert(crate::ui::FormEcho(values));
            }
        }
    }
    next.run(req).await
}

/// The raw (still encoded) value of `key` in a URL or query string.
fn query_value(url: &str, key: &str) -> Option<String> {
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or(url);
    let query = query.split('#').next().unwrap_or_default();
    query.split('&').find_map(|pair| pair.strip_prefix(key)?.strip_prefix('=').map(str::to_owned))
}

/// Removes `__err` and `__path` from the request's query.
fn strip_form_error(req: &mut Request) {
    let uri = req.uri();
    let kept: Vec<&str> = uri
        .query()
        .unwrap_or_default()
        .split('&')
        .filter(|pair| {
            !(pair.starts_with("__err=") || pair.starts_with("__path=") || *pair == "__err" || *pair == "__path")
        })
        .collect();
    let path_and_query =
        if kept.is_empty() { uri.path().to_owned() } else { format!("{}?{}", uri.path(), kept.join("&")) };
    let mut parts = uri.clone().into_parts();
    if let Ok(pq) = path_and_query.parse() {
        parts.path_and_query = Some(pq);
        if let Ok(stripped) = axum::http::Uri::from_parts(parts) {
            *req.uri_mut() = stripped;
        }
    }
}

/// Runs the server until Ctrl-C or SIGTERM, then finishes in-flight requests.
pub async fn serve(config: Config) -> Result<(), StartError> {
    let addr = config.addr;
    // Certificate problems stop the start before the database is touched.
    let tls = config.tls.as_ref().map(tls::load).transpose()?;
    let public_url = config.public_url.clone();
    let built = build(config).await?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr: addr.to_string(), source })?;
    announce(addr, tls.is_some(), &public_url);
    let result = match tls {
        None => {
            plain::serve(listener, built.router, shutdown_signal()).await;
            Ok(())
        }
        Some(tls) => {
            let app = built.router.into_make_service_with_connect_info::<std::net::SocketAddr>();
            let handle = axum_server::Handle::<std::net::SocketAddr>::new();
            tokio::spawn({
                let handle = handle.clone();
                async move {
                    shutdown_signal().await;
                    // Like axum's own: stop accepting, then wait for the requests in flight.
                    handle.graceful_shutdown(None);
                }
            });
            tls_server(listener, tls).handle(handle).serve(app).await
        }
    };
    built.cleanup.abort();
    built.help_sweep.abort();
    if let Some(backups) = &built.backups {
        backups.abort();
    }
    built.state.db.pool.close().await;
    result.map_err(|source| StartError::Bind { addr: addr.to_string(), source })
}

type TlsServer = axum_server::Server<std::net::SocketAddr, axum_server::tls_rustls::RustlsAcceptor>;

/// An https server on a bound listener.
fn tls_server(listener: tokio::net::TcpListener, tls: axum_server::tls_rustls::RustlsConfig) -> TlsServer {
    axum_server::Server::from_listener(listener).acceptor(axum_server::tls_rustls::RustlsAcceptor::new(tls))
}

/// Says where the server can be opened. Listening on every address (the hall's set-up), it
/// lists the machine's addresses phones on the local network can use, best first.
fn announce(addr: std::net::SocketAddr, tls: bool, public_url: &str) {
    let scheme = if tls { "https" } else { "http" };
    tracing::info!("Hakam listening on {scheme}://{addr}");
    if addr.ip().is_unspecified() {
        let urls = crate::lan::hall_urls(addr, tls);
        if urls.is_empty() {
            tracing::warn!("this machine has no address on a local network: phones cannot reach it yet");
        } else {
            tracing::info!("phones on this machine's networks can open: {}", urls.join("  "));
        }
    }
    tracing::info!("links and QR codes point to {public_url} (HAKAM_PUBLIC_URL)");
}

/// Starts the server on an already bound listener (tests use port 0), with TLS when the
/// configuration names certificate files.
pub async fn spawn(config: Config, listener: tokio::net::TcpListener) -> Result<AppState, StartError> {
    let tls = config.tls.as_ref().map(tls::load).transpose()?;
    let built = build(config).await?;
    let router = built.router;
    tokio::spawn(async move {
        let result = match tls {
            None => {
                plain::serve(listener, router, std::future::pending()).await;
                Ok(())
            }
            Some(tls) => {
                tls_server(listener, tls)
                    .serve(router.into_make_service_with_connect_info::<std::net::SocketAddr>())
                    .await
            }
        };
        if let Err(e) = result {
            tracing::error!(error = %e, "test server stopped");
        }
    });
    Ok(built.state)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn cross_site_detection() {
        let url = "https://hakam.example";
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")]), url));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")]), url));
        assert!(!is_cross_site(&headers(&[("sec-fetch-site", "same-origin")]), url));
        assert!(is_cross_site(&headers(&[("origin", "https://evil.example"), ("host", "hakam.example")]), url));
        assert!(!is_cross_site(&headers(&[("origin", "https://hakam.example"), ("host", "hakam.example")]), url));
        assert!(!is_cross_site(&headers(&[]), url));
    }
}
