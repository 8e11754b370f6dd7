//! Security headers on every response, and the Content-Security-Policy of pages.
//!
//! Pages allow only Hakam's own scripts: the files under `/pkg/` and the few inline scripts
//! the renderer writes (the islands' loader and its resource data), each carrying the
//! response's nonce, which Leptos draws afresh for every render. WebAssembly needs
//! `'wasm-unsafe-eval'` to be compiled; nothing else is evaluated. Styles come only from the
//! style sheet: no `<style>` element and no `style=` attribute is allowed, so progress bars
//! are native `<progress>` elements. Pages cannot be framed (`frame-ancestors 'none'`).

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The policy of a rendered page whose inline scripts carry `nonce`.
pub fn page_policy(nonce: Option<&str>) -> String {
    let scripts = match nonce {
        Some(n) => format!("'self' 'nonce-{n}' 'wasm-unsafe-eval'"),
        None => "'self' 'wasm-unsafe-eval'".to_owned(),
    };
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self'; font-src 'self'; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// Puts the page's policy on the response being rendered, with the nonce Leptos gave this
/// render's inline scripts. Called from the shell, once per page.
pub fn set_page_policy() {
    let nonce = leptos::nonce::use_nonce();
    let policy = page_policy(nonce.as_deref());
    if let (Some(options), Ok(value)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), HeaderValue::from_str(&policy))
    {
        options.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// Adds the headers every response gets; HTML that has no policy of its own (not rendered by
/// the shell) gets the page policy without a nonce, i.e. no inline script at all.
pub async fn security_headers(State(https): State<bool>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = res.headers_mut();
    headers.entry(header::X_CONTENT_TYPE_OPTIONS).or_insert(HeaderValue::from_static("nosniff"));
    headers.entry(header::REFERRER_POLICY).or_insert(HeaderValue::from_static("same-origin"));
    if is_html {
        if let Ok(policy) = HeaderValue::from_str(&page_policy(None)) {
            headers.entry(header::CONTENT_SECURITY_POLICY).or_insert(policy);
        }
        // For browsers that predate `frame-ancestors`.
        headers.entry(header::X_FRAME_OPTIONS).or_insert(HeaderValue::from_static("DENY"));
    }
    if https {
        // Only over https (a plain-http deployment would lock itself out of its own site).
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_policy_allows_no_inline_code_without_the_nonce() {
        let p = page_policy(Some("abc123"));
        assert!(p.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"), "{p}");
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(!p.contains("unsafe-inline"));
        let strict = page_policy(None);
        assert!(strict.contains("script-src 'self' 'wasm-unsafe-eval';"), "{strict}");
    }
}
