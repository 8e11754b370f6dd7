//! Shared form pieces: every input has a label, its error sits right under it and is tied to
//! it with `aria-describedby`, and the whole form works as a plain HTML form before WASM.

pub mod enhance;

use crate::error::AppError;
use crate::i18n::{input_name, use_lang, Lang, Localized, Msg};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The `:id` of an event route (`/events/:id/…`); 0, an id no event has, when malformed.
/// A page's load error, in the reader's language, answered with the error's own HTTP status
/// (see `refuse`).
pub fn failure(lang: crate::i18n::Lang, e: &AppError) -> AnyView {
    refuse(e);
    view! {
        <p class="form-error" role="alert">
            {e.summary(lang)}
        </p>
    }
    .into_any()
}

/// Gives the page being rendered on the server the status of the error it shows: a refused
/// page is a 401/403/404 for browsers, crawlers and monitoring, not a 200 that says so.
/// Pages render in `SsrMode::Async`, so the whole page is known before the status is sent.
pub fn refuse(e: &AppError) {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::from_u16(e.http_status()).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR));
    }
    #[cfg(not(feature = "ssr"))]
    let _ = e;
}

pub fn event_id_param() -> Signal<i64> {
    let params = leptos_router::hooks::use_params_map();
    Signal::derive(move || params.with(|p| p.get("id").and_then(|v| v.parse().ok()).unwrap_or(0)))
}

/// The latest error of a server action, if its last run failed.
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(|r| r.err()))
}

/// What a person typed into a form that a plain (script-less) post sent back with errors: the
/// server keeps it in the session for one page view (see `server::keep_form_values`) so the
/// re-rendered form shows it again. Passwords are never kept.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct FormEcho(pub Vec<(String, String)>);

/// The echoed value of a field, if this page view follows a refused plain post.
pub fn echoed(name: &str) -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()?
            .extensions
            .get::<FormEcho>()?
            .0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = name;
        None
    }
}

/// The error a plain (script-less) post to `path` came back with, for server functions that
/// cannot be a `ServerAction` (file uploads).
pub fn url_error(path: &'static str) -> Signal<Option<AppError>> {
    let found = use_context::<leptos::server::ServerActionError>()
        .filter(|e| e.path() == path)
        .map(|e| leptos::server_fn::error::ServerFnUrlError::<AppError>::decode_err(e.err()));
    Signal::derive(move || found.clone())
}

/// The message for one field, in the reader's language.
pub fn field_error(errors: Signal<Option<AppError>>, field: &'static str) -> Signal<Option<String>> {
    let lang = use_lang();
    Signal::derive(move || errors.get().and_then(|e| e.field_text(field, lang)))
}

