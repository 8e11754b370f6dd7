### Hakam's interface in English.
###
### One message per entry: `message-id = text`. Translators change only the text on the right
### of `=`; the ids are what the code uses. A text may run on to indented lines below it.
###
### `{ $name }` inserts a value. Every language must use the same variables for a message:
### the build stops and names the message when one differs, is missing or does not parse.
### Where a value counts something, choose the words by CLDR plural category:
###
###     import-confirm = { $count ->
###         [one] Import { $count } row
###        *[other] Import { $count } rows
###     }
###
### English uses `one` and `other`; French `one` (0 and 1) and `other`; Arabic `zero`, `one`,
### `two`, `few` (3-10), `many` (11-99) and `other` (100, 101, 102, ...). `*` marks the variant
### used when no other fits. The browser renders these files too, so only text, variables and
### such plural choices are accepted (no terms, functions or attributes).
###
### To add a message, add it to every language file under the same id; the code gets a key
### named after it (`import-confirm` becomes `Msg::ImportConfirm`). To add a language, see
### "Translations" in README.md.

app-name = Hakam
tagline = Team formation, mentoring and fair judging for hackathons and digital bootcamps.
skip-to-content = Skip to content
main-navigation = Main navigation
language = Language
loading = Loading…

sign-up = Sign up
sign-up-title = Create your account
log-in = Log in
log-in-title = Log in to Hakam
log-out = Log out
have-account = Already have an account?
no-account = No account yet?
signed-in-as = You are signed in as { $name }.
field-display-name = Full name
field-email = Email address
field-password = Password
hint-password = At least ten characters.

events-title = Events
no-events = No events yet.
create-event = Create event
manage-event = Manage event
view-public-page = View public page
open-event = Open the event
event-details = Event details
your-roles = Your roles
join-as-participant = Join as a participant
log-in-to-join = Log in to join
schedule-title = Schedule
tracks-title = Tracks
people-title = People
team-size-line = Team size: { $range }
field-event-name = Event name
field-description = Description
field-venue = Venue
field-timezone = Time zone
hint-timezone = A time zone name, e.g. Africa/Casablanca.
hint-content-languages = Write it in at least one language; readers of a language left empty see the first one written.
hint-schedule-timezone = Times are entered in the event's time zone.
field-team-min = Minimum team size
field-team-max = Maximum team size
field-starts-at = Event starts
field-ends-at = Event ends
field-registration-opens = Registration opens
field-registration-closes = Registration closes
field-hacking-starts = Hacking starts
field-submission-deadline = Submission deadline
field-judging-opens = Judging opens
field-judging-closes = Judging closes
field-results-at = Results announced
field-track-name = Track name
field-track-description = Track description
add-track = Add track
field-organizer-email = Co-organizer's email
add-organizer = Add co-organizer
save = Save
saved = Saved.
remove = Remove

role-title = Role
role-organizer = Organizer
role-mentor = Mentor
role-judge = Judge
role-participant = Participant
role-admin = Platform admin

invites-title = Invite links
hint-invites = Each link grants one role in this event. Share it, or show its QR code to scan with a phone.
field-role = Role
field-invite-label = Who is it for?
hint-invite-label = Optional, e.g. the judge's name.
field-max-uses = Number of uses
hint-max-uses = How many people may use this link. For a judge or mentor link meant for one person, set 1.
field-valid-days = Valid for (days)
create-invite = Create invite link
invite-link = Link
invite-expires = expires
invite-valid = Valid
invite-expired = Expired
invite-revoked = Revoked
invite-used-up = Used up
revoke = Revoke
allow = Allow
invite-heading = Invitation: { $role }
invite-already-accepted = You have already accepted this invitation.
accept-invite = Accept invitation
sign-up-and-accept = Create account and accept

admin-title = Administration
can-create-events = Can create events

err-required = This field is required.
err-too-long = This is too long.
err-too-long-max = { $count ->
        [one] At most { $count } character.
       *[other] At most { $count } characters.
    }
err-invalid-characters = Contains characters that are not allowed.
err-email-invalid = Enter a valid email address, like name@example.ma.
err-email-taken = An account with this email already exists. Log in instead.
err-password-too-short = { $count ->
        [one] The password must be at least { $count } character long.
       *[other] The password must be at least { $count } characters long.
    }
