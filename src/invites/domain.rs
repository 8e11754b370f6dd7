//! Invite rules: what makes a new invite's terms valid. Plain functions over plain data,
//! tested without a database.

use super::{MAX_USES_LIMIT, VALID_DAYS_LIMIT};
use crate::auth::Role;
use crate::error::{AppError, FieldError};
use crate::i18n::{args, Msg};

/// The invite form's role, label, use limit and validity in days, checked together: every
/// field's error at once.
pub fn parse_new(
    role: &str,
    label: &str,
    max_uses: &str,
    valid_days: &str,
) -> Result<(Role, String, i64, i64), AppError> {
    let mut errors = Vec::new();
    let role = Role::from_code(role);
    if role.is_none() {
        errors.push(FieldError::new("role", Msg::ErrRequired));
    }
    let label = crate::events::domain::text(&mut errors, "label", label, 80, false);
    let max_uses = match max_uses.trim().parse::<i64>() {
        Ok(n) if (1..=MAX_USES_LIMIT).contains(&n) => n,
        _ => {
            errors.push(FieldError::with("max_uses", args::ErrNumberRange { range: format!("1–{MAX_USES_LIMIT}") }));
            0
        }
    };
    let days = match valid_days.trim().parse::<i64>() {
        Ok(n) if (1..=VALID_DAYS_LIMIT).contains(&n) => n,
        _ => {
            errors
                .push(FieldError::with("valid_days", args::ErrNumberRange { range: format!("1–{VALID_DAYS_LIMIT}") }));
            0
        }
    };
    match role {
        Some(role) if errors.is_empty() => Ok((role, label, max_uses, days)),
        _ => Err(AppError::Invalid(errors)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(err: AppError) -> Vec<String> {
        match err {
            AppError::Invalid(errors) => errors.into_iter().map(|e| e.field).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn valid_terms_are_trimmed_and_read() {
        let (role, label, uses, days) = parse_new("judge", "  Jury table 3 ", " 5", "14").unwrap();
        assert_eq!((role, label.as_str(), uses, days), (Role::Judge, "Jury table 3", 5, 14));
    }

    #[test]
    fn every_bad_field_is_reported() {
        assert_eq!(fields(parse_new("janitor", "", "0", "91").unwrap_err()), ["role", "max_uses", "valid_days"]);
        assert_eq!(fields(parse_new("mentor", "", "1001", "x").unwrap_err()), ["max_uses", "valid_days"]);
        assert!(parse_new("mentor", "", &MAX_USES_LIMIT.to_string(), &VALID_DAYS_LIMIT.to_string()).is_ok());
    }
}