#[component]
pub fn Field(
    label: Msg,
    name: &'static str,
    errors: Signal<Option<AppError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] required: bool,
    #[prop(optional)] min: Option<String>,
    #[prop(optional)] max: Option<String>,
    #[prop(optional)] dir_auto: bool,
    /// Values offered as the reader types (a `<datalist>`, so no script is needed); any other
    /// value may still be typed, and the server decides.
    #[prop(optional)]
    suggestions: Vec<&'static str>,
) -> impl IntoView {
    let lang = use_lang();
    let value = echoed(name).unwrap_or(value);
    let id = format!("f-{name}");
    let list_id = (!suggestions.is_empty()).then(|| format!("{id}-list"));
    let err_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let message = field_error(errors, name);
    let described = {
        let (err_id, hint_id) = (err_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if message.get().is_some() {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-error=move || message.get().is_some()>
            <label for=id.clone()>{lang.t(label)}</label>
            {hint
                .map(|h| {
                    view! {
                        <p class="hint" id=hint_id.clone()>
                            {lang.t(h)}
                        </p>
                    }
                })}
            <input
                id=id
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                required=required
                min=min
                max=max
                dir=dir_auto.then_some("auto")
                list=list_id.clone()
                aria-invalid=move || message.get().is_some().then_some("true")
                aria-describedby=described
            />
            {list_id
                .map(|list_id| {
                    view! {
                        <datalist id=list_id>
                            {suggestions.into_iter().map(|s| view! { <option>{s}</option> }).collect_view()}
                        </datalist>
                    }
                })}
            <p class="field-error" id=err_id role="alert">
                {move || message.get()}
            </p>
        </div>
    }
}

/// "retired" after the name of a judge who was retired (`events::people`), wherever judges are
/// named: their scores stay, so their name still appears, marked.
#[component]
pub fn RetiredMark(retired: bool) -> impl IntoView {
    let lang = use_lang();
    retired.then(|| {
        view! {
            " "
            <span class="tag retired">{lang.t(Msg::JudgeRetired)}</span>
        }
    })
}

/// What the password field of a [`PersonFields`] form is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordUse {
    /// Signing up: the new account's password, with the rules as a hint.
    New,
    /// Editing one's own details: the current password, which an e-mail change needs.
    Current,
}

/// The name, e-mail and password fields of every form about a person's own account (sign-up,
/// sign-up through an invite, the account page), so their names, autocomplete hints and
/// per-field errors stay the same everywhere (password managers and the server rely on both).
#[component]
pub fn PersonFields(
    errors: Signal<Option<AppError>>,
    password: PasswordUse,
    #[prop(optional, into)] display_name: String,
    #[prop(optional, into)] email: String,
) -> impl IntoView {
    let (label, autocomplete, hint, required) = match password {
        PasswordUse::New => (Msg::FieldPassword, "new-password", Msg::HintPassword, true),
        PasswordUse::Current => (Msg::FieldCurrentPassword, "current-password", Msg::HintPasswordForEmail, false),
    };
    view! {
        <Field
            label=Msg::FieldDisplayName
            name="display_name"
            errors
            value=display_name
            autocomplete="name"
            required=true
            dir_auto=true
        />
        <Field label=Msg::FieldEmail name="email" kind="email" errors value=email autocomplete="email" required=true />
        <Field label name="password" kind="password" errors autocomplete hint required />
    }
}

#[component]
pub fn TextArea(
    label: Msg,
    name: &'static str,
    errors: Signal<Option<AppError>>,
    #[prop(optional, into)] value: String,
    #[prop(default = 4)] rows: u32,
) -> impl IntoView {
    let lang = use_lang();
    let value = echoed(name).unwrap_or(value);
    let id = format!("f-{name}");
    let err_id = format!("{id}-error");
    let message = field_error(errors, name);
    let described = {
        let err_id = err_id.clone();
        move || message.get().is_some().then(|| err_id.clone())
    };
    view! {
        <div class="field" class:has-error=move || message.get().is_some()>
            <label for=id.clone()>{lang.t(label)}</label>
            <textarea
                id=id
                name=name
                rows=rows
                dir="auto"
                aria-invalid=move || message.get().is_some().then_some("true")
                aria-describedby=described
            >
                {escape_html(&value)}
            </textarea>
            <p class="field-error" id=err_id role="alert">
                {move || message.get()}
            </p>
        </div>
    }
}

/// One text an organizer writes in Arabic, French and English, which each reader then sees in
/// their own language (`i18n::Localized`): a fieldset whose legend is the label, with one
/// input per language named `{name}_ar`, `{name}_fr`, `{name}_en`. Each input carries its
/// `lang` and `dir`, so the caret, the spell-checker and a screen reader's voice follow the
/// language being typed, and its own error (a length limit is per language).
#[component]
pub fn LocalizedField(
    label: Msg,
    #[prop(into)] name: String,
    errors: Signal<Option<AppError>>,
    #[prop(optional)] value: Localized,
    /// Lines of a textarea; 0 for a one-line input.
    #[prop(optional)]
    rows: u32,
    /// Sent inside a map argument (`fields[name_1_ar]`) rather than as its own argument.
    #[prop(optional)]
    map: Option<&'static str>,
    /// A hint under the legend (a form with one such field says how languages work with
    /// `Msg::HintContentLanguages`; the rubric builder says it once above its rows).
    #[prop(optional)]
    hint: Option<Msg>,
) -> impl IntoView {
    let lang = use_lang();
    let inputs = Lang::ALL.map(|l| {
        let key = input_name(&name, l);
        let id = format!("f-{key}");
        let err_id = format!("{id}-error");
        let posted = match map {
            Some(m) => format!("{m}[{key}]"),
            None => key.clone(),
        };
        let value = echoed(&posted).unwrap_or_else(|| value.get(l).to_owned());
        let message = Signal::derive(move || errors.get().and_then(|e| e.field_text(&key, lang)));
        let invalid = move || message.get().is_some().then_some("true");
        let control = if rows == 0 {
            view! {
                <input
                    id=id.clone()
                    name=posted
                    type="text"
                    value=value
                    lang=l.code()
                    dir=l.dir()
                    aria-invalid=invalid
                    aria-describedby=err_id.clone()
                />
            }
            .into_any()
        } else {
            view! {
                <textarea
                    id=id.clone()
                    name=posted
                    rows=rows
                    lang=l.code()
                    dir=l.dir()
                    aria-invalid=invalid
                    aria-describedby=err_id.clone()
                >
                    {escape_html(&value)}
                </textarea>
            }
            .into_any()
        };
        view! {
            <div class="field" class:has-error=move || message.get().is_some()>
                <label for=id lang=l.code()>
                    {l.native_name()}
                </label>
                {control}
                <p class="field-error" id=err_id role="alert">
                    {move || message.get()}
                </p>
            </div>
        }
    });
    view! {
        <fieldset class="langs">
            <legend>{lang.t(label)}</legend>
            {hint.map(|h| view! { <p class="hint">{lang.t(h)}</p> })}
            <div class="langs-inputs">{inputs.into_iter().collect_view()}</div>
        </fieldset>
    }
}

/// Escapes text for HTML element content and quoted attribute values: the one escaper for
/// the HTML the server writes as strings (the live board, the calibration chart, refusal
/// pages) and for `<textarea>` children, which the renderer writes without escaping (it
/// treats them as raw text, so a value containing `</textarea><script>` would break out).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A `<select>` of `(value, label)` options.
#[component]
pub fn Select(
    label: Msg,
    name: &'static str,
    errors: Signal<Option<AppError>>,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
) -> impl IntoView {
    let lang = use_lang();
    let selected = echoed(name).unwrap_or(selected);
    let id = format!("f-{name}");
    let err_id = format!("{id}-error");
    let message = field_error(errors, name);
    view! {
        <div class="field" class:has-error=move || message.get().is_some()>
            <label for=id.clone()>{lang.t(label)}</label>
            <select id=id name=name aria-describedby=err_id.clone()>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = value == selected;
                        view! {
                            <option value=value selected=is_selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <p class="field-error" id=err_id role="alert">
                {move || message.get()}
            </p>
        </div>
    }
}

/// The form-level message: errors that are not about one field, or "fix the fields below".
/// Always present (hidden when empty) so the form enhancer can fill it in place.
#[component]
pub fn FormError(errors: Signal<Option<AppError>>) -> impl IntoView {
    let lang = use_lang();
    let message = move || {
        errors.get().map(|e| {
            // A malformed request names the pseudo-field "form"; show it here.
            e.field_text("form", lang).unwrap_or_else(|| e.summary(lang))
        })
    };
    view! {
        <div class="form-error" role="alert" hidden=move || message().is_none()>
            {message}
        </div>
    }
}

/// A form's main button. Pages are rendered on the server and never hydrated, so there is
/// no pending state here: the form enhancer disables the button while its post is under way.
#[component]
pub fn Submit(label: Msg) -> impl IntoView {
    let lang = use_lang();
    view! {
        <button type="submit" class="button primary">
            {lang.t(label)}
        </button>
    }
}

/// A page's data: loaded on the server before the page is sent (pages render in
/// `SsrMode::Async`), shown by `page`; a failed load shows the refusal in the reader's
/// language and answers with its HTTP status (see `failure`).
pub fn loaded<T, V>(
    resource: Resource<Result<T, AppError>>,
    page: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    view! {
        <Suspense fallback=move || {
            view! { <p>{lang.t(Msg::Loading)}</p> }
        }>
            {move || {
                resource
                    .get()
                    .map(|r| match r {
                        Err(e) => failure(lang, &e),
                        Ok(data) => page(data).into_view().into_any(),
                    })
            }}
        </Suspense>
    }
}

/// A message that stops the reader (a refusal, a problem to fix), announced at once.
#[component]
pub fn Alert(#[prop(into)] message: String) -> impl IntoView {
    view! {
        <p class="form-error" role="alert">
            {message}
        </p>
    }
}

/// The event a form acts in, sent with the form (every event server function takes it).
#[component]
pub fn EventIdInput(event_id: i64) -> impl IntoView {
    view! { <input type="hidden" name="event_id" value=event_id /> }
}

/// A hidden form value.
#[component]
pub fn Hidden(name: &'static str, #[prop(into)] value: String) -> impl IntoView {
    view! { <input type="hidden" name=name value=value /> }
}

/// A labelled checkbox that posts `on` when ticked. `id` defaults to `f-{name}`.
#[component]
pub fn Checkbox(
    label: Msg,
    #[prop(into)] name: String,
    #[prop(optional)] checked: bool,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] hint: Option<Msg>,
) -> impl IntoView {
    let lang = use_lang();
    let id = id.unwrap_or_else(|| format!("f-{name}"));
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field checkbox">
            <input
                type="checkbox"
                id=id.clone()
                name=name
                value="on"
                checked=checked
                aria-describedby=hint.map(|_| hint_id.clone())
            />
            <label for=id>{lang.t(label)}</label>
            {hint
                .map(|h| {
                    view! {
                        <p class="hint" id=hint_id>
                            {lang.t(h)}
                        </p>
                    }
                })}
        </div>
    }
}

/// A status message for successful actions, announced to screen readers.
#[component]
pub fn Notice(#[prop(into)] when: Signal<bool>, message: Msg) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Show when=move || when.get()>
            <p class="notice" role="status">
                {lang.t(message)}
            </p>
        </Show>
    }
}
