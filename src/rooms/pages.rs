//! The rooms pages: the organizer's rooms and placements (`/events/{id}/rooms`) and the map
//! of the rooms, printed one room a sheet (`/events/{id}/rooms/map`).

use super::*;
use crate::i18n::{args, use_lang, Msg};
use crate::ui::{action_error, event_id_param, loaded, Checkbox, EventIdInput, Field, FormError, Submit, TextArea};
use leptos::prelude::*;

/// The organizer's rooms, automatic placement and each project's place.
#[component]
pub fn RoomsPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), rooms_console);
    let save = ServerAction::<SaveRoom>::new();
    let remove = ServerAction::<RemoveRoom>::new();
    let place = ServerAction::<PlaceProject>::new();
    let auto = ServerAction::<AutoPlace>::new();
    let import = ServerAction::<ImportPlaces>::new();
    let remove_plan = ServerAction::<RemoveRoomPlan>::new();
    let plan_errors = crate::ui::url_error("/api/rooms/plan");
    let save_errors = action_error(save);
    let import_errors = action_error(import);
    let errors = [action_error(remove), action_error(place), action_error(auto)];
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                let room_options: Vec<(i64, String)> = d.rooms.iter().map(|r| (r.id, r.name.clone())).collect();
                view! {
                    <section class="form-page wide rooms-page">
                        <div class="page-head">
                            <h1 dir="auto">{lang.t(Msg::RoomsTitle)} ": " {d.event_name.clone()}</h1>
                            <a href=format!("/events/{event_id}/rooms/map")>{lang.t(Msg::RoomMap)}</a>
                            <a href=format!("/events/{event_id}/judging")>{lang.t(Msg::JudgingTitle)}</a>
                        </div>
                        <p class="hint">{lang.t(Msg::RoomsHint)}</p>
                        <FormError errors=save_errors />
                        // A refused floor plan, named by its reason (its form is a plain upload).
                        {move || {
                            plan_errors
                                .get()
                                .map(|e| {
                                    let text = e.field_text(PLAN_FIELD, lang).unwrap_or_else(|| e.summary(lang));
                                    view! {
                                        <p class="form-error" role="alert">
                                            {text}
                                        </p>
                                    }
                                })
                        }}
                        {errors.into_iter().map(|e| view! { <FormError errors=e /> }).collect_view()}
                        <ol class="rooms">
                            {d
                                .rooms
                                .clone()
                                .into_iter()
                                .map(|r| {
                                    let used = match r.capacity {
                                        Some(capacity) => {
                                            lang.format(args::RoomTablesUsed {
                                                placed: r.placed,
                                                capacity,
                                            })
                                        }
                                        None => {
                                            lang.format(args::RoomTablesUsedAny {
                                                placed: r.placed,
                                            })
                                        }
                                    };
                                    let (name_id, cap_id) = (format!("f-room-{}", r.id), format!("f-cap-{}", r.id));
                                    let remove_label = format!("{} {}", lang.t(Msg::RemoveRoom), r.name);
                                    let plan_room = r.clone();
                                    view! {
                                        <li class="card room">
                                            <ActionForm action=save attr:class="room-form">
                                                <EventIdInput event_id />
                                                <input type="hidden" name="room_id" value=r.id />
                                                <div class="field">
                                                    <label for=name_id.clone()>{lang.t(Msg::FieldRoomName)}</label>
                                                    <input
                                                        id=name_id
                                                        name="name"
                                                        value=r.name.clone()
                                                        required
                                                        dir="auto"
                                                    />
                                                </div>
                                                <div class="field">
                                                    <label for=cap_id.clone()>{lang.t(Msg::FieldRoomCapacity)}</label>
                                                    <input
                                                        id=cap_id
                                                        name="capacity"
                                                        type="number"
                                                        min="1"
                                                        inputmode="numeric"
                                                        value={r.capacity.map(|c| c.to_string()).unwrap_or_default()}
                                                    />
                                                </div>
                                                <button type="submit" class="button">
                                                    {lang.t(Msg::Save)}
                                                </button>
                                            </ActionForm>
                                            <p class="muted">{used}</p>
                                            <RoomPlan event_id room=plan_room remove_plan />
                                            <ActionForm action=remove attr:class="inline">
                                                <EventIdInput event_id />
                                                <input type="hidden" name="room_id" value=r.id />
                                                <button
                                                    type="submit"
                                                    class="button link danger"
                                                    aria-label=remove_label
                                                >
                                                    {lang.t(Msg::RemoveRoom)}
                                                </button>
                                            </ActionForm>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                        <ActionForm action=save attr:class="card">
                            <EventIdInput event_id />
                            <input type="hidden" name="room_id" value="0" />
                            <Field
                                label=Msg::FieldRoomName
                                name="name"
                                errors=save_errors
                                required=true
                                dir_auto=true
                            />
                            <Field
                                label=Msg::FieldRoomCapacity
                                name="capacity"
                                kind="number"
                                errors=save_errors
                                hint=Msg::HintRoomCapacity
                                min="1".to_string()
                            />
                            <Submit label=Msg::AddRoom />
                        </ActionForm>
                        <section class="card">
                            <h2>{lang.t(Msg::PlaceAutoTitle)}</h2>
                            <p class="hint">{lang.t(Msg::HintPlaceAuto)}</p>
                            <ActionForm action=auto>
                                <EventIdInput event_id />
                                <Checkbox label=Msg::FieldPlaceAgain name="again" />
                                <Submit label=Msg::PlaceAuto />
                            </ActionForm>
                        </section>
                        <section class="card">
                            <h2>{lang.t(Msg::PlaceListTitle)}</h2>
                            <p class="hint">{lang.t(Msg::HintPlaceList)}</p>
                            <ActionForm action=import>
                                <FormError errors=import_errors />
                                <EventIdInput event_id />
                                <TextArea label=Msg::FieldPlaces name="places" errors=import_errors rows=6 />
                                <Submit label=Msg::PlaceList />
                            </ActionForm>
                        </section>
                        <h2>{lang.t(Msg::PlaceTitle)}</h2>
                        {d.projects.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                        <div class="table-scroll">
                            <table class="people places">
                                <thead>
                                    <tr>
                                        <th>{lang.t(Msg::ProjectCode)}</th>
                                        <th>{lang.t(Msg::FieldTitle)}</th>
                                        <th>{lang.t(Msg::FieldTrack)}</th>
                                        <th>{lang.t(Msg::FieldRoom)} " · " {lang.t(Msg::TableLabel)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {d
                                        .projects
                                        .clone()
                                        .into_iter()
                                        .map(|p| {
                                            let room_id = format!("f-place-room-{}", p.project_id);
                                            let table_id = format!("f-place-table-{}", p.project_id);
                                            let options = room_options.clone();
                                            view! {
                                                <tr data-project=p.project_id>
                                                    <td>{p.code.clone()}</td>
                                                    <td dir="auto">
                                                        {p.title.clone()} <br />
                                                        <span class="muted">{p.team.clone()}</span>
                                                    </td>
                                                    <td dir="auto">{p.track.clone()}</td>
                                                    <td>
                                                        <ActionForm action=place attr:class="inline place-form">
                                                            <EventIdInput event_id />
                                                            <input type="hidden" name="project_id" value=p.project_id />
                                                            <label class="visually-hidden" for=room_id.clone()>
                                                                {lang.t(Msg::FieldRoom)}
                                                            </label>
                                                            <select id=room_id name="room_id">
                                                                <option value="0" selected=p.room_id.is_none()>
                                                                    {lang.t(Msg::NoRoom)}
                                                                </option>
                                                                {options
                                                                    .into_iter()
                                                                    .map(|(id, name)| {
                                                                        view! {
                                                                            <option value=id selected={p.room_id == Some(id)}>
                                                                                {name}
                                                                            </option>
                                                                        }
                                                                    })
                                                                    .collect_view()}
                                                            </select>
                                                            <label class="visually-hidden" for=table_id.clone()>
                                                                {lang.t(Msg::TableLabel)}
                                                            </label>
                                                            <input
                                                                id=table_id
                                                                name="table_label"
                                                                size="6"
                                                                value=p.table_label.clone()
                                                            />
                                                            <button type="submit" class="button link">
                                                                {lang.t(Msg::Save)}
                                                            </button>
                                                        </ActionForm>
                                                    </td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        </div>
                    </section>
                }
            },
        )}
    }
}

/// Each room's tables with the projects' codes and titles, one room a printed sheet.
#[component]
pub fn RoomMapPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), room_map);
    view! {
        {loaded(
            data,
            move |m| {
                let event_id = m.event_id;
                view! {
                    <section class="form-page wide room-map-page">
                        <div class="page-head no-print">
                            <h1 dir="auto">{lang.t(Msg::RoomMap)} ": " {m.event_name.clone()}</h1>
                            <a href=format!("/events/{event_id}/rooms")>{lang.t(Msg::RoomsTitle)}</a>
                        </div>
                        <p class="hint no-print">{lang.t(Msg::RoomMapHint)}</p>
                        {m.rooms.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                        {m
                            .rooms
                            .clone()
                            .into_iter()
                            .map(|r| {
                                let name = r.name.clone().unwrap_or_else(|| lang.t(Msg::NotPlaced).to_owned());
                                let plan_alt = lang
                                    .format(args::RoomPlanOf {
                                        room: name.clone(),
                                    });
                                view! {
                                    <section class="room-sheet">
                                        <h2 dir="auto">{name} " · " {m.event_name.clone()}</h2>
                                        {r
                                            .plan
                                            .clone()
                                            .map(|src| view! { <img class="room-plan" src=src alt=plan_alt /> })}
                                        <table class="people room-tables">
                                            <thead>
                                                <tr>
                                                    <th>{lang.t(Msg::TableLabel)}</th>
                                                    <th>{lang.t(Msg::ProjectCode)}</th>
                                                    <th>{lang.t(Msg::FieldTitle)}</th>
                                                </tr>
                                            </thead>
                                            <tbody>
                                                {r
                                                    .tables
                                                    .into_iter()
                                                    .map(|t| {
                                                        view! {
                                                            <tr>
                                                                <td class="room-table-label" dir="auto">
                                                                    {t.table_label}
                                                                </td>
                                                                <td class="mono">{t.code}</td>
                                                                <td dir="auto">
                                                                    {t.title}
                                                                    {t
                                                                        .team
                                                                        .map(|team| {
                                                                            view! {
                                                                                <br />
                                                                                <span class="muted">{team}</span>
                                                                            }
                                                                        })}
                                                                </td>
                                                            </tr>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </tbody>
                                        </table>
                                    </section>
                                }
                            })
                            .collect_view()}
                    </section>
                }
            },
        )}
    }
}

/// A room's floor plan: the image when it has one (with a way to take it away), and the form
/// that uploads one (a plain multipart post, which works without the page's script).
#[component]
fn RoomPlan(event_id: i64, room: Room, remove_plan: ServerAction<RemoveRoomPlan>) -> impl IntoView {
    let lang = use_lang();
    let field = format!("f-plan-{}", room.id);
    let alt = lang.format(args::RoomPlanOf { room: room.name.clone() });
    let remove_label = format!("{} · {}", lang.t(Msg::RemovePlan), room.name);
    let upload_label = format!("{} · {}", lang.t(Msg::Upload), alt);
    view! {
        <div class="room-plan-box">
            {room
                .plan
                .clone()
                .map(|src| {
                    let href = src.clone();
                    view! {
                        <a href=href>
                            <img class="room-plan-thumb" src=src alt=alt loading="lazy" />
                        </a>
                        <ActionForm action=remove_plan attr:class="inline">
                            <EventIdInput event_id />
                            <input type="hidden" name="room_id" value=room.id />
                            <button type="submit" class="button link danger" aria-label=remove_label.clone()>
                                {lang.t(Msg::RemovePlan)}
                            </button>
                        </ActionForm>
                    }
                })} <form method="post" action="/api/rooms/plan" enctype="multipart/form-data" class="room-plan-form">
                <EventIdInput event_id />
                <input type="hidden" name="room_id" value=room.id />
                <label for=field
                    .clone()>
                    {lang.t(Msg::FieldRoomPlan)} <span class="visually-hidden">{room.name.clone()}</span>
                </label>
                <input
                    id=field
                    type="file"
                    name=PLAN_FIELD
                    accept="image/png,image/jpeg,image/webp,image/gif"
                    required
                />
                <button type="submit" class="button" aria-label=upload_label>
                    {lang.t(Msg::Upload)}
                </button>
            </form>
        </div>
    }
}
