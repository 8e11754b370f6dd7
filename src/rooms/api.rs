//! Rooms' server functions: the organizer's page, rooms added, changed and removed, projects
//! placed by hand or automatically, and the map. Organizers only.

use super::*;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[cfg(feature = "ssr")]
use {
    crate::auth::{gate, Role},
    crate::db::audit,
    crate::error::FieldError,
    crate::i18n::{args, Msg},
    crate::judging::project_code,
    serde_json::json,
};

/// The rooms in walking order and every submitted project with its place.
#[server(prefix = "/api", endpoint = "rooms/console")]
pub async fn rooms_console(event_id: i64) -> Result<RoomsData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let rooms = db::rooms(db, event_id)
        .await?
        .into_iter()
        .map(|r| Room {
            plan: (r.has_plan == 1).then(|| plan_url(event_id, r.id)),
            id: r.id,
            name: r.name,
            capacity: r.capacity,
            placed: r.placed,
        })
        .collect();
    let projects = db::projects(db, event_id, crate::i18n::request::request_lang())
        .await?
        .into_iter()
        .map(|p| PlacedProject {
            project_id: p.id,
            code: project_code(p.id),
            title: p.title,
            team: p.team,
            track: p.track,
            room_id: p.room_id,
            table_label: p.table_label,
        })
        .collect();
    Ok(RoomsData {
        event_id,
        event_name: crate::events::db::name(db, event_id).await?.unwrap_or_default(),
        rooms,
        projects,
    })
}

/// Adds a room (`room_id` 0) after the last one, or renames a room and changes its number of
/// tables (empty: no limit). Two rooms of an event cannot share a name.
#[server(prefix = "/api", endpoint = "rooms/save")]
pub async fn save_room(event_id: i64, room_id: i64, name: String, capacity: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let (name, capacity) = domain::check_room(&name, &capacity).map_err(AppError::Invalid)?;
    let mut tx = access.db().begin_write().await?;
    let before = if room_id == 0 {
        None
    } else {
        Some(db::before(&mut tx, event_id, room_id).await?.ok_or(AppError::NotFound)?)
    };
    if db::name_taken(&mut tx, event_id, &name, room_id).await? {
        return Err(AppError::Invalid(vec![FieldError::new("name", Msg::ErrRoomNameTaken)]));
    }
    let after = json!({ "name": name, "capacity": capacity });
    match before {
        None => {
            let id = db::insert(&mut tx, event_id, &name, capacity).await.map_err(name_clash)?;
            audit(
                &mut tx,
                Some(event_id),
                Some(access.user.id),
                "room.added",
                None,
                Some(json!({ "room": id, "name": name, "capacity": capacity })),
            )
            .await?;
        }
        Some(before) => {
            db::update(&mut tx, room_id, &name, capacity).await.map_err(name_clash)?;
            audit(&mut tx, Some(event_id), Some(access.user.id), "room.changed", Some(json!(before)), Some(after))
                .await?;
        }
    }
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    Ok(())
}

/// A name another organizer's save took meanwhile (PostgreSQL runs writes side by side; the
/// unique index settles it) answers like a name already taken.
#[cfg(feature = "ssr")]
fn name_clash(e: sqlx::Error) -> AppError {
    match e {
        sqlx::Error::Database(d) if d.is_unique_violation() => AppError::field("name", Msg::ErrRoomNameTaken),
        e => e.into(),
    }
}

/// Removes a room. Its projects keep their table labels and are left without a room, to be
/// placed again.
#[server(prefix = "/api", endpoint = "rooms/remove")]
pub async fn remove_room(event_id: i64, room_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    let before = db::before(&mut tx, event_id, room_id).await?.ok_or(AppError::NotFound)?;
    db::delete(&mut tx, event_id, room_id).await?;
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "room.removed",
        Some(json!({ "room": room_id, "name": before.name })),
        None,
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    Ok(())
}

