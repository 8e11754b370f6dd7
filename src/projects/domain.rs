//! Submission rules: field limits, URL checks, the deadline (with per-team extensions), the
//! change list kept in the edit history, and recognising image uploads by their bytes.

use crate::error::FieldError;
use crate::events::domain::text;
use crate::i18n::Msg;
use crate::projects::ProjectInput;

pub const TITLE_MAX: usize = 120;
pub const TAGLINE_MAX: usize = 200;
pub const DESCRIPTION_MAX: usize = 10_000;
pub const URL_MAX: usize = 500;
pub const MAX_SCREENSHOTS: i64 = 6;
pub const SCREENSHOT_MAX_BYTES: usize = 2 * 1024 * 1024;

/// A project's validated text fields.
#[derive(Clone, Debug, Default)]
pub struct ValidProject {
    pub title: String,
    pub tagline: String,
    pub description: String,
    pub repo_url: String,
    pub demo_url: String,
    pub video_url: String,
    pub technologies: String,
}

/// A valid project's editable fields, in the order the history lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ProjectFields {
    pub title: String,
    pub tagline: String,
    pub description: String,
    pub track: String,
    pub repo_url: String,
    pub demo_url: String,
    pub video_url: String,
    pub technologies: String,
    pub status: String,
}

/// An absolute http(s) URL with a host, or empty. Anything else (javascript:, data:,
/// relative paths, spaces) is refused, so a stored link is always safe to render as a link.
pub fn url(errors: &mut Vec<FieldError>, field: &str, raw: &str) -> String {
    let value = raw.trim();
    if value.is_empty() {
        return String::new();
    }
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
    let ok = value.chars().count() <= URL_MAX
        && !value.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        && host.is_some_and(|h| {
            let h = h.rsplit('@').next().unwrap_or_default();
            let name = h.split(':').next().unwrap_or_default();
            !name.is_empty()
                && (name.contains('.') || name == "localhost")
                && !name.starts_with('.')
                && !name.ends_with('.')
        });
    if !ok {
        errors.push(FieldError::new(field, Msg::ErrUrl));
    }
    value.to_owned()
}

impl ProjectInput {
    /// Validates every text field at once; `technologies` is normalized to sorted tags. The
    /// track is checked against the event's tracks by the caller, which can read them.
    pub fn parse(&self) -> Result<ValidProject, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = text(&mut errors, "title", &self.title, TITLE_MAX, true);
        let tagline = text(&mut errors, "tagline", &self.tagline, TAGLINE_MAX, false);
        let description = text(&mut errors, "description", &self.description, DESCRIPTION_MAX, false);
        let repo_url = url(&mut errors, "repo_url", &self.repo_url);
        let demo_url = url(&mut errors, "demo_url", &self.demo_url);
        let video_url = url(&mut errors, "video_url", &self.video_url);
        let technologies = match crate::tags::parse(&self.technologies, crate::tags::MAX_TAGS, crate::tags::TAG_LEN) {
            Ok(t) => t.join(", "),
            Err(k) => {
                errors.push(FieldError::new("technologies", k));
                String::new()
            }
        };
        if errors.is_empty() {
            Ok(ValidProject { title, tagline, description, repo_url, demo_url, video_url, technologies })
        } else {
            Err(errors)
        }
    }
}

/// The deadline that applies to a team: the event's, or the team's extension if later.
pub fn effective_deadline(event_deadline: i64, extension: Option<i64>) -> i64 {
    extension.map_or(event_deadline, |e| e.max(event_deadline))
}

/// Edits are accepted up to and including the deadline's second.
pub fn may_edit(now: i64, event_deadline: i64, extension: Option<i64>) -> bool {
    now <= effective_deadline(event_deadline, extension)
}

/// The track a saved project takes: the one chosen on its form, else its team's. Left on
/// "no track", a project whose team chose a track would be submitted without one and miss
/// the per-track ranking. Once judging has reached the project (see `follows_team_track`) an
/// empty choice stays empty: a save does not move it to another rubric by itself.
pub fn project_track(chosen: Option<i64>, team_track: Option<i64>, in_judging: bool) -> Option<i64> {
    chosen.or(team_track.filter(|_| !in_judging))
}

/// Whether a project moves with its team when the team changes track: it does when it has
/// no track or the team's former one (taken by default, or chosen the same), and judging has
/// not reached it. A project the team deliberately put in another track stays there, and so
/// does one already assigned or scored: its track picks its rubric, and scores given against
/// one rubric are not carried to another.
pub fn follows_team_track(project_track: Option<i64>, former_team_track: Option<i64>, in_judging: bool) -> bool {
    !in_judging && (project_track.is_none() || project_track == former_team_track)
}

/// One changed field: (field, before, after).
pub type Change = (String, String, String);

/// What an edit changed, field by field, for the history.
pub fn changes(before: &ProjectFields, after: &ProjectFields) -> Vec<Change> {
    let pairs = [
        ("title", &before.title, &after.title),
        ("tagline", &before.tagline, &after.tagline),
        ("description", &before.description, &after.description),
        ("track", &before.track, &after.track),
        ("repo_url", &before.repo_url, &after.repo_url),
        ("demo_url", &before.demo_url, &after.demo_url),
        ("video_url", &before.video_url, &after.video_url),
        ("technologies", &before.technologies, &after.technologies),
        ("status", &before.status, &after.status),
    ];
    pairs.into_iter().filter(|(_, b, a)| b != a).map(|(f, b, a)| (f.to_owned(), b.clone(), a.clone())).collect()
}

