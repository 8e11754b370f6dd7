//! The projector's script: it listens to the board's push channel and swaps in each new
//! frame, sliding rows that changed rank from their old place to their new one; it rotates
//! the overall and per-track pages on a timer. Without it, the server-rendered board still
//! shows (it just does not move).

use leptos::prelude::*;

// An island only where its bundle is built (see `app::BUNDLES`); in the other bundles a
// plain component, which no page of theirs renders, so none of its code is shipped there.
#[cfg_attr(any(feature = "ssr", feature = "projector-island"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "projector-island")), component)]
pub fn ProjectorScreen(event_id: i64, lang: String, rotate_seconds: i64, fullscreen: String) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    client::start(event_id, lang, rotate_seconds);
    #[cfg(not(feature = "hydrate"))]
    let _ = (event_id, lang, rotate_seconds);
    let enter = move |_| {
        #[cfg(feature = "hydrate")]
        client::fullscreen();
    };
    view! {
        <button type="button" class="pj-fullscreen" on:click=enter>
            {fullscreen}
        </button>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use std::cell::Cell;
    use std::collections::HashMap;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    const BOARD: &str = "pj-board";

    thread_local! {
        /// The page (overall, then one per track) on screen.
        static PAGE: Cell<u32> = const { Cell::new(0) };
    }

    pub fn fullscreen() {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            let _ = root.request_fullscreen();
        }
    }

    pub fn start(event_id: i64, lang: String, rotate_seconds: i64) {
        let Some(window) = web_sys::window() else { return };
        show_page(PAGE.with(Cell::get));
        if let Ok(source) = web_sys::EventSource::new(&format!("/events/{event_id}/board/live?lang={lang}")) {
            let on_frame = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if let Some(html) = e.data().as_string() {
                    swap(&html);
                }
            });
            let _ = source
                .add_event_listener_with_callback(crate::live::Topic::Board.name(), on_frame.as_ref().unchecked_ref());
            on_frame.forget();
            // The connection lives as long as the page; the browser reconnects by itself and
            // the server starts every connection with the full current frame.
            std::mem::forget(source);
        }
        let rotate = Closure::<dyn Fn()>::new(move || {
            let pages = pages().len().max(1) as u32;
            let next = (PAGE.with(Cell::get) + 1) % pages;
            PAGE.with(|p| p.set(next));
            show_page(next);
        });
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
            rotate.as_ref().unchecked_ref(),
            (rotate_seconds.clamp(5, 300) * 1000) as i32,
        );
        rotate.forget();
    }

    fn board() -> Option<web_sys::Element> {
        web_sys::window()?.document()?.get_element_by_id(BOARD)
    }

    fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
        let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).collect()
    }

    fn pages() -> Vec<web_sys::HtmlElement> {
        board().map(|b| all(&b, ".pj-page")).unwrap_or_default()
    }

    fn show_page(index: u32) {
        let pages = pages();
        let index = if (index as usize) < pages.len() { index as usize } else { 0 };
        for (i, page) in pages.iter().enumerate() {
            page.set_hidden(i != index);
        }
    }

    /// Where each visible row is, by its key.
    fn positions(root: &web_sys::Element) -> HashMap<String, f64> {
        all(root, ".pj-page:not([hidden]) .pj-row")
            .into_iter()
            .filter_map(|row| Some((row.get_attribute("data-key")?, row.get_bounding_client_rect().top())))
            .collect()
    }

    fn swap(html: &str) {
        let Some(root) = board() else { return };
        let before = positions(&root);
        root.set_inner_html(html);
        show_page(PAGE.with(Cell::get));
        for row in all(&root, ".pj-page:not([hidden]) .pj-row") {
            let Some(key) = row.get_attribute("data-key") else { continue };
            let style = row.style();
            match before.get(&key) {
                Some(old) => {
                    let dy = old - row.get_bounding_client_rect().top();
                    if dy.abs() > 1.0 {
                        // Start where the row was, then glide to where it is now.
                        let _ = style.set_property("transition", "none");
                        let _ = style.set_property("transform", &format!("translateY({dy}px)"));
                        let _ = row.offset_height();
                        let _ = style.set_property("transition", "transform 700ms ease");
                        let _ = style.set_property("transform", "none");
                        let _ = row.class_list().add_1(if dy > 0.0 { "pj-up" } else { "pj-down" });
                    }
                }
                None => {
                    let _ = row.class_list().add_1("pj-enter");
                }
            }
        }
    }
}
