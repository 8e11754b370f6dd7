//! The mentor's profile page and the organizer's mentoring page.

use super::*;
use crate::i18n::{use_lang, Msg};
use crate::ui::{
    action_error, event_id_param, loaded, Checkbox, EventIdInput, Field, FormError, Notice, Submit, TextArea,
};

#[component]
pub fn MentorProfilePage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), mentor_profile);
    let save = ServerAction::<SaveMentorProfile>::new();
    let errors = action_error(save);
    let saved = Signal::derive(move || matches!(save.value().get(), Some(Ok(()))));
    view! {
        {loaded(
            data,
            move |p| {
                view! {
                    <section class="form-page">
                        <h1 dir="auto">{lang.t(Msg::MentorProfileTitle)} " · " {p.event_name.clone()}</h1>
                        <h2>{lang.t(Msg::MentoredTeams)}</h2>
                        {p.teams.is_empty().then(|| view! { <p class="muted">{lang.t(Msg::NothingHere)}</p> })}
                        <ul>{p.teams.iter().map(|t| view! { <li dir="auto">{t.clone()}</li> }).collect_view()}</ul>
                        <Notice when=saved message=Msg::Saved />
                        <ActionForm action=save>
                            <FormError errors />
                            <EventIdInput event_id=p.event_id />
                            <Field
                                label=Msg::FieldExpertise
                                name="expertise"
                                errors
                                value=p.expertise.clone()
                                hint=Msg::HintTags
                                dir_auto=true
                            />
                            <Field
                                label=Msg::FieldLanguages
                                name="languages"
                                errors
                                value=p.languages.clone()
                                hint=Msg::HintLanguages
                            />
                            <Field
                                label=Msg::FieldCapacity
                                name="capacity"
                                kind="number"
                                errors
                                value=p.capacity.to_string()
                                min="0".to_string()
                                max=CAPACITY_MAX.to_string()
                            />
                            <TextArea label=Msg::FieldBio name="bio" errors value=p.bio.clone() rows=3 />
                            <Field
                                label=Msg::FieldContact
                                name="contact"
                                errors
                                value=p.contact.clone()
                                hint=Msg::HintContact
                                dir_auto=true
                            />
                            <Submit label=Msg::Save />
                        </ActionForm>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}

#[component]
pub fn MentoringPage() -> impl IntoView {
    let lang = use_lang();
    let id = event_id_param();
    let data = Resource::new(move || id.get(), mentoring_overview);
    let auto = ServerAction::<AutoAssignMentors>::new();
    let manual = ServerAction::<AssignMentor>::new();
    let (auto_errors, manual_errors) = (action_error(auto), action_error(manual));
    view! {
        {loaded(
            data,
            move |o| {
                let event_id = o.event_id;
                let options: Vec<(String, String)> = std::iter::once((
                        String::new(),
                        lang.t(Msg::NoMentorYet).to_owned(),
                    ))
                    .chain(
                        o
                            .mentors
                            .iter()
                            .map(|m| (m.user_id.to_string(), format!("{} ({}/{})", m.name, m.load, m.capacity))),
                    )
                    .collect();
                view! {
                    <section class="form-page">
                        <div class="page-head">
                            <h1>{lang.t(Msg::MentoringTitle)}</h1>
                            <a href=format!("/events/{event_id}/manage")>{lang.t(Msg::ManageEvent)}</a>
                        </div>
                        <ActionForm action=auto>
                            <FormError errors=auto_errors />
                            <EventIdInput event_id />
                            <Field
                                label=Msg::FieldSeed
                                name="seed"
                                kind="number"
                                errors=auto_errors
                                value="1"
                                hint=Msg::HintSeedMentors
                            />
                            <Checkbox label=Msg::FieldRebalance name="rebalance" />
                            <Submit label=Msg::AutoAssignMentors />
                        </ActionForm>
                        {(!o.uncovered.is_empty())
                            .then(|| {
                                view! {
                                    <div class="form-error" role="status">
                                        <ul>
                                            {o
                                                .uncovered
                                                .iter()
                                                .map(|(team, why)| {
                                                    view! {
                                                        <li>
                                                            <span dir="auto">{team.clone()}</span>
                                                            ": "
                                                            {lang.t(*why)}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    </div>
                                }
                            })}
                        <FormError errors=manual_errors />
                        <table class="people">
                            <thead>
                                <tr>
                                    <th>{lang.t(Msg::FieldTeamName)}</th>
                                    <th>{lang.t(Msg::RoleMentor)}</th>
                                    <th>{lang.t(Msg::MatchedBecause)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {o
                                    .rows
                                    .clone()
                                    .into_iter()
                                    .map(|r| {
                                        let options = options.clone();
                                        let selected = r.mentor_id.map(|m| m.to_string()).unwrap_or_default();
                                        let why = if r.manual {
                                            lang.t(Msg::ManualAssignment).to_owned()
                                        } else {
                                            [r.skills.join(", "), r.language.clone()]
                                                .into_iter()
                                                .filter(|s| !s.is_empty())
                                                .collect::<Vec<_>>()
                                                .join(" · ")
                                        };
                                        view! {
                                            <tr>
                                                <td dir="auto">{r.team_name.clone()}</td>
                                                <td>
                                                    <ActionForm action=manual>
                                                        <EventIdInput event_id />
                                                        <input type="hidden" name="team_id" value=r.team_id />
                                                        <label
                                                            class="visually-hidden"
                                                            for=format!("f-mentor-{}", r.team_id)
                                                        >
                                                            {lang.t(Msg::RoleMentor)}
                                                        </label>
                                                        <select id=format!("f-mentor-{}", r.team_id) name="mentor_id">
                                                            {options
                                                                .into_iter()
                                                                .map(|(v, l)| {
                                                                    let is = v == selected;
                                                                    view! {
                                                                        <option value=v selected=is>
                                                                            {l}
                                                                        </option>
                                                                    }
                                                                })
                                                                .collect_view()}
                                                        </select>
                                                        <button type="submit" class="button">
                                                            {lang.t(Msg::Save)}
                                                        </button>
                                                    </ActionForm>
                                                </td>
                                                <td dir="auto">{why}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </section>
                }
                    .into_any()
            },
        )}
    }
}

/// The team's mentor card, on the team page.
#[component]
pub fn MentorCardView(card: MentorCard) -> impl IntoView {
    let lang = use_lang();
    view! {
        <aside class="card mentor">
            <h3>{lang.t(Msg::YourMentor)}</h3>
            <p>
                <strong dir="auto">{card.name}</strong>
            </p>
            {(!card.expertise.is_empty()).then(|| view! { <p>{card.expertise.join(" · ")}</p> })}
            {(!card.languages.is_empty()).then(|| view! { <p class="muted">{card.languages.join(" · ")}</p> })}
            {(!card.bio.is_empty()).then(|| view! { <p dir="auto">{card.bio}</p> })}
            {(!card.contact.is_empty())
                .then(|| view! { <p dir="auto">{lang.t(Msg::FieldContact)} ": " {card.contact}</p> })}
        </aside>
    }
}
