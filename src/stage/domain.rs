//! The pitch timer's rules: the timer is running towards an end time, or stopped with some
//! time left. Every screen counts down from the same end time, set by the server's clock,
//! so the projector, the desks and the console agree to the second.

use crate::error::FieldError;
use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

/// Shortest and longest pitch the timer takes, in seconds.
pub const PITCH_MIN: i64 = 30;
pub const PITCH_MAX: i64 = 60 * 60;

/// The timer as stored: the pitch's length, and either the end time it runs towards or
/// the time left where it stopped (none: the whole pitch).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub pitch_ms: i64,
    /// Milliseconds since the epoch (server clock) at which the pitch time is up.
    pub ends_at: Option<i64>,
    pub left_ms: Option<i64>,
}

/// What an organizer does with the timer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tap {
    Start,
    Pause,
    Reset,
}

impl Tap {
    pub fn from_code(code: &str) -> Option<Tap> {
        match code {
            "start" => Some(Tap::Start),
            "pause" => Some(Tap::Pause),
            "reset" => Some(Tap::Reset),
            _ => None,
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Tap::Start => "start",
            Tap::Pause => "pause",
            Tap::Reset => "reset",
        }
    }
}

impl Clock {
    /// A whole pitch, not started.
    pub fn ready(pitch_seconds: i64) -> Clock {
        Clock { pitch_ms: pitch_seconds * 1000, ends_at: None, left_ms: None }
    }

    pub fn running(&self) -> bool {
        self.ends_at.is_some()
    }

    /// Time left at `now` (ms); below zero once the pitch runs over.
    pub fn left(&self, now_ms: i64) -> i64 {
        match self.ends_at {
            Some(end) => end - now_ms,
            None => self.left_ms.unwrap_or(self.pitch_ms),
        }
    }

    /// The timer after a tap at `now`. Taps are idempotent: starting a running timer or
    /// pausing a stopped one changes nothing, so two organizers tapping at once, or a tap
    /// sent twice, never jump the time.
    pub fn tap(&self, tap: Tap, now_ms: i64) -> Clock {
        match tap {
            Tap::Start if !self.running() => {
                Clock { ends_at: Some(now_ms + self.left(now_ms)), left_ms: None, ..*self }
            }
            Tap::Pause if self.running() => Clock { ends_at: None, left_ms: Some(self.left(now_ms)), ..*self },
            Tap::Reset => Clock::ready(self.pitch_ms / 1000),
            _ => *self,
        }
    }
}

/// The pitch length as typed: whole minutes ("5") or minutes and seconds ("4:30").
pub fn parse_length(text: &str) -> Result<i64, FieldError> {
    let text = text.trim();
    let err = |key| FieldError::new("length", key);
    if text.is_empty() {
        return Err(err(Msg::ErrRequired));
    }
    let (m, s) = text.split_once(':').unwrap_or((text, "0"));
    let number = |t: &str| t.trim().parse::<i64>().ok().filter(|n| *n >= 0);
    let seconds = match (number(m), number(s)) {
        (Some(m), Some(s)) if s < 60 && m <= PITCH_MAX / 60 => m * 60 + s,
        _ => return Err(err(Msg::ErrPitchLength)),
    };
    if !(PITCH_MIN..=PITCH_MAX).contains(&seconds) {
        return Err(err(Msg::ErrPitchLength));
    }
    Ok(seconds)
}

/// A pitch length as the form shows it back: "5" or "4:30".
pub fn length_text(seconds: i64) -> String {
    match seconds % 60 {
        0 => (seconds / 60).to_string(),
        s => format!("{}:{s:02}", seconds / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timer_counts_down_from_where_it_stopped() {
        let c = Clock::ready(300);
        assert_eq!(c.left(0), 300_000);
        let run = c.tap(Tap::Start, 1_000);
        assert_eq!(run.ends_at, Some(301_000));
        assert_eq!(run.left(61_000), 240_000);
        let paused = run.tap(Tap::Pause, 61_000);
        assert_eq!((paused.ends_at, paused.left_ms), (None, Some(240_000)));
        // Time passing while stopped takes nothing off.
        assert_eq!(paused.left(500_000), 240_000);
        let again = paused.tap(Tap::Start, 500_000);
        assert_eq!(again.ends_at, Some(740_000));
    }

    #[test]
    fn taps_twice_change_nothing_more() {
        let run = Clock::ready(60).tap(Tap::Start, 0);
        assert_eq!(run.tap(Tap::Start, 10_000), run);
        let paused = run.tap(Tap::Pause, 10_000);
        assert_eq!(paused.tap(Tap::Pause, 20_000), paused);
    }

    #[test]
    fn an_overrun_goes_below_zero_and_reset_gives_the_whole_pitch_back() {
        let run = Clock::ready(60).tap(Tap::Start, 0);
        assert_eq!(run.left(75_000), -15_000);
        assert_eq!(run.tap(Tap::Pause, 75_000).left(0), -15_000);
        assert_eq!(run.tap(Tap::Reset, 75_000), Clock::ready(60));
    }

    #[test]
    fn lengths_are_minutes_or_minutes_and_seconds_within_bounds() {
        assert_eq!(parse_length("5"), Ok(300));
        assert_eq!(parse_length(" 4:30 "), Ok(270));
        assert_eq!(parse_length("0:30"), Ok(30));
        assert_eq!(parse_length("60"), Ok(3600));
        for bad in ["", "0:29", "61", "4:60", "-1", "x", "4:3x", "1:-5"] {
            assert!(parse_length(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_length("").unwrap_err().msg, Msg::ErrRequired);
        assert_eq!(length_text(300), "5");
        assert_eq!(length_text(270), "4:30");
        assert_eq!(length_text(65), "1:05");
    }
}
