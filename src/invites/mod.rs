//! Invite links: an organizer hands out a link (and its QR code) that grants one role in one
//! event. Links expire, can be revoked, and carry a use limit enforced in a single UPDATE so
//! two people racing for the last use cannot both get in (see `db::accept`).

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
mod pages;

pub use pages::{InvitePage, InvitesPanel};

use crate::auth::Role;
use crate::error::AppError;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InviteRow {
    pub id: i64,
    pub role: Role,
    pub label: String,
    pub url: String,
    pub qr_svg: String,
    pub uses: i64,
    pub max_uses: i64,
    pub expires: String,
    pub status: InviteStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InviteStatus {
    Valid,
    Expired,
    Revoked,
    UsedUp,
}

impl InviteStatus {
    pub fn label(self) -> Msg {
        match self {
            InviteStatus::Valid => Msg::InviteValid,
            InviteStatus::Expired => Msg::InviteExpired,
            InviteStatus::Revoked => Msg::InviteRevoked,
            InviteStatus::UsedUp => Msg::InviteUsedUp,
        }
    }
    pub fn from_row(revoked_at: Option<i64>, expires_at: i64, uses: i64, max_uses: i64, now: i64) -> Self {
        if revoked_at.is_some() {
            InviteStatus::Revoked
        } else if expires_at <= now {
            InviteStatus::Expired
        } else if uses >= max_uses {
            InviteStatus::UsedUp
        } else {
            InviteStatus::Valid
        }
    }
    fn error(self) -> Msg {
        match self {
            InviteStatus::Valid => Msg::ErrInternal,
            InviteStatus::Expired => Msg::ErrInviteExpired,
            InviteStatus::Revoked => Msg::ErrInviteRevoked,
            InviteStatus::UsedUp => Msg::ErrInviteUsedUp,
        }
    }
}

/// What the person opening a link sees before accepting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InviteDetails {
    pub event_id: i64,
    pub event_name: String,
    pub role: Role,
    pub status: InviteStatus,
    pub signed_in_as: Option<String>,
    pub already_has_role: bool,
}

pub const MAX_USES_LIMIT: i64 = 1000;
/// The invite form's defaults fit the link made most: one participant link for the whole
/// event, shared in a group chat or shown as a QR code, admitting everyone who comes (500
/// people, more than most events hold; the organizer can lower it). A judge or mentor link
/// for one person is the deliberate choice: the role and the number of uses are changed then.
pub const DEFAULT_ROLE: Role = Role::Participant;
pub const DEFAULT_MAX_USES: i64 = 500;
pub const VALID_DAYS_LIMIT: i64 = 90;

mod api;
pub use api::*;
