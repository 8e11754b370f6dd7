//! A person's own account: their name and e-mail address, their password, their sessions, and
//! getting back in through a one-time reset link.
//!
//! - **The account page** (`/account`): name and e-mail (changing the e-mail needs the current
//!   password), a new password (the current one needed; every *other* session ends, this one
//!   stays), and "sign out everywhere" (every session ends, this one too).
//! - **Reset links** (`/reset/{token}`): a person who forgot their password asks the platform
//!   admin, who issues a link on the admin page, or the operator, who runs
//!   `hakam reset-link EMAIL` on the server (`recovery`); when the server has a mail server
//!   (`mail`), the person can also have a link sent to their own address from `/forgot`.
//!   Event organizers cannot issue one: a reset link is a way into the whole account. A link is a long random
//!   token of which only the SHA-256 is stored; it works once, for [`domain::RESET_TTL_SECS`]
//!   (an hour), and stops working when a newer one is issued or the password changes. Using it
//!   sets the new password and ends every session of the account.
//!
//! - **Personal data** (Moroccan law 09-08): the person downloads everything kept about them
//!   (`export`, `GET /account/data.json`) and deletes their account (`erase`, keeping an
//!   anonymous placeholder so the scores they gave as a judge, and every result, stay). The
//!   privacy notice (`/privacy`) says what is kept, why, who sees it and for how long.
//!
//! Ending sessions rests on the gate: a session is bound to the account's password hash and
//! session epoch (`auth::gate`), and moving the account to its next epoch ends them all.

pub mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod erase;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod recovery;

pub use api::*;
pub use pages::{AccountPage, ForgotPasswordPage, PrivacyPage, ResetPasswordPage};

use serde::{Deserialize, Serialize};

/// What the account page shows of the signed-in person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountDetails {
    pub display_name: String,
    pub email: String,
}

/// The privacy notice's facts that come from this server's configuration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyFacts {
    /// `HAKAM_PRIVACY_CONTACT`: who is responsible for the data and how to reach them.
    pub contact: Option<String>,
    /// `HAKAM_SESSION_IDLE_MINUTES`.
    pub session_idle_minutes: u64,
    /// `HAKAM_BACKUP_KEEP`.
    pub backup_keep: u64,
    /// `HAKAM_BACKUP_EVERY`, in minutes, when scheduled backups are on.
    pub backup_every_minutes: Option<u64>,
}

/// A reset link just issued: shown to whoever issued it, once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedResetLink {
    pub user_id: i64,
    pub url: String,
    /// UTC unix seconds.
    pub expires_at: i64,
}
