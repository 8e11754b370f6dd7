//! Events: the public page, creation, and the organizer's settings (details, schedule,
//! tracks, co-organizers). Invites live in `crate::invites`. The schedule's rules live in
//! `domain`.

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod domain;
mod pages;
pub mod people;

pub use pages::{ArchivedBanner, EventEndingPanel, EventPage, HomePage, ManageEventPage, NewEventPage};

use crate::auth::Role;
use crate::error::AppError;
use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: i64,
    pub name: String,
    pub venue: String,
    pub starts: String,
    pub timezone: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Track {
    pub id: i64,
    /// In the reader's language, or the first written: `name_lang` says which.
    pub name: String,
    pub name_lang: Lang,
    pub description: String,
    pub description_lang: Lang,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventPageData {
    pub id: i64,
    pub name: String,
    /// In the reader's language, or the first written: `description_lang` says which.
    pub description: String,
    pub description_lang: Lang,
    pub venue: String,
    pub timezone: String,
    pub team_min: i64,
    pub team_max: i64,
    /// (label, time in the event's timezone), in schedule order.
    pub schedule: Vec<(Msg, String)>,
    pub tracks: Vec<Track>,
    pub my_roles: Vec<Role>,
    pub registration_open: bool,
    /// Archived events are read-only: the page says so and offers no joining.
    pub archived: bool,
}

/// Where an event stands in its ending, for the organizer's dashboard.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EventEnding {
    pub archived: bool,
    /// Results are not due yet: archiving now needs the organizer's confirmation.
    pub results_due: bool,
    /// The whole event was downloaded since it was archived: it may be deleted.
    pub exported_since_archived: bool,
}

/// The event form as typed: every value still a string, named as the form's inputs are.
/// `create_event` and `update_event` take it flattened, so a form posted without JavaScript
/// reaches them field by field; `domain::Event::parse` makes it a valid event.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct EventInput {
    pub name: String,
    #[serde(default)]
    pub description_ar: String,
    #[serde(default)]
    pub description_fr: String,
    #[serde(default)]
    pub description_en: String,
    pub venue: String,
    pub timezone: String,
    pub starts_at: String,
    pub ends_at: String,
    pub team_min: String,
    pub team_max: String,
    pub registration_opens: String,
    pub registration_closes: String,
    pub hacking_starts: String,
    pub submission_deadline: String,
    pub judging_opens: String,
    pub judging_closes: String,
    pub results_at: String,
}

/// A new track as typed: its name and description in each language the organizer wrote.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TrackInput {
    #[serde(default)]
    pub track_name_ar: String,
    #[serde(default)]
    pub track_name_fr: String,
    #[serde(default)]
    pub track_name_en: String,
    #[serde(default)]
    pub track_description_ar: String,
    #[serde(default)]
    pub track_description_fr: String,
    #[serde(default)]
    pub track_description_en: String,
}

/// The organizer's form: values as the inputs want them, plus the version being edited.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventFormData {
    pub id: i64,
    pub version: i64,
    pub fields: Vec<(String, String)>,
    pub tracks: Vec<Track>,
    /// Everyone holding a role in the event, with what the organizer may do about it.
    pub people: Vec<people::Person>,
    pub archived: bool,
}

impl EventFormData {
    fn value(&self, name: &str) -> String {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }
}

mod api;
pub use api::*;