err-bad-credentials = Wrong email or password.
err-too-many-attempts = Too many failed attempts. Try again in an hour.
err-sign-in-required = Please log in first.
err-forbidden = You are not allowed to do this.
err-not-found = Not found.
err-fix-fields = Please correct the fields marked below.
err-internal = Something went wrong on our side. Nothing was saved; please try again.
err-network = Could not reach the server. Check the connection and try again.
err-bad-request = The request was malformed. Reload the page and try again.
err-changed-meanwhile = Someone else changed this meanwhile. Your changes were not saved; copy your text, then reload the page.
err-timezone = Unknown time zone. Use a name like Africa/Casablanca.
err-date-time = Enter a valid date and time.
err-team-size-range = Enter a number from 1 to { $max }.
err-number-range = Enter a number in the range { $range }.
err-team-max-below-min = The maximum cannot be below the minimum.
err-ends-before-start = The end must be after the start.
err-after-registration-opens = Must be after registration opens.
err-after-hacking-starts = Must be after hacking starts.
err-after-submission-deadline = Must be after the submission deadline.
err-after-judging-opens = Must be after judging opens.
err-after-judging-closes = Must be after judging closes.
err-within-event = Must fall within the event.
err-track-exists = This event already has a track with that name.
err-no-such-account = No account uses this email. Send an invite link instead.
err-cannot-create-events = You cannot create events yet. Ask the platform admin to allow it.
event-navigation = Event sections
team-title = My team
board-title = Team board
profile-title = My profile for this event
field-skills = My skills
field-languages = Languages I speak
hint-languages = For example: ar, fr, en
hint-tags = Separated by commas, e.g. design, data, Rust
field-bio = Short bio
field-looking = I am looking for a team
create-team = Create a team
field-team-name = Team name
field-pitch = One-line pitch
field-track = Track
no-track-yet = Not chosen yet
field-needs = Skills we need
join-with-code = Join with a code
field-team-code = Team code
join-team = Join the team
join-team-heading = Join team { $team }
team-invite-link = Team invite link
open-seats = Open seats: { $count }
captain = Captain
make-captain = Make captain
leave-team = Leave the team
join-requests-title = Requests to join
accept = Accept
decline = Decline
filter-skill = Skill
filter-language = Language
filter = Filter
teams-with-seats = Teams with open seats
people-looking = People looking for a team
nothing-here = Nothing here for now.
field-message = Short message
ask-to-join = Ask to join
request-sent = Your request was sent to the captain.
fit-score = Fit
fit-needed = covers needs: { $skills }
fit-new = adds: { $skills }
fit-language = shared language
teams-overview = Teams
teams-count = Teams ({ $count })
solos-count = Participants without a team ({ $count })
below-minimum = Below the minimum size.
dissolve-team = Dissolve team
move-to = Move to
move = Move
field-teams-locked-at = Lock team changes from
hint-teams-lock = After this time participants can no longer change teams. Leave empty for no lock.
field-seed = Draw number
hint-seed = The same number gives the same teams for the same participants.
hint-seed-judges = The same number gives the same assignment of judges for the same projects and judges.
hint-seed-mentors = The same number gives the same mentors to the same teams.
auto-form-teams = Form teams automatically
auto-team-name = Team { $number }
err-teams-locked = Teams are locked: no more changes.
err-team-full = This team is full.
err-already-in-team = You are already in a team for this event.
err-team-name-taken = A team with this name already exists in this event.
err-request-already-decided = This request was already decided.
err-captain-cannot-remove-self = The captain cannot remove themselves; leave the team instead.
err-not-a-participant = This person is not a participant of the event.
err-team-not-empty = A team that still has members cannot be dissolved.
project-title = Our project
status-submitted = Submitted
status-draft = Draft
status-none = No project yet
status-late = Late
all-statuses = All statuses
deadline-is = Edits are open until { $deadline }
field-title = Project title
field-tagline = Tagline
field-repo-url = Repository link
field-demo-url = Demo link
field-video-url = Video link
field-technologies = Technologies
field-status = Status
save-draft = Save draft
submit-project = Submit project
screenshots-title = Screenshots
screenshot-alt = Project screenshot
field-screenshot = Add a screenshot
hint-screenshot = A PNG, JPEG, WebP or GIF image, 2 MB at most.
upload = Upload
history-title = Edit history
submissions-title = Submissions
export-csv = Export CSV
updated = Updated
links = Links
extend-deadline = Extend until
err-need-team = Join a team first.
err-deadline-passed = The deadline was { $deadline }. Edits are no longer accepted.
err-project-changed-by = { $name } changed the project meanwhile. Your changes were not saved; your text is still here: copy it, then reload the page.
err-url = Enter a full link starting with https://
err-upload-too-large = The file is too large (at most { $size }).
err-not-an-image = This file is not a PNG, JPEG, WebP or GIF image.
err-save-project-first = Save the project first, then add images.
err-too-many-screenshots = { $count ->
        [one] At most { $count } image.
       *[other] At most { $count } images.
    }
err-team-too-small = { $count ->
        [one] The team needs at least { $count } member to submit.
       *[other] The team needs at least { $count } members to submit.
    }
