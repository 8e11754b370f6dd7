//! The error every server function returns to the browser.
//!
//! It carries message keys, never English sentences, so the page shows it in the reader's
//! language; it is also how the HTTP status is chosen (see `server::status_from_error`).

use crate::i18n::{args, Lang, Msg, OneValue};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// One invalid form field: which input, and why (a message key, with the value of its one
/// variable if it has one: `"arg": "10"` for `ErrPasswordTooShort`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub msg: Msg,
    pub arg: Option<String>,
}

impl FieldError {
    pub fn new(field: &str, msg: Msg) -> Self {
        Self { field: field.to_owned(), msg, arg: None }
    }
    /// A message with its one value: `FieldError::with("password", args::ErrPasswordTooShort { count: 10 })`.
    pub fn with(field: &str, message: impl OneValue) -> Self {
        Self { field: field.to_owned(), msg: message.msg(), arg: Some(message.wire_text()) }
    }
    pub fn text(&self, lang: Lang) -> String {
        match &self.arg {
            Some(arg) => lang.format_arg(self.msg, arg),
            None => lang.t(self.msg).to_owned(),
        }
    }
}

/// An error as the page scripts show it, its texts rendered by the server in the reader's
/// language: the browser's bundle then needs no message catalogue. The scripts ask for this
/// form with the request header `SHOWN_ERRORS`; everyone else gets the `AppError` itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownError {
    /// What the form as a whole shows: the error, or for invalid fields the form's own line
    /// (its `form` field's message, else "fix the fields below").
    pub summary: String,
    /// Each invalid field and its message, `form` included, as the error lists them.
    pub fields: Vec<(String, String)>,
}

/// The request header with which a page script asks for errors as `ShownError`.
pub const SHOWN_ERRORS: &str = "hakam-shown-errors";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("sign-in required")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Per-field validation errors; nothing was written.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The request clashes with the current state (changed meanwhile, already used, …).
    #[error("conflict: {0:?}")]
    Conflict(Msg),
    /// A conflict whose message names something: who changed the data, when a deadline was.
    #[error("conflict: {0:?} ({1})")]
    ConflictWith(Msg, String),
    #[error("too many attempts")]
    TooManyAttempts,
    /// Too many requests from this client, or attempts on this account: answered 429 with
    /// `Retry-After` set to this many seconds.
    #[error("rate limited, retry after {0} s")]
    RateLimited(u64),
    /// The server is at capacity for this costly work (password hashing) and refuses at
    /// once rather than queueing: answered 503 with `Retry-After` set to this many seconds.
    #[error("busy, retry after {0} s")]
    Busy(u64),
    /// A cross-site request was refused before any server function ran.
    #[error("cross-site request refused")]
    CrossSite,
    #[error("internal error")]
    Internal,
    /// The request body could not be decoded (truncated, not UTF-8, not the expected form).
    #[error("bad request")]
    BadRequest,
    /// The body is in an encoding the server function does not take (JSON, CBOR, …).
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// Transport or encoding failures reported by the server-function layer.
    #[error("request failed: {0}")]
    Request(String),
}

impl AppError {
    pub fn field(field: &str, msg: Msg) -> Self {
        AppError::Invalid(vec![FieldError::new(field, msg)])
    }

    /// A conflict whose message names something: `AppError::conflict_with(args::ErrProjectChangedBy { name })`.
    pub fn conflict_with(message: impl OneValue) -> Self {
        AppError::ConflictWith(message.msg(), message.wire_text())
    }

    /// The message for a given field, if this error is about it.
    pub fn field_text(&self, field: &str, lang: Lang) -> Option<String> {
        match self {
            AppError::Invalid(errors) => errors.iter().find(|e| e.field == field).map(|e| e.text(lang)),
            _ => None,
        }
    }

