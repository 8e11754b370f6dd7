//! The certificate pages: a participant's own (/events/{id}/certificate), every participant's
//! for the organizer to print (/events/{id}/certificates), and the check page anyone opens
//! from a certificate's QR code (/certificates/{code}). Printed, each certificate fills a
//! landscape page of its own and nothing else of the page is printed.

use super::*;
use crate::i18n::{args, use_lang, Lang, Msg};
use crate::ui::{event_id_param, loaded};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// One certificate, as printed.
#[component]
fn CertificateCard(c: Certificate, lang: Lang) -> impl IntoView {
    view! {
        <article class="certificate">
            <p class="certificate-kicker">{c.event_name.clone()}</p>
            <h2 class="certificate-title">{lang.t(Msg::CertificateTitle)}</h2>
            <p>{lang.t(Msg::CertificateCertifies)}</p>
            <p class="certificate-name" dir="auto">
                {c.name.clone()}
            </p>
            <p dir="auto">
                {lang
                    .format(args::CertificateTookPart {
                        event: &c.event_name,
                        dates: &c.dates,
                    })}
            </p>
            {c.team.clone().map(|team| view! { <p dir="auto">{lang.format(args::CertificateTeam { team })}</p> })}
            {c
                .project
                .clone()
                .map(|title| view! { <p dir="auto">{lang.format(args::CertificateProject { title })}</p> })}
            {(!c.distinctions.is_empty())
                .then(|| {
                    view! {
                        <h3>{lang.t(Msg::CertificateDistinctions)}</h3>
                        <ul class="certificate-distinctions">
                            {c.distinctions.iter().map(|d| view! { <li dir="auto">{d.clone()}</li> }).collect_view()}
                        </ul>
                    }
                })}
            <footer class="certificate-check">
                <div class="qr" aria-hidden="true" inner_html=c.qr_svg.clone()></div>
                <p>
                    {lang.t(Msg::CertificateCheckAt)} <br /> <a class="mono" href=verify_path(&c.code)>
                        {c.url.clone()}
                    </a>
                </p>
            </footer>
        </article>
    }
}

/// The signed-in participant's certificate.
#[component]
pub fn CertificatePage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), my_certificate);
    view! {
        {loaded(
            data,
            move |c| {
                view! {
                    <section class="form-page wide certificate-page">
                        <p class="hint no-print">{lang.t(Msg::CertificatePrintHint)}</p>
                        <CertificateCard c=c.clone() lang />
                    </section>
                }
            },
        )}
    }
}

/// Every participant's certificate, one printed page each.
#[component]
pub fn AllCertificatesPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), all_certificates);
    view! {
        {loaded(
            data,
            move |set| {
                view! {
                    <section class="form-page wide certificate-page">
                        <div class="page-head no-print">
                            <h1 dir="auto">{lang.t(Msg::AllCertificates)} ": " {set.event_name.clone()}</h1>
                            <a href=format!("/events/{}/show", set.event_id)>{lang.t(Msg::PublishTitle)}</a>
                        </div>
                        <p class="hint no-print">
                            {lang
                                .format(args::CertificatesCount {
                                    count: set.certificates.len() as i64,
                                })} " " {lang.t(Msg::CertificatePrintHint)}
                        </p>
                        {set.certificates.iter().cloned().map(|c| view! { <CertificateCard c lang /> }).collect_view()}
                    </section>
                }
            },
        )}
    }
}

/// What a certificate's code certifies, for anyone checking it.
#[component]
pub fn VerifyCertificatePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let code = params.with_untracked(|p| p.get("code").unwrap_or_default());
    let data = Resource::new(move || code.clone(), verify_certificate);
    view! {
        {loaded(
            data,
            move |c| {
                view! {
                    <section class="form-page wide certificate-page">
                        <p class="notice" role="status">
                            {lang
                                .format(args::CertificateGenuine {
                                    event: &c.event_name,
                                })}
                        </p>
                        <CertificateCard c=c.clone() lang />
                    </section>
                }
            },
        )}
    }
}
