//! Event rules: what makes an event's details and schedule valid. Plain functions over plain
//! data, so they are tested without a database.

use super::EventInput;
use crate::error::FieldError;
use crate::i18n::{args, Localized, Msg};
use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;

/// A valid event: times are UTC unix seconds.
#[derive(Clone, Debug, PartialEq, serde::Serialize, sqlx::FromRow)]
pub struct Event {
    pub name: String,
    /// Read from its three columns by `db::EventRow`, not by this row type.
    #[sqlx(skip)]
    pub description: Localized,
    pub venue: String,
    pub timezone: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub team_min: i64,
    pub team_max: i64,
    pub registration_opens: i64,
    pub registration_closes: i64,
    pub hacking_starts: i64,
    pub submission_deadline: i64,
    pub judging_opens: i64,
    pub judging_closes: i64,
    pub results_at: i64,
}

pub const NAME_MAX: usize = 120;
pub const DESCRIPTION_MAX: usize = 5000;
pub const VENUE_MAX: usize = 200;
pub const TEAM_SIZE_LIMIT: i64 = 20;
pub const TRACK_NAME_MAX: usize = 80;
pub const TRACK_DESCRIPTION_MAX: usize = 1000;

/// Trims and bounds a text; `required` refuses an empty one.
pub fn text(errors: &mut Vec<FieldError>, field: &str, raw: &str, max: usize, required: bool) -> String {
    let value = raw.trim().replace("\r\n", "\n");
    if required && value.is_empty() {
        errors.push(FieldError::new(field, Msg::ErrRequired));
    } else if value.chars().count() > max {
        errors.push(FieldError::with(field, args::ErrTooLongMax { count: max }));
    } else if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        errors.push(FieldError::new(field, Msg::ErrInvalidCharacters));
    }
    value
}

pub fn parse_timezone(raw: &str) -> Option<Tz> {
    raw.trim().parse::<Tz>().ok()
}

/// Every zone name `parse_timezone` accepts, Morocco's first: the time-zone field's suggestions.
pub fn timezone_names() -> Vec<&'static str> {
    let morocco = Tz::Africa__Casablanca;
    std::iter::once(morocco)
        .chain(chrono_tz::TZ_VARIANTS.iter().copied().filter(|z| *z != morocco))
        .map(|z| z.name())
        .collect()
}

/// A stored time zone name; UTC if it is somehow unknown (every stored name was parsed).
pub fn timezone_or_utc(name: &str) -> Tz {
    parse_timezone(name).unwrap_or(chrono_tz::UTC)
}

/// A `datetime-local` value (`2026-12-05T09:00`) read as wall-clock time in `tz`.
/// In a DST gap or overlap the earliest valid instant is taken.
pub fn local_to_utc(raw: &str, tz: Tz) -> Option<i64> {
    let raw = raw.trim();
    let naive = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M"))
        .ok()?;
    tz.from_local_datetime(&naive).earliest().map(|dt| dt.timestamp())
}

/// An optional `datetime-local` value: empty means none; anything else must be a valid time.
pub fn optional_local(raw: &str, tz: Tz, field: &str) -> Result<Option<i64>, crate::error::AppError> {
    match raw.trim() {
        "" => Ok(None),
        value => {
            local_to_utc(value, tz).map(Some).ok_or_else(|| crate::error::AppError::field(field, Msg::ErrDateTime))
        }
    }
}

/// The inverse, for filling a `datetime-local` input.
pub fn utc_to_local_input(ts: i64, tz: Tz) -> String {
    tz.timestamp_opt(ts, 0).single().map(|dt| dt.format("%Y-%m-%dT%H:%M").to_string()).unwrap_or_default()
}

