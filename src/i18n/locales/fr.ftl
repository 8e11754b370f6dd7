### L'interface de Hakam en français.
###
### Syntax, plural categories and how to add a message or a language: see the header of
### en.ftl and "Translations" in README.md. French plural categories: `one` (0 and 1) and
### `other` (`many` exists for round millions; `other` covers it when left out).

app-name = Hakam
tagline = Formation des équipes, mentorat et jury transparent pour les hackathons et bootcamps numériques.
skip-to-content = Aller au contenu
main-navigation = Navigation principale
language = Langue
loading = Chargement…

sign-up = Créer un compte
sign-up-title = Créer votre compte
log-in = Se connecter
log-in-title = Connexion à Hakam
log-out = Se déconnecter
have-account = Vous avez déjà un compte ?
no-account = Pas encore de compte ?
signed-in-as = Vous êtes connecté·e en tant que { $name }.
field-display-name = Nom complet
field-email = Adresse e-mail
field-password = Mot de passe
hint-password = Au moins dix caractères.

events-title = Événements
no-events = Aucun événement pour l'instant.
create-event = Créer un événement
manage-event = Gérer l'événement
view-public-page = Voir la page publique
open-event = Ouvrir l'événement
event-details = Détails de l'événement
your-roles = Vos rôles
join-as-participant = Participer à l'événement
log-in-to-join = Connectez-vous pour participer
schedule-title = Calendrier
tracks-title = Parcours
people-title = Personnes
team-size-line = Taille des équipes : { $range }
field-event-name = Nom de l'événement
field-description = Description
field-venue = Lieu
field-timezone = Fuseau horaire
hint-timezone = Nom du fuseau, par exemple Africa/Casablanca.
hint-content-languages = Écrivez-le dans au moins une langue ; qui lit une langue laissée vide voit le premier texte écrit.
hint-schedule-timezone = Les heures sont saisies dans le fuseau horaire de l'événement.
field-team-min = Taille minimale d'équipe
field-team-max = Taille maximale d'équipe
field-starts-at = Début de l'événement
field-ends-at = Fin de l'événement
field-registration-opens = Ouverture des inscriptions
field-registration-closes = Clôture des inscriptions
field-hacking-starts = Début du hackathon
field-submission-deadline = Date limite de dépôt
field-judging-opens = Ouverture du jury
field-judging-closes = Clôture du jury
field-results-at = Proclamation des résultats
field-track-name = Nom du parcours
field-track-description = Description du parcours
add-track = Ajouter un parcours
field-organizer-email = E-mail du co-organisateur
add-organizer = Ajouter un co-organisateur
save = Enregistrer
saved = Enregistré.
remove = Supprimer

role-title = Rôle
role-organizer = Organisateur·rice
role-mentor = Mentor
role-judge = Membre du jury
role-participant = Participant·e
role-admin = Administrateur de la plateforme

invites-title = Liens d'invitation
hint-invites = Chaque lien donne un rôle dans cet événement. Partagez-le ou montrez son QR code à scanner.
field-role = Rôle
field-invite-label = Pour qui ?
hint-invite-label = Facultatif, par exemple le nom du juré.
field-max-uses = Nombre d'utilisations
hint-max-uses = Combien de personnes peuvent utiliser ce lien. Pour un lien de juré ou de mentor destiné à une seule personne, mettez 1.
field-valid-days = Valable (jours)
create-invite = Créer un lien d'invitation
invite-link = Lien
invite-expires = expire le
invite-valid = Valide
invite-expired = Expiré
invite-revoked = Révoqué
invite-used-up = Épuisé
revoke = Révoquer
allow = Autoriser
invite-heading = Invitation : { $role }
invite-already-accepted = Vous avez déjà accepté cette invitation.
accept-invite = Accepter l'invitation
sign-up-and-accept = Créer le compte et accepter

admin-title = Administration
can-create-events = Peut créer des événements

err-required = Ce champ est obligatoire.
err-too-long = Ce texte est trop long.
err-too-long-max = { $count ->
        [one] { $count } caractère au maximum.
       *[other] { $count } caractères au maximum.
    }
err-invalid-characters = Contient des caractères non autorisés.
err-email-invalid = Saisissez une adresse e-mail valide, par exemple nom@exemple.ma.
err-email-taken = Un compte existe déjà avec cette adresse. Connectez-vous plutôt.
err-password-too-short = { $count ->
        [one] Le mot de passe doit contenir au moins { $count } caractère.
       *[other] Le mot de passe doit contenir au moins { $count } caractères.
    }
err-bad-credentials = E-mail ou mot de passe incorrect.
err-too-many-attempts = Trop de tentatives échouées. Réessayez dans une heure.
err-sign-in-required = Vous devez vous connecter d'abord.
err-forbidden = Vous n'avez pas le droit de faire cela.
err-not-found = Page introuvable.
err-fix-fields = Corrigez les champs signalés.
err-internal = Une erreur est survenue de notre côté. Rien n'a été enregistré ; réessayez.
err-network = Impossible de joindre le serveur. Vérifiez la connexion et réessayez.
err-bad-request = Requête invalide. Rechargez la page et réessayez.
err-changed-meanwhile = Quelqu'un d'autre a modifié ces données entre-temps. Vos changements n'ont pas été enregistrés ; copiez votre texte puis rechargez la page.
err-timezone = Fuseau horaire inconnu. Utilisez un nom comme Africa/Casablanca.
err-date-time = Saisissez une date et une heure valides.
err-team-size-range = Saisissez un nombre entre 1 et { $max }.
err-number-range = Saisissez un nombre dans l'intervalle { $range }.
err-team-max-below-min = Le maximum ne peut pas être inférieur au minimum.
err-ends-before-start = La fin doit être après le début.
err-after-registration-opens = Doit être après l'ouverture des inscriptions.
err-after-hacking-starts = Doit être après le début du hackathon.
err-after-submission-deadline = Doit être après la date limite de dépôt.
err-after-judging-opens = Doit être après l'ouverture du jury.
err-after-judging-closes = Doit être après la clôture du jury.
err-within-event = Doit se situer pendant l'événement.
err-track-exists = Un parcours porte déjà ce nom dans cet événement.
err-no-such-account = Aucun compte avec cette adresse. Envoyez plutôt un lien d'invitation.
err-cannot-create-events = Vous ne pouvez pas encore créer d'événements. Demandez-le à l'administrateur de la plateforme.
event-navigation = Rubriques de l'événement
team-title = Mon équipe
board-title = Tableau des équipes
profile-title = Mon profil pour cet événement
field-skills = Mes compétences
field-languages = Langues parlées
hint-languages = Par exemple : ar, fr, en
hint-tags = Séparées par des virgules, par exemple : design, données, Rust
field-bio = Courte présentation
field-looking = Je cherche une équipe
create-team = Créer une équipe
field-team-name = Nom de l'équipe
field-pitch = L'idée en une phrase
field-track = Parcours
no-track-yet = Pas encore choisi
field-needs = Compétences recherchées
join-with-code = Rejoindre avec un code
field-team-code = Code de l'équipe
join-team = Rejoindre l'équipe
join-team-heading = Rejoindre l'équipe { $team }
team-invite-link = Lien d'invitation de l'équipe
open-seats = Places libres : { $count }
captain = Capitaine
make-captain = Nommer capitaine
leave-team = Quitter l'équipe
join-requests-title = Demandes pour rejoindre
accept = Accepter
decline = Refuser
filter-skill = Compétence
filter-language = Langue
filter = Filtrer
teams-with-seats = Équipes avec des places libres
people-looking = Personnes qui cherchent une équipe
nothing-here = Rien pour l'instant.
field-message = Court message
ask-to-join = Demander à rejoindre
request-sent = Votre demande a été envoyée au capitaine.
fit-score = Complémentarité
fit-needed = couvre les besoins : { $skills }
fit-new = apporte : { $skills }
fit-language = langue commune
teams-overview = Équipes
teams-count = Équipes ({ $count })
solos-count = Participants sans équipe ({ $count })
below-minimum = En dessous du minimum.
dissolve-team = Dissoudre l'équipe
move-to = Déplacer vers
move = Déplacer
field-teams-locked-at = Verrouiller les équipes à partir de
hint-teams-lock = Ensuite, les participants ne peuvent plus changer d'équipe. Laissez vide pour ne pas verrouiller.
field-seed = Numéro de tirage
hint-seed = Le même numéro donne les mêmes équipes pour les mêmes participants.
hint-seed-judges = Le même numéro donne la même répartition des jurés pour les mêmes projets et les mêmes jurés.
hint-seed-mentors = Le même numéro donne les mêmes mentors aux mêmes équipes.
auto-form-teams = Former les équipes automatiquement
auto-team-name = Équipe { $number }
err-teams-locked = Les équipes sont verrouillées : plus de changement possible.
err-team-full = Cette équipe est complète.
err-already-in-team = Vous faites déjà partie d'une équipe dans cet événement.
err-team-name-taken = Une équipe porte déjà ce nom dans cet événement.
err-request-already-decided = Cette demande a déjà été traitée.
err-captain-cannot-remove-self = Le capitaine ne peut pas se retirer lui-même ; quittez plutôt l'équipe.
err-not-a-participant = Cette personne n'est pas participante de l'événement.
err-team-not-empty = Impossible de dissoudre une équipe qui a encore des membres.
project-title = Notre projet
status-submitted = Soumis
status-draft = Brouillon
status-none = Pas encore de projet
status-late = En retard
all-statuses = Tous les statuts
deadline-is = Modifications possibles jusqu'au { $deadline }
field-title = Titre du projet
field-tagline = Accroche
field-repo-url = Lien du dépôt
field-demo-url = Lien de la démo
field-video-url = Lien de la vidéo
field-technologies = Technologies
field-status = Statut
save-draft = Enregistrer le brouillon
submit-project = Soumettre le projet
screenshots-title = Captures d'écran
screenshot-alt = Capture d'écran du projet
field-screenshot = Ajouter une capture d'écran
hint-screenshot = Image PNG, JPEG, WebP ou GIF, 2 Mo au plus.
upload = Envoyer
history-title = Historique des modifications
submissions-title = Projets soumis
export-csv = Exporter en CSV
updated = Modifié le
links = Liens
extend-deadline = Prolonger jusqu'au
err-need-team = Rejoignez d'abord une équipe.
err-deadline-passed = La date limite était le { $deadline }. Les modifications ne sont plus possibles.
err-project-changed-by = { $name } a modifié le projet entre-temps. Vos changements n'ont pas été enregistrés ; votre texte est toujours là : copiez-le puis rechargez la page.
err-url = Saisissez un lien complet commençant par https://
err-upload-too-large = Fichier trop volumineux (maximum { $size }).
err-not-an-image = Ce fichier n'est pas une image PNG, JPEG, WebP ou GIF.
err-save-project-first = Enregistrez d'abord le projet, puis ajoutez des images.
err-too-many-screenshots = { $count ->
        [one] { $count } image au maximum.
       *[other] { $count } images au maximum.
    }