/// Places a submitted project by hand: a room of the event (0: none) and a table.
#[server(prefix = "/api", endpoint = "rooms/place")]
pub async fn place_project(event_id: i64, project_id: i64, room_id: i64, table_label: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut errors = Vec::new();
    let table = crate::events::domain::text(&mut errors, "table_label", &table_label, 40, false);
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    let mut tx = access.db().begin_write().await?;
    let before = db::place_of(&mut tx, event_id, project_id).await?.ok_or(AppError::NotFound)?;
    let room = match room_id {
        0 => None,
        id => {
            // Only a room of this event: another event's room id is refused like a bad value.
            db::before(&mut tx, event_id, id)
                .await?
                .ok_or_else(|| AppError::Invalid(vec![FieldError::new("room_id", Msg::ErrRequired)]))?;
            Some(id)
        }
    };
    if before != (room, table.clone()) {
        db::set_place(&mut tx, project_id, room, &table).await?;
        audit(
            &mut tx,
            Some(event_id),
            Some(access.user.id),
            "room.placed",
            Some(json!({ "project": project_id, "room": before.0, "table": before.1 })),
            Some(json!({ "project": project_id, "room": room, "table": table })),
        )
        .await?;
    }
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    Ok(())
}

/// Places the projects of a pasted list (code, room, table a line; see
/// `domain::read_places`), checked whole: one problem and nothing is placed.
#[server(prefix = "/api", endpoint = "rooms/import")]
pub async fn import_places(event_id: i64, places: String) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let rows = domain::read_places(&places).map_err(|e| AppError::Invalid(vec![e]))?;
    let mut tx = access.db().begin_write().await?;
    // One list, placement or room change at a time (PostgreSQL runs writes side by side):
    // the tables and capacities checked are those the list is applied to.
    crate::events::people::db::lock_event(&mut tx, event_id).await?;
    let now = db::submitted(&mut tx, event_id).await?;
    let ids: Vec<i64> = now.iter().map(|p| p.0).collect();
    let rooms = db::list_rooms(&mut tx, event_id).await?;
    let listed = domain::check_places(&rows, &ids, &rooms).map_err(|e| AppError::Invalid(vec![e]))?;
    let mut changed = Vec::new();
    for (project, room, table) in listed {
        let before = now.iter().find(|p| p.0 == project).map(|p| (p.1, p.2.as_str()));
        if before != Some((room, table.as_str())) {
            db::set_place(&mut tx, project, room, &table).await?;
            changed.push(json!([project, room, table]));
        }
    }
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "room.imported",
        None,
        Some(json!({ "lines": rows.len(), "placed": changed })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    Ok(())
}

/// Places projects at tables automatically, by track (each kept together), tables numbered in
/// walking order. Projects already in a room stay where they are unless `again` is set, when
/// every project is placed anew. Refused whole when the rooms have too few free tables.
#[server(prefix = "/api", endpoint = "rooms/auto")]
pub async fn auto_place(event_id: i64, again: Option<String>) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let every = again.is_some();
    let mut tx = access.db().begin_write().await?;
    let space = db::space(&mut tx, event_id).await?;
    let rooms: Vec<domain::RoomSpace> = space
        .into_iter()
        .map(|(id, capacity, used)| {
            // Placing anew, the room starts empty; otherwise after its tables in use.
            let used: Vec<String> = if every { Vec::new() } else { used };
            let next_table = used.iter().filter_map(|t| domain::table_number(t)).max().unwrap_or(0) + 1;
            domain::RoomSpace { id, free: capacity.map(|c| (c - used.len() as i64).max(0)), next_table }
        })
        .collect();
    let projects = db::to_place(&mut tx, event_id, every).await?;
    // Too few free tables: nothing is placed, and the organizer learns how many are missing.
    let placed = domain::place(&rooms, &projects).map_err(|short| {
        if rooms.is_empty() {
            AppError::Conflict(Msg::ErrNoRooms)
        } else {
            AppError::conflict_with(args::ErrRoomsTooSmall { missing: short.projects - short.free })
        }
    })?;
    for p in &placed {
        db::set_place(&mut tx, p.project, Some(p.room), &p.table.to_string()).await?;
    }
    audit(
        &mut tx,
        Some(event_id),
        Some(access.user.id),
        "room.auto_placed",
        None,
        Some(json!({ "again": every, "placed": placed.iter().map(|p| json!([p.project, p.room, p.table])).collect::<Vec<_>>() })),
    )
    .await?;
    tx.commit().await?;
    access.state.live.publish(event_id, crate::live::Topic::Judging);
    Ok(())
}

