//! The HTML shell, the header and the routes.

use crate::account::{AccountPage, ForgotPasswordPage, PrivacyPage, ResetPasswordPage};
use crate::admin::setup::AdminSetupPage;
use crate::admin::AdminPage;
use crate::audience::{AudienceConsolePage, BallotPage, PrintTicketsPage, TicketPage};
use crate::auth::{current_user, LoginPage, LogoutButton, SessionUser, SignupPage};
use crate::board::{AnnouncementBar, BoardControlPage, ProjectorPage, RankingPage};
use crate::certificates::{AllCertificatesPage, CertificatePage, VerifyCertificatePage};
use crate::checkin::{CheckinConsolePage, CheckinPage};
use crate::dashboard::{DashboardPage, ImportPage};
use crate::error::AppError;
use crate::events::{EventPage, HomePage, ManageEventPage, NewEventPage};
use crate::i18n::{Lang, Msg};
use crate::invites::InvitePage;
use crate::judging::{
    AuditPage, ConflictsPage, JudgeDeskPage, JudgingPage, PaperEntryPage, PassPage, ResultsPage, RubricPage,
    ScoreSheetsPage,
};
use crate::mentoring::{HelpQueuePage, MentorProfilePage, MentoringPage, MyDayPage, SessionsPage};
use crate::projects::{ProjectPage, SubmissionDetailPage, SubmissionsPage};
use crate::rooms::{RoomMapPage, RoomsPage};
use crate::slots::SlotsPage;
use crate::stage::StageConsolePage;
use crate::teams::{JoinTeamPage, OrganizerTeamsPage, TeamFinderPage, TeamPage};
use crate::ui::enhance::FormEnhancer;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;
use leptos_router::SsrMode;

/// The browser's bundles, as (name, cargo features): each page loads the smallest that does
/// its work. Every page's script (`web`: forms, live regions) has no reactive framework, nor
/// has the desk's (`desk`); the projector adds its island, and only its page pays for it.
/// scripts/build builds one WASM file per bundle, with the features named here.
/// (scripts/build reads this list as it is written: names and features as string literals.)
pub const BUNDLES: [(&str, &str); 3] =
    [("hakam-web", "web"), ("hakam-desk", "web,desk"), ("hakam-projector", "hydrate,projector-island")];
pub const WEB_BUNDLE: &str = BUNDLES[0].0;
pub const DESK_BUNDLE: &str = BUNDLES[1].0;
pub const PROJECTOR_BUNDLE: &str = BUNDLES[2].0;

/// The bundle the page at `path` loads.
pub fn bundle_for(path: &str) -> &'static str {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    match parts.as_slice() {
        ["", "events", _, "judge"] => DESK_BUNDLE,
        ["", "events", _, "projector"] => PROJECTOR_BUNDLE,
        _ => WEB_BUNDLE,
    }
}

/// Whether a bundle holds islands, which the framework's loader hydrates.
pub fn has_islands(bundle: &str) -> bool {
    BUNDLES.iter().any(|(name, features)| *name == bundle && features.split(',').any(|f| f == "hydrate"))
}

/// The scripts of this request's page: the islands' loader for a bundle with islands, else
/// the page script's own (a module that starts on load; the policy's nonce lets it run).
#[cfg(feature = "ssr")]
#[component]
fn PageScripts(options: LeptosOptions) -> impl IntoView {
    let path = use_context::<http::request::Parts>().map(|p| p.uri.path().to_owned()).unwrap_or_default();
    let bundle = bundle_for(&path);
    if !has_islands(bundle) {
        let nonce = leptos::nonce::use_nonce();
        let loader = format!("import init from '/pkg/{bundle}.js';init({{module_or_path:'/pkg/{bundle}.wasm'}});");
        view! {
            <link rel="modulepreload" href=format!("/pkg/{bundle}.js") />
            <script type="module" nonce=nonce inner_html=loader></script>
        }
        .into_any()
    } else {
        let mut options = options;
        options.output_name = std::sync::Arc::from(bundle);
        view! { <HydrationScripts options islands=true /> }.into_any()
    }
}

/// The document. `lang`/`dir` are set here, on the server, so Arabic is right-to-left from
/// the first byte, before any script runs. Pages render in `SsrMode::Async`: one complete
/// document, readable on a phone whose scripts never arrive.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions, lang: Lang) -> impl IntoView {
    use leptos_meta::MetaTags;
    // The Content-Security-Policy names this render's nonce, which the loader script and the
    // renderer's data scripts carry (see `server::headers`).
    crate::server::headers::set_page_policy();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code() dir=lang.dir()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <link rel="stylesheet" href="/pkg/hakam.css" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <PageScripts options />
                <MetaTags />
            </head>
            <body>
                <App lang />
            </body>
        </html>
    }
}

