//! The island that keeps a region of a server-rendered page current: it listens to the
//! event's live channel and, on a notice for its topic, fetches the page again and swaps in
//! the fresh region. The browser's EventSource reconnects by itself; every (re)connection
//! starts with a "hello" that triggers a refresh, so nothing missed while offline stays
//! missing.

use leptos::prelude::*;

#[island]
pub fn LiveRegion(event_id: i64, topic: super::Topic, target: String) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    client::listen(event_id, topic, target);
    #[cfg(not(feature = "hydrate"))]
    let _ = (event_id, topic, target);
    view! { <span hidden></span> }
}

#[cfg(feature = "hydrate")]
mod client {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    pub fn listen(event_id: i64, topic: crate::live::Topic, target: String) {
        let Ok(source) = web_sys::EventSource::new(&format!("/events/{event_id}/live")) else {
            return;
        };
        for name in [topic.name(), "hello", crate::live::Topic::Resync.name()] {
            let target = target.clone();
            let handler = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
                leptos::task::spawn_local(refresh(target.clone()));
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
            current.set_inner_html(&fresh.inner_html());
        }
        Ok(true)
    }
}
