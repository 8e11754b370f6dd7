//! The desk as an installable app that reopens with no network: the service worker
//! (`/sw.js`, from the template `sw.js`) and the desk's web app manifest.
//!
//! Both are public: they hold no one's data. The worker names the files of the build being
//! served and a version derived from their contents, so a new deployment is a new worker,
//! which replaces the files it keeps (browsers compare the worker's bytes on each visit).
//! Only the desk page registers it (`public/desk-offline.js`), and only where browsers allow
//! workers at all: https and localhost. On plain http the desk works as before, keeping its
//! saves in the page's storage while it stays open.

use crate::i18n::{Lang, Msg};
use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use sha2::Digest;
use std::path::{Path as FsPath, PathBuf};
use std::sync::Arc;
use tokio::sync::OnceCell;

const TEMPLATE: &str = include_str!("sw.js");

/// Files outside `pkg/` the desk page loads, kept with the build's own.
const PAGE_FILES: [&str; 3] = ["/desk-offline.js", "/favicon.svg", "/icons/icon-192.png"];

/// The worker's script, made once per process from the site it serves.
#[derive(Clone)]
pub struct ServiceWorker {
    site_root: PathBuf,
    script: Arc<OnceCell<String>>,
}

impl ServiceWorker {
    pub fn new(site_root: PathBuf) -> ServiceWorker {
        ServiceWorker { site_root, script: Arc::new(OnceCell::new()) }
    }

    pub async fn serve(self) -> Response {
        let script = self
            .script
            .get_or_init(|| async {
                let files = site_files(&self.site_root).await;
                worker_script(&files)
            })
            .await;
        (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static("text/javascript; charset=utf-8")),
                // Browsers look for a new worker on every desk visit; no cache may hide one.
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            script.clone(),
        )
            .into_response()
    }
}

/// A file the worker keeps: its path on the site and its contents.
pub struct SiteFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Whether the desk page loads this file of the site (a path under the site's root): its
/// bundle, the style sheet, and the bundle's JS snippets; not the other pages' bundles.
pub fn desk_loads(name: &str) -> bool {
    let desk = crate::app::DESK_BUNDLE;
    (name.strip_prefix("pkg/").is_some_and(|f| f.starts_with(&format!("{desk}.")) || f == "hakam.css")
        || name.starts_with("pkg/snippets/"))
        && !name.ends_with(".br")
        && !name.ends_with(".gz")
}

/// The files the desk page loads, those present.
async fn site_files(root: &FsPath) -> Vec<SiteFile> {
    let mut paths: Vec<String> = PAGE_FILES.iter().map(|p| p.to_string()).collect();
    let mut dirs = vec![root.join("pkg")];
    while let Some(dir) = dirs.pop() {
        let Ok(mut entries) = tokio::fs::read_dir(&dir).await else { continue };
        while let Ok(Some(entry)) = entries.next_entry().await {
            let path = entry.path();
            if entry.file_type().await.is_ok_and(|t| t.is_dir()) {
                dirs.push(path);
            } else if let Ok(relative) = path.strip_prefix(root) {
                let name = relative.to_string_lossy().replace('\\', "/");
                if desk_loads(&name) {
                    paths.push(format!("/{name}"));
                }
            }
        }
    }
    let mut files = Vec::new();
    for path in paths {
        // A missing file is left out: one absent file would fail the worker's whole install.
        if let Ok(bytes) = tokio::fs::read(root.join(path.trim_start_matches('/'))).await {
            files.push(SiteFile { path, bytes });
        }
    }
    files
}

/// The worker for these files: their paths, and a version that changes with any byte of
/// theirs or of the worker's own template.
pub fn worker_script(files: &[SiteFile]) -> String {
    let mut sorted: Vec<&SiteFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut hash = sha2::Sha256::new();
    hash.update(TEMPLATE.as_bytes());
    for f in &sorted {
        hash.update(f.path.as_bytes());
        hash.update((f.bytes.len() as u64).to_le_bytes());
        hash.update(&f.bytes);
    }
    let version: String = hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
    let paths: Vec<&str> = sorted.iter().map(|f| f.path.as_str()).collect();
    let list = serde_json::to_string(&paths).unwrap_or_else(|_| "[]".into());
    TEMPLATE.replace("__VERSION__", &version).replace("__FILES__", &list)
}

#[derive(Deserialize)]
pub struct ManifestQuery {
    lang: Option<String>,
}

/// `/events/{id}/desk.webmanifest?lang=…`: what a phone needs to add the event's desk to its
/// home screen, named in the judge's language. The link carries the language because
/// browsers fetch manifests without cookies.
pub async fn desk_manifest(Path(id): Path<String>, Query(q): Query<ManifestQuery>) -> Response {
    let Ok(event_id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let lang = q.lang.as_deref().and_then(Lang::from_code).unwrap_or_default();
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static("application/manifest+json"))],
        manifest(event_id, lang).to_string(),
    )
        .into_response()
}