    /// This error's texts in `lang`, as a page script shows them.
    pub fn shown(&self, lang: Lang) -> ShownError {
        match self {
            AppError::Invalid(errors) => ShownError {
                summary: self.field_text("form", lang).unwrap_or_else(|| lang.t(Msg::ErrFixFields).to_owned()),
                fields: errors.iter().map(|e| (e.field.clone(), e.text(lang))).collect(),
            },
            other => ShownError { summary: other.summary(lang), fields: Vec::new() },
        }
    }

    /// A one-line message for errors that are not about a single field.
    pub fn summary(&self, lang: Lang) -> String {
        if let AppError::ConflictWith(key, arg) = self {
            return lang.format_arg(*key, arg);
        }
        if let AppError::RateLimited(seconds) = self {
            return lang.format(args::ErrRateLimited { seconds: *seconds });
        }
        let key = match self {
            AppError::Unauthenticated => Msg::ErrSignInRequired,
            AppError::Forbidden => Msg::ErrForbidden,
            AppError::NotFound => Msg::ErrNotFound,
            AppError::Invalid(_) => Msg::ErrFixFields,
            AppError::Conflict(key) | AppError::ConflictWith(key, _) => *key,
            AppError::TooManyAttempts => Msg::ErrTooManyAttempts,
            AppError::RateLimited(_) => Msg::ErrRateLimited,
            AppError::Busy(_) => Msg::ErrBusy,
            AppError::CrossSite => Msg::ErrForbidden,
            AppError::Internal => Msg::ErrInternal,
            AppError::BadRequest | AppError::UnsupportedMediaType => Msg::ErrBadRequest,
            AppError::Request(_) => Msg::ErrNetwork,
        };
        lang.t(key).to_owned()
    }

    pub fn http_status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden | AppError::CrossSite => 403,
            AppError::NotFound => 404,
            AppError::Invalid(_) => 422,
            AppError::Conflict(_) | AppError::ConflictWith(..) => 409,
            AppError::TooManyAttempts | AppError::RateLimited(_) => 429,
            AppError::Busy(_) => 503,
            AppError::BadRequest => 400,
            AppError::UnsupportedMediaType => 415,
            AppError::Internal | AppError::Request(_) => 500,
        }
    }
}

impl AppError {
    /// The `Retry-After` seconds this error asks the client to wait, if any.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::RateLimited(seconds) | AppError::Busy(seconds) => Some((*seconds).max(1)),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Malformed arguments are the caller's fault: say so as a validation error.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::field("form", Msg::ErrBadRequest),
            // On the server, a body that cannot be read as text (not UTF-8, cut off, over the
            // size limit) is the caller's fault too. In the browser the same variant means
            // the server's answer was unreadable, which is a network-class failure.
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(e) => {
                tracing::info!(error = %e, "undecodable server-function body");
                AppError::BadRequest
            }
            other => AppError::Request(other.to_string()),
        }
    }
}

impl AppError {
    /// An internal error whose cause is logged here, since the caller only gets "internal
    /// error": `.map_err(|e| AppError::internal("what failed", e))`.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &'static str, cause: impl std::fmt::Display) -> AppError {
        tracing::error!(error = %cause, "{context}");
        AppError::Internal
    }

    /// An internal error for a value that should always be there (`ok_or_else`).
    #[cfg(feature = "ssr")]
    pub fn missing(context: &'static str) -> AppError {
        tracing::error!("{context}");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        tracing::error!(error = %err, "database error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<tower_sessions::session::Error> for AppError {
    fn from(err: tower_sessions::session::Error) -> Self {
        tracing::error!(error = %err, "session store error");
        AppError::Internal
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// A 500 for a plain route, with its cause logged (the client learns nothing more).
#[cfg(feature = "ssr")]
pub fn internal_response(context: &'static str, cause: impl std::fmt::Display) -> axum::response::Response {
    use axum::response::IntoResponse;
    tracing::error!(error = %cause, "{context}");
    http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
}
