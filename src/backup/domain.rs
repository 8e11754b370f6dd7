//! Scheduled backups' file names, which old ones to remove, and how often to take them.

use std::time::Duration;

/// Every scheduled backup's name starts so; nothing else in the folder is ever removed.
const PREFIX: &str = "hakam-";

/// The shortest interval between scheduled backups: a copy of a large event's database takes
/// seconds, and a folder of copies a minute apart would outgrow the disk within a day.
pub const MIN_EVERY: Duration = Duration::from_secs(60);

/// `hakam-20261130-061500.db`: the UTC time it was taken, so names sort by age.
pub fn file_name(at_unix: i64, extension: &str) -> String {
    let at = chrono::DateTime::from_timestamp(at_unix, 0).unwrap_or_default();
    format!("{PREFIX}{}.{extension}", at.format("%Y%m%d-%H%M%S"))
}

/// Whether `name` is a scheduled backup with `extension`, as [`file_name`] writes them.
pub fn is_scheduled(name: &str, extension: &str) -> bool {
    let Some(stamp) = name.strip_prefix(PREFIX).and_then(|n| n.strip_suffix(extension)?.strip_suffix('.')) else {
        return false;
    };
    let bytes = stamp.as_bytes();
    bytes.len() == 15 && bytes[8] == b'-' && bytes.iter().enumerate().all(|(i, b)| i == 8 || b.is_ascii_digit())
}

/// Which of `names` to remove so the newest `keep` scheduled backups remain. Names that are
/// not scheduled backups are never chosen.
pub fn to_prune(names: &[String], extension: &str, keep: usize) -> Vec<String> {
    let mut ours: Vec<&String> = names.iter().filter(|n| is_scheduled(n, extension)).collect();
    ours.sort();
    let excess = ours.len().saturating_sub(keep);
    ours.into_iter().take(excess).cloned().collect()
}

/// `HAKAM_BACKUP_EVERY`: "15m", "1h", "1h 30m"; at least [`MIN_EVERY`].
pub fn parse_every(raw: &str) -> Result<Duration, String> {
    let every = humantime::parse_duration(raw.trim()).map_err(|e| format!("{e} (examples: 15m, 1h, 1h 30m)"))?;
    if every < MIN_EVERY {
        return Err("at least 1m".into());
    }
    Ok(every)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_the_utc_time_and_sort_by_age() {
        assert_eq!(file_name(1_796_019_300, "db"), "hakam-20261130-061500.db");
        assert!(file_name(1_796_019_300, "db") < file_name(1_796_019_301, "db"));
        assert!(is_scheduled("hakam-20261130-061500.db", "db"));
        assert!(!is_scheduled("hakam-20261130-061500.db", "dump"));
        assert!(!is_scheduled("hakam.db", "db"));
        assert!(!is_scheduled("hakam-before-restore.db", "db"));
        assert!(!is_scheduled("hakam-2026113x-061500.db", "db"));
    }

    #[test]
    fn pruning_keeps_the_newest_and_touches_nothing_else() {
        let names: Vec<String> = [
            "hakam-20261130-061500.db",
            "notes.txt",
            "hakam-20261130-060000.db",
            "hakam-20261130-063000.db",
            "hakam.db",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(to_prune(&names, "db", 2), vec!["hakam-20261130-060000.db".to_owned()]);
        assert!(to_prune(&names, "db", 3).is_empty());
        assert_eq!(to_prune(&names, "db", 0).len(), 3);
    }

    #[test]
    fn intervals_read_as_people_write_them() {
        assert_eq!(parse_every("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_every(" 1h 30m "), Ok(Duration::from_secs(5400)));
        assert!(parse_every("30s").is_err());
        assert!(parse_every("often").is_err());
    }
}
