//! https served by Hakam itself (`HAKAM_TLS_CERT`, `HAKAM_TLS_KEY`), with the self-signed
//! localhost certificate of `tests/fixtures/`, and HSTS only where the public URL is https.

use crate::helpers::*;
use hakam::config::TlsFiles;
use reqwest::{redirect::Policy, Client, StatusCode};

const CERT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/localhost.crt");
const KEY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/localhost.key");

/// A browser that trusts the test certificate (and nothing else) and finds `localhost` at
/// the test server's address.
fn trusting_agent(addr: std::net::SocketAddr) -> Client {
    let cert = reqwest::Certificate::from_pem(&std::fs::read(CERT).unwrap()).unwrap();
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .timeout(REQUEST_LIMIT)
        .tls_built_in_root_certs(false)
        .add_root_certificate(cert)
        .resolve("localhost", addr)
        .https_only(true)
        .build()
        .unwrap()
}

#[tokio::test]
async fn hakam_serves_https_itself_with_hsts_and_host_only_secure_cookies() {
    let mut app = spawn_app_with(|c| {
        c.tls = Some(TlsFiles { cert: CERT.into(), key: KEY.into() });
        c.public_url = format!("https://localhost:{}", c.addr.port());
    })
    .await;
    let addr = app.state.config.addr;
    app.base = app.state.config.public_url.clone();
    let browser = trusting_agent(addr);

    let health = app.get(&browser, "/healthz").await;
    assert_eq!(health.status, StatusCode::OK);
    assert_eq!(health.body, "ok");
    assert_eq!(health.headers["strict-transport-security"], "max-age=31536000");

    let reply = app.signup(&browser, "Nadia Idrissi", "nadia@example.ma").await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{} {}", reply.status, reply.body);
    assert_eq!(reply.headers["strict-transport-security"], "max-age=31536000");
    let cookie = reply.session_set_cookie().expect("a session cookie");
    assert!(cookie.starts_with("__Host-hakam="), "{cookie}");
    assert!(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"), "{cookie}");
    // The cookie takes the browser back in over the same https.
    assert_eq!(app.me(&browser).await["email"], "nadia@example.ma");

    // The port speaks TLS only: a plain-http request gets no page.
    let plain = user_agent().get(format!("http://{addr}/healthz")).send().await;
    assert!(plain.map(|r| !r.status().is_success()).unwrap_or(true), "plain http answered on the TLS port");
}

#[tokio::test]
async fn plain_http_with_an_http_public_url_sends_no_hsts() {
    let app = spawn_app().await;
    assert!(app.state.config.public_url.starts_with("http://"));
    let browser = user_agent();
    let reply = app.signup(&browser, "Yassine Alami", "yassine@example.ma").await;
    assert!(reply.headers.get("strict-transport-security").is_none());
    let cookie = reply.session_set_cookie().expect("a session cookie");
    assert!(cookie.starts_with("hakam=") && !cookie.contains("Secure"), "{cookie}");
    assert!(app.get(&browser, "/healthz").await.headers.get("strict-transport-security").is_none());
}
