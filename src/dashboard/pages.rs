//! The organizer's dashboard at /events/{id}/dashboard.

use super::dashboard;
use crate::events::{ArchivedBanner, EventEndingPanel};
use crate::i18n::{args, use_lang, Msg};
use crate::live::LiveRegion;
use crate::ui::{event_id_param, loaded};
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), dashboard);
    view! {
        {loaded(
            data,
            move |d| {
                let event_id = d.event_id;
                let c = d.counts.clone();
                let stat = move |key: Msg, n: i64| {
                    view! {
                        <div class="stat">
                            <span class="stat-n">{n}</span>
                            <span class="stat-label">{lang.t(key)}</span>
                        </div>
                    }
                };
                let pct = if d.assigned > 0 { d.done * 100 / d.assigned } else { 0 };
                let head = view! {
                    <div class="page-head">
                        <h1 dir="auto">{lang.t(Msg::DashboardTitle)} ": " {d.event_name.clone()}</h1>
                        <a href=format!("/events/{event_id}/show")>{lang.t(Msg::LeaderboardTitle)}</a>
                        <a href=format!("/events/{event_id}/judging")>{lang.t(Msg::JudgingTitle)}</a>
                        <a href=format!("/events/{event_id}/import")>{lang.t(Msg::ImportTitle)}</a>
                        <a href=format!("/events/{event_id}/audit")>{lang.t(Msg::AuditTitle)}</a>
                    </div>
                    <div class="stats">
                        {stat(Msg::CountParticipants, c.participants)} {stat(Msg::CountTeams, c.teams)}
                        {stat(Msg::CountSubmissions, c.submissions)} {stat(Msg::CountJudges, c.judges)}
                        {stat(Msg::CountMentors, c.mentors)}
                    </div>
                };
                let join = view! {
                    <h2>{lang.t(Msg::JoinAsParticipant)}</h2>
                    <figure class="join-qr">
                        <div inner_html=d.join_qr_svg.clone()></div>
                        <figcaption>
                            <a href=d.join_url.clone() dir="ltr">
                                {d.join_url.clone()}
                            </a>
                        </figcaption>
                    </figure>
                };
                let judging = view! {
                    <h2>{lang.t(Msg::JudgingProgress)}</h2>
                    <p>
                        {lang
                            .format(args::CoveredProjects {
                                progress: format!("{} / {}", d.covered, d.projects),
                            })} " · "
                        {lang
                            .format(args::ScoresDoneOf {
                                progress: format!("{} / {}", d.done, d.assigned),
                            })}
                    </p>
                    // A native progress bar: no inline style, which the CSP forbids.
                    <progress class="pj-bar" max="100" value=pct aria-label=lang.t(Msg::JudgingProgress)></progress>
                    <div class="table-scroll">
                        <table class="people">
                            <thead>
                                <tr>
                                    <th>{lang.t(Msg::JudgesTitle)}</th>
                                    <th>{lang.t(Msg::DeskProjects)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {d
                                    .judges
                                    .iter()
                                    .map(|(name, done, assigned)| {
                                        view! {
                                            <tr class:flagged={*done < *assigned}>
                                                <td dir="auto">{name.clone()}</td>
                                                <td>{format!("{done} / {assigned}")}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <h2>{lang.t(Msg::ReviewTitle)}</h2>
                    {if d.review.is_empty() {
                        view! { <p class="hint">{lang.t(Msg::NothingToReview)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="review">
                                {d
                                    .review
                                    .iter()
                                    .map(|r| {
                                        view! {
                                            <li class="card">
                                                <strong>{r.code.clone()}</strong>
                                                " "
                                                <span dir="auto">{r.title.clone()}</span>
                                                " · "
                                                {lang
                                                    .format(args::SpreadIs {
                                                        spread: format!("{:.1}", r.spread),
                                                    })}
                                                {(r.flags > 0)
                                                    .then(|| {
                                                        view! {
                                                            " · "
                                                            {lang.format(args::FlaggedBy { count: r.flags })}
                                                        }
                                                    })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                };
                let help = d.help.clone();
                let rest = view! {
                    <h2>{lang.t(Msg::HelpTitle)}</h2>
                    <div class="stats">
                        {stat(Msg::HelpOpenCount, help.open)} {stat(Msg::HelpClaimedCount, help.claimed)}
                        {stat(Msg::HelpResolvedCount, help.resolved)}
                    </div>
                    <p>
                        {help.median_wait_minutes.map(|m| lang.format(args::HelpMedianWait { minutes: m }))}
                        {help
                            .oldest_open_minutes
                            .map(|m| {
                                view! {
                                    " · "
                                    {lang.format(args::HelpOldestOpen { minutes: m })}
                                }
                            })}
                    </p>
                    <h2>{lang.t(Msg::CalibrationTitle)}</h2>
                    <p class="hint">{lang.t(Msg::HintCalibration)}</p>
                    {if d.calibration_svg.is_empty() {
                        view! { <p class="hint">{lang.t(Msg::BoardEmpty)}</p> }.into_any()
                    } else {
                        view! { <div class="calibration" inner_html=d.calibration_svg.clone()></div> }.into_any()
                    }}
                    <h2>{lang.t(Msg::ExportsTitle)}</h2>
                    <p class="exports">
                        <a class="button" href=format!("/events/{event_id}/teams.csv") rel="external">
                            {lang.t(Msg::ExportTeams)}
                        </a>
                        <a class="button" href=format!("/events/{event_id}/submissions.csv") rel="external">
                            {lang.t(Msg::ExportSubmissions)}
                        </a>
                        <a class="button" href=format!("/events/{event_id}/scores.csv?by=judge") rel="external">
                            {lang.t(Msg::ExportScoresByJudge)}
                        </a>
                        <a class="button" href=format!("/events/{event_id}/ranking.csv") rel="external">
                            {lang.t(Msg::ExportRanking)}
                        </a>
                        <a class="button" href=format!("/events/{event_id}/sessions.csv") rel="external">
                            {lang.t(Msg::ExportSessions)}
                        </a>
                    </p>
                    <p class="exports">
                        <a class="button primary" href=format!("/events/{event_id}/export.zip") rel="external">
                            {lang.t(Msg::ExportArchive)}
                        </a>
                    </p>
                    <p class="hint">{lang.t(Msg::HintExportArchive)}</p>
                };
                let ending = // Outside the live region: a refresh must never touch a form being filled in.
                view! { <EventEndingPanel event_id ending=d.ending.clone() /> };
                view! {
                    <section class="form-page wide" id="dashboard">
                        <ArchivedBanner archived=d.ending.archived />
                        {head.into_any()}
                        {join.into_any()}
                        {judging.into_any()}
                        {rest.into_any()}
                        <LiveRegion event_id topic=crate::live::Topic::Judging target="dashboard".to_string() />
                    </section>
                    <section class="form-page wide" id="event-end">
                        {ending}
                    </section>
                }
                    .into_any()
            },
        )}
    }
}