/// The image type of an upload, judged by its first bytes (never by its name or the
/// browser's claim): PNG, JPEG, WebP or GIF, with the extension it is stored under.
pub fn sniff_image(bytes: &[u8]) -> Option<(&'static str, &'static str)> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(("image/png", "png"))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("image/jpeg", "jpg"))
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(("image/webp", "webp"))
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(("image/gif", "gif"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_takes_its_teams_track_unless_it_chose_another() {
        assert_eq!(project_track(None, Some(7), false), Some(7));
        assert_eq!(project_track(Some(3), Some(7), false), Some(3));
        assert_eq!(project_track(None, None, false), None);
        assert_eq!(project_track(None, Some(7), true), None);
        assert_eq!(project_track(Some(3), Some(7), true), Some(3));
        // The team moves from track 7 to another: who follows it.
        assert!(follows_team_track(None, Some(7), false));
        assert!(follows_team_track(Some(7), Some(7), false));
        assert!(follows_team_track(None, None, false));
        assert!(!follows_team_track(Some(3), Some(7), false));
        assert!(!follows_team_track(Some(3), None, false));
        // Judging reached it: its rubric stays the one it is scored against.
        assert!(!follows_team_track(None, Some(7), true));
        assert!(!follows_team_track(Some(7), Some(7), true));
    }
    use crate::events::domain::local_to_utc;
    use crate::i18n::{dates::display, Lang};

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn urls_must_be_absolute_http_or_https() {
        let mut errors = Vec::new();
        for good in ["https://github.com/atlas/app", "http://demo.example.ma:8080/x?y=1#z", ""] {
            url(&mut errors, "u", good);
        }
        assert!(errors.is_empty(), "{errors:?}");
        for bad in [
            "javascript:alert(1)",
            "ftp://x.ma",
            "https://",
            "github.com/x",
            "https://exa mple.ma",
            "https://x.ma/\"onmouseover",
            "data:text/html,x",
            "https://.ma",
        ] {
            let mut errors = Vec::new();
            url(&mut errors, "u", bad);
            assert_eq!(errors.len(), 1, "{bad} should be refused");
        }
    }

    #[test]
    fn project_fields_are_validated_together() {
        let raw = ProjectInput {
            title: " ".into(),
            repo_url: "not a url".into(),
            description: "x".repeat(10_001),
            ..Default::default()
        };
        assert_eq!(fields(&raw.parse().unwrap_err()), ["title", "description", "repo_url"]);
        let raw = ProjectInput {
            title: "منصة «مواطن»".into(),
            technologies: "Rust, Leptos,rust".into(),
            ..Default::default()
        };
        let ok = raw.parse().unwrap();
        // Kept as typed, each once whatever the case.
        assert_eq!(ok.technologies, "Rust, Leptos");
    }

    #[test]
    fn the_deadline_is_read_in_the_event_timezone_and_extensions_only_extend() {
        let tz: chrono_tz::Tz = "Africa/Casablanca".parse().unwrap();
        let deadline = local_to_utc("2026-12-06T12:00", tz).unwrap();
        assert_eq!(display(deadline, tz, Lang::Fr), "dim. 6 déc. 2026, 12:00");
        // 12:00 in Casablanca is 11:00 UTC in December.
        let utc: chrono_tz::Tz = "UTC".parse().unwrap();
        assert_eq!(display(deadline, utc, Lang::Fr), "dim. 6 déc. 2026, 11:00");
        assert!(may_edit(deadline, deadline, None));
        assert!(!may_edit(deadline + 1, deadline, None));
        assert!(may_edit(deadline + 3600, deadline, Some(deadline + 7200)));
        assert_eq!(effective_deadline(deadline, Some(deadline - 60)), deadline, "an extension never shortens");
    }

    #[test]
    fn history_lists_only_what_changed() {
        let before = ProjectFields { title: "Atlas".into(), status: "draft".into(), ..Default::default() };
        let after = ProjectFields {
            title: "Atlas".into(),
            tagline: "Open data".into(),
            status: "submitted".into(),
            ..Default::default()
        };
        assert_eq!(
            changes(&before, &after),
            vec![
                ("tagline".into(), "".into(), "Open data".into()),
                ("status".into(), "draft".into(), "submitted".into())
            ]
        );
    }

    #[test]
    fn images_are_recognised_by_their_bytes() {
        assert_eq!(sniff_image(b"\x89PNG\r\n\x1a\n...."), Some(("image/png", "png")));
        assert_eq!(sniff_image(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(("image/jpeg", "jpg")));
        assert_eq!(sniff_image(b"RIFF\0\0\0\0WEBPVP8 "), Some(("image/webp", "webp")));
        assert_eq!(sniff_image(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff_image(b"#!/bin/sh\n"), None);
    }
}