/// A time in the event's timezone as programs read it (`2026-12-05 09:00`): for CSV exports.
/// People read `crate::i18n::dates::display`, in their language.
pub fn utc_to_display(ts: i64, tz: Tz) -> String {
    tz.timestamp_opt(ts, 0).single().map(|dt| dt.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default()
}

impl Event {
    /// The typed form, made a valid event, or every field's error at once.
    pub fn parse(form: &EventInput) -> Result<Event, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = text(&mut errors, "name", &form.name, NAME_MAX, true);
        let description = Localized::parse(
            &mut errors,
            "description",
            [&form.description_ar, &form.description_fr, &form.description_en],
            DESCRIPTION_MAX,
            false,
        );
        let venue = text(&mut errors, "venue", &form.venue, VENUE_MAX, false);
        let tz = parse_timezone(&form.timezone);
        if tz.is_none() {
            errors.push(FieldError::new("timezone", Msg::ErrTimezone));
        }
        let size = |errors: &mut Vec<FieldError>, field: &str, raw: &str| -> i64 {
            match raw.trim().parse::<i64>() {
                Ok(n) if (1..=TEAM_SIZE_LIMIT).contains(&n) => n,
                _ => {
                    errors.push(FieldError::with(field, args::ErrTeamSizeRange { max: TEAM_SIZE_LIMIT }));
                    0
                }
            }
        };
        let team_min = size(&mut errors, "team_min", &form.team_min);
        let team_max = size(&mut errors, "team_max", &form.team_max);
        if team_min > 0 && team_max > 0 && team_min > team_max {
            errors.push(FieldError::new("team_max", Msg::ErrTeamMaxBelowMin));
        }
        let fields: [(&str, &str); 9] = [
            ("starts_at", &form.starts_at),
            ("ends_at", &form.ends_at),
            ("registration_opens", &form.registration_opens),
            ("registration_closes", &form.registration_closes),
            ("hacking_starts", &form.hacking_starts),
            ("submission_deadline", &form.submission_deadline),
            ("judging_opens", &form.judging_opens),
            ("judging_closes", &form.judging_closes),
            ("results_at", &form.results_at),
        ];
        let mut times = [0i64; 9];
        for (i, (field, raw)) in fields.iter().enumerate() {
            match tz.and_then(|tz| local_to_utc(raw, tz)) {
                Some(ts) => times[i] = ts,
                None if raw.trim().is_empty() => errors.push(FieldError::new(field, Msg::ErrRequired)),
                None if tz.is_some() => errors.push(FieldError::new(field, Msg::ErrDateTime)),
                None => {}
            }
        }
        let [starts_at, ends_at, registration_opens, registration_closes, hacking_starts, submission_deadline, judging_opens, judging_closes, results_at] =
            times;
        if errors.is_empty() {
            // Each pair: the later field must not come before the earlier one.
            let order: [(&str, i64, i64, Msg); 7] = [
                ("ends_at", starts_at, ends_at, Msg::ErrEndsBeforeStart),
                ("registration_closes", registration_opens, registration_closes, Msg::ErrAfterRegistrationOpens),
                ("hacking_starts", registration_opens, hacking_starts, Msg::ErrAfterRegistrationOpens),
                ("submission_deadline", hacking_starts, submission_deadline, Msg::ErrAfterHackingStarts),
                ("judging_opens", submission_deadline, judging_opens, Msg::ErrAfterSubmissionDeadline),
                ("judging_closes", judging_opens, judging_closes, Msg::ErrAfterJudgingOpens),
                ("results_at", judging_closes, results_at, Msg::ErrAfterJudgingCloses),
            ];
            for (field, earlier, later, key) in order {
                if later < earlier && !errors.iter().any(|e: &FieldError| e.field == field) {
                    errors.push(FieldError::new(field, key));
                }
            }
            if hacking_starts < starts_at {
                errors.push(FieldError::new("hacking_starts", Msg::ErrWithinEvent));
            }
            if submission_deadline > ends_at {
                errors.push(FieldError::new("submission_deadline", Msg::ErrWithinEvent));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Event {
            name,
            description,
            venue,
            timezone: tz.map(|t| t.name().to_owned()).unwrap_or_default(),
            starts_at,
            ends_at,
            team_min,
            team_max,
            registration_opens,
            registration_closes,
            hacking_starts,
            submission_deadline,
            judging_opens,
            judging_closes,
            results_at,
        })
    }
}

/// Which phase an event is in at `now`, for display and for phase checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    BeforeRegistration,
    Registration,
    Hacking,
    Judging,
    Deliberation,
    Results,
}

pub fn phase_at(e: &Event, now: i64) -> Phase {
    if now >= e.results_at {
        Phase::Results
    } else if now >= e.judging_closes {
        Phase::Deliberation
    } else if now >= e.judging_opens {
        Phase::Judging
    } else if now >= e.hacking_starts {
        Phase::Hacking
    } else if now >= e.registration_opens {
        Phase::Registration
    } else {
        Phase::BeforeRegistration
    }
}

/// Participants may join while registration is open.
pub fn registration_open(registration_opens: i64, registration_closes: i64, now: i64) -> bool {
    (registration_opens..=registration_closes).contains(&now)
}

/// The roles a person may not hold together with `role` in one event unless an organizer
/// allowed it: judging excludes taking part and mentoring (a judge who is also a participant
/// reads the team board that blind judging hides; a mentor would judge teams they coached).
pub fn clashing_roles(role: crate::auth::Role) -> &'static [crate::auth::Role] {
    use crate::auth::Role;
    match role {
        Role::Judge => &[Role::Participant, Role::Mentor],
        Role::Participant | Role::Mentor => &[Role::Judge],
        Role::Organizer => &[],
    }
}

