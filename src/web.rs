//! The script of every page: a small WASM module without the reactive framework, which
//! upgrades the forms (`ui::enhance`), keeps live regions current (`live::region`) and fills
//! CSV boxes from files (`dashboard::import_page`). Each finds its part of the page by the
//! attributes the server rendered, so a page without any of them costs nothing more.
//!
//! The desk and the projector load this within their own bundles (see `app::BUNDLES`): the
//! desk's adds its script (`judging::desk`), the projector's its island, which hydrates after.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    crate::ui::enhance::client::install(&document);
    crate::live::region::client::start(&document);
    crate::live::clock::client::start(&document);
    crate::dashboard::import_page::client::start(&document);
    #[cfg(feature = "desk")]
    crate::judging::desk::client::start(&document);
}
