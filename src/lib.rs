//! Hakam: hackathon judging and team mentoring.
//!
//! Feature folders hold their pages, server functions and (server-only) queries together;
//! shared layers are `auth` (sessions and the one authorization gate), `i18n`, `ui` and `error`.

pub mod app;
pub mod auth;
pub mod error;
pub mod events;
pub mod i18n;
pub mod invites;
pub mod admin;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod server;

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // The server rendered <html lang=…>; the client must hydrate in that same language.
    let lang = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|l| i18n::Lang::from_code(&l))
        .unwrap_or_default();
    leptos::mount::hydrate_body(move || leptos::view! { <app::App lang/> });
}
