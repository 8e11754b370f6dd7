//! The people's choice pages: the voter's ballot, a ticket's page, and the organizer's
//! console with its live tally and the printable sheet of tickets. Server-rendered; every
//! action is a plain form, so a voter's phone needs no script.

use super::*;
use crate::i18n::{args, use_lang, Msg};
use crate::ui::{action_error, event_id_param, loaded, Checkbox, EventIdInput, Field, FormError, Select, Submit};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The voter's page: one card per submitted project, each with its own button.
#[component]
pub fn BallotPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), ballot);
    let vote = ServerAction::<CastVote>::new();
    let errors = action_error(vote);
    view! {
        {loaded(
            data,
            move |b| {
                let event_id = b.event_id;
                let open = b.state == "open";
                let left = (b.votes_each - b.used).max(0);
                let full = left == 0 && b.votes_each > 1;
                view! {
                    <section class="form-page ballot">
                        <h1>{lang.t(Msg::PeoplesChoice)}</h1>
                        <p class="muted" dir="auto">
                            {b.event_name.clone()}
                        </p>
                        {b
                            .ticket
                            .map(|n| {
                                view! { <p class="badge">{lang.format(args::TicketNumber { number: n })}</p> }
                            })}
                        <p class="lead" role="status">
                            {match b.state.as_str() {
                                "open" if b.votes_each == 1 => lang.t(Msg::VoteHintOne).to_owned(),
                                "open" if left == 0 => lang.t(Msg::VotesAllUsed).to_owned(),
                                "open" => lang.format(args::VotesLeft { count: left }),
                                "closed" => lang.t(Msg::VoteClosedForVoters).to_owned(),
                                _ => lang.t(Msg::VoteNotOpenYet).to_owned(),
                            }}
                        </p>
                        <FormError errors />
                        {b.projects.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::BallotEmpty)}</p> })}
                        <ul class="cards ballot-list">
                            {b
                                .projects
                                .clone()
                                .into_iter()
                                .map(|p| {
                                    let tap = if p.chosen { "withdraw" } else { "choose" };
                                    let label = if p.chosen { Msg::WithdrawVote } else { Msg::VoteFor };
                                    let title_id = format!("vote-title-{}", p.project_id);
                                    view! {
                                        <li class="card" class:chosen=p.chosen>
                                            <h2 id=title_id.clone() dir="auto">
                                                {p.title.clone()}
                                            </h2>
                                            {(!p.tagline.is_empty())
                                                .then(|| view! { <p dir="auto">{p.tagline.clone()}</p> })}
                                            <p class="muted" dir="auto">
                                                {p.team.clone()}
                                                {(!p.table.is_empty())
                                                    .then(|| {
                                                        view! {
                                                            " · "
                                                            {lang.format(args::DeskTable { table: &p.table })}
                                                        }
                                                    })}
                                            </p>
                                            {p.chosen.then(|| view! { <p class="badge">{lang.t(Msg::YourVote)}</p> })}
                                            {p.own.then(|| view! { <p class="hint">{lang.t(Msg::OwnTeamNoVote)}</p> })}
                                            {if p.own && !p.chosen {
                                                ().into_any()
                                            } else if open && (p.chosen || !full) {
                                                view! {
                                                    <ActionForm action=vote attr:class="inline">
                                                        <EventIdInput event_id />
                                                        <input type="hidden" name="project_id" value=p.project_id />
                                                        <input type="hidden" name="tap" value=tap />
                                                        <button
                                                            type="submit"
                                                            class="button"
                                                            class:primary=!p.chosen
                                                            aria-describedby=title_id
                                                        >
                                                            {lang.t(label)}
                                                        </button>
                                                    </ActionForm>
                                                }
                                                    .into_any()
                                            } else {
                                                ().into_any()
                                            }}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            },
        )}
    }
}

/// A ticket's page: the QR code on a printed ticket opens it; the button uses the ticket.
/// Opening the page changes nothing (link previews and prefetching open links too).
#[component]
pub fn TicketPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let code = params.with_untracked(|p| p.get("code").unwrap_or_default());
    let use_it = ServerAction::<UseTicket>::new();
    let errors = action_error(use_it);
    view! {
        <section class="narrow">
            <h1>{lang.t(Msg::PeoplesChoice)}</h1>
            <p class="lead">{lang.t(Msg::TicketIntro)}</p>
            <ActionForm action=use_it>
                <FormError errors />
                <input type="hidden" name="code" value=code />
                <Submit label=Msg::UseTicket />
            </ActionForm>
        </section>
    }
}

