//! The organizer's people table: each person's role, with "Remove" (or, for a judge who has
//! scored, "Retire") behind a confirmation. The confirmation is a `<details>` that opens to
//! say what the removal does, with the button that does it: no script is needed, and a
//! single stray click removes no one.

use super::*;
use crate::i18n::{use_lang, Msg};
use crate::ui::{action_error, EventIdInput, FormError, RetiredMark};
use leptos::prelude::*;

/// One removal button behind its confirmation. `retire` makes it the judge's retirement.
#[component]
pub fn RemoveButton(
    event_id: i64,
    user_id: i64,
    role: Role,
    retire: bool,
    remove: ServerAction<RemoveRole>,
    retire_action: ServerAction<RetireJudge>,
) -> impl IntoView {
    let lang = use_lang();
    let (label, confirm, explain) = if retire {
        (Msg::RetireJudge, Msg::RetireJudgeConfirm, Msg::HintRetireJudge)
    } else {
        let explain = match role {
            Role::Organizer => Msg::HintRemoveOrganizer,
            Role::Mentor => Msg::HintRemoveMentor,
            _ => Msg::HintRemoveJudge,
        };
        (Msg::Remove, Msg::RemoveConfirmRole, explain)
    };
    let body = view! {
        <p class="hint">{lang.t(explain)}</p>
        <EventIdInput event_id />
        <input type="hidden" name="user_id" value=user_id />
        <button type="submit" class="button danger">
            {lang.t(confirm)}
        </button>
    };
    view! {
        <details
            class="confirm"
            data-user=user_id
            data-role=role.code()
            data-action=if retire { "retire" } else { "remove" }
        >
            <summary class="button link danger">{lang.t(label)}</summary>
            {if retire {
                view! {
                    <ActionForm action=retire_action attr:class="inline">
                        {body}
                    </ActionForm>
                }
                    .into_any()
            } else {
                view! {
                    <ActionForm action=remove attr:class="inline">
                        <input type="hidden" name="role" value=role.code() />
                        {body}
                    </ActionForm>
                }
                    .into_any()
            }}
        </details>
    }
}

/// What the table offers for one person: removal for organizers, mentors and judges without
/// scores, retirement for judges with scores, nothing for a retired judge or a participant
/// (whose place is their team's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    Remove,
    Retire,
    Nothing,
}

pub fn offer(p: &Person) -> Offer {
    match p.role {
        Role::Participant => Offer::Nothing,
        Role::Judge if p.retired => Offer::Nothing,
        Role::Judge if p.scored => Offer::Retire,
        _ => Offer::Remove,
    }
}

/// The event's people, with their roles and the removal of each.
#[component]
pub fn PeopleTable(event_id: i64, people: Vec<Person>) -> impl IntoView {
    let lang = use_lang();
    let remove = ServerAction::<RemoveRole>::new();
    let retire = ServerAction::<RetireJudge>::new();
    let (remove_errors, retire_errors) = (action_error(remove), action_error(retire));
    view! {
        <FormError errors=remove_errors />
        <FormError errors=retire_errors />
        <p class="hint">{lang.t(Msg::HintPeopleRemoval)}</p>
        <table class="people">
            <thead>
                <tr>
                    <th>{lang.t(Msg::FieldDisplayName)}</th>
                    <th>{lang.t(Msg::FieldEmail)}</th>
                    <th>{lang.t(Msg::RoleTitle)}</th>
                    <th></th>
                </tr>
            </thead>
            <tbody>
                {people
                    .into_iter()
                    .map(|p| {
                        let action = match offer(&p) {
                            Offer::Nothing => ().into_any(),
                            o => {
                                view! {
                                    <RemoveButton
                                        event_id
                                        user_id=p.user_id
                                        role=p.role
                                        retire=o == Offer::Retire
                                        remove
                                        retire_action=retire
                                    />
                                }
                                    .into_any()
                            }
                        };
                        view! {
                            <tr class:retired=p.retired>
                                <td dir="auto">{p.name}</td>
                                <td>{p.email}</td>
                                <td>{lang.t(p.role.label())} <RetiredMark retired=p.retired /></td>
                                <td>{action}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(role: Role, retired: bool, scored: bool) -> Person {
        Person { user_id: 1, name: "Amina".into(), email: "amina@example.ma".into(), role, retired, scored }
    }

    #[test]
    fn each_person_is_offered_what_the_rules_allow() {
        assert_eq!(offer(&person(Role::Organizer, false, false)), Offer::Remove);
        assert_eq!(offer(&person(Role::Mentor, false, false)), Offer::Remove);
        assert_eq!(offer(&person(Role::Judge, false, false)), Offer::Remove);
        assert_eq!(offer(&person(Role::Judge, false, true)), Offer::Retire);
        assert_eq!(offer(&person(Role::Judge, true, true)), Offer::Nothing);
        // Participants are their teams' business, whatever else they did.
        assert_eq!(offer(&person(Role::Participant, false, true)), Offer::Nothing);
    }
}
