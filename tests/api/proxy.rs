//! The sample reverse-proxy set-up (`scripts/deploy/Caddyfile`), run with Caddy in front of a
//! test server with `HAKAM_TRUSTED_PROXY_HOPS=1`: requests pass, Hakam keys its per-client
//! limits on the address the proxy forwards, and a client writing its own `X-Forwarded-For`
//! does not choose that address. `scripts/setup --for-tests` installs Caddy (Debian's).
//!
//! Clients connect from distinct loopback addresses (127.0.0.2, 127.0.0.3), while the proxy
//! reaches Hakam from 127.0.0.1: had Hakam keyed on its peer, every client would share one.

use crate::helpers::*;
use reqwest::{redirect::Policy, Client, StatusCode};
use std::net::IpAddr;
use std::process::Stdio;
use std::time::Duration;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/deploy/Caddyfile");

/// Caddy running the sample file, its site address and upstream replaced by the test's.
struct Proxy {
    base: String,
    child: std::process::Child,
    dir: std::path::PathBuf,
}

impl Proxy {
    async fn start(upstream: &str) -> Proxy {
        let sample = std::fs::read_to_string(SAMPLE).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let base = format!("http://127.0.0.1:{port}");
        // The sample as an administrator would edit it: their domain, Hakam's address.
        let edited = replace_once(&sample, "hakam.example.org {", &format!("{base} {{"));
        let edited = replace_once(&edited, "reverse_proxy 127.0.0.1:3000", &format!("reverse_proxy {upstream}"));
        // Global options for a test: no admin endpoint (its fixed port would clash between
        // runs) and listen on loopback only.
        let config = format!("{{\n\tadmin off\n\tdefault_bind 127.0.0.1\n}}\n\n{edited}");
        let dir = std::env::temp_dir().join(format!("hakam-proxy-{}", unique()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("Caddyfile");
        std::fs::write(&path, config).unwrap();
        let log = std::fs::File::create(dir.join("caddy.log")).unwrap();
        let child = std::process::Command::new("caddy")
            .args(["run", "--adapter", "caddyfile", "--config"])
            .arg(&path)
            .env("HOME", &dir)
            .env("XDG_CONFIG_HOME", &dir)
            .env("XDG_DATA_HOME", &dir)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run caddy ({e}): `scripts/setup --for-tests` installs it"));
        let mut proxy = Proxy { base, child, dir };
        proxy.wait_until_up().await;
        proxy
    }

    async fn wait_until_up(&mut self) {
        let probe = Client::builder().timeout(Duration::from_secs(2)).build().unwrap();
        for _ in 0..100 {
            if let Ok(res) = probe.get(format!("{}/healthz", self.base)).send().await {
                if res.status() == StatusCode::OK {
                    return;
                }
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("caddy exited ({status}):\n{}", self.log());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("caddy did not pass requests within 10 s:\n{}", self.log());
    }

    fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("caddy.log")).unwrap_or_default()
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "the sample Caddyfile should hold `{from}` once");
    text.replacen(from, to, 1)
}

/// A browser on its own machine of the hall: it connects from `ip`.
fn agent_from(ip: &str) -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .timeout(REQUEST_LIMIT)
        .local_address(ip.parse::<IpAddr>().unwrap())
        .build()
        .unwrap()
}

fn signup(n: &str) -> Signup {
    Signup {
        display_name: format!("Visitor {n}"),
        email: format!("visitor{n}@example.ma"),
        password: PASSWORD.into(),
        next: None,
    }
}

#[tokio::test]
async fn the_sample_caddy_config_forwards_the_real_client_address_and_drops_spoofed_ones() {
    // One sign-up per client address per minute: the second from the same address is refused.
    let mut app = spawn_app_with(|c| {
        c.joins_per_minute = 1;
        c.trusted_proxy_hops = 1;
    })
    .await;
    let upstream = app.base.trim_start_matches("http://").to_owned();
    let proxy = Proxy::start(&upstream).await;
    app.base = proxy.base.clone();

    let page = app.get(&agent_from("127.0.0.2"), "/login").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<form"), "the login page came through the proxy");

    let first = agent_from("127.0.0.2");
    let reply = app.send(&first, &signup("1")).await;
    assert!(reply.status.is_success() || reply.status.is_redirection(), "{} {}", reply.status, reply.body);
    assert_eq!(app.me(&first).await["email"], "visitor1@example.ma", "signed in through the proxy");
    let again = app.send(&agent_from("127.0.0.2"), &signup("2")).await;
    assert_eq!(again.status, StatusCode::TOO_MANY_REQUESTS, "the same client address, limited");

    // Writing another address in X-Forwarded-For does not make a new client.
    let spoofed = app
        .request(&agent_from("127.0.0.2"), &Call::of(&signup("3")))
        .header("x-forwarded-for", "198.51.100.7")
        .send()
        .await
        .unwrap();
    assert_eq!(spoofed.status(), StatusCode::TOO_MANY_REQUESTS, "a spoofed X-Forwarded-For picked the address");

    // Another machine is another client, though all reach Hakam from the proxy's address.
    let other = app.send(&agent_from("127.0.0.3"), &signup("4")).await;
    assert!(other.status.is_success() || other.status.is_redirection(), "{} {}", other.status, other.body);
    drop(proxy);
}