/// The organizer's console of the vote.
#[component]
pub fn AudienceConsolePage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), audience_console);
    let save = ServerAction::<SaveAudienceSettings>::new();
    let make = ServerAction::<MakeTickets>::new();
    let void = ServerAction::<VoidTickets>::new();
    let (save_errors, make_errors, void_errors) = (action_error(save), action_error(make), action_error(void));
    view! {
        {loaded(
            data,
            move |c| {
                let event_id = c.event_id;
                let states: Vec<(String, String)> = domain::VoteState::ALL
                    .iter()
                    .map(|s| (s.code().to_owned(), lang.t(s.label()).to_owned()))
                    .collect();
                view! {
                    <section class="form-page wide audience">
                        <div class="page-head">
                            <h1 dir="auto">{lang.t(Msg::PeoplesChoice)} ": " {c.event_name.clone()}</h1>
                            <a href=format!("/events/{event_id}/show")>{lang.t(Msg::PublishTitle)}</a>
                        </div>
                        <p class="hint">{lang.t(Msg::AudienceIntro)}</p>
                        {c.published.then(|| view! { <p class="badge">{lang.t(Msg::PeoplesChoicePublished)}</p> })}
                        <h2>{lang.t(Msg::VoteSettings)}</h2>
                        <ActionForm action=save>
                            <FormError errors=save_errors />
                            <EventIdInput event_id />
                            <input type="hidden" name="version" value=c.version />
                            <Select
                                label=Msg::FieldVoteState
                                name="state"
                                errors=save_errors
                                options=states
                                selected=c.state.clone()
                            />
                            <Field
                                label=Msg::FieldVotesEach
                                name="votes_each"
                                kind="number"
                                errors=save_errors
                                value=c.votes_each.to_string()
                                min="1".to_string()
                                max=domain::MAX_VOTES_EACH.to_string()
                                required=true
                            />
                            <Checkbox
                                label=Msg::FieldTicketsVote
                                name="tickets"
                                checked=c.tickets
                                hint=Msg::HintTicketsVote
                            />
                            <Submit label=Msg::Save />
                        </ActionForm>
                        <h2>{lang.t(Msg::LiveTally)}</h2>
                        <crate::live::LiveRegion
                            event_id
                            topic=crate::live::Topic::Audience
                            target="live-tally".to_string()
                        />
                        <div id="live-tally" aria-live="polite">
                            <p>
                                {lang
                                    .format(args::VotersAndVotes {
                                        voters: c.voters,
                                        votes: c.votes,
                                    })}
                            </p>
                            <table class="tally">
                                <thead>
                                    <tr>
                                        <th scope="col">{lang.t(Msg::Rank)}</th>
                                        <th scope="col">{lang.t(Msg::FieldTitle)}</th>
                                        <th scope="col">{lang.t(Msg::TallyTeam)}</th>
                                        <th scope="col">{lang.t(Msg::Votes)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {c
                                        .tally
                                        .iter()
                                        .map(|t| {
                                            view! {
                                                <tr>
                                                    <td>{t.rank}</td>
                                                    <td dir="auto">{t.title.clone()}</td>
                                                    <td dir="auto">{t.team.clone()}</td>
                                                    <td>{t.votes}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                            <h2>{lang.t(Msg::TicketsTitle)}</h2>
                            <p>
                                {lang
                                    .format(args::TicketCounts {
                                        made: c.tickets_made,
                                        used: c.tickets_used,
                                        void: c.tickets_void,
                                    })}
                            </p>
                            {(!c.bulk.is_empty())
                                .then(|| {
                                    view! {
                                        <div class="notice warning" role="status">
                                            <p>
                                                <strong>{lang.t(Msg::BulkTicketsTitle)}</strong>
                                            </p>
                                            <ul>
                                                {c
                                                    .bulk
                                                    .iter()
                                                    .map(|b| {
                                                        let numbers = b
                                                            .tickets
                                                            .iter()
                                                            .map(|n| format!("#{n}"))
                                                            .collect::<Vec<_>>()
                                                            .join(" ");
                                                        let text = if b.one_browser {
                                                            lang.format(args::BulkOneBrowser {
                                                                count: b.tickets.len(),
                                                                first: &b.first,
                                                                minutes: b.minutes,
                                                            })
                                                        } else {
                                                            lang.format(args::BulkOneAddress {
                                                                count: b.tickets.len(),
                                                                first: &b.first,
                                                                minutes: b.minutes,
                                                            })
                                                        };
                                                        view! {
                                                            <li>{text} " " <span class="mono">{numbers}</span></li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        </div>
                                    }
                                })}
                        </div>
                        <ActionForm action=make>
                            <FormError errors=make_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::FieldTicketCount
                                name="count"
                                kind="number"
                                errors=make_errors
                                value="50"
                                min="1".to_string()
                                max=domain::MAX_TICKETS_AT_ONCE.to_string()
                                required=true
                            />
                            <Submit label=Msg::MakeTickets />
                        </ActionForm>
                        <ActionForm action=void>
                            <FormError errors=void_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::FieldVoidTickets
                                name="numbers"
                                errors=void_errors
                                hint=Msg::HintVoidTickets
                                required=true
                            />
                            <button type="submit" class="button danger">
                                {lang.t(Msg::VoidTickets)}
                            </button>
                        </ActionForm>
                        {(c.printed > 0)
                            .then(|| {
                                view! {
                                    <p>
                                        <a href=format!(
                                            "/events/{event_id}/audience/print",
                                        )>
                                            {lang
                                                .format(args::PrintLastTickets {
                                                    count: c.printed,
                                                })}
                                        </a>
                                    </p>
                                }
                            })}
                    </section>
                }
            },
        )}
    }
}

/// The last print run's tickets, to print several to a page (`@media print` keeps only them).
#[component]
pub fn PrintTicketsPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), print_tickets);
    view! {
        {loaded(
            data,
            move |run| {
                let event_id = run.event_id;
                view! {
                    <section class="form-page wide printing-tickets">
                        <div class="page-head">
                            <h1>{lang.t(Msg::TicketsToPrint)}</h1>
                            <a href=format!("/events/{event_id}/audience")>{lang.t(Msg::PeoplesChoice)}</a>
                        </div>
                        <p class="hint">{lang.t(Msg::HintPrintTickets)}</p>
                        {run.tickets.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NoTicketsToPrint)}</p> })}
                        <ul class="ticket-sheet">
                            {run
                                .tickets
                                .iter()
                                .map(|t| {
                                    view! {
                                        <li class="ticket">
                                            <div class="qr" aria-hidden="true" inner_html=t.qr_svg.clone()></div>
                                            <p>
                                                <strong>{lang.t(Msg::PeoplesChoice)}</strong>
                                            </p>
                                            <p dir="auto">{run.event_name.clone()}</p>
                                            <p class="mono">{format!("#{}", t.number)}</p>
                                            <p class="ticket-url mono">{t.url.clone()}</p>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            },
        )}
    }
}
