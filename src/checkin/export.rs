//! The check-in list as CSV, for organizers.

use axum::extract::Path;
use axum::response::Response;
use tower_sessions::Session;

/// `/events/{id}/checkins.csv`: every participant, their team, whether and when they checked
/// in, and how (scanned the venue's code, or ticked by an organizer).
pub async fn checkins_csv(db: crate::db::Db, session: Session, Path(event_id): Path<i64>) -> Response {
    if let Err(res) = crate::projects::files::organizer_only(&db, &session, event_id).await {
        return res;
    }
    let people = match super::db::people(&db, event_id).await {
        Ok(people) => people,
        Err(e) => return crate::error::internal_response("check-in list not read", e),
    };
    let tz = crate::events::db::timezone(&db, event_id).await.unwrap_or(chrono_tz::UTC);
    let rows = people
        .into_iter()
        .map(|p| {
            let how = match (p.checked_at, p.checked_by) {
                (None, _) => "",
                (Some(_), None) => "code",
                (Some(_), Some(_)) => "organizer",
            };
            vec![
                p.team.unwrap_or_default(),
                p.name,
                if p.checked_at.is_some() { "yes" } else { "no" }.to_owned(),
                p.checked_at.map(|t| crate::events::domain::utc_to_display(t, tz)).unwrap_or_default(),
                how.to_owned(),
            ]
        })
        .collect();
    crate::projects::files::csv_response(
        &format!("checkins-{event_id}.csv"),
        &["team", "participant", "present", "checked_in_at", "how"],
        rows,
    )
}
