//! The live channel: the server pushes "this changed" notices to open pages over
//! Server-Sent Events, and the `LiveRegion` island re-renders the part of the page that
//! changed. A page that reconnects or falls behind simply re-renders from the server, so the
//! latest state always comes from one full snapshot, never from replayed deltas.

#[cfg(feature = "ssr")]
pub mod hub;
mod island;

pub use island::LiveRegion;
