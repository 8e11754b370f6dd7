//! Keeps a region of a server-rendered page current: the page's script (`web`) listens to the
//! event's live channel and, on a notice for the region's topic, fetches the page again and
//! swaps in the fresh region. The browser's EventSource reconnects by itself; every
//! (re)connection starts with a "hello" that triggers a refresh, so nothing missed while
//! offline stays missing.
//!
//! Not an island: the page's small script does this without the reactive framework, so the
//! pages that have a live region weigh a few KiB of script, not a framework.

use leptos::prelude::*;

/// Marks where a live region's notices come from; the page's script finds it by its
/// `data-live-topic`. `data-live-since` is where the event's notices of that topic stood
/// when this page's request began (see `hub::Hub::since`), so the connection's first message
/// can say nothing changed since; empty when that is not known.
#[component]
pub fn LiveRegion(event_id: i64, topic: super::Topic, target: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let since = use_context::<crate::state::AppState>()
        .zip(use_context::<crate::live::hub::RequestMark>())
        .and_then(|(state, mark)| state.live.since(event_id, topic, mark.0))
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let since = String::new();
    view! {
        <span
            hidden
            data-live-event=event_id
            data-live-topic=topic.name()
            data-live-target=target
            data-live-since=since
        ></span>
    }
}

#[cfg(feature = "web")]
pub(crate) mod client {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// Starts every live region of the page.
    pub fn start(document: &web_sys::Document) {
        let Ok(marks) = document.query_selector_all("[data-live-topic]") else { return };
        for i in 0..marks.length() {
            let Some(mark) = marks.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else { continue };
            let event_id = mark.get_attribute("data-live-event").and_then(|v| v.parse().ok());
            let topic = mark.get_attribute("data-live-topic").and_then(|v| crate::live::Topic::from_name(&v));
            if let (Some(event_id), Some(topic), Some(target)) =
                (event_id, topic, mark.get_attribute("data-live-target"))
            {
                listen(event_id, topic, target, mark.get_attribute("data-live-since").unwrap_or_default());
            }
        }
    }

    fn listen(event_id: i64, topic: crate::live::Topic, target: String, since: String) {
        // The token is hex digits, a dot and digits (see `Hub::since`), the topic a fixed word:
        // safe in a query as they are.
        let url = match since.is_empty() {
            true => format!("/events/{event_id}/live"),
            false => format!("/events/{event_id}/live?topic={}&since={since}", topic.name()),
        };
        let Ok(source) = web_sys::EventSource::new(&url) else {
            return;
        };
        for name in [topic.name(), "hello", crate::live::Topic::Resync.name()] {
            let target = target.clone();
            let handler = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                // The page was rendered after the last change: the region is already current.
                if ev.data().as_string().as_deref() == Some("current") {
                    return;
                }
                wasm_bindgen_futures::spawn_local(refresh(target.clone()));
            });
            let _ = source.add_event_listener_with_callback(name, handler.as_ref().unchecked_ref());
            handler.forget();
        }
        // The connection lives as long as the page.
        std::mem::forget(source);
    }

    thread_local! {
        /// Regions with a refresh under way, and whether another notice came meanwhile.
        static BUSY: std::cell::RefCell<std::collections::HashMap<String, bool>> = Default::default();
    }

    /// Many notices in a burst (every score save pushes one) make one refresh at a time,
    /// plus one more after a short pause if notices kept coming.
    async fn refresh(target: String) {
        let already = BUSY.with(|b| {
            let mut b = b.borrow_mut();
            match b.get_mut(&target) {
                Some(dirty) => {
                    *dirty = true;
                    true
                }
                None => {
                    b.insert(target.clone(), false);
                    false
                }
            }
        });
        if already {
            return;
        }
        loop {
            // A refresh put off (someone is typing in the region) is tried again until it
            // can be made, so the region is never left stale.
            let deferred = matches!(swap(&target).await, Ok(false));
            pause(500).await;
            let again = BUSY.with(|b| {
                let mut b = b.borrow_mut();
                match b.get(&target).copied() {
                    Some(true) => {
                        b.insert(target.clone(), false);
                        true
                    }
                    _ if deferred => true,
                    _ => {
                        b.remove(&target);
                        false
                    }
                }
            });
            if !again {
                break;
            }
        }
    }

    async fn pause(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
            }
        });
        let _ = JsFuture::from(promise).await;
    }

    /// Whether a field of the region holds something the person typed or ticked and has not
    /// sent yet (its value differs from the one the page came with).
    fn holds_typed_text(region: &web_sys::Element) -> bool {
        let Ok(fields) = region.query_selector_all("input, textarea") else {
            return false;
        };
        (0..fields.length()).filter_map(|i| fields.item(i)).any(|node| {
            if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                match input.type_().as_str() {
                    "hidden" | "submit" | "button" | "reset" | "file" => false,
                    "checkbox" | "radio" => input.checked() != input.default_checked(),
                    _ => input.value() != input.default_value(),
                }
            } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                area.default_value().is_ok_and(|original| area.value() != original)
            } else {
                false
            }
        })
    }

    /// Swaps in the fresh region; `Ok(false)` when the swap is put off because it would
    /// throw away what someone is typing there (a focused field, or typed text not yet sent).
    async fn swap(target: &str) -> Result<bool, JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let document = window.document().ok_or(JsValue::NULL)?;
        if let Some(region) = document.get_element_by_id(target) {
            let typing = document.active_element().is_some_and(|active| {
                region.contains(Some(&active)) && matches!(active.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            });
            if typing || holds_typed_text(&region) {
                return Ok(false);
            }
        }
        let href = window.location().href()?;
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&href)).await?.dyn_into()?;
        let html = JsFuture::from(response.text()?).await?.as_string().unwrap_or_default();
        let parsed = web_sys::DomParser::new()?.parse_from_string(&html, web_sys::SupportedType::TextHtml)?;
        if let (Some(fresh), Some(current)) = (parsed.get_element_by_id(target), document.get_element_by_id(target)) {
            // Unchanged content is left alone: a live region announced again for nothing, or
            // a list rebuilt under the reader's finger, helps no one.
            let html = fresh.inner_html();
            if current.inner_html() != html {
                current.set_inner_html(&html);
            }
        }
        Ok(true)
    }
}
