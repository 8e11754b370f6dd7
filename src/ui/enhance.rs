//! What every page's script (`web`) does first: upgrade the server-rendered forms.
//!
//! Without it (before the WASM arrives, or if it never does) a form posts to its server
//! function and the server redirects back, with errors rendered in the page. With it, the
//! same form is sent with `fetch`: on an error the messages are put next to their fields and
//! everything the person typed stays in place; on success the page follows the server's
//! redirect or reloads to show the new state.

//! The error texts come rendered by the server in the reader's language (`ShownError`), so
//! the script carries no message catalogue: only the one line it shows when the server
//! cannot be reached, which the page gives it here.

use leptos::prelude::*;

/// The texts the form enhancer shows: when the server cannot be reached, and the question
/// it asks before signing out while the judge desk holds saves not sent (signing out clears
/// the device's storage, saves included: see `auth::clear_this_device`).
#[component]
pub fn FormEnhancer(unreachable: String, unsent: String) -> impl IntoView {
    view! { <span hidden id="form-enhancer" data-unreachable=unreachable data-unsent=unsent></span> }
}

#[cfg(feature = "web")]
pub(crate) mod client {
    use crate::error::{ShownError, SHOWN_ERRORS};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Document, Element, HtmlFormElement, SubmitEvent};

    pub fn install(document: &Document) {
        forget_others_scores(document);
        let text = |name: &str| {
            document.get_element_by_id("form-enhancer").and_then(|e| e.get_attribute(name)).unwrap_or_default()
        };
        let (unreachable, unsent) = (text("data-unreachable"), text("data-unsent"));
        let handler = Closure::<dyn Fn(SubmitEvent)>::new(move |ev: SubmitEvent| {
            let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else {
                return;
            };
            let action = form.get_attribute("action").unwrap_or_default();
            if crate::auth::DEVICE_CLEARING.contains(&action.as_str()) && holds_unsent_saves() {
                let sure = web_sys::window().and_then(|w| w.confirm_with_message(&unsent).ok()).unwrap_or(true);
                if !sure {
                    ev.prevent_default();
                    return;
                }
            }
            // Forms a page script sends itself (the scoring desk) are left to it.
            if !action.starts_with("/api/") || form.has_attribute("data-local") {
                return;
            }
            ev.prevent_default();
            // The clicked button's name/value is part of a native submission ("submit" vs
            // "save draft"); FormData built from the form alone would drop it.
            let submitter = ev
                .submitter()
                .and_then(|s| s.dyn_into::<web_sys::HtmlButtonElement>().ok())
                .filter(|b| !b.name().is_empty())
                .map(|b| (b.name(), b.value()));
            wasm_bindgen_futures::spawn_local(submit(form, action, submitter, unreachable.clone()));
        });
        let _ = document.add_event_listener_with_callback("submit", handler.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        handler.forget();
    }

    /// Deletes the judge desk's copies of scores the server confirmed (`desk::state::Known`)
    /// that are not the signed-in person's: after a pass is revoked, a session ends or
    /// someone else signs in on the phone, no page shows or keeps them. The server holds
    /// them all, so nothing is lost. Saves not sent yet are kept: they exist nowhere else,
    /// and go once their judge signs in again (see `holds_unsent_saves` for signing out).
    fn forget_others_scores(document: &Document) {
        use crate::judging::desk::KNOWN_KEY_PREFIX;
        let Some(storage) = local_storage() else { return };
        let user = document.query_selector(".who[data-user]").ok().flatten().and_then(|e| e.get_attribute("data-user"));
        // Keys end with `-{judge}` (`…{event}-{judge}`).
        let mine = user.map(|u| format!("-{u}"));
        let other =
            |key: &String| key.starts_with(KNOWN_KEY_PREFIX) && !mine.as_deref().is_some_and(|m| key.ends_with(m));
        // One at a time, the keys read afresh each time: a removal may reorder them.
        while let Some(key) = keys(&storage).find(other) {
            if storage.remove_item(&key).is_err() {
                return;
            }
        }
    }

    /// The page's `localStorage`, where the judge desk keeps its saves (`judging::desk`).
    pub(crate) fn local_storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    fn keys(storage: &web_sys::Storage) -> impl Iterator<Item = String> + '_ {
        (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten())
    }

    /// Whether the judge desk keeps saves on this device not sent yet, for any event.
    fn holds_unsent_saves() -> bool {
        use crate::judging::desk::{KNOWN_KEY_PREFIX, QUEUE_KEY_PREFIX};
        let Some(storage) = local_storage() else { return false };
        let held = keys(&storage).any(|key| {
            key.starts_with(QUEUE_KEY_PREFIX)
                && !key.starts_with(KNOWN_KEY_PREFIX)
                && storage
                    .get_item(&key)
                    .ok()
                    .flatten()
                    .is_some_and(|queue| queue.trim() != "[]" && !queue.trim().is_empty())
        });
        held
    }

    fn set_busy(form: &HtmlFormElement, busy: bool) {
        let _ = form.set_attribute("aria-busy", if busy { "true" } else { "false" });
        if let Ok(buttons) = form.query_selector_all("button[type=submit]") {
            for i in 0..buttons.length() {
                if let Some(b) = buttons.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlButtonElement>().ok()) {
                    b.set_disabled(busy);
                }
            }
        }
    }

    async fn submit(form: HtmlFormElement, action: String, submitter: Option<(String, String)>, unreachable: String) {
        set_busy(&form, true);
        let result = send(&form, &action, submitter).await;
        set_busy(&form, false);
        let Some(window) = web_sys::window() else { return };
        match result {
            Ok(Outcome::Done(Some(location))) => {
                let _ = window.location().assign(&location);
            }
            Ok(Outcome::Done(None)) => {
                // Show the new state; a GET, so "reload" never re-posts the form.
                if let Ok(href) = window.location().href() {
                    let _ = window.location().replace(&href);
                }
            }
            Ok(Outcome::Failed(error)) => show_errors(&form, &error),
            Err(_) => show_errors(&form, &ShownError { summary: unreachable, fields: Vec::new() }),
        }
    }

    enum Outcome {
        Done(Option<String>),
        Failed(ShownError),
    }

    async fn send(
        form: &HtmlFormElement,
        action: &str,
        submitter: Option<(String, String)>,
    ) -> Result<Outcome, JsValue> {
        let data = web_sys::FormData::new_with_form(form)?;
        if let Some((name, value)) = submitter {
            data.append_with_str(&name, &value)?;
        }
        let headers = web_sys::Headers::new()?;
        headers.set("Accept", "application/json")?;
        headers.set(SHOWN_ERRORS, "1")?;
        let init = web_sys::RequestInit::new();
        init.set_method("POST");
        if form.enctype() == "multipart/form-data" {
            // File uploads go as multipart; the browser writes the boundary header itself.
            init.set_body(&data);
        } else {
            headers.set("Content-Type", "application/x-www-form-urlencoded")?;
            let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data)?;
            init.set_body(&body);
        }
        init.set_headers(&headers);
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str_and_init(action, &init)).await?.dyn_into()?;
        if response.ok() {
            return Ok(Outcome::Done(response.headers().get("location")?));
        }
        let text = JsFuture::from(response.text()?).await?.as_string().unwrap_or_default();
        // Not an error of ours (a proxy's page): the status line is all there is to show.
        let error = shown_error(&text).unwrap_or_else(|| ShownError {
            summary: format!("{} {}", response.status(), response.status_text()),
            fields: Vec::new(),
        });
        Ok(Outcome::Failed(error))
    }

    /// Reads a `ShownError` with the browser's JSON parser: a JSON library in the script
    /// would weigh more than this page's whole script.
    pub(crate) fn shown_error(text: &str) -> Option<ShownError> {
        let value = js_sys::JSON::parse(text).ok()?;
        let get = |v: &JsValue, key: &str| js_sys::Reflect::get(v, &JsValue::from_str(key)).ok();
        let summary = get(&value, "summary")?.as_string()?;
        let fields = get(&value, "fields").filter(js_sys::Array::is_array)?;
        let fields = js_sys::Array::from(&fields)
            .iter()
            .filter_map(|pair| {
                let pair = js_sys::Array::from(&pair);
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect();
        Some(ShownError { summary, fields })
    }

    fn show_errors(form: &HtmlFormElement, error: &ShownError) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        clear(form);
        let mut first_invalid: Option<Element> = None;
        let mut unplaced = false;
        for (field, text) in &error.fields {
            match mark_field(&document, form, field, text) {
                Some(input) => {
                    first_invalid.get_or_insert(input);
                }
                None => unplaced = true,
            }
        }
        if unplaced || first_invalid.is_none() {
            if let Ok(Some(summary)) = form.query_selector(".form-error") {
                summary.set_text_content(Some(&error.summary));
                let _ = summary.remove_attribute("hidden");
            }
        }
        if let Some(input) = first_invalid.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = input.focus();
        }
    }

    fn clear(form: &HtmlFormElement) {
        if let Ok(nodes) = form.query_selector_all(".field-error") {
            for i in 0..nodes.length() {
                if let Some(n) = nodes.item(i) {
                    n.set_text_content(None);
                }
            }
        }
        if let Ok(nodes) = form.query_selector_all(".has-error") {
            for i in 0..nodes.length() {
                if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = el.class_list().remove_1("has-error");
                }
            }
        }
        if let Ok(nodes) = form.query_selector_all("[aria-invalid]") {
            for i in 0..nodes.length() {
                if let Some(el) = nodes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    let _ = el.remove_attribute("aria-invalid");
                }
            }
        }
        if let Ok(Some(summary)) = form.query_selector(".form-error") {
            summary.set_text_content(None);
            let _ = summary.set_attribute("hidden", "");
        }
    }

    /// Puts a message under a field; returns the input, or `None` if the form has no such field.
    fn mark_field(document: &Document, form: &HtmlFormElement, field: &str, message: &str) -> Option<Element> {
        let input = document.get_element_by_id(&format!("f-{field}"))?;
        if !form.contains(Some(&input)) {
            return None;
        }
        let error_id = format!("f-{field}-error");
        if let Some(slot) = document.get_element_by_id(&error_id) {
            slot.set_text_content(Some(message));
        }
        if let Some(wrapper) = input.parent_element() {
            let _ = wrapper.class_list().add_1("has-error");
        }
        let _ = input.set_attribute("aria-invalid", "true");
        let described = input.get_attribute("aria-describedby").unwrap_or_default();
        if !described.split_whitespace().any(|id| id == error_id) {
            let _ = input.set_attribute("aria-describedby", format!("{described} {error_id}").trim());
        }
        Some(input)
    }
}
