//! The reader's language for the request being served.

use super::{Lang, LANG_COOKIE};
use http::header;
use http::HeaderMap;
use leptos::prelude::with_context;

/// The reader's language for this page render: cookie, then `Accept-Language`.
pub fn request_lang() -> Lang {
    // Read in place: server functions ask once per formatted date, and `use_context` would
    // clone the whole request head each time.
    with_context::<http::request::Parts, _>(|parts| lang_of(&parts.headers)).unwrap_or_default()
}

/// The reader's language from a request's headers: cookie, then `Accept-Language`.
pub fn lang_of(headers: &HeaderMap) -> Lang {
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix(LANG_COOKIE).and_then(|r| r.strip_prefix('=')).map(str::to_owned));
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    Lang::negotiate(cookie.as_deref(), accept)
}