err-team-too-small = { $count ->
        [one] L'équipe doit compter au moins { $count } membre pour soumettre.
       *[other] L'équipe doit compter au moins { $count } membres pour soumettre.
    }
submission-deadline = Date limite
edit-team = Modifier l'équipe
view-project = Voir le projet
event-skills-title = Compétences de l'événement
hint-event-skills = Proposées aux participants quand ils remplissent leur profil.
suggested-skills = Compétences proposées : { $skills }
mentor-profile-title = Mon profil de mentor
mentored-teams = Les équipes que je suis
field-expertise = Mes domaines d'expertise
field-capacity = Nombre maximum d'équipes
field-contact = Contact
hint-contact = Ce que vous partagez avec vos équipes : téléphone, e-mail, table…
mentoring-title = Mentorat
auto-assign-mentors = Attribuer les mentors automatiquement
field-rebalance = Tout redistribuer
no-mentor-yet = Aucun mentor
manual-assignment = Attribution manuelle
matched-because = Pourquoi
uncovered-language = aucun mentor ne parle une langue de l'équipe
uncovered-expertise = aucun mentor ne couvre le parcours ou les besoins de l'équipe
uncovered-capacity = les mentors adaptés sont au complet
err-not-a-mentor = Cette personne n'est pas mentor de l'événement.
your-mentor = Votre mentor
sessions-title = Séances de mentorat
times-in = Heures du fuseau { $timezone }
offer-slot = Proposer un créneau
field-slot-starts = Début
field-slot-ends = Fin
field-location = Lieu
booked-by = Réservé par { $name }
slot-free = Libre
slot-booked = Réservé
book = Réserver
cancel-booking = Annuler la réservation
session-notes = Notes de séance
attendance = Présence
attended = Présents
absent = Absents
err-slot-too-long = Le créneau dépasse quatre heures.
err-slot-overlaps = Vous avez déjà un créneau à ce moment.
err-team-busy-then = Votre équipe a déjà une séance à ce moment.
err-slot-taken = Une autre équipe vient de réserver ce créneau.
err-slot-not-booked = Ce créneau n'est pas réservé.
help-title = Demandes d'aide
ask-for-help = Demander de l'aide
field-help-topic = De quoi avez-vous besoin ?
field-help-skill = Domaine (ex. design, données)
field-help-location = Où êtes-vous (table, salle)
our-requests = Nos demandes
help-queue = File des demandes
help-open = En attente
help-claimed = Un mentor arrive
help-resolved = Résolue
help-cancelled = Retirée
mentor-coming = { $name } arrive.
resolved = C'est résolu
withdraw = Retirer
claim-request = Je m'en charge
release = Remettre dans la file
show-all-requests = Voir toutes les demandes
show-my-skills = Seulement mes domaines
waiting-minutes = depuis { $minutes } min
help-stats-title = Statistiques
median-wait = Attente médiane
median-resolve = Durée médiane de résolution
minutes = { $minutes } min
err-already-helping = Vous aidez déjà une équipe. Terminez d'abord cette demande.
err-request-taken = Un autre mentor vient de prendre cette demande.
err-not-your-request = Cette demande n'est pas la vôtre.
err-request-closed = Cette demande est close.
err-too-many-tags = Trop d'étiquettes.
err-tag-too-long = Une étiquette est trop longue.
err-registration-closed = Les inscriptions à cet événement sont fermées.
err-team-link-registration-closed = Les inscriptions à cet événement sont fermées : ce lien d'équipe ne peut plus vous inscrire. Demandez aux organisateurs de vous ajouter comme participant.
join-team-registers-you = Rejoindre cette équipe vous inscrit aussi à l'événement comme participant.
join-team-staff = Vous avez déjà un autre rôle dans cet événement : un lien d'équipe n'ajoute que des participants.
err-invite-unknown = Ce lien d'invitation n'existe pas. Vérifiez-le auprès des organisateurs.
err-invite-expired = Ce lien d'invitation a expiré. Demandez-en un nouveau aux organisateurs.
err-invite-revoked = Les organisateurs ont révoqué ce lien d'invitation.
err-invite-used-up = Ce lien d'invitation a déjà été utilisé. Demandez-en un nouveau aux organisateurs.
judging-title = Jury
judging-settings = Réglages du jury
judging-is-open = Le jury est ouvert : les jurés peuvent noter.
judging-is-closed = Le jury est fermé : les jurés ne peuvent pas noter.
field-judges-per-project = Jurés par projet
field-disagreement = Seuil de désaccord (points sur 100)
hint-disagreement = Un projet est signalé quand l'écart entre la note la plus haute et la plus basse dépasse ce seuil.
field-method = Méthode de classement
method-z = Normalisé par juré (z)
method-raw = Moyenne brute
field-judging-state = État du jury
state-scheduled = Selon le calendrier
state-open = Ouvert maintenant
state-closed = Fermé
field-hide-names = Masquer les noms d'équipes et de membres aux jurés (code et titre seulement)
judges-title = Jurés
hint-judge-passes = Ajoutez un juré par son nom : il reçoit un lien et un QR code qui connectent son téléphone à la notation de cet événement seulement, sans mot de passe. Le lien n'est affiché qu'une fois ; « Afficher le lien » en donne un nouveau (les téléphones déjà connectés le restent). « Nouveau lien » et « Révoquer l'accès » déconnectent aussitôt tous ses téléphones. Les liens expirent un jour après la fin du jury ; « Prolonger » ajoute des jours. Les jurés qui ont leur propre compte (par exemple venus par une invitation « juré » avec un mot de passe) se connectent avec lui et n'ont pas de lien.
add-judge = Ajouter un juré (lien pour téléphone)
judge-progress = Fait : { $progress }
declared-conflicts = Conflits déclarés : { $count }
judge-pass-link = Lien de connexion du téléphone
renew-pass = Nouveau lien
revoke-pass = Révoquer l'accès
judge-available = Disponible pour de nouvelles attributions
all-tracks = Tous les parcours
assignment-title = Attribution des projets aux jurés
hint-judge-assignment = Chaque projet déposé reçoit le nombre de jurés choisi, charges équilibrées, conflits d'intérêts exclus (l'équipe du juré, les équipes qu'il a mentorées, les conflits déclarés). Relancer conserve les notes déjà données.
field-rebalance-judges = Tout redistribuer (les projets déjà notés restent)
run-assignment = Attribuer les projets
under-covered = Projets sans assez de jurés : { $count }
absent-marks = Absente au passage des jurés : { $count }
absent-flagged = Équipes trouvées absentes par deux jurés : { $count }. Retrouvez-les avant d'envoyer d'autres jurés à leur table.
project-code = Code
table-label = Table / lieu
flagged = Signalé
add-extra-judge = Affecter un juré de plus à ce projet
hint-no-rubric-yet = Pas encore de grille : les jurés ne peuvent pas noter avant sa création.
rubric-title = Grille d'évaluation
rubric-event-wide = Tout l'événement
rubric-inherited = Ce parcours utilise la grille de l'événement. Enregistrez ici pour lui donner sa propre grille.
rubric-locked = Des notes ont été données avec cette version : enregistrer créera une nouvelle version et les jurés concernés devront renoter.
rubric-affected = Projets notés avec une version antérieure de la grille (à renoter) :
rubric-version = Version { $version }
criterion-n = Critère { $number }
field-criterion-name = Nom du critère (vide pour ignorer cette ligne)
field-weight = Poids
field-scale = Échelle
field-levels = Description des niveaux
hint-levels = Une ligne par niveau, du plus bas au plus haut.
save-rubric = Enregistrer la grille
add-criterion = Ajouter un critère
rubric-preview = Aperçu côté juré
results-title = Résultats
results-explain-z = Classement normalisé : les totaux de chaque juré sont centrés-réduits sur les projets qu'il a notés, z = (total − moyenne du juré) / écart-type du juré, puis ramenés à l'échelle de l'événement μ + σ·z (μ et σ : moyenne et écart-type de tous les totaux), et moyennés par projet. Un juré ayant noté moins de 3 projets compte avec ses totaux bruts.
results-explain-raw = Classement par moyenne brute des totaux des jurés (sur 100). La note normalisée est affichée pour comparaison.
results-explain-ties = Total sur 100 = Σ poids × position de la note dans l'échelle / Σ poids. Égalités départagées par : l'autre méthode, plus de jurés, dépôt le plus tôt, puis le plus petit code.
export-ranking = Exporter le classement (CSV)
export-scores-by-judge = Notes par juré (CSV)
export-scores-by-project = Notes par projet (CSV)
outdated-scores = Notes données avec une version antérieure de la grille : { $count }. Elles comptent toujours, sur 100.
review-title = Projets à revoir
hint-disagreement-list = { $points ->
        [one] Fort désaccord entre jurés (plus de { $points } point) ou signalement d'un juré.
       *[other] Fort désaccord entre jurés (plus de { $points } points) ou signalement d'un juré.
    }