submission-deadline = Deadline
edit-team = Edit team
view-project = View project
event-skills-title = Event skills
hint-event-skills = Suggested to participants when they fill their profile.
suggested-skills = Suggested skills: { $skills }
mentor-profile-title = My mentor profile
mentored-teams = Teams I mentor
field-expertise = My expertise
field-capacity = Maximum number of teams
field-contact = Contact
hint-contact = What you share with your teams: phone, email, where you sit…
mentoring-title = Mentoring
auto-assign-mentors = Assign mentors automatically
field-rebalance = Reassign everyone from scratch
no-mentor-yet = No mentor
manual-assignment = Assigned by hand
matched-because = Why
uncovered-language = no mentor speaks a language of the team
uncovered-expertise = no mentor covers the team's track or needs
uncovered-capacity = the suitable mentors are at capacity
err-not-a-mentor = This person is not a mentor of the event.
your-mentor = Your mentor
sessions-title = Mentoring sessions
times-in = Times in { $timezone }
offer-slot = Offer a slot
field-slot-starts = Starts
field-slot-ends = Ends
field-location = Where
booked-by = Booked by { $name }
slot-free = Free
slot-booked = Booked
book = Book
cancel-booking = Cancel booking
session-notes = Session notes
attendance = Attendance
attended = Attended
absent = Did not come
err-slot-too-long = A slot lasts at most four hours.
err-slot-overlaps = You already have a slot at that time.
err-team-busy-then = Your team already has a session at that time.
err-slot-taken = Another team just booked this slot.
err-slot-not-booked = This slot is not booked.
help-title = Help desk
ask-for-help = Ask for help
field-help-topic = What do you need?
field-help-skill = Skill (e.g. design, data)
field-help-location = Where you sit (table, room)
our-requests = Our requests
help-queue = Request queue
help-open = Waiting
help-claimed = Mentor on the way
help-resolved = Resolved
help-cancelled = Withdrawn
mentor-coming = { $name } is coming.
resolved = Resolved
withdraw = Withdraw
claim-request = I'll take it
release = Put back
show-all-requests = Show all requests
show-my-skills = Only my skills
waiting-minutes = waiting { $minutes } min
help-stats-title = Statistics
median-wait = Median wait
median-resolve = Median time to resolve
minutes = { $minutes } min
err-already-helping = You are already helping a team. Finish that request first.
err-request-taken = Another mentor just took this request.
err-not-your-request = This request is not yours.
err-request-closed = This request is closed.
err-too-many-tags = Too many tags.
err-tag-too-long = A tag is too long.
err-registration-closed = Registration for this event is closed.
err-team-link-registration-closed = Registration for this event is closed, so this team link can no longer sign you up. Ask the organizers to add you as a participant.
join-team-registers-you = Joining this team also registers you for this event as a participant.
join-team-staff = You already hold another role in this event: a team link only adds participants.
err-invite-unknown = This invite link does not exist. Check it with the organizers.
err-invite-expired = This invite link has expired. Ask the organizers for a new one.
err-invite-revoked = The organizers revoked this invite link.
err-invite-used-up = This invite link has already been used. Ask the organizers for a new one.
judging-title = Judging
judging-settings = Judging settings
judging-is-open = Judging is open: judges can score now.
judging-is-closed = Judging is closed: judges cannot score now.
field-judges-per-project = Judges per project
field-disagreement = Disagreement threshold (points out of 100)
hint-disagreement = A project is flagged when the gap between its highest and lowest judge total exceeds this.
field-method = Ranking method
method-z = Normalized per judge (z)
method-raw = Raw mean
field-judging-state = Judging state
state-scheduled = Follow the schedule
state-open = Open now
state-closed = Closed
field-hide-names = Hide team and member names from judges (code and title only)
judges-title = Judges
hint-judge-passes = Add a judge by name: they get a link and QR code that sign their phone in to this event's scoring only, with no password. The link is shown once; “Show link” gives a new one (phones already signed in stay signed in). “New link” and “Revoke sign-in” sign out all of their phones at once. Links expire a day after judging closes; “Extend” adds days. Judges with their own account (for example one who joined through a judge invite with a password) sign in with it and get no link.
add-judge = Add judge (phone link)
judge-progress = Done: { $progress }
declared-conflicts = Declared conflicts: { $count }
judge-pass-link = Phone sign-in link
renew-pass = New link
revoke-pass = Revoke sign-in
judge-available = Available for new assignments
all-tracks = All tracks
assignment-title = Assigning projects to judges
hint-judge-assignment = Each submitted project gets the chosen number of judges, loads balanced, conflicts of interest excluded (the judge's own team, teams they mentored, declared conflicts). Re-running keeps scores already given.
field-rebalance-judges = Redistribute everything (scored projects stay)
run-assignment = Assign projects
under-covered = Projects short of judges: { $count }
absent-marks = Absent at judges' visits: { $count }
absent-flagged = Teams found absent by two judges: { $count }. Find them before sending more judges to their tables.
project-code = Code
table-label = Table / location
flagged = Flagged
add-extra-judge = Assign another judge to this project
hint-no-rubric-yet = No rubric yet: judges cannot score until there is one.
rubric-title = Rubric
rubric-event-wide = Whole event
rubric-inherited = This track uses the event's rubric. Save here to give it its own.
rubric-locked = Scores were given under this version: saving creates a new version, and the judges concerned will be asked to score again.
rubric-affected = Projects scored under an earlier version of the rubric (to be re-scored):
rubric-version = Version { $version }
criterion-n = Criterion { $number }
field-criterion-name = Criterion name (leave empty to skip this row)
field-weight = Weight
field-scale = Scale
field-levels = Level descriptors
hint-levels = One line per level, lowest first.
save-rubric = Save rubric
add-criterion = Add a criterion
rubric-preview = Preview: the judge's view
results-title = Results
results-explain-z = Normalized ranking: each judge's totals are standardized over the projects that judge scored, z = (total − judge mean) / judge standard deviation, put back on the event scale as μ + σ·z (μ, σ: mean and standard deviation of all totals), and averaged per project. A judge who scored fewer than 3 projects counts with raw totals.
results-explain-raw = Ranked by the raw mean of judge totals (out of 100). The normalized score is shown for comparison.
results-explain-ties = Total out of 100 = Σ weight × position of the mark on its scale / Σ weights. Ties are broken by: the other method, more judges, earlier submission, then the lower code.
export-ranking = Export ranking (CSV)
export-scores-by-judge = Scores by judge (CSV)
export-scores-by-project = Scores by project (CSV)
outdated-scores = Scores given under an earlier rubric version: { $count }. They still count, on the 0–100 scale.
review-title = Projects to review
hint-disagreement-list = { $points ->
        [one] Judges disagree strongly (more than { $points } point) or a judge flagged it.
       *[other] Judges disagree strongly (more than { $points } points) or a judge flagged it.
    }
spread-is = Spread: { $spread }
flagged-by = Flags: { $count }
overall-ranking = Overall ranking
rank = Rank
spread = Spread
judge-desk-title = Scoring
conflicts-title = Conflicts of interest
hint-conflicts = Tick teams you know a member of or have worked with: their projects will not be assigned to you. Your own team and teams you mentored are excluded automatically. This takes effect at the organizers' next assignment.
conflict-automatic = excluded automatically
pass-intro = Tap to sign this phone in and open the projects assigned to you.
start-scoring = Start scoring
hint-judge-no-password = Your name is enough: this phone stays signed in to this event's scoring only, no password.
judge-with-account = Have an account? Log in first.
desk-not-scored = Not scored yet
desk-saved = Saved ✓
desk-waiting = Kept on this phone, waiting to send…
desk-stale = This score was changed from another device.
desk-rubric-changed = The rubric changed: please score again.
desk-keep-mine = Keep mine
desk-use-saved = Show the saved one
desk-retry = Retry
desk-table = Table { $table }
desk-room-table = { $room }, table { $table }
desk-next = Next: { $place }
desk-tables-ahead = { $count ->
        [one] 1 table ahead
       *[other] { $count } tables ahead
    }
desk-about = About the project
desk-weight = (weight { $weight })
desk-notes = Private notes for the organizers
desk-flag = Flag for the organizers
desk-save-next = Save and next
desk-absent = Team absent
desk-projects = Projects
desk-previous = Previous
desk-skip = Skip
desk-all-projects = All my projects
desk-done = Done ✓
desk-progress = Done: { $progress }
desk-pending-count = Waiting to send: { $count }
desk-sign-out-unsent = Scores made on this phone are not sent yet, and signing out deletes them from it. Sign out anyway?
desk-closed = Judging is closed: scores are read-only.
desk-nothing-assigned = No project is assigned to you yet.
err-judging-closed = Judging is closed: the score was not saved.
err-no-rubric = There is no rubric for this project yet.
err-no-judge-available = No judge is available for this project without a conflict of interest.
err-not-a-number = Enter a number.
err-pass-invalid = This sign-in link is no longer valid. Ask the organizers for a new one.
## Judge passes: one event, pass-only judges, hashed and expiring links.
err-pass-own-login = This judge has an account with a password and signs in with it. Phone links are only for judges added by name.
err-pass-expired = This sign-in link has expired. Ask the organizers to extend it.
err-no-live-pass = This judge has no valid link: issue a new link or extend the expired one.
judge-own-login = Signs in with own account
judge-pass-only = Signs in with a phone link
pass-valid-until = Link valid until { $date }
pass-expired-on = Link expired on { $date }
pass-none = No valid link
pass-shown-once = New link, shown this once: copy it or let the judge scan the code. To see it again, “Show link” replaces it with a new one without signing out a phone already signed in.
show-pass = Show link
extend-pass = Extend
field-extend-days = Days
import-pass-shown-once = Link shown once at import; use “Show link” on the judging page.
err-rubric-empty = Add at least one criterion.
err-too-many-levels = More descriptors than levels on the scale ({ $count }).
err-unknown-criterion = This criterion is not in the rubric.
audit-title = Audit log
hint-audit = Sensitive actions and every score save, newest first (the last { $count }).
audit-when = When
audit-who = Who
audit-what = Action
audit-detail = Details
visibility-hidden = Hidden
visibility-organizers = Organizers only
visibility-public = Public (everyone, judges included)
reveal-all = All results at once
reveal-ranking = The ranking from last to first
reveal-tracks = Each track's winner, one after another
judging-progress = Judging progress
scores-done-of = Scores: { $progress }
board-not-shown = The leaderboard is not shown right now.
board-frozen = Leaderboard frozen during deliberation
board-live = Live
board-final = Final results
reveal-step-of = Reveal: { $progress }
board-empty = No project has been scored yet.
board-more = { $count ->
        [one] …and { $count } more project
       *[other] …and { $count } more projects
    }
err-nothing-to-publish = Nothing to publish: no project has been scored.
err-not-published = Publish the results first.
err-announcement-empty = Write the announcement in at least one language.
full-screen = Full screen
leaderboard-title = Leaderboard
open-projector = Open projector mode
public-results = Results
dashboard-title = Dashboard
publish-title = Publication and reveal
published-at = Results published: { $time }
reveal-title = Reveal
reveal-back = Back
reveal-next = Reveal next
reveal-end = Reveal all
withdraw-results = Withdraw the results
hint-publish = Publishing takes a copy of the current results and makes it public, step by step if you choose a reveal.
field-reveal-mode = Reveal
republish = Publish again with the current results
publish-results = Publish the results
freeze-title = Freeze
hint-freeze = Freezing stops the public leaderboard where it is (for example during deliberation); scoring goes on.
frozen-since = Frozen since { $time }
unfreeze = Unfreeze
freeze = Freeze the public leaderboard
board-settings = Leaderboard settings
field-visibility = Who sees the live leaderboard before publication
field-top-n = Projects shown large
field-rotate-seconds = Seconds per page
field-show-comments = The judges' feedback (without their names)
announcements-title = Announcements
announcement-ar = Announcement in Arabic
announcement-fr = Announcement in French
announcement-en = Announcement in English
post-announcement = Post the announcement
retire-announcement = Remove
your-rank = Your rank: { $rank }
judges-comments = Judges' feedback
results-not-published = The results are not published yet.
calibration-title = Judge calibration
calibration-mean = mean { $mean }
hint-calibration = Each judge's totals (0–100), raw then normalized: a lenient judge's dots sit to the right, a harsh judge's to the left.
count-participants = Participants
count-teams = Teams
count-submissions = Submissions
count-judges = Judges
count-mentors = Mentors
covered-projects = Projects with enough judges: { $progress }
nothing-to-review = No project needs a review.
help-open-count = Open
help-claimed-count = Being handled
help-resolved-count = Resolved
help-median-wait = Median wait before a mentor takes it: { $minutes } min
help-oldest-open = Oldest open request waiting { $minutes } min
exports-title = Exports (CSV)
export-teams = Teams and members
export-submissions = Submissions
export-sessions = Mentoring sessions
export-archive = Whole event (ZIP)
hint-export-archive = Every CSV above and every screenshot, in one file to keep once the event is over.
import-title = Import (CSV)
import-not-csv = This is not a readable CSV.
import-missing-column = A column is missing from the header line.
import-too-many-rows = Too many rows (2,000 at most).
import-too-long = Value too long.
import-duplicate = Repeated in the file.
import-unknown-track = No such track in this event.
import-already-done = This batch was already imported.
import-has-problems = Fix the rows with problems and send again: nothing was imported.
import-participants = Participants (one invite link each)
import-mentors = Mentors (one invite link each)
import-judges = Judges (one phone sign-in link each)
import-projects = Projects (a team and a submitted project per row)
import-new = New import
hint-import = Paste a CSV (commas or semicolons) or cells copied from a spreadsheet. The first line names the columns. Nothing is written until you have checked the preview and confirmed.
import-kind = What to import
import-csv = CSV content
import-check = Preview
import-done = { $count ->
        [one] Imported: { $count } row. Send each link to its person.
       *[other] Imported: { $count } rows. Send each link to its person.
    }
import-preview = { $count ->
        [one] Preview: { $count } row ready
       *[other] Preview: { $count } rows ready
    }
import-problems = Problems to fix: { $count }
import-line = Line { $line }
import-confirm = { $count ->
        [one] Import { $count } row
       *[other] Import { $count } rows
    }
import-file = Or choose a CSV file

## Floods, lockouts and the first admin.
err-rate-limited = { $seconds ->
        [one] Too many attempts. Try again in { $seconds } second.
       *[other] Too many attempts. Try again in { $seconds } seconds.
    }
err-busy = The server is busy. Try again in a moment.
back-to-form = Back to the form
admin-setup-title = Set up the platform admin
admin-setup-intro = This link makes the signed-in account the platform admin. It works once.
admin-setup-sign-in = Log in or create your account first, then open this link again.
admin-setup-claim = Become the platform admin
err-admin-setup-used = This set-up link is not valid or was already used.
err-admin-setup-other-account = This link is reserved for another account, chosen by whoever runs the server.
## Holes closed in review: score saves, team dissolution and renaming, clashing roles.
err-too-many-marks = More marks were sent than the rubric has criteria.
err-team-has-judged-project = This team cannot be dissolved: its project is submitted or being judged, and scores are never deleted.
err-role-clash = One person cannot be a judge and a participant or mentor in the same event, unless the organizers allow it.
field-team-new-name = Team name
rename-team = Rename
field-allow-clash = Allow holding judge and participant or mentor roles together
hint-allow-clash = Normally a judge of this event cannot accept this invite as a participant or mentor (nor the reverse). Tick only if that is intended.
## Web hardening: public announcements on the projector.
announcement-public = Also show on the public projector (anyone can see it)
announcement-is-public = Public
announcement-members-only = Event members only
## The judge's desk: a tap made before the page has finished loading.
desk-not-sent-yet = Not saved yet: your choice is sent as soon as the page has finished loading.
## Accounts people can recover: the account page, reset links, "forgot your password?".
account-link = My account
account-title = My account
account-profile-title = Name and email
account-save-profile = Save name and email
account-profile-saved = Your name and email address were saved.
account-password-title = Password
account-change-password = Change password
account-password-changed = Your password was changed. Every other device where you were signed in has been signed out.
account-sessions-title = Devices signed in
account-sessions-intro = Lost a phone or used a shared computer? Sign out everywhere: every device where your account is signed in, this one included, is signed out at once.
account-sign-out-everywhere = Sign out everywhere
field-current-password = Current password
field-new-password = New password
hint-password-for-email = Needed only to change your email address.
hint-new-password = At least ten characters. Every other device where you are signed in will be signed out.
err-current-password-wrong = This is not your current password.
err-password-changed-meanwhile = Your password was changed meanwhile from another device. Log in again and retry.
err-reset-link-invalid = This reset link does not work: it was already used, it has expired, or a newer link replaced it. Ask for a new one.
err-reset-pass-only = This account signs in with a judge's phone link and has no password. Its organizers can renew the link.
forgot-password-link = Forgot your password?
forgot-title = Forgot your password?
forgot-intro = This server does not send emails. To get back into your account, ask for a one-time reset link:
forgot-ask-admin = the platform admin (whoever runs Hakam for your association or university) can give you one;
forgot-ask-organizer = at an event, ask its organizers: they will pass your request to the platform admin.
forgot-judges = Judges who sign in with a phone link need no password: ask the organizers for a new link.
forgot-intro-mail = Enter the email address of your account: a one-time reset link will be sent to it.
forgot-ask-too = You can also ask for a reset link:
forgot-mail-submit = Email me a reset link
forgot-mail-sent = If an account uses this address, a reset link is on its way to it. Look in the spam folder too; the link works once, for one hour.
reset-mail-subject = Your Hakam password reset link
reset-mail-greeting = Hello { $name },
reset-mail-explain = { $minutes ->
        [one] Someone, hopefully you, asked to set a new password for your Hakam account. Open this link to choose one. It works once, for { $minutes } minute:
       *[other] Someone, hopefully you, asked to set a new password for your Hakam account. Open this link to choose one. It works once, for { $minutes } minutes:
    }
reset-mail-ignore = If you did not ask for it, ignore this message: your password stays as it is.
err-mail-off = This server cannot send emails. Ask the platform admin for a reset link.
reset-title = Choose a new password
reset-intro = This one-time link sets a new password for your account. Every device where your account is signed in will be signed out; you then log in with the new password.
reset-submit = Set the new password
reset-ask-again = The link does not work any more?
reset-done = Your new password is set, and every device was signed out. Log in with your new password.
signed-out-everywhere = You were signed out on every device.
admin-reset-intro = Someone who forgot their password gets a one-time reset link from you. Pass it on only to that person, by a channel you trust: whoever holds the link can take over the account for an hour.
admin-reset-column = Password reset
admin-reset-issue = Issue a reset link
admin-reset-pass-only = Signs in with a phone link
admin-reset-link-label = One-time reset link (shown once)
admin-reset-link-hint = { $minutes ->
        [one] Works once, for { $minutes } minute. Issuing another link cancels this one.
       *[other] Works once, for { $minutes } minutes. Issuing another link cancels this one.
    }

## Events end cleanly: archiving (read-only) and deleting an archived event.
err-event-archived = This event is archived: it can be read and exported, but nothing in it can change. Its organizers can unarchive it.
err-event-not-archived = This event is not archived.
err-archive-before-results = Results are not due yet: tick the box to confirm the event is over.
err-delete-export-first = Download the whole event (ZIP) first: an event is deleted only after a full export downloaded since it was archived.
err-delete-name-mismatch = Type the event's name exactly as it is written to confirm.
archive-title = End of the event
archive-intro = Once the results are out, archive the event: it becomes read-only for everyone (no team, project, score or setting can change) and stays readable and exportable.
archive-confirm = I confirm: the event is over, make it read-only.
archive-confirm-early = Results are not due yet. I confirm the event is over anyway and want it read-only now.
archive-submit = Archive the event
archived-banner = This event is archived: it is read-only. Everything in it can still be read and exported.
unarchive-hint = Archived by mistake? Unarchiving makes the event editable again.
unarchive-submit = Unarchive the event
delete-title = Delete the event
delete-intro = Deleting removes the event and everything in it for good: roles, teams, projects and screenshots, scores, judges' links, invites, mentoring, the board and the event's history. People's accounts stay. This cannot be undone.
delete-export-first = Download the whole event (ZIP) first: deletion is refused until a full export has been downloaded since the event was archived.
delete-export-done = A full export was downloaded since the event was archived.
field-confirm-name = Type the event's name to confirm
delete-submit = Delete the event for good

## Personal data (Moroccan law 09-08): downloading it, deleting the account, the privacy notice.
privacy-link = Privacy
signup-privacy-note = What Hakam keeps about you, why, for how long, and your rights:
account-data-title = Your data
account-data-intro = Download a copy of everything Hakam keeps about you: your account, roles, teams, projects, mentoring, the scores you gave as a judge and the notes about your team, in one JSON file.
account-data-download = Download my data
account-privacy-link = Read the privacy notice
account-delete-title = Delete my account
account-delete-intro = Deleting your account cannot be undone. Your name, email address, password, profiles and team memberships are deleted, and you are signed out everywhere. If you are a team captain, the longest-standing member of your team becomes captain.
account-delete-keeps = The scores and comments you gave as a judge stay, under "Deleted account" instead of your name, so that results already given do not change. Your team keeps its project.
account-delete-limits = The platform admin cannot delete their account while they are the only admin, nor an organizer while they are the only organizer of an event: make someone else admin or co-organizer first.
field-delete-confirm = Type your email address to confirm
account-delete-submit = Delete my account for good
account-deleted = Your account was deleted. Your email address can be used to create a new account.
err-delete-confirm-mismatch = Type the email address of this account, exactly.
err-last-admin = You are the only platform admin: make another account admin before deleting yours.
err-last-organizer = You are the only organizer of "{ $event }": add a co-organizer before deleting your account.
privacy-title = Privacy notice
privacy-intro = This notice says which personal data Hakam keeps, why, who sees it and for how long, and how to use your rights, as Moroccan law 09-08 on the protection of individuals with regard to the processing of personal data requires.
privacy-controller-title = Who is responsible
privacy-controller-body = The data controller is the association or institution that runs this Hakam platform and organizes its events. Hakam runs on its own server: it uses no advertising, tracker or outside service, except the mail server its operator may set up to send password reset links.
privacy-controller-contact = Contact:
privacy-controller-unset = No contact is published here yet: ask the organizers of your event, who will pass your request on.
privacy-stored-title = What is stored, and why
privacy-stored-account = Your account: your name, your email address, your password (only as an irreversible hash) and when you signed up, to sign you in and so that organizers can reach you.
privacy-stored-roles = Your roles in each event (participant, mentor, judge, organizer) and the invites you accepted, to give each role its pages.
privacy-stored-teams = Your profile in each event (skills, languages, a short presentation), your team and your requests to join teams, to form teams.
privacy-stored-projects = Your team's project, the history of its changes (who changed what, and when) and its screenshots, to submit it and have it judged.
privacy-stored-mentoring = Mentoring: mentor profiles (expertise, the contact details a mentor chooses to share), booked sessions, help requests, and the mentor's notes and attendance for each session, to organize coaching.
privacy-stored-judging = Judging: the scores and comments each judge gives, their edit history and the conflicts of interest judges declare, to rank projects fairly and verifiably.
privacy-stored-sessions = Sessions: a cookie that keeps you signed in, with its record on the server; failed sign-ins with the address they came from, to stop password guessing; a cookie that recognizes browsers that signed in before.
privacy-stored-logs = Logs: an audit log of sensitive actions (who did what, and when), kept with the data; the server's technical log, kept by the system of whoever runs the server.
privacy-stored-backups = Backups: copies of the whole database, screenshots included, to recover from a breakdown.
privacy-who-title = Who sees it
privacy-who-you = You see all of it, and can download it from your account page.
privacy-who-organizers = The organizers of an event see, for that event, the names and email addresses of its people, their profiles, teams and projects, the mentoring notes, the scores and judges' comments, and the audit log.
privacy-who-people = Your teammates see your name and your team's project; participants looking for a team see each other's profiles; mentors see the teams they coach; judges see the projects they score (without team names if the organizers choose so).
privacy-who-public = Anyone can see an event's public page and, once published, its results: team names and project titles, never the judges' names.
privacy-who-admin = The platform admin sees the list of accounts (names and email addresses). Nothing is sold or handed to anyone else.
privacy-retention-title = How long it is kept
privacy-retention-events = What belongs to an event (teams, projects, screenshots, mentoring notes, scores) is kept until its organizers delete the event.
privacy-retention-account = Your account is kept until you delete it. The scores and comments you gave as a judge then stay, without your name, so that published results do not change.
privacy-retention-sessions = { $minutes ->
        [one] A session ends after { $minutes } minute without activity, when you sign out, or when your password changes. Failed sign-ins are kept two days at most, recognized browsers 90 days after their last sign-in, and a reset link works for one hour.
       *[other] A session ends after { $minutes } minutes without activity, when you sign out, or when your password changes. Failed sign-ins are kept two days at most, recognized browsers 90 days after their last sign-in, and a reset link works for one hour.
    }
privacy-retention-backups-every = { $minutes ->
        [one] This server takes a backup every { $minutes } minute.
       *[other] This server takes a backup every { $minutes } minutes.
    }
privacy-retention-backups-off = This server takes no scheduled backups; whoever runs it may take some by hand.
privacy-retention-backups-keep = { $count ->
        [one] Only the newest scheduled backup is kept and older ones are removed: data deleted from Hakam leaves the backups as they are replaced. Backups taken by hand are kept until whoever runs the server removes them.
       *[other] The newest { $count } scheduled backups are kept and older ones are removed: data deleted from Hakam leaves the backups as they are replaced. Backups taken by hand are kept until whoever runs the server removes them.
    }
privacy-retention-logs = The audit log is kept with the data it is about; the technical log as long as the server's system keeps it.
privacy-rights-title = Your rights
privacy-rights-intro = Law 09-08 gives you the right to be informed, and the rights of access, rectification, opposition and deletion. In Hakam:
privacy-right-access = Access: "Download my data" on your account page gives you everything Hakam keeps about you, at once.
privacy-right-rectification = Rectification: you change your name, email address and password on your account page, and your profiles and your team's project on the event's pages.
privacy-right-opposition = Opposition: you may object, for legitimate reasons, to the processing of your data: tell the organizers of the event or the controller, or delete your account.
privacy-right-deletion = Deletion: "Delete my account" on your account page deletes your account and your personal data at once, keeping only the scores you gave as a judge, without your name.
privacy-rights-contact = If you cannot sign in, or for anything else, write to the controller named above. You may also lodge a complaint with the CNDP (Commission nationale de contrôle de la protection des données à caractère personnel).
privacy-account-link = Go to my account page

## Removing people from an event; judges who scored are retired.
hint-people-removal = Removing someone ends their role in this event at their next click. Participants are not removed here: they leave their team, or the captain or the organizers move them.
remove-confirm-role = Yes, remove
retire-judge = Retire
retire-judge-confirm = Yes, retire this judge
judge-retired = retired
hint-remove-organizer = They will no longer run this event. The last organizer cannot be removed.
hint-remove-mentor = Their upcoming sessions are withdrawn (teams' bookings are cancelled and kept with their notes), the help requests they are handling go back to the queue, and their teams are left without a mentor.
hint-remove-judge = Their phone links stop working and their projects go back to the pool: run the assignment again to fill the seats.
hint-retire-judge = This judge has scored: their scores stay in the results, marked retired. They lose access now, their phone links stop working, and the projects they had not finished go back to the pool.
err-last-organizer-removed = The last organizer cannot be removed: add another organizer first.
err-participant-not-removed-here = Participants are not removed here: they leave their team, or the captain or the organizers move them.
err-judge-has-scored = This judge has scored: retire them instead, so their scores stay in the results.
err-judge-not-scored = This judge has not scored: remove them instead.
err-judge-retired = This judge was retired: they keep their scores but no longer judge in this event.
err-removed-from-role = The organizers removed you from this role. Ask them for a new link.

## People's choice
peoples-choice = People's choice
vote-state-off = Off: no people's choice
vote-state-open = Open: voting now
vote-state-closed = Closed: counted, no more changes
vote-count = { $count ->
        [one] { $count } vote
       *[other] { $count } votes
    }
ticket-number = Ticket #{ $number }
vote-hint-one = Tap the project you like best. You can change your vote until voting closes.
votes-left = { $count ->
        [one] You have 1 vote left. You can change your votes until voting closes.
       *[other] You have { $count } votes left, one per project. You can change them until voting closes.
    }
votes-all-used = You have used all your votes. Take one back to choose another project.
vote-closed-for-voters = Voting is closed. Thank you for voting!
vote-not-open-yet = Voting has not opened yet. Come back when the organizers open it.
ballot-empty = No project has been submitted yet.
vote-for = Vote for this project
withdraw-vote = Take my vote back
your-vote = Your vote
own-team-no-vote = Your team's project: you cannot vote for it.
ticket-intro = This ticket gives you one vote for the people's choice. It works once, on one phone: use it on the phone you will vote with.
use-ticket = Vote with this ticket
audience-intro = Participants vote with their own account, never for their own team; visitors vote with a printed ticket if you allow it. The tally is for organizers only. Close the vote before publishing the results: the people's choice is then published with them and revealed last.
peoples-choice-published = The people's choice is published with the results.
vote-settings = Vote settings
field-vote-state = Vote
field-votes-each = Projects each voter may choose
field-tickets-vote = Visitors with a ticket may vote
hint-tickets-vote = Make tickets below, print them and hand one to each visitor at the entrance. A ticket works once, in one browser; if a phone loses its answer while using one, give the visitor another ticket and void the first. Turning tickets off stops new ticket votes; votes already cast with tickets still count until you void those tickets.
live-tally = Live tally
tally-team = Team
votes = Votes
voters-and-votes = Voters: { $voters } · votes: { $votes }
tickets-title = Visitor tickets
ticket-counts = Made: { $made } · used: { $used } · voided: { $void }
bulk-tickets-title = Tickets that look used by one person. Check them before publishing; void them if they are.
bulk-one-browser = { $count } tickets used in the same browser, from { $first } over { $minutes } min:
bulk-one-address = { $count } tickets used from the same network address, from { $first } over { $minutes } min (a venue's Wi-Fi can be shared by many honest visitors):
field-ticket-count = How many tickets
make-tickets = Make tickets to print
field-void-tickets = Ticket numbers to void
hint-void-tickets = Like "12, 13, 40". Their votes are deleted and they can no longer be used.
void-tickets = Void these tickets
tickets-to-print = Tickets to print
hint-print-tickets = Print this page: only the tickets are printed, several to a page, to cut out. The codes wait in your own session until you make more tickets or your session ends; the event keeps only their digests.
print-last-tickets = { $count ->
        [one] Print the ticket just made
       *[other] Print the { $count } tickets just made
    }
no-tickets-to-print = No tickets to print: make some on the vote's page.
err-withdraw-results-first = The people's choice is published with the results. Withdraw the results first, then change the vote, and publish again.
err-vote-own-team = You cannot vote for your own team's project.
err-no-votes-left = You have used all your votes. Take one back first.
err-ticket-numbers = Enter ticket numbers separated by commas, like "12, 13".
err-ticket-voided = This ticket was voided by the organizers.
err-tickets-not-accepted = Votes with tickets are not accepted in this event.
err-vote-not-open = Voting is not open.
err-vote-crossed = Your vote changed on another screen meanwhile. Reload the page and try again.
err-ticket-unknown = This ticket is not valid. Check the link, or ask at the entrance.
err-participants-vote-themselves = Participants vote with their own account, not with a ticket.
err-ticket-used = This ticket was already used on another phone.
err-votes-already-cast = Votes have been cast: the number of votes each can no longer change.
err-no-such-tickets = No ticket with these numbers is left to void.
err-close-vote-first = The people's choice vote is still open. Close it first, so it is published with the results.

## Paper score sheets
paper-sheets-title = Paper score sheets
paper-sheets-intro = For judges who cannot score on a phone: print their sheets (one page per project, in the order they walk the hall). The QR code on each page opens the form where an organizer keys the sheet in; the score's history names who did.
paper-sheets-for = Sheets of
all-judges = Every judge
show-sheets = Show
no-sheets = No judge has projects with a rubric yet.
sheet-judge = Judge: { $name }
sheet-rubric-version = Rubric version { $version }
sheet-circle-hint = Circle one level per criterion.
sheet-signature = Judge's signature:
enter-this-sheet = Key in this sheet
paper-entry-title = Key in a paper sheet
paper-saved = Saved: the score is now at version { $version }.
paper-held-scored = This judge has already scored this project; keying in the sheet replaces that score.
paper-held-draft = This judge has started scoring this project; keying in the sheet replaces that draft.
save-paper-sheet = Save the sheet
paper-entered-by = Entered by { $name } from paper
key-in-against-current-rubric = Key it in against the rubric in force
print-score-sheets = Print paper score sheets
err-rubric-changed-since-printed = The rubric changed since this sheet was printed: its levels may no longer mean the same. Print a new sheet, or key this one in against the rubric in force (reload this form to find the link).
err-paper-score-changed = The judge's score changed since this form opened (from the judge's phone or another organizer). Nothing was saved: reload the form to see it.

## Stage
stage-title = Stage
stage-intro = Finalists pitch one after another: put each project on stage and run its pitch timer. The projector shows the project on stage with the time left, and so does each judge's desk, with a link to score it. Every screen counts down together; a pause or a restart reaches them all at once.
on-stage = On stage
nobody-on-stage = Nobody is on stage.
start-timer = Start the timer
pause-timer = Pause the timer
reset-timer = Reset the time
next-on-stage = Next: { $project }
clear-stage = Clear the stage
lineup = Line-up
no-projects-to-pitch = No project has been submitted yet.
pitched = Pitched
put-on-stage = Put on stage
pitch-length = Pitch length
field-pitch-length = Pitch length
hint-pitch-length = Minutes ("5"), or minutes and seconds ("4:30"), from 0:30 to 60. A pitch already started keeps its time; the next one gets the new length.
score-this-pitch = Score this project
pitch-not-yours = Not one of your projects.
err-nobody-on-stage = Nobody is on stage: put a project on stage first.
err-pitch-length = Give minutes ("5") or minutes and seconds ("4:30"), from 0:30 to 60 minutes.

## Feedback teams can use
desk-feedback = Feedback for the team
hint-desk-feedback = The team reads it once the results are published, if the organizers allow it, without your name.
hint-desk-notes = Only the organizers read these.
teams-see-after-publication = What each team sees of its own result once the results are published
field-show-rank = Its place, overall and in its track
field-show-marks = Its average mark on each criterion
your-marks = Your marks
criterion = Criterion
average-mark = Average
mark-scale = Scale

## Certificates of participation
certificate-title = Certificate of participation
certificate-certifies = This certifies that
certificate-took-part = took part in { $event } ({ $dates })
certificate-team = in the team { $team }
certificate-project = with the project “{ $title }”
certificate-distinctions = Distinctions
certificate-check-at = Check this certificate at:
certificate-print-hint = To keep it, use your browser's Print and choose “Save as PDF”.
all-certificates = Certificates of participation
certificates-count = Certificates: { $count }.
certificate-genuine = This certificate is genuine: issued by Hakam for { $event }. It reads as the event stands today.
distinction-first = First place
distinction-second = Second place
distinction-third = Third place
distinction-track-winner = Winner of the { $track } track
distinction-peoples-choice = People's choice award
err-certificates-not-yet = Certificates are ready once the results are published and revealed in full.
my-certificate = Your certificate of participation

## The help desk on the day
help-position = Place in the queue: { $position }
help-estimate = A mentor should reach you in about { $minutes } min.
help-no-estimate = No estimate yet: no request was resolved in the last hour.
help-claim-limit = A request a mentor holds for { $minutes } minutes without resolving or releasing it goes back to the queue.
help-expired = “{ $topic }” ({ $team }) went back to the queue: you held it for more than { $minutes } minutes without resolving or releasing it.
help-settings = Help desk settings
field-claim-minutes = Minutes a mentor may hold a request
err-claim-minutes = Give whole minutes, from 5 to 240.
err-mentor-busy = This mentor is already helping a team.
mentors-load = Mentors
mentor-busy = Helping: { $what }
mentor-idle = Free for { $minutes } min
mentor-idle-never = Free, has not resolved a request yet
resolved-last-hour = Resolved in the last hour: { $count }
field-hand-to = Send a mentor
hand-request = Send
mentored-assigned = assigned mentor
mentored-at-help-desk = helped at the help desk
mentored-in-session = held a session
does-not-judge-mentored = Does not judge the teams they mentored:
my-day-title = My day
day-help-desk = Help desk
day-holding = You have been helping for { $held } min; it goes back to the queue in { $left } min unless you resolve or release it.
day-waiting = Teams waiting for help: { $count }
day-free-slot = Not booked
day-teams = Teams you mentor
day-table = table { $table }
day-no-judging = You do not judge the teams you mentored, wherever you mentored them.

## Check-in at the venue
checkin-title = Check-in
checkin-teams-here = Teams here: { $here } / { $of }
checkin-people-here = People here: { $here } / { $of }
checkin-scan-hint = Participants scan this code with their phone, signed in, to check themselves in.
checkin-renew-code = Make a new code (the old one stops working)
checkin-make-code = Make a check-in code
checkin-export = Check-in list (CSV)
checkin-no-team = Without a team
checkin-here = here
checkin-not-here = not here
checkin-since-scanned = here since { $at } (scanned the code)
checkin-since-ticked = here since { $at } (ticked by an organizer)
checkin-mark = Present
checkin-undo = Undo
checkin-you-are-here = You are checked in (since { $at }).
checkin-im-here = I'm here
checkin-back = Back to the event
err-checkin-code = This check-in code is no longer valid. Ask the organizers for the current one.
field-present-only = Only teams checked in at the venue
hint-present-only = Projects of teams not here get no new judges; the judges they already have are kept.

# Rooms and tables
rooms-title = Rooms and tables
rooms-hint = Name the rooms in the order judges walk through them. Judges' phones list their projects in that order, room after room and tables by number, and say where the next one is.
field-room-name = Room name
field-room-capacity = Tables in the room
hint-room-capacity = Leave empty for no limit.
add-room = Add the room
remove-room = Remove the room
room-tables-used = Tables used: { $placed } / { $capacity }
room-tables-used-any = Tables used: { $placed }
place-auto-title = Place projects automatically
hint-place-auto = Projects without a room are placed track by track, each track kept together, at tables numbered in walking order after those already in use.
field-place-again = Place every project again (places set by hand are replaced)
place-auto = Place projects
place-title = Projects and their places
judge-rooms = Rooms (none ticked: every room)
field-room = Room
no-room = No room
room-map = Map of the rooms
room-map-hint = Print this page: each room on a sheet of its own.
not-placed = Not placed yet
err-room-name-taken = Another room of this event has this name.
err-no-rooms = Add a room first.
err-rooms-too-small = Too few free tables: { $missing } missing. Give a room more tables or add a room; nothing was placed.

## Pitch slots
slots-title = Pitch slots
slots-hint = Each assignment gets a time window, no judge or team booked twice, judges walking their rooms in order, with a break every few pitches. Made again after changes, the schedule leaves the slots already judged, and those under way, where they are.
field-slots-start = First pitch at
field-slot-length = Length of a slot
hint-slot-length = Minutes ("7"), or minutes and seconds ("6:30"), from 0:30 to 60.
field-break-every = A break after every … slots
hint-break-every = 0 or empty: no breaks.
field-break-minutes = Length of a break (minutes)
hint-slots-present-only = Teams not checked in get no slot, and lose those not judged yet; make the schedule again once they are here.
slots-make = Make the schedule
slots-make-again = Make the schedule again
slots-clear = Clear the slots not yet judged
slots-unscheduled = { $count ->
        [one] 1 assignment has no slot yet: make the schedule again.
       *[other] { $count } assignments have no slot yet: make the schedule again.
    }
slot-time = Time
slot-state-head = State
slot-none = No slot
slot-later = Later
slot-now = Under way
slot-late = Late
slot-scored = Judged
slot-absent = Team absent
slot-team-absent = { $count ->
        [one] marked absent once
       *[other] marked absent { $count } times
    }
slot-move = Move later
team-slots-title = Judges at your table
team-slot-next = You're next: a judge is on the way.
team-slot-line = A judge at your table at { $time }
desk-slot = Your slot: { $time }
desk-slot-before = before it starts
desk-slot-left = left
err-slot-done = This slot is already judged; it stays where it is.
err-no-slots = Make the schedule first.
place-list-title = Place from a list
hint-place-list = One project a line: its code, its room, its table (P007, Salle B, 14), as copied from a spreadsheet or a CSV file. A first line of column names is skipped; an empty room takes the project out of its room. The list is applied whole or not at all.
field-places = Places
place-list = Place the projects listed
err-place-row = Lines { $lines }: each line needs a project's code, then a room and a table (at most 40 characters).
err-place-code = Lines { $lines }: no submitted project of this event has that code.
err-place-room = Lines { $lines }: this event has no room of that name.
err-place-twice = Lines { $lines }: a project is listed twice, or its table is already taken in that room.
err-place-full = { $room } has too few tables for this list; nothing was placed.
room-plan-of = Floor plan of { $room }
field-room-plan = Floor plan (an image, 3 MB at most)
remove-plan = Remove the floor plan
