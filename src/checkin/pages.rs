//! The check-in pages: the organizer's list with the venue's QR code
//! (`/events/{id}/checkin`), and the page a participant's phone opens from that code
//! (`/events/{id}/checkin/{code}`).

use super::*;
use crate::i18n::{args, use_lang, Msg};
use crate::ui::{action_error, event_id_param, loaded, EventIdInput, FormError};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The organizer's check-in list.
#[component]
pub fn CheckinConsolePage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), checkin_console);
    let mark = ServerAction::<MarkPresence>::new();
    let renew = ServerAction::<RenewCheckinCode>::new();
    let errors = [action_error(mark), action_error(renew)];
    view! {
        {loaded(
            data,
            move |b| {
                let event_id = b.event_id;
                let s = b.summary;
                view! {
                    <section class="form-page wide checkin-page">
                        <h1 dir="auto">{lang.t(Msg::CheckinTitle)} ": " {b.event_name.clone()}</h1>
                        {errors.into_iter().map(|e| view! { <FormError errors=e /> }).collect_view()}
                        <p class="big" role="status">
                            {lang
                                .format(args::CheckinTeamsHere {
                                    here: s.teams_present,
                                    of: s.teams,
                                })}
                            " · "
                            {lang
                                .format(args::CheckinPeopleHere {
                                    here: s.people_present,
                                    of: s.people,
                                })}
                        </p>
                        <div class="checkin-code">
                            {b
                                .qr_svg
                                .clone()
                                .map(|svg| {
                                    view! {
                                        <div class="qr" aria-hidden="true" inner_html=svg></div>
                                        <p class="hint">{lang.t(Msg::CheckinScanHint)}</p>
                                        <p class="mono" dir="ltr">
                                            {b.url.clone()}
                                        </p>
                                    }
                                })} <ActionForm action=renew>
                                <EventIdInput event_id />
                                <button type="submit" class="button">
                                    {lang.t(if b.url.is_some() { Msg::CheckinRenewCode } else { Msg::CheckinMakeCode })}
                                </button>
                            </ActionForm>
                        </div>
                        <p>
                            <a href=format!("/events/{event_id}/checkins.csv")>{lang.t(Msg::CheckinExport)}</a>
                        </p>
                        {b.groups.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                        {b
                            .groups
                            .clone()
                            .into_iter()
                            .map(|g| {
                                let name = if g.team_id.is_some() {
                                    g.name.clone()
                                } else {
                                    lang.t(Msg::CheckinNoTeam).to_string()
                                };
                                view! {
                                    <section class="card checkin-team" class:present=g.present>
                                        <h2 dir="auto">
                                            {name} " " <span class="tag" class:done=g.present>
                                                {lang.t(if g.present { Msg::CheckinHere } else { Msg::CheckinNotHere })}
                                            </span>
                                        </h2>
                                        <ul class="checkin-people">
                                            {g
                                                .members
                                                .into_iter()
                                                .map(|m| {
                                                    let state = match (&m.at, m.by_organizer) {
                                                        (Some(at), false) => {
                                                            lang.format(args::CheckinSinceScanned { at })
                                                        }
                                                        (Some(at), true) => lang.format(args::CheckinSinceTicked { at }),
                                                        (None, _) => lang.t(Msg::CheckinNotHere).to_string(),
                                                    };
                                                    let button = lang
                                                        .t(if m.present { Msg::CheckinUndo } else { Msg::CheckinMark });
                                                    view! {
                                                        <li class:present=m.present>
                                                            <span dir="auto">
                                                                <strong>{m.name.clone()}</strong>
                                                                " · "
                                                                {state}
                                                            </span>
                                                            <ActionForm action=mark attr:class="inline">
                                                                <EventIdInput event_id />
                                                                <input type="hidden" name="user_id" value=m.user_id />
                                                                <input
                                                                    type="hidden"
                                                                    name="present"
                                                                    value=if m.present { "no" } else { "yes" }
                                                                />
                                                                <button
                                                                    type="submit"
                                                                    class="button"
                                                                    class:primary=!m.present
                                                                    aria-label=format!("{button} {}", m.name)
                                                                >
                                                                    {button}
                                                                </button>
                                                            </ActionForm>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
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

/// A participant's phone, opened from the venue's code.
#[component]
pub fn CheckinPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let params = use_params_map();
    let code = params.with_untracked(|p| p.get("code").unwrap_or_default());
    let for_load = code.clone();
    let data = Resource::new(move || (id.get(), for_load.clone()), |(id, code)| my_checkin(id, code));
    let check = ServerAction::<CheckIn>::new();
    let errors = action_error(check);
    view! {
        {loaded(
            data,
            move |c| {
                let event_id = c.event_id;
                let code = code.clone();
                view! {
                    <section class="form-page checkin-page">
                        <h1 dir="auto">{lang.t(Msg::CheckinTitle)} ": " {c.event_name.clone()}</h1>
                        <FormError errors />
                        {match (c.present, c.code_ok) {
                            (true, _) => {
                                view! {
                                    <p class="notice" role="status">
                                        {lang
                                            .format(args::CheckinYouAreHere {
                                                at: c.at.clone().unwrap_or_default(),
                                            })}
                                    </p>
                                }
                                    .into_any()
                            }
                            (false, true) => {
                                view! {
                                    <ActionForm action=check>
                                        <EventIdInput event_id />
                                        <input type="hidden" name="code" value=code />
                                        <button type="submit" class="button primary big">
                                            {lang.t(Msg::CheckinImHere)}
                                        </button>
                                    </ActionForm>
                                }
                                    .into_any()
                            }
                            (false, false) => {
                                view! {
                                    <p class="form-error" role="alert">
                                        {lang.t(Msg::ErrCheckinCode)}
                                    </p>
                                }
                                    .into_any()
                            }
                        }}
                        <p>
                            <a href=format!("/events/{event_id}")>{lang.t(Msg::CheckinBack)}</a>
                        </p>
                    </section>
                }
            },
        )}
    }
}