spread-is = Écart : { $spread }
flagged-by = Signalements : { $count }
overall-ranking = Classement général
rank = Rang
spread = Écart
judge-desk-title = Notation
conflicts-title = Conflits d'intérêts
hint-conflicts = Cochez les équipes dont vous connaissez un membre ou avec qui vous avez travaillé : leurs projets ne vous seront pas attribués. Votre équipe et celles que vous avez mentorées sont exclues d'office. Cela prend effet à la prochaine attribution par les organisateurs.
conflict-automatic = exclue d'office
pass-intro = Appuyez pour connecter ce téléphone et ouvrir les projets qui vous sont attribués.
start-scoring = Commencer à noter
hint-judge-no-password = Votre nom suffit : ce téléphone restera connecté à la notation de cet événement seulement, sans mot de passe.
judge-with-account = Vous avez un compte ? Connectez-vous d'abord.
desk-not-scored = Pas encore noté
desk-saved = Enregistré ✓
desk-waiting = Gardé sur le téléphone, en attente d'envoi…
desk-stale = Cette note a été modifiée depuis un autre appareil.
desk-rubric-changed = La grille a changé : merci de renoter.
desk-keep-mine = Garder ma note
desk-use-saved = Voir la version enregistrée
desk-retry = Réessayer
desk-table = Table { $table }
desk-room-table = { $room }, table { $table }
desk-next = Ensuite : { $place }
desk-tables-ahead = { $count ->
        [one] 1 table plus loin
       *[other] { $count } tables plus loin
    }
desk-about = À propos du projet
desk-weight = (poids { $weight })
desk-notes = Notes privées pour les organisateurs
desk-flag = Signaler aux organisateurs
desk-save-next = Enregistrer et suivant
desk-absent = Équipe absente
desk-projects = Projets
desk-previous = Précédent
desk-skip = Passer
desk-all-projects = Tous mes projets
desk-done = Fait ✓
desk-progress = Faits : { $progress }
desk-pending-count = En attente d'envoi : { $count }
desk-sign-out-unsent = Des notes faites sur ce téléphone ne sont pas encore envoyées, et se déconnecter les efface. Se déconnecter quand même ?
desk-closed = Le jury est fermé : les notes sont en lecture seule.
desk-nothing-assigned = Aucun projet ne vous est encore attribué.
err-judging-closed = Le jury est fermé : la note n'a pas été enregistrée.
err-no-rubric = Ce projet n'a pas encore de grille d'évaluation.
err-no-judge-available = Aucun juré disponible sans conflit d'intérêts pour ce projet.
err-not-a-number = Saisissez un nombre.
err-pass-invalid = Ce lien de connexion n'est plus valable. Demandez-en un nouveau aux organisateurs.
## Judge passes: one event, pass-only judges, hashed and expiring links.
err-pass-own-login = Ce juré a un compte avec mot de passe : il se connecte avec son propre compte. Les liens de téléphone sont réservés aux jurés ajoutés par leur nom.
err-pass-expired = Ce lien de connexion a expiré. Demandez aux organisateurs de le prolonger.
err-no-live-pass = Ce juré n'a pas de lien valable : créez un nouveau lien ou prolongez celui qui a expiré.
judge-own-login = Se connecte avec son compte
judge-pass-only = Se connecte par lien mobile
pass-valid-until = Lien valable jusqu'au { $date }
pass-expired-on = Lien expiré le { $date }
pass-none = Aucun lien valable
pass-shown-once = Nouveau lien, affiché cette fois seulement : copiez-le ou faites scanner le QR code au juré. Pour le revoir, « Afficher le lien » le remplace par un nouveau, sans déconnecter le téléphone déjà connecté.
show-pass = Afficher le lien
extend-pass = Prolonger
field-extend-days = Jours
import-pass-shown-once = Lien affiché une seule fois à l'import ; utilisez « Afficher le lien » sur la page du jury.
err-rubric-empty = Ajoutez au moins un critère.
err-too-many-levels = Plus de descriptions que de niveaux dans l'échelle ({ $count }).
err-unknown-criterion = Ce critère ne fait pas partie de la grille.
audit-title = Journal d'audit
hint-audit = { $count ->
        [one] Actions sensibles et chaque enregistrement de note, les plus récentes d'abord (la dernière).
       *[other] Actions sensibles et chaque enregistrement de note, les plus récentes d'abord ({ $count } dernières).
    }
audit-when = Quand
audit-who = Qui
audit-what = Action
audit-detail = Détails
visibility-hidden = Masqué
visibility-organizers = Organisateurs seulement
visibility-public = Public (tout le monde, jurés compris)
reveal-all = Tous les résultats d'un coup
reveal-ranking = Le classement du dernier au premier
reveal-tracks = Le gagnant de chaque parcours, l'un après l'autre
judging-progress = Avancement du jury
scores-done-of = Notes : { $progress }
board-not-shown = Le classement n'est pas affiché pour le moment.
board-frozen = Classement gelé pendant la délibération
board-live = En direct
board-final = Résultats définitifs
reveal-step-of = Dévoilement : { $progress }
board-empty = Aucun projet noté pour l'instant.
board-more = { $count ->
        [one] …et { $count } autre projet
       *[other] …et { $count } autres projets
    }
