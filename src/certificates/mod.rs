//! Participation certificates: once the results are out in full, each participant has a
//! certificate page (event, dates, team, project, the distinctions their project won) in
//! their language, printable to PDF from the browser, with an address and QR code anyone can
//! open to check it is genuine. Organizers print every participant's at once.
//!
//! A certificate's code is random, given to every participant when the results are published
//! (so an archived event, which is only read, still shows them) or the first time it is
//! shown to someone who joined since; the certificate's content is read from the event as it
//! stands, so the check page always tells the truth (a participant removed from the event
//! no longer has one).

mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod domain;
mod pages;

pub use api::*;
pub use pages::{AllCertificatesPage, CertificatePage, VerifyCertificatePage};

use serde::{Deserialize, Serialize};

/// One certificate as printed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Certificate {
    pub code: String,
    /// The check page's address, printed under the QR code.
    pub url: String,
    pub qr_svg: String,
    pub name: String,
    pub event_name: String,
    /// The event's first and last day.
    pub dates: String,
    pub team: Option<String>,
    pub project: Option<String>,
    /// In the reader's language.
    pub distinctions: Vec<String>,
}

/// Every participant's certificate, for the organizer to print.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CertificateSet {
    pub event_id: i64,
    pub event_name: String,
    pub certificates: Vec<Certificate>,
}

/// The check page's address for a code.
pub fn verify_path(code: &str) -> String {
    format!("/certificates/{code}")
}
