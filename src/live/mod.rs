//! The live channel: the server pushes "this changed" notices to open pages over
//! Server-Sent Events, and the page's script re-renders (see `region`) the part of the page that
//! changed. A page that reconnects or falls behind simply re-renders from the server, so the
//! latest state always comes from one full snapshot, never from replayed deltas.

pub mod clock;
#[cfg(feature = "ssr")]
pub mod hub;
pub(crate) mod region;

pub use clock::{Countdown, ServerClock};
pub use region::LiveRegion;

/// What changed: a page region listens to one topic, and the server publishes one per change.
/// On the wire (the stream's event names, the notices between instances) it is its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Topic {
    /// The help queue.
    Help,
    /// Scores, assignments, judges and the judging settings.
    Judging,
    /// The board's settings, freeze, publication and reveal.
    Board,
    /// Announcements.
    Announce,
    /// The people's choice vote: its settings, votes and tickets.
    Audience,
    /// The stage: the project pitching and its timer.
    Stage,
    /// Pitch slots: the schedule, and judges done with a slot (the next team is told).
    Slots,
    /// Everything may have changed (an instance reconnected to the others): refresh.
    Resync,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::Help,
        Topic::Judging,
        Topic::Board,
        Topic::Announce,
        Topic::Audience,
        Topic::Stage,
        Topic::Slots,
        Topic::Resync,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Topic::Help => "help",
            Topic::Judging => "judging",
            Topic::Board => "board",
            Topic::Announce => "announce",
            Topic::Audience => "audience",
            Topic::Stage => "stage",
            Topic::Slots => "slots",
            Topic::Resync => "resync",
        }
    }

    pub fn from_name(name: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.name() == name)
    }
}
