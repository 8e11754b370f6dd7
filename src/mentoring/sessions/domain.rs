//! Session rules: what makes a slot valid. Plain functions over plain data, tested without
//! a database.

use super::SLOT_MAX_MINUTES;
use crate::i18n::Msg;

/// Slots are valid when they end after they start, last at most four hours, and fall
/// within the event. Plain rule, unit-tested.
pub fn slot_error(starts: i64, ends: i64, event_starts: i64, event_ends: i64) -> Option<(&'static str, Msg)> {
    if ends <= starts {
        Some(("ends_at", Msg::ErrEndsBeforeStart))
    } else if ends - starts > SLOT_MAX_MINUTES * 60 {
        Some(("ends_at", Msg::ErrSlotTooLong))
    } else if starts < event_starts || ends > event_ends {
        Some(("starts_at", Msg::ErrWithinEvent))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_must_be_ordered_short_and_inside_the_event() {
        let (s, e) = (1_000_000, 2_000_000);
        assert_eq!(slot_error(s + 100, s + 100, s, e), Some(("ends_at", Msg::ErrEndsBeforeStart)));
        assert_eq!(slot_error(s + 100, s + 100 + 5 * 3600, s, e), Some(("ends_at", Msg::ErrSlotTooLong)));
        assert_eq!(slot_error(s - 100, s + 1000, s, e), Some(("starts_at", Msg::ErrWithinEvent)));
        assert_eq!(slot_error(s + 100, s + 1900, s, e), None);
    }
}
