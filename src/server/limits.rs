//! What the server refuses before any handler sees a request: server-function bodies in an
//! encoding the function does not take, live streams beyond a per-client budget, and
//! password-hashing requests while hashing is at capacity.

use crate::error::AppError;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::ServerFn;
use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::OnceLock;

/// The server functions that take `multipart/form-data` (file uploads); every other one
/// takes a url-encoded form. A new multipart function must be listed here.
fn multipart_functions() -> [&'static str; 2] {
    [crate::projects::UploadScreenshot::PATH, crate::rooms::UploadRoomPlan::PATH]
}

/// The server functions that hash a password: log in, sign up, sign up through an invite,
/// and the account's changes that check or set one. A new one must be listed here to be shed
/// under load.
fn hashing_functions() -> [&'static str; 6] {
    [
        crate::auth::Login::PATH,
        crate::auth::Signup::PATH,
        crate::invites::SignupAndAccept::PATH,
        crate::account::UpdateProfile::PATH,
        crate::account::ChangePassword::PATH,
        crate::account::ResetPassword::PATH,
    ]
}

/// Every registered server function, as (path, method).
fn registered() -> &'static HashSet<(String, Method)> {
    static FNS: OnceLock<HashSet<(String, Method)>> = OnceLock::new();
    FNS.get_or_init(|| leptos::server_fn::axum::server_fn_paths().map(|(p, m)| (p.to_owned(), m)).collect())
}

/// The answer to a refused request: the status of `err` and the usual JSON error body, with
/// `Retry-After` when the error has one.
pub fn refuse(err: AppError) -> Response {
    let status = StatusCode::from_u16(err.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
    let body = serde_json::to_string(&err).unwrap_or_default();
    let mut res = (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    if let Some(seconds) = err.retry_after() {
        res.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(seconds));
    }
    res
}

/// Refuses a password-hashing request at the door while every hashing permit is taken.
///
/// The server function would refuse it too (`auth::password`), but only after the session,
/// form and server-function layers had run: under a flood of wrong logins that work, done
/// thousands of times a second, is what slows everyone else down. Here the refusal costs a
/// look at the path and one atomic read. A request let through may still find the permits
/// gone and get the same 503 from the function itself.
pub async fn shed_hashing(State(state): State<crate::state::AppState>, req: Request, next: Next) -> Response {
    if *req.method() == Method::POST && state.hasher.is_full() && hashing_functions().contains(&req.uri().path()) {
        return busy(req.headers());
    }
    next.run(req).await
}

/// 503 with `Retry-After`: the JSON error for scripts, a short page for a form posted without
/// script (whose reader goes back to the form with the browser's own copy of it).
fn busy(headers: &HeaderMap) -> Response {
    let err = AppError::Busy(1);
    let accepts_html =
        headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"));
    if !accepts_html {
        return refuse(err);
    }
    let lang = crate::i18n::request::lang_of(headers);
    let back = headers
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.split_once("://"))
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]));
    let back = crate::auth::domain::safe_next(back);
    let page = format!(
        "<!DOCTYPE html><html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <link rel=\"stylesheet\" href=\"/pkg/hakam.css\"><title>{message}</title></head>\
         <body><main><p class=\"form-error\" role=\"alert\">{message}</p>\
         <p><a href=\"{back}\">{label}</a></p></main></body></html>",
        code = lang.code(),
        dir = lang.dir(),
        message = crate::ui::escape_html(&err.summary(lang)),
        back = crate::ui::escape_html(&back),
        label = crate::ui::escape_html(lang.t(crate::i18n::Msg::BackToForm)),
    );
    let mut res =
        (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response();
    res.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from(1u64));
    res
}

/// Whether a body with this `Content-Type` may reach a server function. The header is read
/// exactly as the server-function layer reads it (lossy UTF-8, then `mime`), so whatever
/// passes here parses there too: the multipart codec panics on a missing boundary.
pub fn check_content_type(content_type: Option<&[u8]>, multipart: bool) -> Result<(), AppError> {
    let Some(raw) = content_type else {
        return Err(AppError::UnsupportedMediaType);
    };
    let Ok(parsed) = String::from_utf8_lossy(raw).parse::<mime::Mime>() else {
        return Err(AppError::UnsupportedMediaType);
    };
    if multipart {
        if parsed.type_() != mime::MULTIPART || parsed.subtype() != mime::FORM_DATA {
            return Err(AppError::UnsupportedMediaType);
        }
        // Multipart without a boundary cannot be split into fields.
        match parsed.get_param(mime::BOUNDARY) {
            Some(b) if !b.as_str().is_empty() => Ok(()),
            _ => Err(AppError::BadRequest),
        }
    } else if parsed.essence_str() == "application/x-www-form-urlencoded" {
        Ok(())
    } else {
        Err(AppError::UnsupportedMediaType)
    }
}

