//! Rooms' floor plans: an image per room, uploaded by an organizer (recognised as an image by
//! its bytes, size capped while it streams in) and stored in the database like screenshots, so
//! every instance serves it and a backup holds it. Served to the event's organizers and judges
//! with its stored content type, `nosniff` and a sandboxing CSP: never a page or a script.

use super::PLAN_FIELD;
use crate::auth::{gate, Role};
use crate::db::Db;
use crate::error::{AppError, AppResult, FieldError};
use crate::i18n::{args, Msg};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use leptos::server_fn::codec::MultipartData;
use serde_json::json;
use tower_sessions::Session;

/// The largest floor plan taken (a phone photo of a printed plan, or an exported drawing),
/// under the 4 MiB every request body is held to.
pub const PLAN_MAX_BYTES: usize = 3 * 1024 * 1024;

fn too_large() -> AppError {
    AppError::Invalid(vec![FieldError::with(PLAN_FIELD, args::ErrUploadTooLarge { size: "3 MB" })])
}

/// `rooms/plan` (multipart: `event_id`, `room_id`, `plan`): sets a room's floor plan.
pub async fn upload(data: MultipartData) -> AppResult<()> {
    // Anonymous callers are refused before their body is read.
    gate::signed_in().await?;
    let bad = || AppError::field("form", Msg::ErrBadRequest);
    let mut multipart = data.into_inner().ok_or_else(|| AppError::missing("multipart body missing on the server"))?;
    let (mut event_id, mut room_id, mut file): (Option<i64>, Option<i64>, Option<Vec<u8>>) = (None, None, None);
    while let Some(mut field) = multipart.next_field().await.map_err(|_| bad())? {
        let name = field.name().map(str::to_owned);
        match name.as_deref() {
            Some(which @ ("event_id" | "room_id")) => {
                let value = field.text().await.map_err(|_| bad())?.trim().parse().ok();
                if which == "event_id" {
                    event_id = value;
                } else {
                    room_id = value;
                }
            }
            Some(PLAN_FIELD) => {
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|_| too_large())? {
                    if bytes.len() + chunk.len() > PLAN_MAX_BYTES {
                        return Err(too_large());
                    }
                    bytes.extend_from_slice(&chunk);
                }
                file = Some(bytes);
            }
            _ => {}
        }
    }
    let (event_id, room_id) = event_id.zip(room_id).ok_or_else(bad)?;
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let bytes = file.filter(|b| !b.is_empty()).ok_or_else(|| AppError::field(PLAN_FIELD, Msg::ErrRequired))?;
    let (content_type, _) =
        crate::projects::domain::sniff_image(&bytes).ok_or_else(|| AppError::field(PLAN_FIELD, Msg::ErrNotAnImage))?;
    let mut tx = access.db().begin_write().await?;
    // Only a room of this event: another event's is not found.
    super::db::before(&mut tx, event_id, room_id).await?.ok_or(AppError::NotFound)?;
    super::db::set_plan(&mut tx, room_id, Some((content_type, &bytes))).await?;
    crate::db::audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "room.plan_set",
        None,
        Some(json!({ "room": room_id, "type": content_type, "bytes": bytes.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// `GET /events/{id}/rooms/{room}/plan`: the room's floor plan, for the event's organizers
/// and judges (who find their way with it); 404 for a room of another event or without one.
pub async fn serve(db: Db, session: Session, Path((event_id, room_id)): Path<(i64, i64)>) -> Response {
    let Ok(Some(who)) = gate::identify(&db, &session).await else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    match who.roles_in(&db, event_id).await {
        Ok(roles) if roles.iter().any(|r| matches!(r, Role::Organizer | Role::Judge)) => {}
        Ok(_) => return StatusCode::FORBIDDEN.into_response(),
        Err(AppError::NotFound) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return crate::error::internal_response("roles not read for a floor plan", e),
    }
    let (content_type, bytes) = match super::db::plan(&db, event_id, room_id).await {
        Ok(Some(super::db::PlanRow { plan_type: Some(t), plan_data: Some(b) })) => (t, b),
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => return crate::error::internal_response("floor plan not read", e),
    };
    // A new plan may replace it at any time: checked again on each view.
    crate::projects::files::inert_image(&content_type, bytes, "private, no-cache")
}
