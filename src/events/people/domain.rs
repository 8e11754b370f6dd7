//! The rules of removing someone's role in an event: plain functions over what the database
//! holds, so they are tested without one.
//!
//! - An organizer is removed unless they are the event's last one (an organizer removing
//!   themself included: someone must be left to run the event).
//! - A mentor is removed; what they held is handed back (see `people::db`).
//! - A judge who has not scored is removed and their assignments go back to the pool. A judge
//!   with any score (a draft, a mark, an absence) is retired instead: their scores stay in the
//!   results, which must stay explainable, and only the access ends.
//! - Participants are not removed here: a participant's place is their team's (leaving,
//!   removal by the captain, the organizer's moves and dissolutions have their own rules).

use crate::auth::Role;
use crate::error::AppError;
use crate::i18n::Msg;

/// What the database holds about the person and the role, read in the removing transaction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Held {
    /// The person holds the role in the event (a retired judge still does).
    pub holds: bool,
    /// The judge role was retired.
    pub retired: bool,
    /// The person has a score (of any status) in the event.
    pub scored: bool,
    /// How many organizers the event has.
    pub organizers: i64,
}

/// What is done to the role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    RemoveOrganizer,
    RemoveMentor,
    RemoveJudge,
    RetireJudge,
}

/// Why a removal or retirement is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The person does not hold the role in this event (or the id is another event's).
    NotHeld,
    LastOrganizer,
    /// Participants leave through their team's flows.
    Participant,
    /// The judge has scored: retire them instead.
    HasScored,
    /// The judge has not scored: remove them instead.
    NotScored,
    AlreadyRetired,
}

impl Refusal {
    pub fn error(self) -> AppError {
        match self {
            Refusal::NotHeld => AppError::NotFound,
            Refusal::LastOrganizer => AppError::Conflict(Msg::ErrLastOrganizerRemoved),
            Refusal::Participant => AppError::Conflict(Msg::ErrParticipantNotRemovedHere),
            Refusal::HasScored => AppError::Conflict(Msg::ErrJudgeHasScored),
            Refusal::NotScored => AppError::Conflict(Msg::ErrJudgeNotScored),
            Refusal::AlreadyRetired => AppError::Conflict(Msg::ErrJudgeRetired),
        }
    }
}

/// What removing `role` does, or why it is refused.
pub fn removal(role: Role, held: &Held) -> Result<Change, Refusal> {
    if role == Role::Participant {
        return Err(Refusal::Participant);
    }
    if !held.holds {
        return Err(Refusal::NotHeld);
    }
    match role {
        Role::Organizer if held.organizers <= 1 => Err(Refusal::LastOrganizer),
        Role::Organizer => Ok(Change::RemoveOrganizer),
        Role::Mentor => Ok(Change::RemoveMentor),
        Role::Judge if held.retired => Err(Refusal::AlreadyRetired),
        Role::Judge if held.scored => Err(Refusal::HasScored),
        Role::Judge => Ok(Change::RemoveJudge),
        Role::Participant => Err(Refusal::Participant),
    }
}

/// Whether a judge may be retired: only one who holds the role, is not retired yet, and has
/// scored (a judge without scores is removed, leaving nothing behind).
pub fn retirement(held: &Held) -> Result<Change, Refusal> {
    match held {
        Held { holds: false, .. } => Err(Refusal::NotHeld),
        Held { retired: true, .. } => Err(Refusal::AlreadyRetired),
        Held { scored: false, .. } => Err(Refusal::NotScored),
        _ => Ok(Change::RetireJudge),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn held(organizers: i64) -> Held {
        Held { holds: true, retired: false, scored: false, organizers }
    }

    #[test]
    fn the_last_organizer_stays() {
        assert_eq!(removal(Role::Organizer, &held(1)), Err(Refusal::LastOrganizer));
        assert_eq!(removal(Role::Organizer, &held(2)), Ok(Change::RemoveOrganizer));
        // Whoever asks, themself included: the count is what matters.
        assert_eq!(removal(Role::Organizer, &held(0)), Err(Refusal::LastOrganizer));
    }

    #[test]
    fn only_a_held_role_is_removed() {
        let none = Held { holds: false, ..held(2) };
        for role in [Role::Organizer, Role::Mentor, Role::Judge] {
            assert_eq!(removal(role, &none), Err(Refusal::NotHeld), "{role:?}");
        }
        assert_eq!(retirement(&none), Err(Refusal::NotHeld));
    }

    #[test]
    fn participants_are_left_to_their_teams() {
        assert_eq!(removal(Role::Participant, &held(2)), Err(Refusal::Participant));
        assert_eq!(removal(Role::Participant, &Held::default()), Err(Refusal::Participant));
    }

    #[test]
    fn a_mentor_is_removed() {
        assert_eq!(removal(Role::Mentor, &held(1)), Ok(Change::RemoveMentor));
    }

    #[test]
    fn a_judge_who_scored_is_retired_not_removed() {
        let unscored = held(1);
        let scored = Held { scored: true, ..unscored };
        let retired = Held { retired: true, ..scored };
        assert_eq!(removal(Role::Judge, &unscored), Ok(Change::RemoveJudge));
        assert_eq!(removal(Role::Judge, &scored), Err(Refusal::HasScored));
        assert_eq!(retirement(&scored), Ok(Change::RetireJudge));
        assert_eq!(retirement(&unscored), Err(Refusal::NotScored));
        assert_eq!(retirement(&retired), Err(Refusal::AlreadyRetired));
        assert_eq!(removal(Role::Judge, &retired), Err(Refusal::AlreadyRetired));
    }

    #[test]
    fn refusals_say_why_in_the_catalogue() {
        assert_eq!(Refusal::NotHeld.error(), AppError::NotFound);
        assert_eq!(Refusal::HasScored.error(), AppError::Conflict(Msg::ErrJudgeHasScored));
        assert_eq!(Refusal::LastOrganizer.error(), AppError::Conflict(Msg::ErrLastOrganizerRemoved));
        assert_eq!(AppError::Conflict(Msg::ErrJudgeHasScored).http_status(), 409);
    }
}