pub fn manifest(event_id: i64, lang: Lang) -> serde_json::Value {
    let desk = format!("/events/{event_id}/judge");
    serde_json::json!({
        "id": desk,
        "name": format!("{} · {}", lang.t(Msg::AppName), lang.t(Msg::JudgeDeskTitle)),
        "short_name": lang.t(Msg::AppName),
        "lang": lang.code(),
        "dir": lang.dir(),
        "start_url": desk,
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5d4b",
        "icons": [
            { "src": "/icons/icon-192.png", "sizes": "192x192", "type": "image/png", "purpose": "any" },
            { "src": "/icons/icon-512.png", "sizes": "512x512", "type": "image/png", "purpose": "any" },
            { "src": "/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable" },
            { "src": "/favicon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any" },
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, bytes: &[u8]) -> SiteFile {
        SiteFile { path: path.into(), bytes: bytes.to_vec() }
    }

    #[test]
    fn the_worker_names_every_file_and_changes_with_any_byte() {
        let a = worker_script(&[file("/pkg/hakam.wasm", b"one"), file("/pkg/hakam.js", b"two")]);
        assert!(a.contains(r#"const FILES = ["/pkg/hakam.js","/pkg/hakam.wasm"];"#), "{a}");
        assert!(!a.contains("__VERSION__") && !a.contains("__FILES__"));
        let b = worker_script(&[file("/pkg/hakam.wasm", b"onE"), file("/pkg/hakam.js", b"two")]);
        assert_ne!(a, b, "a changed file must make a new worker");
        // Listed in any order, the same files make the same worker.
        let c = worker_script(&[file("/pkg/hakam.js", b"two"), file("/pkg/hakam.wasm", b"one")]);
        assert_eq!(a, c);
    }

    #[test]
    fn the_worker_keeps_the_desk_bundle_only() {
        for kept in ["pkg/hakam-desk.wasm", "pkg/hakam-desk.js", "pkg/hakam.css", "pkg/snippets/x/inline0.js"] {
            assert!(desk_loads(kept), "{kept}");
        }
        for left in
            ["pkg/hakam.wasm", "pkg/hakam-projector.js", "pkg/hakam-desk.wasm.br", "pkg/hakam.css.gz", "index.html"]
        {
            assert!(!desk_loads(left), "{left}");
        }
        assert_eq!(crate::app::bundle_for("/events/12/judge"), crate::app::DESK_BUNDLE);
    }

    #[test]
    fn the_manifest_opens_the_event_desk_standalone_in_the_judge_language() {
        let m = manifest(7, Lang::Ar);
        assert_eq!(m["start_url"], "/events/7/judge");
        assert_eq!(m["display"], "standalone");
        assert_eq!(m["dir"], "rtl");
        assert_eq!(m["lang"], "ar");
        assert!(m["name"].as_str().is_some_and(|n| n.contains(Lang::Ar.t(Msg::JudgeDeskTitle))));
        let sizes: Vec<&str> = m["icons"].as_array().unwrap().iter().filter_map(|i| i["sizes"].as_str()).collect();
        assert!(sizes.contains(&"192x192") && sizes.contains(&"512x512"));
    }
}