err-nothing-to-publish = Rien à publier : aucun projet n'est noté.
err-not-published = Publiez d'abord les résultats.
err-announcement-empty = Écrivez l'annonce dans au moins une langue.
full-screen = Plein écran
leaderboard-title = Classement en direct
open-projector = Ouvrir le mode projecteur
public-results = Résultats
dashboard-title = Tableau de bord
publish-title = Publication et dévoilement
published-at = Résultats publiés : { $time }
reveal-title = Dévoilement
reveal-back = Retour
reveal-next = Dévoiler le suivant
reveal-end = Tout dévoiler
withdraw-results = Retirer les résultats
hint-publish = Publier fige une copie des résultats actuels et la rend publique, pas à pas si vous choisissez un dévoilement.
field-reveal-mode = Mode de dévoilement
republish = Republier avec les résultats actuels
publish-results = Publier les résultats
freeze-title = Gel
hint-freeze = Le gel arrête le classement public dans son état actuel (par exemple pendant la délibération) ; la notation continue.
frozen-since = Gelé depuis { $time }
unfreeze = Dégeler
freeze = Geler le classement public
board-settings = Réglages du classement
field-visibility = Qui voit le classement en direct avant publication
field-top-n = Projets affichés en grand
field-rotate-seconds = Durée de chaque page (secondes)
field-show-comments = Les retours des jurés (sans leurs noms)
announcements-title = Annonces
announcement-ar = Annonce en arabe
announcement-fr = Annonce en français
announcement-en = Annonce en anglais
post-announcement = Publier l'annonce
retire-announcement = Retirer
your-rank = Votre rang : { $rank }
judges-comments = Retours des jurés
results-not-published = Les résultats ne sont pas encore publiés.
calibration-title = Calibrage des jurés
calibration-mean = moyenne { $mean }
hint-calibration = Répartition des totaux (0–100) de chaque juré, bruts puis normalisés : un juré indulgent a ses points à droite, un juré sévère à gauche.
count-participants = Participants
count-teams = Équipes
count-submissions = Projets rendus
count-judges = Jurés
count-mentors = Mentors
covered-projects = Projets avec assez de jurés : { $progress }
nothing-to-review = Aucun projet à revoir.
help-open-count = Ouvertes
help-claimed-count = Prises en charge
help-resolved-count = Résolues
help-median-wait = Attente médiane avant prise en charge : { $minutes } min
help-oldest-open = La plus ancienne demande ouverte attend depuis { $minutes } min
exports-title = Exports (CSV)
export-teams = Équipes et membres
export-submissions = Projets rendus
export-sessions = Séances de mentorat
export-archive = Tout l'événement (ZIP)
hint-export-archive = Tous les CSV ci-dessus et toutes les captures d'écran, en un seul fichier à conserver après l'événement.
import-title = Import (CSV)
import-not-csv = Ce n'est pas un CSV lisible.
import-missing-column = Colonne manquante dans la première ligne.
import-too-many-rows = Trop de lignes (2 000 au maximum).
import-too-long = Valeur trop longue.
import-duplicate = En double dans le fichier.
import-unknown-track = Parcours inconnu dans cet événement.
import-already-done = Ce lot a déjà été importé.
import-has-problems = Corrigez les lignes en erreur puis renvoyez : rien n'a été importé.
import-participants = Participants (un lien d'invitation chacun)
import-mentors = Mentors (un lien d'invitation chacun)
import-judges = Jurés (un lien de connexion mobile chacun)
import-projects = Projets (une équipe et un projet rendu par ligne)
import-new = Nouvel import
hint-import = Collez le contenu d'un CSV (virgules ou points-virgules) ou des cellules copiées d'un tableur. La première ligne nomme les colonnes. Rien n'est écrit avant que vous ayez vérifié l'aperçu et confirmé.
import-kind = Quoi importer
import-csv = Contenu CSV
import-check = Aperçu
import-done = { $count ->
        [one] Import terminé : { $count } ligne. Envoyez les liens à leurs destinataires.
       *[other] Import terminé : { $count } lignes. Envoyez les liens à leurs destinataires.
    }
import-preview = { $count ->
        [one] Aperçu : { $count } ligne prête
       *[other] Aperçu : { $count } lignes prêtes
    }
import-problems = Problèmes à corriger : { $count }
import-line = Ligne { $line }
import-confirm = { $count ->
        [one] Importer { $count } ligne
       *[other] Importer { $count } lignes
    }
import-file = Ou choisissez un fichier CSV

## Floods, lockouts and the first admin.
err-rate-limited = { $seconds ->
        [one] Trop de tentatives. Réessayez dans { $seconds } seconde.
       *[other] Trop de tentatives. Réessayez dans { $seconds } secondes.
    }
err-busy = Le serveur est occupé. Réessayez dans un instant.
back-to-form = Revenir au formulaire
admin-setup-title = Désigner l'administrateur de la plateforme
admin-setup-intro = Ce lien fait du compte connecté l'administrateur de la plateforme. Il ne sert qu'une fois.
admin-setup-sign-in = Connectez-vous ou créez votre compte d'abord, puis rouvrez ce lien.
admin-setup-claim = Devenir administrateur de la plateforme
err-admin-setup-used = Ce lien de désignation n'est pas valide ou a déjà servi.
err-admin-setup-other-account = Ce lien est réservé à un autre compte, choisi par l'exploitant du serveur.
## Holes closed in review: score saves, team dissolution and renaming, clashing roles.
err-too-many-marks = Plus de notes envoyées que la grille n'a de critères.
err-team-has-judged-project = Impossible de dissoudre cette équipe : son projet est rendu ou en cours de notation, et les notes ne sont jamais supprimées.
err-role-clash = Une même personne ne peut pas être juré et participant ou mentor dans le même événement, sauf accord des organisateurs.
field-team-new-name = Nom de l'équipe
rename-team = Renommer
field-allow-clash = Autoriser le cumul juré et participant ou mentor
hint-allow-clash = Normalement, un juré de cet événement ne peut pas accepter cette invitation comme participant ou mentor (ni l'inverse). Cochez seulement si c'est voulu.
## Web hardening: public announcements on the projector.
announcement-public = Afficher aussi sur le projecteur public (visible par tous)
announcement-is-public = Public
announcement-members-only = Membres de l'événement seulement
## The judge's desk: a tap made before the page has finished loading.
desk-not-sent-yet = Pas encore enregistré : votre choix sera envoyé dès que la page aura fini de charger.
## Des comptes que l'on peut récupérer : la page du compte, les liens de réinitialisation, « mot de passe oublié ? ».
account-link = Mon compte
account-title = Mon compte
account-profile-title = Nom et adresse e-mail
account-save-profile = Enregistrer le nom et l'adresse
account-profile-saved = Votre nom et votre adresse e-mail ont été enregistrés.
account-password-title = Mot de passe
account-change-password = Changer le mot de passe
account-password-changed = Votre mot de passe a été changé. Tous vos autres appareils connectés ont été déconnectés.
account-sessions-title = Appareils connectés
account-sessions-intro = Téléphone perdu ou ordinateur partagé ? Déconnectez-vous partout : tous les appareils où votre compte est connecté, celui-ci compris, sont déconnectés aussitôt.
account-sign-out-everywhere = Se déconnecter partout
field-current-password = Mot de passe actuel
field-new-password = Nouveau mot de passe
hint-password-for-email = Nécessaire seulement pour changer d'adresse e-mail.
hint-new-password = Au moins dix caractères. Tous vos autres appareils connectés seront déconnectés.
err-current-password-wrong = Ce n'est pas votre mot de passe actuel.
err-password-changed-meanwhile = Votre mot de passe a été changé entre-temps depuis un autre appareil. Reconnectez-vous puis réessayez.
err-reset-link-invalid = Ce lien de réinitialisation ne fonctionne pas : il a déjà servi, il a expiré, ou un lien plus récent l'a remplacé. Demandez-en un nouveau.
err-reset-pass-only = Ce compte se connecte avec le lien téléphone d'un juré et n'a pas de mot de passe. Ses organisateurs peuvent renouveler le lien.
forgot-password-link = Mot de passe oublié ?
forgot-title = Mot de passe oublié ?
forgot-intro = Ce serveur n'envoie pas d'e-mails. Pour retrouver l'accès à votre compte, demandez un lien de réinitialisation à usage unique :
forgot-ask-admin = l'administrateur de la plateforme (la personne qui gère Hakam pour votre association ou université) peut vous en donner un ;
forgot-ask-organizer = lors d'un événement, demandez à ses organisateurs : ils transmettront votre demande à l'administrateur de la plateforme.
forgot-judges = Les jurés qui se connectent avec un lien téléphone n'ont pas besoin de mot de passe : demandez un nouveau lien aux organisateurs.
forgot-intro-mail = Saisissez l'adresse e-mail de votre compte : un lien de réinitialisation à usage unique y sera envoyé.
forgot-ask-too = Vous pouvez aussi demander un lien de réinitialisation :
forgot-mail-submit = M'envoyer un lien de réinitialisation
forgot-mail-sent = Si un compte utilise cette adresse, un lien de réinitialisation lui a été envoyé. Pensez à regarder dans les indésirables ; le lien sert une fois, pendant une heure.
reset-mail-subject = Votre lien de réinitialisation du mot de passe Hakam
reset-mail-greeting = Bonjour { $name },
reset-mail-explain = { $minutes ->
        [one] Quelqu'un, sans doute vous, a demandé un nouveau mot de passe pour votre compte Hakam. Ouvrez ce lien pour le choisir. Il sert une fois, pendant { $minutes } minute :
       *[other] Quelqu'un, sans doute vous, a demandé un nouveau mot de passe pour votre compte Hakam. Ouvrez ce lien pour le choisir. Il sert une fois, pendant { $minutes } minutes :
    }
reset-mail-ignore = Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.
err-mail-off = Ce serveur ne peut pas envoyer d'e-mails. Demandez un lien de réinitialisation à l'administrateur de la plateforme.
reset-title = Choisir un nouveau mot de passe
reset-intro = Ce lien à usage unique définit un nouveau mot de passe pour votre compte. Tous les appareils où votre compte est connecté seront déconnectés ; vous vous connecterez ensuite avec le nouveau mot de passe.
reset-submit = Enregistrer le nouveau mot de passe
reset-ask-again = Le lien ne fonctionne plus ?
reset-done = Votre nouveau mot de passe est enregistré et tous les appareils ont été déconnectés. Connectez-vous avec le nouveau mot de passe.
signed-out-everywhere = Vous avez été déconnecté de tous les appareils.
admin-reset-intro = Une personne qui a oublié son mot de passe reçoit de vous un lien de réinitialisation à usage unique. Ne le transmettez qu'à elle, par un moyen sûr : qui détient le lien peut prendre le compte pendant une heure.
admin-reset-column = Réinitialisation
admin-reset-issue = Créer un lien de réinitialisation
admin-reset-pass-only = Se connecte avec un lien téléphone
admin-reset-link-label = Lien de réinitialisation à usage unique (affiché une fois)
admin-reset-link-hint = { $minutes ->
        [one] Utilisable une fois, pendant { $minutes } minute. Créer un autre lien annule celui-ci.
       *[other] Utilisable une fois, pendant { $minutes } minutes. Créer un autre lien annule celui-ci.
    }

## Fin propre d'un événement : l'archiver (lecture seule) et supprimer un événement archivé.
err-event-archived = Cet événement est archivé : il peut être consulté et exporté, mais plus rien n'y change. Ses organisateurs peuvent le désarchiver.
err-event-not-archived = Cet événement n'est pas archivé.
err-archive-before-results = Les résultats ne sont pas encore prévus : cochez la case pour confirmer que l'événement est terminé.
err-delete-export-first = Téléchargez d'abord tout l'événement (ZIP) : un événement n'est supprimé qu'après un export complet téléchargé depuis son archivage.
err-delete-name-mismatch = Saisissez le nom de l'événement exactement tel qu'il est écrit pour confirmer.
archive-title = Fin de l'événement
archive-intro = Une fois les résultats publiés, archivez l'événement : il passe en lecture seule pour tout le monde (plus aucune équipe, aucun projet, aucune note ni aucun réglage ne change) et reste consultable et exportable.
archive-confirm = Je confirme : l'événement est terminé, le passer en lecture seule.
archive-confirm-early = Les résultats ne sont pas encore prévus. Je confirme que l'événement est terminé et je veux le passer en lecture seule dès maintenant.
archive-submit = Archiver l'événement
archived-banner = Cet événement est archivé : il est en lecture seule. Tout son contenu reste consultable et exportable.
unarchive-hint = Archivé par erreur ? Le désarchiver le rend de nouveau modifiable.
unarchive-submit = Désarchiver l'événement
delete-title = Supprimer l'événement
delete-intro = La suppression efface définitivement l'événement et tout son contenu : rôles, équipes, projets et captures d'écran, notes, liens des jurés, invitations, mentorat, tableau et historique de l'événement. Les comptes des personnes restent. C'est irréversible.
delete-export-first = Téléchargez d'abord tout l'événement (ZIP) : la suppression est refusée tant qu'aucun export complet n'a été téléchargé depuis l'archivage.
delete-export-done = Un export complet a été téléchargé depuis l'archivage.
field-confirm-name = Saisissez le nom de l'événement pour confirmer
delete-submit = Supprimer définitivement l'événement

## Données personnelles (loi marocaine 09-08) : les télécharger, supprimer le compte, la notice de confidentialité.
privacy-link = Confidentialité
signup-privacy-note = Ce que Hakam conserve sur vous, pourquoi, combien de temps, et vos droits :
account-data-title = Vos données
account-data-intro = Téléchargez une copie de tout ce que Hakam conserve sur vous : votre compte, vos rôles, vos équipes, vos projets, le mentorat, les notes que vous avez données comme membre du jury et les remarques sur votre équipe, dans un seul fichier JSON.
account-data-download = Télécharger mes données
account-privacy-link = Lire la notice de confidentialité
account-delete-title = Supprimer mon compte
account-delete-intro = La suppression de votre compte est définitive. Votre nom, votre adresse e-mail, votre mot de passe, vos profils et votre place dans vos équipes sont supprimés, et vous êtes déconnecté partout. Si vous êtes capitaine, le plus ancien membre de votre équipe devient capitaine.
account-delete-keeps = Les notes et commentaires que vous avez donnés comme membre du jury restent, sous « Compte supprimé » au lieu de votre nom, pour que les résultats déjà établis ne changent pas. Votre équipe garde son projet.
account-delete-limits = L'administrateur de la plateforme ne peut pas supprimer son compte s'il est le seul administrateur, ni un organisateur s'il est le seul organisateur d'un événement : nommez d'abord un autre administrateur ou un co-organisateur.
field-delete-confirm = Saisissez votre adresse e-mail pour confirmer
account-delete-submit = Supprimer définitivement mon compte
account-deleted = Votre compte a été supprimé. Votre adresse e-mail peut servir à créer un nouveau compte.
err-delete-confirm-mismatch = Saisissez exactement l'adresse e-mail de ce compte.
err-last-admin = Vous êtes le seul administrateur de la plateforme : nommez un autre compte administrateur avant de supprimer le vôtre.
err-last-organizer = Vous êtes le seul organisateur de « { $event } » : ajoutez un co-organisateur avant de supprimer votre compte.
privacy-title = Notice de confidentialité
privacy-intro = Cette notice indique quelles données personnelles Hakam conserve, pourquoi, qui les voit et pendant combien de temps, et comment exercer vos droits, comme l'exige la loi marocaine 09-08 relative à la protection des personnes physiques à l'égard du traitement des données à caractère personnel.
privacy-controller-title = Responsable du traitement
privacy-controller-body = Le responsable du traitement est l'association ou l'établissement qui exploite cette plateforme Hakam et organise ses événements. Hakam fonctionne sur son propre serveur : il n'utilise ni publicité, ni traceur, ni service extérieur, sauf le serveur de messagerie que son exploitant peut configurer pour envoyer les liens de réinitialisation du mot de passe.
privacy-controller-contact = Contact :
privacy-controller-unset = Aucun contact n'est encore publié ici : adressez-vous aux organisateurs de votre événement, qui transmettront votre demande.
privacy-stored-title = Ce qui est conservé, et pourquoi
privacy-stored-account = Votre compte : votre nom, votre adresse e-mail, votre mot de passe (uniquement sous forme d'empreinte irréversible) et la date de votre inscription, pour vous connecter et pour que les organisateurs puissent vous joindre.
privacy-stored-roles = Vos rôles dans chaque événement (participant, mentor, jury, organisateur) et les invitations que vous avez acceptées, pour ouvrir à chaque rôle ses pages.
privacy-stored-teams = Votre profil dans chaque événement (compétences, langues, une courte présentation), votre équipe et vos demandes pour rejoindre des équipes, pour former les équipes.
privacy-stored-projects = Le projet de votre équipe, l'historique de ses modifications (qui a changé quoi, et quand) et ses captures d'écran, pour le soumettre et le faire évaluer.
privacy-stored-mentoring = Mentorat : les profils des mentors (expertise, coordonnées qu'un mentor choisit de partager), les séances réservées, les demandes d'aide, et les notes et la présence saisies par le mentor pour chaque séance, pour organiser l'accompagnement.
privacy-stored-judging = Évaluation : les notes et commentaires de chaque membre du jury, leur historique et les conflits d'intérêts déclarés, pour classer les projets de façon équitable et vérifiable.
privacy-stored-sessions = Sessions : un cookie qui vous garde connecté, avec son enregistrement sur le serveur ; les connexions échouées avec l'adresse d'où elles viennent, pour empêcher de deviner les mots de passe ; un cookie qui reconnaît les navigateurs déjà connectés.
privacy-stored-logs = Journaux : un journal d'audit des actions sensibles (qui a fait quoi, et quand), conservé avec les données ; le journal technique du serveur, conservé par le système de celui qui exploite le serveur.
privacy-stored-backups = Sauvegardes : des copies de toute la base de données, captures d'écran comprises, pour repartir après une panne.
privacy-who-title = Qui les voit
privacy-who-you = Vous voyez tout, et pouvez tout télécharger depuis la page de votre compte.
privacy-who-organizers = Les organisateurs d'un événement voient, pour cet événement, les noms et adresses e-mail de ses participants, leurs profils, équipes et projets, les notes de mentorat, les notes et commentaires du jury, et le journal d'audit.
privacy-who-people = Vos coéquipiers voient votre nom et le projet de votre équipe ; les participants qui cherchent une équipe voient les profils les uns des autres ; les mentors voient les équipes qu'ils accompagnent ; le jury voit les projets qu'il évalue (sans le nom des équipes si les organisateurs le choisissent).
privacy-who-public = Tout le monde peut voir la page publique d'un événement et, une fois publiés, ses résultats : noms des équipes et titres des projets, jamais le nom des membres du jury.
privacy-who-admin = L'administrateur de la plateforme voit la liste des comptes (noms et adresses e-mail). Rien n'est vendu ni transmis à quiconque.
privacy-retention-title = Durée de conservation
privacy-retention-events = Ce qui appartient à un événement (équipes, projets, captures d'écran, notes de mentorat, notes du jury) est conservé jusqu'à ce que ses organisateurs suppriment l'événement.
privacy-retention-account = Votre compte est conservé jusqu'à ce que vous le supprimiez. Les notes et commentaires que vous avez donnés comme membre du jury restent alors, sans votre nom, pour que les résultats publiés ne changent pas.
privacy-retention-sessions = { $minutes ->
        [one] Une session se termine après { $minutes } minute sans activité, quand vous vous déconnectez ou quand votre mot de passe change. Les connexions échouées sont conservées deux jours au plus, les navigateurs reconnus 90 jours après leur dernière connexion, et un lien de réinitialisation fonctionne une heure.
       *[other] Une session se termine après { $minutes } minutes sans activité, quand vous vous déconnectez ou quand votre mot de passe change. Les connexions échouées sont conservées deux jours au plus, les navigateurs reconnus 90 jours après leur dernière connexion, et un lien de réinitialisation fonctionne une heure.
    }
privacy-retention-backups-every = { $minutes ->
        [one] Ce serveur fait une sauvegarde toutes les { $minutes } minute.
       *[other] Ce serveur fait une sauvegarde toutes les { $minutes } minutes.
    }
privacy-retention-backups-off = Ce serveur ne fait pas de sauvegardes programmées ; celui qui l'exploite peut en faire à la main.
privacy-retention-backups-keep = { $count ->
        [one] Seule la sauvegarde programmée la plus récente est conservée, les plus anciennes sont effacées : les données supprimées de Hakam quittent les sauvegardes à mesure qu'elles sont remplacées. Les sauvegardes faites à la main sont conservées jusqu'à ce que celui qui exploite le serveur les efface.
       *[other] Les { $count } sauvegardes programmées les plus récentes sont conservées et les plus anciennes sont effacées : les données supprimées de Hakam quittent les sauvegardes à mesure qu'elles sont remplacées. Les sauvegardes faites à la main sont conservées jusqu'à ce que celui qui exploite le serveur les efface.
    }
privacy-retention-logs = Le journal d'audit est conservé avec les données qu'il concerne ; le journal technique aussi longtemps que le système du serveur le garde.
privacy-rights-title = Vos droits
privacy-rights-intro = La loi 09-08 vous donne le droit d'être informé, et les droits d'accès, de rectification, d'opposition et de suppression. Dans Hakam :
privacy-right-access = Accès : « Télécharger mes données », sur la page de votre compte, vous donne en une fois tout ce que Hakam conserve sur vous.
privacy-right-rectification = Rectification : vous modifiez votre nom, votre adresse e-mail et votre mot de passe sur la page de votre compte, vos profils et le projet de votre équipe sur les pages de l'événement.
privacy-right-opposition = Opposition : vous pouvez vous opposer, pour des motifs légitimes, au traitement de vos données : dites-le aux organisateurs de l'événement ou au responsable du traitement, ou supprimez votre compte.
privacy-right-deletion = Suppression : « Supprimer mon compte », sur la page de votre compte, supprime en une fois votre compte et vos données personnelles, en ne gardant que les notes que vous avez données comme membre du jury, sans votre nom.
privacy-rights-contact = Si vous ne pouvez pas vous connecter, ou pour toute autre demande, écrivez au responsable du traitement indiqué plus haut. Vous pouvez aussi saisir la CNDP (Commission nationale de contrôle de la protection des données à caractère personnel).
privacy-account-link = Aller à la page de mon compte

## Retirer des personnes d'un événement ; les membres du jury qui ont noté sont mis en retrait.
hint-people-removal = Retirer quelqu'un met fin à son rôle dans cet événement dès son prochain clic. Les participant·es ne sont pas retiré·es ici : ils quittent leur équipe, ou le capitaine ou les organisateurs les déplacent.
remove-confirm-role = Oui, retirer
retire-judge = Mettre en retrait
retire-judge-confirm = Oui, mettre ce membre du jury en retrait
judge-retired = en retrait
hint-remove-organizer = Cette personne n'organisera plus cet événement. Le dernier organisateur ne peut pas être retiré.
hint-remove-mentor = Ses séances à venir sont retirées (les réservations des équipes sont annulées et gardées avec leurs notes), les demandes d'aide qu'il traite reviennent dans la file, et ses équipes n'ont plus de mentor.
hint-remove-judge = Ses liens de téléphone ne fonctionnent plus et ses projets retournent dans la réserve : relancez l'attribution pour pourvoir les places.
hint-retire-judge = Ce membre du jury a noté : ses notes restent dans les résultats, marquées « en retrait ». Il perd l'accès maintenant, ses liens de téléphone ne fonctionnent plus, et les projets qu'il n'avait pas terminés retournent dans la réserve.
err-last-organizer-removed = Le dernier organisateur ne peut pas être retiré : ajoutez d'abord un autre organisateur.
err-participant-not-removed-here = Les participant·es ne sont pas retiré·es ici : ils quittent leur équipe, ou le capitaine ou les organisateurs les déplacent.
err-judge-has-scored = Ce membre du jury a déjà noté : mettez-le en retrait plutôt, pour que ses notes restent dans les résultats.
err-judge-not-scored = Ce membre du jury n'a pas encore noté : retirez-le plutôt.
err-judge-retired = Ce membre du jury a été mis en retrait : ses notes sont gardées, mais il ne juge plus dans cet événement.
err-removed-from-role = Les organisateurs vous ont retiré ce rôle. Demandez-leur un nouveau lien.

## Prix du public
peoples-choice = Prix du public
vote-state-off = Désactivé : pas de prix du public
vote-state-open = Ouvert : vote en cours
vote-state-closed = Clos : compté, plus de changement
vote-count = { $count ->
        [one] { $count } voix
       *[other] { $count } voix
    }
ticket-number = Ticket n° { $number }
vote-hint-one = Touchez le projet que vous préférez. Vous pouvez changer votre vote jusqu'à la clôture.
votes-left = { $count ->
        [one] Il vous reste 1 voix. Vous pouvez changer vos votes jusqu'à la clôture.
       *[other] Il vous reste { $count } voix, une par projet. Vous pouvez les changer jusqu'à la clôture.
    }
votes-all-used = Vous avez utilisé toutes vos voix. Retirez-en une pour choisir un autre projet.
vote-closed-for-voters = Le vote est clos. Merci d'avoir voté !
vote-not-open-yet = Le vote n'est pas encore ouvert. Revenez quand les organisateurs l'ouvriront.
ballot-empty = Aucun projet n'a encore été soumis.
vote-for = Voter pour ce projet
withdraw-vote = Retirer mon vote
your-vote = Votre vote
own-team-no-vote = Le projet de votre équipe : vous ne pouvez pas voter pour lui.
ticket-intro = Ce ticket vous donne une voix pour le prix du public. Il ne sert qu'une fois, sur un seul téléphone : utilisez-le sur le téléphone avec lequel vous voterez.
use-ticket = Voter avec ce ticket
audience-intro = Les participants votent avec leur propre compte, jamais pour leur équipe ; les visiteurs votent avec un ticket imprimé si vous l'autorisez. Le décompte est réservé aux organisateurs. Clôturez le vote avant de publier les résultats : le prix du public est alors publié avec eux et dévoilé en dernier.
peoples-choice-published = Le prix du public est publié avec les résultats.
vote-settings = Réglages du vote
field-vote-state = Vote
field-votes-each = Projets que chaque votant peut choisir
field-tickets-vote = Les visiteurs munis d'un ticket peuvent voter
hint-tickets-vote = Créez des tickets ci-dessous, imprimez-les et remettez-en un à chaque visiteur à l'entrée. Un ticket ne sert qu'une fois, dans un seul navigateur ; si un téléphone perd la réponse en l'utilisant, donnez un autre ticket au visiteur et annulez le premier. Désactiver les tickets arrête les nouveaux votes par ticket ; les votes déjà exprimés avec des tickets comptent jusqu'à ce que vous annuliez ces tickets.
live-tally = Décompte en direct
tally-team = Équipe
votes = Voix
voters-and-votes = Votants : { $voters } · voix : { $votes }
tickets-title = Tickets des visiteurs
ticket-counts = Créés : { $made } · utilisés : { $used } · annulés : { $void }
bulk-tickets-title = Des tickets semblent utilisés par une seule personne. Vérifiez-les avant de publier ; annulez-les si c'est le cas.
bulk-one-browser = { $count } tickets utilisés dans le même navigateur, à partir de { $first } en { $minutes } min :
bulk-one-address = { $count } tickets utilisés depuis la même adresse réseau, à partir de { $first } en { $minutes } min (le Wi-Fi d'un lieu peut être partagé par de nombreux visiteurs honnêtes) :
field-ticket-count = Nombre de tickets
make-tickets = Créer des tickets à imprimer
field-void-tickets = Numéros des tickets à annuler
hint-void-tickets = Par exemple « 12, 13, 40 ». Leurs voix sont supprimées et ils ne peuvent plus servir.
void-tickets = Annuler ces tickets
tickets-to-print = Tickets à imprimer
hint-print-tickets = Imprimez cette page : seuls les tickets sont imprimés, plusieurs par page, à découper. Les codes attendent dans votre propre session jusqu'à ce que vous créiez d'autres tickets ou que la session se termine ; l'événement n'en garde que les empreintes.
print-last-tickets = { $count ->
        [one] Imprimer le ticket qui vient d'être créé
       *[other] Imprimer les { $count } tickets qui viennent d'être créés
    }
no-tickets-to-print = Aucun ticket à imprimer : créez-en sur la page du vote.
err-withdraw-results-first = Le prix du public est publié avec les résultats. Retirez d'abord les résultats, modifiez le vote, puis publiez à nouveau.
err-vote-own-team = Vous ne pouvez pas voter pour le projet de votre équipe.
err-no-votes-left = Vous avez utilisé toutes vos voix. Retirez-en une d'abord.
err-ticket-numbers = Saisissez des numéros de tickets séparés par des virgules, comme « 12, 13 ».
err-ticket-voided = Ce ticket a été annulé par les organisateurs.
err-tickets-not-accepted = Les votes avec ticket ne sont pas acceptés pour cet événement.
err-vote-not-open = Le vote n'est pas ouvert.
err-vote-crossed = Votre vote a changé sur un autre écran entre-temps. Rechargez la page et réessayez.
err-ticket-unknown = Ce ticket n'est pas valide. Vérifiez le lien ou demandez à l'entrée.
err-participants-vote-themselves = Les participants votent avec leur propre compte, pas avec un ticket.
err-ticket-used = Ce ticket a déjà été utilisé sur un autre téléphone.
err-votes-already-cast = Des votes ont été exprimés : le nombre de voix par votant ne peut plus changer.
err-no-such-tickets = Aucun ticket de ces numéros ne reste à annuler.
err-close-vote-first = Le vote du prix du public est encore ouvert. Clôturez-le d'abord, pour qu'il soit publié avec les résultats.

## Fiches d'évaluation papier
paper-sheets-title = Fiches d'évaluation papier
paper-sheets-intro = Pour les membres du jury qui ne peuvent pas noter sur un téléphone : imprimez leurs fiches (une page par projet, dans l'ordre de leur parcours). Le code QR de chaque page ouvre le formulaire où un organisateur saisit la fiche ; l'historique de la note indique qui l'a fait.
paper-sheets-for = Fiches de
all-judges = Tout le jury
show-sheets = Afficher
no-sheets = Aucun membre du jury n'a encore de projets avec une grille.
sheet-judge = Jury : { $name }
sheet-rubric-version = Grille, version { $version }
sheet-circle-hint = Entourez un niveau par critère.
sheet-signature = Signature du membre du jury :
enter-this-sheet = Saisir cette fiche
paper-entry-title = Saisir une fiche papier
paper-saved = Enregistrée : la note est maintenant à la version { $version }.
paper-held-scored = Ce membre du jury a déjà noté ce projet ; saisir la fiche remplace cette note.
paper-held-draft = Ce membre du jury a commencé à noter ce projet ; saisir la fiche remplace ce brouillon.
save-paper-sheet = Enregistrer la fiche
paper-entered-by = Saisie par { $name } depuis le papier
key-in-against-current-rubric = La saisir selon la grille en vigueur
print-score-sheets = Imprimer les fiches papier
err-rubric-changed-since-printed = La grille a changé depuis l'impression de cette fiche : ses niveaux n'ont peut-être plus le même sens. Imprimez une nouvelle fiche, ou saisissez celle-ci selon la grille en vigueur (rechargez ce formulaire pour trouver le lien).
err-paper-score-changed = La note de ce membre du jury a changé depuis l'ouverture du formulaire (depuis son téléphone ou par un autre organisateur). Rien n'a été enregistré : rechargez le formulaire pour la voir.

## Scène
stage-title = Scène
stage-intro = Les finalistes présentent l'un après l'autre : mettez chaque projet sur scène et lancez son chronomètre. Le projecteur affiche le projet sur scène et le temps restant, tout comme le poste de chaque juré, avec un lien pour le noter. Tous les écrans décomptent ensemble ; une pause ou une reprise les atteint tous à la fois.
on-stage = Sur scène
nobody-on-stage = Personne n'est sur scène.
start-timer = Lancer le chronomètre
pause-timer = Mettre en pause
reset-timer = Remettre le temps à zéro
next-on-stage = Suivant : { $project }
clear-stage = Libérer la scène
lineup = Ordre de passage
no-projects-to-pitch = Aucun projet n'a encore été soumis.
pitched = Déjà passé
put-on-stage = Mettre sur scène
pitch-length = Durée de présentation
field-pitch-length = Durée de présentation
hint-pitch-length = En minutes (« 5 »), ou minutes et secondes (« 4:30 »), de 0:30 à 60. Une présentation déjà commencée garde son temps ; la suivante prend la nouvelle durée.
score-this-pitch = Noter ce projet
pitch-not-yours = Ce projet ne vous est pas attribué.
err-nobody-on-stage = Personne n'est sur scène : mettez d'abord un projet sur scène.
err-pitch-length = Indiquez des minutes (« 5 ») ou des minutes et secondes (« 4:30 »), de 0:30 à 60 minutes.

## Retours utiles aux équipes
desk-feedback = Retour pour l'équipe
hint-desk-feedback = L'équipe le lit une fois les résultats publiés, si les organisateurs l'autorisent, sans votre nom.
hint-desk-notes = Seuls les organisateurs les lisent.
teams-see-after-publication = Ce que chaque équipe voit de son propre résultat une fois les résultats publiés
field-show-rank = Son classement, général et dans sa thématique
field-show-marks = Sa note moyenne sur chaque critère
your-marks = Vos notes
criterion = Critère
average-mark = Moyenne
mark-scale = Échelle

## Attestations de participation
certificate-title = Attestation de participation
certificate-certifies = Nous attestons que
certificate-took-part = a participé à { $event } ({ $dates })
certificate-team = au sein de l'équipe { $team }
certificate-project = avec le projet « { $title } »
certificate-distinctions = Distinctions
certificate-check-at = Vérifiez cette attestation sur :
certificate-print-hint = Pour la garder, utilisez l'impression de votre navigateur et choisissez « Enregistrer au format PDF ».
all-certificates = Attestations de participation
certificates-count = Attestations : { $count }.
certificate-genuine = Cette attestation est authentique : délivrée par Hakam pour { $event }. Elle reflète l'événement tel qu'il est aujourd'hui.
distinction-first = Première place
distinction-second = Deuxième place
distinction-third = Troisième place
distinction-track-winner = Lauréat de la thématique { $track }
distinction-peoples-choice = Prix du public
err-certificates-not-yet = Les attestations sont prêtes une fois les résultats publiés et entièrement dévoilés.
my-certificate = Votre attestation de participation

## The help desk on the day
help-position = Place dans la file : { $position }
help-estimate = Un mentor devrait vous rejoindre dans { $minutes } min environ.
help-no-estimate = Pas encore d'estimation : aucune demande n'a été résolue dans la dernière heure.
help-claim-limit = Une demande qu'un mentor garde { $minutes } minutes sans la résoudre ni la rendre retourne dans la file.
help-expired = « { $topic } » ({ $team }) est retournée dans la file : vous l'avez gardée plus de { $minutes } minutes sans la résoudre ni la rendre.
help-settings = Réglages du bureau d'aide
field-claim-minutes = Minutes pendant lesquelles un mentor peut garder une demande
err-claim-minutes = Indiquez un nombre entier de minutes, de 5 à 240.
err-mentor-busy = Ce mentor aide déjà une équipe.
mentors-load = Mentors
mentor-busy = En train d'aider : { $what }
mentor-idle = Libre depuis { $minutes } min
mentor-idle-never = Libre, n'a pas encore résolu de demande
resolved-last-hour = Résolues dans la dernière heure : { $count }
field-hand-to = Envoyer un mentor
hand-request = Envoyer
mentored-assigned = mentor attitré
mentored-at-help-desk = aide au bureau d'aide
mentored-in-session = séance tenue
does-not-judge-mentored = N'évalue pas les équipes qu'il ou elle a accompagnées :
my-day-title = Ma journée
day-help-desk = Bureau d'aide
day-holding = Vous aidez depuis { $held } min ; la demande retourne dans la file dans { $left } min si vous ne la résolvez ni ne la rendez.
day-waiting = Équipes qui attendent de l'aide : { $count }
day-free-slot = Non réservé
day-teams = Les équipes que vous accompagnez
day-table = table { $table }
day-no-judging = Vous n'évaluez pas les équipes que vous avez accompagnées, où que ce soit.

## Check-in at the venue
checkin-title = Accueil
checkin-teams-here = Équipes présentes : { $here } / { $of }
checkin-people-here = Personnes présentes : { $here } / { $of }
checkin-scan-hint = Les participants scannent ce code avec leur téléphone, connectés, pour signaler leur arrivée.
checkin-renew-code = Créer un nouveau code (l'ancien ne fonctionne plus)
checkin-make-code = Créer un code d'accueil
checkin-export = Liste d'accueil (CSV)
checkin-no-team = Sans équipe
checkin-here = présent
checkin-not-here = absent
checkin-since-scanned = présent depuis { $at } (code scanné)
checkin-since-ticked = présent depuis { $at } (coché par un organisateur)
checkin-mark = Présent
checkin-undo = Annuler
checkin-you-are-here = Votre arrivée est enregistrée (depuis { $at }).
checkin-im-here = Je suis là
checkin-back = Retour à l'événement
err-checkin-code = Ce code d'accueil n'est plus valable. Demandez le code actuel aux organisateurs.
field-present-only = Seulement les équipes arrivées sur place
hint-present-only = Les projets des équipes absentes ne reçoivent pas de nouveaux jurés ; ceux qu'ils ont déjà sont gardés.

# Rooms and tables
rooms-title = Salles et tables
rooms-hint = Nommez les salles dans l'ordre où les jurés les parcourent. Les téléphones des jurés listent leurs projets dans cet ordre, salle après salle et tables par numéro, et indiquent où se trouve le suivant.
field-room-name = Nom de la salle
field-room-capacity = Tables dans la salle
hint-room-capacity = Laissez vide pour ne pas limiter.
add-room = Ajouter la salle
remove-room = Retirer la salle
room-tables-used = Tables occupées : { $placed } / { $capacity }
room-tables-used-any = Tables occupées : { $placed }
place-auto-title = Placer les projets automatiquement
hint-place-auto = Les projets sans salle sont placés piste par piste, chaque piste regroupée, à des tables numérotées dans l'ordre de passage, après celles déjà occupées.
field-place-again = Replacer tous les projets (les places choisies à la main sont remplacées)
place-auto = Placer les projets
place-title = Les projets et leur place
judge-rooms = Salles (aucune cochée : toutes)
field-room = Salle
no-room = Sans salle
room-map = Plan des salles
room-map-hint = Imprimez cette page : chaque salle sur sa propre feuille.
not-placed = Pas encore placés
err-room-name-taken = Une autre salle de cet événement porte ce nom.
err-no-rooms = Ajoutez d'abord une salle.
err-rooms-too-small = Pas assez de tables libres : il en manque { $missing }. Donnez plus de tables à une salle ou ajoutez une salle ; rien n'a été placé.

## Créneaux de pitch
slots-title = Créneaux de pitch
slots-hint = Chaque affectation reçoit un créneau, sans qu'un jury ou une équipe soit pris deux fois, chaque jury parcourant ses salles dans l'ordre, avec une pause toutes les quelques présentations. Refait après des changements, le planning laisse à leur place les créneaux déjà notés et ceux en cours.
field-slots-start = Premier pitch à
field-slot-length = Durée d'un créneau
hint-slot-length = En minutes (« 7 »), ou minutes et secondes (« 6:30 »), de 0:30 à 60.
field-break-every = Une pause tous les … créneaux
hint-break-every = 0 ou vide : pas de pause.
field-break-minutes = Durée d'une pause (minutes)
hint-slots-present-only = Les équipes non pointées n'ont pas de créneau et perdent ceux pas encore notés ; refaites le planning quand elles arrivent.
slots-make = Établir le planning
slots-make-again = Refaire le planning
slots-clear = Retirer les créneaux pas encore notés
slots-unscheduled = { $count ->
        [one] 1 affectation n'a pas encore de créneau : refaites le planning.
       *[other] { $count } affectations n'ont pas encore de créneau : refaites le planning.
    }
slot-time = Heure
slot-state-head = État
slot-none = Sans créneau
slot-later = À venir
slot-now = En cours
slot-late = En retard
slot-scored = Noté
slot-absent = Équipe absente
slot-team-absent = { $count ->
        [one] signalée absente une fois
       *[other] signalée absente { $count } fois
    }
slot-move = Reporter
team-slots-title = Jurys à votre table
team-slot-next = C'est à vous : un jury arrive.
team-slot-line = Un jury à votre table à { $time }
desk-slot = Votre créneau : { $time }
desk-slot-before = avant le début
desk-slot-left = restant
err-slot-done = Ce créneau est déjà noté ; il reste à sa place.
err-no-slots = Établissez d'abord le planning.
place-list-title = Placer depuis une liste
hint-place-list = Un projet par ligne : son code, sa salle, sa table (P007, Salle B, 14), copiés d'un tableur ou d'un fichier CSV. Une première ligne de noms de colonnes est ignorée ; une salle vide retire le projet de sa salle. La liste s'applique en entier ou pas du tout.
field-places = Emplacements
place-list = Placer les projets de la liste
err-place-row = Lignes { $lines } : chaque ligne donne le code d'un projet, puis une salle et une table (40 caractères au plus).
err-place-code = Lignes { $lines } : aucun projet soumis de cet événement n'a ce code.
err-place-room = Lignes { $lines } : cet événement n'a pas de salle de ce nom.
err-place-twice = Lignes { $lines } : un projet figure deux fois, ou sa table est déjà prise dans cette salle.
err-place-full = { $room } n'a pas assez de tables pour cette liste ; rien n'a été placé.
room-plan-of = Plan de { $room }
field-room-plan = Plan de la salle (une image, 3 Mo au plus)
remove-plan = Retirer le plan