/// Each room's tables in walking order with the projects' codes and titles, and the team
/// names unless the event hides them from judges (the map is put up in the hall).
#[server(prefix = "/api", endpoint = "rooms/map")]
pub async fn room_map(event_id: i64) -> Result<MapData, AppError> {
    let access = gate::event(event_id, &[Role::Organizer]).await?;
    let db = access.db();
    let hide = crate::judging::db::settings(db, event_id).await?.hide_names;
    let rooms = db::rooms(db, event_id).await?;
    let projects = db::projects(db, event_id, crate::i18n::request::request_lang()).await?;
    // Each project's place worked out once, not in every comparison of the sort.
    let by_id: std::collections::HashMap<i64, &db::RoomRow> = rooms.iter().map(|r| (r.id, r)).collect();
    let mut projects: Vec<(domain::Spot, db::PlaceRow)> = projects
        .into_iter()
        .map(|p| {
            let room = p.room_id.and_then(|id| by_id.get(&id)).map(|r| (r.position, r.name.clone()));
            (domain::Spot { room, table: p.table_label.clone() }, p)
        })
        .collect();
    projects.sort_by(|a, b| domain::walking_order((&a.0, a.1.id), (&b.0, b.1.id)));
    let mut out: Vec<MapRoom> = Vec::new();
    // A room's floor plan goes with its sheet.
    let plans: std::collections::HashMap<String, String> =
        rooms.iter().filter(|r| r.has_plan == 1).map(|r| (r.name.clone(), plan_url(event_id, r.id))).collect();
    for (spot, p) in projects {
        let name = spot.room.map(|r| r.1);
        let table = MapTable {
            table_label: p.table_label,
            code: project_code(p.id),
            title: p.title,
            team: (!hide).then_some(p.team),
        };
        match out.last_mut() {
            Some(room) if room.name == name => room.tables.push(table),
            _ => {
                out.push(MapRoom { plan: name.as_ref().and_then(|n| plans.get(n).cloned()), name, tables: vec![table] })
            }
        }
    }
    Ok(MapData { event_id, event_name: crate::events::db::name(db, event_id).await?.unwrap_or_default(), rooms: out })
}

/// Sets a room's floor plan (multipart: `event_id`, `room_id`, `plan`, an image of at most
/// 3 MB).
#[server(prefix = "/api", endpoint = "rooms/plan", input = MultipartFormData)]
pub async fn upload_room_plan(data: MultipartData) -> Result<(), AppError> {
    super::plan::upload(data).await
}

/// Takes a room's floor plan away.
#[server(prefix = "/api", endpoint = "rooms/plan/remove")]
pub async fn remove_room_plan(event_id: i64, room_id: i64) -> Result<(), AppError> {
    let access = gate::event_write(event_id, &[Role::Organizer]).await?;
    let mut tx = access.db().begin_write().await?;
    db::before(&mut tx, event_id, room_id).await?.ok_or(AppError::NotFound)?;
    db::set_plan(&mut tx, room_id, None).await?;
    audit(&mut tx, Some(event_id), Some(access.user.id), "room.plan_removed", Some(json!({ "room": room_id })), None)
        .await?;
    tx.commit().await?;
    Ok(())
}