/// Whether an organizer may archive the event now: once its results are due, or earlier when
/// they confirm the event is over (the form's `confirm` box), so a stray click in the middle
/// of the event does not freeze it.
pub fn may_archive(results_at: i64, now: i64, confirmed: bool) -> Result<(), FieldError> {
    if now >= results_at || confirmed {
        Ok(())
    } else {
        Err(FieldError::new("confirm", Msg::ErrArchiveBeforeResults))
    }
}

/// Whether the whole event was downloaded since it was archived: only such an export holds
/// everything the deletion removes (nothing can change once archived). Archiving clears the
/// export time as well, so an export taken in the same second before archiving never counts.
pub fn exported_since_archived(archived_at: Option<i64>, exported_at: Option<i64>) -> bool {
    matches!((archived_at, exported_at), (Some(archived), Some(exported)) if exported >= archived)
}

/// The typed confirmation names the event: the same text once surrounding spaces are trimmed
/// and runs of spaces inside are read as one (what a person retyping a name may change).
pub fn names_the_event(name: &str, typed: &str) -> bool {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    !typed.trim().is_empty() && words(name) == words(typed)
}

/// Whether an organizer may delete the event: it is archived, the whole event was downloaded
/// since, and they typed its name. Refusals are checked in that order.
pub fn may_delete(
    archived_at: Option<i64>,
    exported_at: Option<i64>,
    name: &str,
    typed: &str,
) -> Result<(), crate::error::AppError> {
    use crate::error::AppError;
    if archived_at.is_none() {
        return Err(AppError::Conflict(Msg::ErrEventNotArchived));
    }
    if !exported_since_archived(archived_at, exported_at) {
        return Err(AppError::Conflict(Msg::ErrDeleteExportFirst));
    }
    if !names_the_event(name, typed) {
        return Err(AppError::field("confirm_name", Msg::ErrDeleteNameMismatch));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judging_excludes_taking_part_and_mentoring() {
        use crate::auth::Role;
        assert_eq!(clashing_roles(Role::Judge), [Role::Participant, Role::Mentor]);
        assert_eq!(clashing_roles(Role::Participant), [Role::Judge]);
        assert_eq!(clashing_roles(Role::Mentor), [Role::Judge]);
        assert!(clashing_roles(Role::Organizer).is_empty(), "organizers may also judge or mentor");
        // The rule is symmetric.
        for a in Role::ALL {
            for b in clashing_roles(a) {
                assert!(clashing_roles(*b).contains(&a), "{a:?} / {b:?}");
            }
        }
    }

    fn valid() -> EventInput {
        EventInput {
            name: "هاكاثون بركان الرقمي".into(),
            description_fr: "Le numérique au service du citoyen".into(),
            venue: "Berkane".into(),
            timezone: "Africa/Casablanca".into(),
            starts_at: "2026-12-04T09:00".into(),
            ends_at: "2026-12-06T20:00".into(),
            team_min: "2".into(),
            team_max: "5".into(),
            registration_opens: "2026-11-20T09:00".into(),
            registration_closes: "2026-12-04T12:00".into(),
            hacking_starts: "2026-12-04T14:00".into(),
            submission_deadline: "2026-12-06T12:00".into(),
            judging_opens: "2026-12-06T13:00".into(),
            judging_closes: "2026-12-06T17:00".into(),
            results_at: "2026-12-06T18:00".into(),
            ..Default::default()
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_valid_event_converts_local_times_to_utc() {
        let e = Event::parse(&valid()).unwrap();
        // Morocco is UTC+1 (outside Ramadan); 09:00 local is 08:00 UTC on 2026-12-04.
        assert_eq!(e.starts_at, 1796371200);
        let morocco = "Africa/Casablanca".parse().unwrap();
        assert_eq!(crate::i18n::dates::display(e.starts_at, morocco, crate::i18n::Lang::En), "Fri 4 Dec 2026, 09:00");
        // CSV exports keep the form spreadsheets read.
        assert_eq!(utc_to_display(e.starts_at, morocco), "2026-12-04 09:00");
        assert_eq!(e.team_min, 2);
    }

    #[test]
    fn team_min_must_not_exceed_max() {
        let mut raw = valid();
        raw.team_min = "6".into();
        assert_eq!(fields(&Event::parse(&raw).unwrap_err()), ["team_max"]);
        raw.team_min = "zero".into();
        raw.team_max = "0".into();
        assert_eq!(fields(&Event::parse(&raw).unwrap_err()), ["team_min", "team_max"]);
    }

    #[test]
    fn phases_must_be_in_order() {
        let mut raw = valid();
        raw.judging_opens = "2026-12-06T11:00".into();
        assert_eq!(fields(&Event::parse(&raw).unwrap_err()), ["judging_opens"]);
        let mut raw = valid();
        raw.ends_at = "2026-12-03T09:00".into();
        let errors = Event::parse(&raw).unwrap_err();
        assert!(fields(&errors).contains(&"ends_at"));
    }

    #[test]
    fn unknown_timezone_and_bad_dates_are_reported_per_field() {
        let mut raw = valid();
        raw.timezone = "Mars/Olympus".into();
        assert_eq!(fields(&Event::parse(&raw).unwrap_err()), ["timezone"]);
        let mut raw = valid();
        raw.results_at = "tomorrow".into();
        raw.name = "  ".into();
        assert_eq!(fields(&Event::parse(&raw).unwrap_err()), ["name", "results_at"]);
    }

    #[test]
    fn every_suggested_timezone_is_accepted_and_morocco_comes_first() {
        let names = timezone_names();
        assert_eq!(names[0], "Africa/Casablanca");
        assert_eq!(names.iter().filter(|n| **n == "Africa/Casablanca").count(), 1);
        assert!(names.len() > 400 && names.contains(&"Europe/Paris") && names.contains(&"UTC"));
        assert!(names.iter().all(|n| parse_timezone(n).is_some()), "a suggestion the form would refuse");
    }

    #[test]
    fn phase_follows_the_schedule() {
        let e = Event::parse(&valid()).unwrap();
        assert_eq!(phase_at(&e, e.registration_opens - 1), Phase::BeforeRegistration);
        assert_eq!(phase_at(&e, e.hacking_starts), Phase::Hacking);
        assert_eq!(phase_at(&e, e.judging_opens + 1), Phase::Judging);
        assert_eq!(phase_at(&e, e.results_at), Phase::Results);
        assert!(registration_open(e.registration_opens, e.registration_closes, e.registration_closes));
        assert!(!registration_open(e.registration_opens, e.registration_closes, e.registration_closes + 1));
    }

    #[test]
    fn an_event_is_archived_after_its_results_or_when_the_organizer_confirms() {
        let results = 1_800_000_000;
        assert_eq!(may_archive(results, results, false), Ok(()));
        assert_eq!(may_archive(results, results + 86_400, false), Ok(()));
        let early = may_archive(results, results - 1, false).unwrap_err();
        assert_eq!((early.field.as_str(), early.msg), ("confirm", Msg::ErrArchiveBeforeResults));
        assert_eq!(may_archive(results, results - 86_400, true), Ok(()));
    }

    #[test]
    fn only_an_export_taken_since_archiving_counts() {
        assert!(!exported_since_archived(None, None));
        assert!(!exported_since_archived(None, Some(100)), "not archived");
        assert!(!exported_since_archived(Some(100), None), "never exported since");
        assert!(!exported_since_archived(Some(100), Some(99)), "exported before archiving");
        assert!(exported_since_archived(Some(100), Some(100)));
        assert!(exported_since_archived(Some(100), Some(250)));
    }

    #[test]
    fn the_typed_name_must_be_the_event_s() {
        assert!(names_the_event("هاكاثون بركان", "هاكاثون بركان"));
        assert!(names_the_event("Hackathon  Berkane", "  Hackathon Berkane "));
        assert!(!names_the_event("Hackathon Berkane", "hackathon berkane"), "case counts");
        assert!(!names_the_event("Hackathon Berkane", "Hackathon"));
        assert!(!names_the_event("   ", "   "), "an empty confirmation confirms nothing");
    }

    #[test]
    fn deletion_needs_an_archived_exported_event_and_its_name() {
        use crate::error::AppError;
        let name = "Hackathon Berkane";
        assert_eq!(may_delete(None, Some(200), name, name), Err(AppError::Conflict(Msg::ErrEventNotArchived)));
        assert_eq!(may_delete(Some(100), None, name, name), Err(AppError::Conflict(Msg::ErrDeleteExportFirst)));
        assert_eq!(may_delete(Some(100), Some(50), name, name), Err(AppError::Conflict(Msg::ErrDeleteExportFirst)));
        let wrong = may_delete(Some(100), Some(200), name, "Bootcamp").unwrap_err();
        assert_eq!(wrong, AppError::field("confirm_name", Msg::ErrDeleteNameMismatch));
        assert_eq!(wrong.http_status(), 422);
        assert_eq!(may_delete(Some(100), Some(200), name, name), Ok(()));
    }
}
