//! Dates and times as a reader reads them: in the event's time zone, with weekday and month
//! names in the reader's language, from chrono's locale tables (glibc's).
//!
//! - English (`en_GB`): `Fri 4 Dec 2026, 09:00`.
//! - French (`fr_FR`): `ven. 4 déc. 2026, 09:00`.
//! - Arabic (`ar_MA`): `الجمعة 4 دجنبر 2026، 09:00`. The Moroccan month names (ماي, يوليوز,
//!   غشت, شتنبر, نونبر, دجنبر) are the ones readers here use; the weekday is written in full
//!   because `ar_MA`'s short weekdays are single letters. Digits stay 0–9, as in Morocco.
//!
//! Only for people: CSV exports keep `events::domain::utc_to_display` and form inputs
//! `utc_to_local_input`, which programs read back.

use super::Lang;
use chrono::{Locale, TimeZone};
use chrono_tz::Tz;

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Ar => Locale::ar_MA,
        Lang::Fr => Locale::fr_FR,
        Lang::En => Locale::en_GB,
    }
}

fn date_pattern(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "%A %-d %B %Y",
        Lang::Fr | Lang::En => "%a %-d %b %Y",
    }
}

/// Between the date and the time: Arabic takes its own comma.
fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "، ",
        Lang::Fr | Lang::En => ", ",
    }
}

fn local(ts: i64, tz: Tz) -> Option<chrono::DateTime<Tz>> {
    tz.timestamp_opt(ts, 0).single()
}

fn date(at: &chrono::DateTime<Tz>, lang: Lang) -> String {
    at.format_localized(date_pattern(lang), locale(lang)).to_string()
}

/// An instant (UTC unix seconds) as a date and time in `tz`, in `lang`.
pub fn display(ts: i64, tz: Tz, lang: Lang) -> String {
    local(ts, tz).map(|at| format!("{}{}{}", date(&at, lang), separator(lang), at.format("%H:%M"))).unwrap_or_default()
}

/// The day of an instant in `tz`, in `lang`, without the time.
pub fn day(ts: i64, tz: Tz, lang: Lang) -> String {
    local(ts, tz).map(|at| date(&at, lang)).unwrap_or_default()
}

/// The end of a span that starts at `starts`: only the time when it ends the same day in
/// `tz`, the full date and time otherwise.
pub fn until(starts: i64, ends: i64, tz: Tz, lang: Lang) -> String {
    match (local(starts, tz), local(ends, tz)) {
        (Some(s), Some(e)) if s.date_naive() == e.date_naive() => e.format("%H:%M").to_string(),
        _ => display(ends, tz, lang),
    }
}

/// `display` in the language of the request being served: for server functions, which
/// format their dates before the page does.
pub fn for_reader(ts: i64, tz: Tz) -> String {
    display(ts, tz, super::request::request_lang())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn casablanca() -> Tz {
        "Africa/Casablanca".parse().unwrap()
    }

    /// 2026-12-04 08:00 UTC, a Friday: 09:00 in Casablanca (UTC+1 outside Ramadan).
    const FRIDAY_MORNING: i64 = 1796371200;

    #[test]
    fn english_french_and_arabic_name_the_weekday_and_month() {
        let tz = casablanca();
        assert_eq!(display(FRIDAY_MORNING, tz, Lang::En), "Fri 4 Dec 2026, 09:00");
        assert_eq!(display(FRIDAY_MORNING, tz, Lang::Fr), "ven. 4 déc. 2026, 09:00");
        assert_eq!(display(FRIDAY_MORNING, tz, Lang::Ar), "الجمعة 4 دجنبر 2026، 09:00");
    }

    #[test]
    fn arabic_uses_the_moroccan_month_names_and_western_digits() {
        let tz = casablanca();
        let day = 86_400;
        // 2026-05-15, 2026-07-15, 2026-08-15 and 2026-09-15, 09:00 local.
        let may = FRIDAY_MORNING - 203 * day;
        assert_eq!(display(may, tz, Lang::Ar), "الجمعة 15 ماي 2026، 09:00");
        assert_eq!(display(may + 61 * day, tz, Lang::Ar), "الأربعاء 15 يوليوز 2026، 09:00");
        assert_eq!(display(may + 92 * day, tz, Lang::Ar), "السبت 15 غشت 2026، 09:00");
        assert_eq!(display(may + 123 * day, tz, Lang::Ar), "الثلاثاء 15 شتنبر 2026، 09:00");
        assert!(!display(may, tz, Lang::Ar).chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c)));
    }

    #[test]
    fn the_same_instant_reads_in_the_event_time_zone() {
        assert_eq!(display(FRIDAY_MORNING, chrono_tz::UTC, Lang::Fr), "ven. 4 déc. 2026, 08:00");
        assert_eq!(display(FRIDAY_MORNING, casablanca(), Lang::Fr), "ven. 4 déc. 2026, 09:00");
        // Just before midnight UTC is already the next day in Casablanca.
        let late = FRIDAY_MORNING + 15 * 3600 + 30 * 60;
        assert_eq!(display(late, chrono_tz::UTC, Lang::En), "Fri 4 Dec 2026, 23:30");
        assert_eq!(display(late, casablanca(), Lang::En), "Sat 5 Dec 2026, 00:30");
    }

    #[test]
    fn a_span_within_one_day_ends_with_its_time_only() {
        let tz = casablanca();
        assert_eq!(until(FRIDAY_MORNING, FRIDAY_MORNING + 1800, tz, Lang::Ar), "09:30");
        assert_eq!(until(FRIDAY_MORNING, FRIDAY_MORNING + 86_400, tz, Lang::En), "Sat 5 Dec 2026, 09:00");
    }

    #[test]
    fn outside_a_request_the_default_language_is_used() {
        assert_eq!(for_reader(FRIDAY_MORNING, casablanca()), "Fri 4 Dec 2026, 09:00");
    }
}
