//! The sessions page: everyone with a role sees the schedule; mentors offer slots, team
//! members book them and mentors keep notes. Server-rendered; every action is a plain form.

use super::*;
use leptos::prelude::*;

/// The sessions page: everyone with a role sees the schedule; mentors offer slots, team
/// members book them, mentors keep notes.
#[component]
pub fn SessionsPage() -> impl IntoView {
    use crate::i18n::{args, use_lang, Msg};
    use crate::ui::{action_error, loaded, EventIdInput, Field, FormError, Submit};
    let lang = use_lang();
    let id = crate::ui::event_id_param();
    let data = Resource::new(move || id.get(), list_slots);
    let offer = ServerAction::<OfferSlot>::new();
    let book = ServerAction::<BookSlot>::new();
    let cancel = ServerAction::<CancelSlot>::new();
    let notes = ServerAction::<SessionNotes>::new();
    let (offer_errors, book_errors, cancel_errors, notes_errors) =
        (action_error(offer), action_error(book), action_error(cancel), action_error(notes));
    view! {
        {loaded(
            data,
            move |s| {
                let event_id = s.event_id;
                view! {
                    <section class="form-page">
                        <h1>{lang.t(Msg::SessionsTitle)}</h1>
                        <p class="muted">
                            {lang
                                .format(args::TimesIn {
                                    timezone: &s.timezone,
                                })}
                        </p>
                        {s
                            .is_mentor
                            .then(|| {
                                view! {
                                    <h2>{lang.t(Msg::OfferSlot)}</h2>
                                    <ActionForm action=offer>
                                        <FormError errors=offer_errors />
                                        <EventIdInput event_id />
                                        <div class="row">
                                            <Field
                                                label=Msg::FieldSlotStarts
                                                name="starts_at"
                                                kind="datetime-local"
                                                errors=offer_errors
                                                required=true
                                            />
                                            <Field
                                                label=Msg::FieldSlotEnds
                                                name="ends_at"
                                                kind="datetime-local"
                                                errors=offer_errors
                                                required=true
                                            />
                                        </div>
                                        <Field
                                            label=Msg::FieldLocation
                                            name="location"
                                            errors=offer_errors
                                            dir_auto=true
                                        />
                                        <Submit label=Msg::OfferSlot />
                                    </ActionForm>
                                }
                            })}
                        <FormError errors=book_errors />
                        <FormError errors=cancel_errors />
                        <FormError errors=notes_errors />
                        {s.slots.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                        <ul class="cards slots">
                            {s
                                .slots
                                .clone()
                                .into_iter()
                                .map(|slot| {
                                    let own = s.is_mentor && slot.mentor == s.me;
                                    let free = slot.team.is_none() && !slot.mine && slot.notes.is_none();
                                    let can_book = s.has_team && free;
                                    let can_remove = own || s.is_organizer;
                                    view! {
                                        <li class="card" class:mine=slot.mine>
                                            <p>
                                                <strong>
                                                    <time>{slot.starts.clone()}</time>
                                                    " – "
                                                    <time>{slot.ends.clone()}</time>
                                                </strong>
                                            </p>
                                            <p dir="auto">
                                                {slot.mentor.clone()}
                                                {(!slot.location.is_empty()).then(|| format!(" · {}", slot.location))}
                                            </p>
                                            <p>
                                                {match (&slot.team, free) {
                                                    (Some(t), _) => lang.format(args::BookedBy { name: t }),
                                                    (None, true) => lang.t(Msg::SlotFree).to_owned(),
                                                    (None, false) => lang.t(Msg::SlotBooked).to_owned(),
                                                }}
                                            </p>
                                            {slot
                                                .attended
                                                .map(|a| {
                                                    view! {
                                                        <p class="badge">
                                                            {lang.t(if a { Msg::Attended } else { Msg::Absent })}
                                                        </p>
                                                    }
                                                })}
                                            {slot
                                                .notes
                                                .clone()
                                                .filter(|n| !n.is_empty() && !own)
                                                .map(|n| {
                                                    view! {
                                                        <p class="description" dir="auto">
                                                            {n}
                                                        </p>
                                                    }
                                                })}
                                            {can_book
                                                .then(|| {
                                                    view! {
                                                        <ActionForm action=book attr:class="inline">
                                                            <input type="hidden" name="slot_id" value=slot.id />
                                                            <button type="submit" class="button primary">
                                                                {lang.t(Msg::Book)}
                                                            </button>
                                                        </ActionForm>
                                                    }
                                                })}
                                            {(slot.mine && !own)
                                                .then(|| {
                                                    view! {
                                                        <ActionForm action=cancel attr:class="inline">
                                                            <input type="hidden" name="slot_id" value=slot.id />
                                                            <button type="submit" class="button">
                                                                {lang.t(Msg::CancelBooking)}
                                                            </button>
                                                        </ActionForm>
                                                    }
                                                })}
                                            {(own && slot.team.is_some())
                                                .then(|| {
                                                    let notes_id = format!("f-notes-{}", slot.id);
                                                    let attended_id = format!("f-attended-{}", slot.id);
                                                    view! {
                                                        <ActionForm action=notes>
                                                            <input type="hidden" name="slot_id" value=slot.id />
                                                            <label for=notes_id
                                                                .clone()>{lang.t(Msg::SessionNotes)}</label>
                                                            <textarea id=notes_id name="notes" rows="3" dir="auto">
                                                                {crate::ui::escape_html(
                                                                    &slot.notes.clone().unwrap_or_default(),
                                                                )}
                                                            </textarea>
                                                            <label for=attended_id
                                                                .clone()>{lang.t(Msg::Attendance)}</label>
                                                            <select id=attended_id name="attended">
                                                                <option value="" selected=slot.attended.is_none()>
                                                                    "—"
                                                                </option>
                                                                <option value="yes" selected=slot.attended == Some(true)>
                                                                    {lang.t(Msg::Attended)}
                                                                </option>
                                                                <option value="no" selected=slot.attended == Some(false)>
                                                                    {lang.t(Msg::Absent)}
                                                                </option>
                                                            </select>
                                                            <button type="submit" class="button">
                                                                {lang.t(Msg::Save)}
                                                            </button>
                                                        </ActionForm>
                                                    }
                                                })}
                                            {can_remove
                                                .then(|| {
                                                    view! {
                                                        <ActionForm action=cancel attr:class="inline">
                                                            <input type="hidden" name="slot_id" value=slot.id />
                                                            <button type="submit" class="button link danger">
                                                                {lang.t(Msg::Remove)}
                                                            </button>
                                                        </ActionForm>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}
