//! The mentor's day page. Its body is a live region: it follows the help queue by itself.

use super::*;
use leptos::prelude::*;

#[component]
pub fn MyDayPage() -> impl IntoView {
    use crate::i18n::{args, use_lang, Msg};
    use crate::live::LiveRegion;
    use crate::ui::{event_id_param, loaded};
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), my_day);
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                view! {
                    <section class="form-page my-day">
                        <h1 dir="auto">{lang.t(Msg::MyDayTitle)} ": " {d.event_name.clone()}</h1>
                        <LiveRegion event_id topic=crate::live::Topic::Help target="live-day".to_string() />
                        <div id="live-day" aria-live="polite">
                            {d
                                .expired
                                .iter()
                                .map(|(topic, team)| {
                                    view! {
                                        <p class="form-error help-expired" role="alert">
                                            {lang
                                                .format(args::HelpExpired {
                                                    topic,
                                                    team,
                                                    minutes: d.claim_minutes,
                                                })}
                                        </p>
                                    }
                                })
                                .collect_view()}
                            <h2>{lang.t(Msg::DayHelpDesk)}</h2>
                            {match d.holding.clone() {
                                Some(h) => {
                                    view! {
                                        <div class="card mine">
                                            <p>
                                                <strong dir="auto">{h.topic}</strong>
                                                " · "
                                                <span dir="auto">{h.team}</span>
                                                " · "
                                                <span dir="auto">{h.location}</span>
                                            </p>
                                            <p class="notice">
                                                {lang
                                                    .format(args::DayHolding {
                                                        held: h.held_minutes,
                                                        left: h.left_minutes,
                                                    })}
                                            </p>
                                        </div>
                                    }
                                        .into_any()
                                }
                                None => {
                                    view! {
                                        <p>
                                            {lang
                                                .format(args::DayWaiting {
                                                    count: d.waiting,
                                                })}
                                        </p>
                                    }
                                        .into_any()
                                }
                            }}
                            <p>
                                <a class="button primary" href=format!("/events/{event_id}/help")>
                                    {lang.t(Msg::HelpQueue)}
                                </a>
                            </p>
                        </div>
                        <h2>{lang.t(Msg::SessionsTitle)}</h2>
                        {d.sessions.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                        <ul class="cards day-sessions">
                            {d
                                .sessions
                                .iter()
                                .map(|s| {
                                    view! {
                                        <li class="card" class:past=s.past>
                                            <p>
                                                <strong>{s.when.clone()}</strong>
                                                " · "
                                                <span dir="auto">{s.location.clone()}</span>
                                            </p>
                                            <p dir="auto">
                                                {s.team.clone().unwrap_or_else(|| lang.t(Msg::DayFreeSlot).to_string())}
                                            </p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <h2>{lang.t(Msg::DayTeams)}</h2>
                        {d.teams.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                        <ul class="day-teams">
                            {d
                                .teams
                                .iter()
                                .map(|team| {
                                    let how = team.source.map(|s| lang.t(s.label()).to_string()).unwrap_or_default();
                                    view! {
                                        <li>
                                            <strong dir="auto">{team.name.clone()}</strong>
                                            {(!team.table.is_empty())
                                                .then(|| {
                                                    format!(
                                                        " · {}",
                                                        lang
                                                            .format(args::DayTable {
                                                                table: &team.table,
                                                            }),
                                                    )
                                                })}
                                            {(!how.is_empty()).then(|| format!(" · {how}"))}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <p class="hint">{lang.t(Msg::DayNoJudging)}</p>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}