/// Checks a request to `/api/…` before the server-function layer decodes it: an unknown
/// function is a 404, a known one called with the wrong method a 405, a body in another
/// encoding than the function takes a 415 — each with the usual error body, never a panic.
pub async fn guard_server_functions(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if !path.starts_with("/api/") {
        return next.run(req).await;
    }
    let known = registered();
    if !known.contains(&(path.to_owned(), req.method().clone())) {
        if known.iter().any(|(p, _)| p == path) {
            let mut res = refuse(AppError::BadRequest);
            *res.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
            res.headers_mut().insert(header::ALLOW, header::HeaderValue::from_static("POST"));
            return res;
        }
        return refuse(AppError::NotFound);
    }
    if *req.method() == Method::POST {
        let multipart = multipart_functions().contains(&path);
        let content_type = req.headers().get(header::CONTENT_TYPE).map(|v| v.as_bytes());
        if let Err(e) = check_content_type(content_type, multipart) {
            tracing::info!(%path, "server function refused its body's content type");
            return refuse(e);
        }
    }
    next.run(req).await
}

/// The client's address: the peer, or behind trusted proxies the `X-Forwarded-For` entry
/// the outermost of them added (the same rule as logins and sign-ups, `auth::limits`).
pub fn client_address(headers: &HeaderMap, peer: Option<SocketAddr>, trusted_proxy_hops: usize) -> String {
    let forwarded = headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok());
    crate::auth::limits::client_ip(forwarded, trusted_proxy_hops, peer.map(|a| a.ip()))
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// Limits the live streams (SSE) one client address may hold open. Each costs a task and a
/// socket for as long as the page stays open, so one client must not be able to hold
/// thousands; a hall behind one router shares an address, hence the generous default
/// (`HAKAM_MAX_STREAMS_PER_CLIENT`). Beyond it: 429 with `Retry-After`; the pages' event
/// sources retry by themselves.
pub async fn limit_streams(State(state): State<crate::state::AppState>, req: Request, next: Next) -> Response {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let client = client_address(req.headers(), peer, state.config.trusted_proxy_hops);
    let Some(permit) = state.streams.acquire(&client, state.config.max_streams_per_client) else {
        tracing::warn!(%client, "live stream refused: too many open from this client");
        let mut res = refuse(AppError::TooManyAttempts);
        res.headers_mut().insert(header::RETRY_AFTER, header::HeaderValue::from_static("30"));
        return res;
    };
    let res = next.run(req).await;
    if !res.status().is_success() {
        return res;
    }
    // The permit lives as long as the response body, i.e. until the stream ends.
    let (parts, body) = res.into_parts();
    let body = tokio_stream::StreamExt::map(body.into_data_stream(), move |chunk| {
        let _held = &permit;
        chunk
    });
    Response::from_parts(parts, Body::from_stream(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_encoding_a_function_takes_passes() {
        let form = Some(&b"application/x-www-form-urlencoded"[..]);
        assert_eq!(check_content_type(form, false), Ok(()));
        assert_eq!(check_content_type(Some(b"application/x-www-form-urlencoded; charset=UTF-8"), false), Ok(()));
        for bad in [
            &b"application/json"[..],
            b"application/cbor",
            b"text/plain",
            b"multipart/form-data; boundary=x",
            b"",
            b"\xff\xfe",
        ] {
            assert_eq!(
                check_content_type(Some(bad), false),
                Err(AppError::UnsupportedMediaType),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(check_content_type(None, false), Err(AppError::UnsupportedMediaType));
        assert_eq!(check_content_type(Some(b"multipart/form-data; boundary=----abc"), true), Ok(()));
        assert_eq!(check_content_type(Some(b"multipart/form-data"), true), Err(AppError::BadRequest));
        assert!(check_content_type(Some(b"multipart/form-data; boundary="), true).is_err());
        assert_eq!(check_content_type(form, true), Err(AppError::UnsupportedMediaType));
        assert_eq!(check_content_type(None, true), Err(AppError::UnsupportedMediaType));
    }

    #[test]
    fn the_client_is_the_hop_the_proxy_added() {
        let peer = Some(SocketAddr::from(([10, 0, 0, 1], 4000)));
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", "6.6.6.6, 203.0.113.7".parse().unwrap());
        assert_eq!(client_address(&h, peer, 1), "203.0.113.7");
        assert_eq!(client_address(&h, peer, 0), "10.0.0.1");
        assert_eq!(client_address(&HeaderMap::new(), peer, 1), "10.0.0.1");
    }

    #[test]
    fn stream_places_are_counted_per_client_and_freed_on_drop() {
        let streams = crate::state::Streams::default();
        let a1 = streams.acquire("a", 2).unwrap();
        let _a2 = streams.acquire("a", 2).unwrap();
        assert!(streams.acquire("a", 2).is_none());
        assert!(streams.acquire("b", 2).is_some());
        drop(a1);
        assert!(streams.acquire("a", 2).is_some());
    }
}
