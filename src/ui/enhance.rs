//! The one island every page carries: it upgrades the server-rendered forms.
//!
//! Without it (before the WASM arrives, or if it never does) a form posts to its server
//! function and the server redirects back, with errors rendered in the page. With it, the
//! same form is sent with `fetch`: on an error the messages are put next to their fields and
//! everything the person typed stays in place; on success the page follows the server's
//! redirect or reloads to show the new state.

use crate::i18n::Lang;
use leptos::prelude::*;

#[island]
pub fn FormEnhancer(lang: Lang) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    client::install(lang);
    #[cfg(not(feature = "hydrate"))]
    let _ = lang;
    view! { <span hidden></span> }
}

#[cfg(feature = "hydrate")]
mod client {
    use crate::error::AppError;
    use crate::i18n::{Lang, Msg};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Document, Element, HtmlFormElement, SubmitEvent};

    pub fn install(lang: Lang) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let handler = Closure::<dyn Fn(SubmitEvent)>::new(move |ev: SubmitEvent| {
            let Some(form) = ev.target().and_then(|t| t.dyn_into::<HtmlFormElement>().ok()) else {
                return;
            };
            let action = form.get_attribute("action").unwrap_or_default();
            // Forms an island sends itself (the scoring desk) are left to it.
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
            leptos::task::spawn_local(submit(form, action, submitter, lang));
        });
        let _ = document.add_event_listener_with_callback("submit", handler.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        handler.forget();
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

    async fn submit(form: HtmlFormElement, action: String, submitter: Option<(String, String)>, lang: Lang) {
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
            Ok(Outcome::Failed(error)) => show_errors(&form, &error, lang),
            Err(_) => show_errors(&form, &AppError::Request("network".into()), lang),
        }
    }

    enum Outcome {
        Done(Option<String>),
        Failed(AppError),
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
        let error = serde_json::from_str::<AppError>(&text).unwrap_or(AppError::Internal);
        Ok(Outcome::Failed(error))
    }

    fn show_errors(form: &HtmlFormElement, error: &AppError, lang: Lang) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        clear(form);
        let mut first_invalid: Option<Element> = None;
        let mut unplaced = false;
        if let AppError::Invalid(errors) = error {
            for e in errors {
                match mark_field(&document, form, &e.field, &e.text(lang)) {
                    Some(input) => {
                        first_invalid.get_or_insert(input);
                    }
                    None => unplaced = true,
                }
            }
        }
        if unplaced || !matches!(error, AppError::Invalid(_)) || first_invalid.is_none() {
            if let Ok(Some(summary)) = form.query_selector(".form-error") {
                let text = match error {
                    AppError::Invalid(_) => {
                        error.field_text("form", lang).unwrap_or_else(|| lang.t(Msg::ErrFixFields).to_owned())
                    }
                    other => other.summary(lang),
                };
                summary.set_text_content(Some(&text));
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