#[component]
pub fn App(lang: Lang) -> impl IntoView {
    provide_meta_context();
    provide_context(lang);
    let user: Resource<Result<Option<SessionUser>, AppError>> = Resource::new(|| (), |_| current_user());
    provide_context(user);
    view! {
        <Title text=lang.t(Msg::AppName) />
        <Router>
            <a class="skip-link" href="#main">
                {lang.t(Msg::SkipToContent)}
            </a>
            <Header user />
            <FormEnhancer
                unreachable=crate::error::AppError::Request(String::new()).summary(lang)
                unsent=lang.t(Msg::DeskSignOutUnsent).to_owned()
            />
            <AnnouncementBar />
            <main id="main" tabindex="-1">
                <Routes fallback=move || view! { <h1>{lang.t(Msg::ErrNotFound)}</h1> }>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/signup") view=SignupPage ssr=SsrMode::Async />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/forgot") view=ForgotPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/reset/:token") view=ResetPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/privacy") view=PrivacyPage ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/setup/:token") view=AdminSetupPage ssr=SsrMode::Async />
                    <Route path=path!("/events/new") view=NewEventPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id") view=EventPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/manage") view=ManageEventPage ssr=SsrMode::Async />
                    <Route path=path!("/invite/:code") view=InvitePage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/team") view=TeamPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/board") view=TeamFinderPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/teams") view=OrganizerTeamsPage ssr=SsrMode::Async />
                    <Route path=path!("/join/:code") view=JoinTeamPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/project") view=ProjectPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/submissions") view=SubmissionsPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/mentor") view=MentorProfilePage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/my-day") view=MyDayPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/mentoring") view=MentoringPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/sessions") view=SessionsPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/help") view=HelpQueuePage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/vote") view=BallotPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/audience") view=AudienceConsolePage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/audience/print") view=PrintTicketsPage ssr=SsrMode::Async />
                    <Route path=path!("/vote/:code") view=TicketPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/submissions/:team") view=SubmissionDetailPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/judging") view=JudgingPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/rubric") view=RubricPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/results") view=ResultsPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/judge") view=JudgeDeskPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/conflicts") view=ConflictsPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/sheets") view=ScoreSheetsPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/paper") view=PaperEntryPage ssr=SsrMode::Async />
                    <Route path=path!("/pass/:token") view=PassPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/audit") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/projector") view=ProjectorPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/show") view=BoardControlPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/stage") view=StageConsolePage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/certificate") view=CertificatePage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/certificates") view=AllCertificatesPage ssr=SsrMode::Async />
                    <Route path=path!("/certificates/:code") view=VerifyCertificatePage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/checkin") view=CheckinConsolePage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/rooms") view=RoomsPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/rooms/map") view=RoomMapPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/slots") view=SlotsPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/checkin/:code") view=CheckinPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/ranking") view=RankingPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/dashboard") view=DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/events/:id/import") view=ImportPage ssr=SsrMode::Async />
                </Routes>
            </main>
            <footer class="site-footer">
                <a href="/privacy">{lang.t(Msg::PrivacyLink)}</a>
            </footer>
        </Router>
    }
}

#[component]
fn Header(user: Resource<Result<Option<SessionUser>, AppError>>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let location = use_location();
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">
                {lang.t(Msg::AppName)}
            </A>
            <nav aria-label=lang.t(Msg::MainNavigation)>
                <Suspense fallback=|| ()>
                    {move || {
                        user.get()
                            .map(|u| match u.ok().flatten() {
                                Some(u) => {
                                    view! {
                                        // The page script keeps the judge desk's copies of this
                                        // person's scores only (`ui::enhance`).
                                        <span class="who" dir="auto" data-user=u.id>
                                            {u.display_name.clone()}
                                        </span>
                                        {u
                                            .has_password
                                            .then(|| view! { <A href="/account">{lang.t(Msg::AccountLink)}</A> })}
                                        {u.is_admin.then(|| view! { <A href="/admin">{lang.t(Msg::AdminTitle)}</A> })}
                                        <LogoutButton />
                                    }
                                        .into_any()
                                }
                                None => {
                                    view! {
                                        <A href="/login">{lang.t(Msg::LogIn)}</A>
                                        <A href="/signup">{lang.t(Msg::SignUp)}</A>
                                    }
                                        .into_any()
                                }
                            })
                    }}
                </Suspense>
            </nav>
            <nav class="langs" aria-label=lang.t(Msg::Language)>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let href = move || {
                            format!("/lang/{}?next={}", l.code(), crate::auth::urlencode(&location.pathname.get()))
                        };
                        // A plain link: switching works before (and without) WASM.
                        view! {
                            <a
                                href=href
                                rel="external nofollow"
                                hreflang=l.code()
                                lang=l.code()
                                aria-current=(l == lang).then_some("true")
                            >
                                {l.native_name()}
                            </a>
                        }
                    })
                    .collect_view()}
            </nav>
        </header>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_desk_and_the_projector_load_their_own_bundles() {
        assert_eq!(bundle_for("/events/3/judge"), "hakam-desk");
        assert_eq!(bundle_for("/events/3/judge/"), "hakam-desk");
        assert_eq!(bundle_for("/events/3/projector"), "hakam-projector");
        for path in ["/", "/events/3", "/events/3/import", "/events/3/judging", "/events/3/judge/x", "/login"] {
            assert_eq!(bundle_for(path), "hakam-web", "{path}");
        }
        assert!(has_islands(PROJECTOR_BUNDLE));
        assert!(!has_islands(WEB_BUNDLE) && !has_islands(DESK_BUNDLE) && !has_islands("nothing"));
    }
}
