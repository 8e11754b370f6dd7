//! Every user-facing text, in Arabic, French and English. `{}` marks the one argument an
//! entry may take; the tests in `mod.rs` check that all three languages agree on it.

use super::Lang;
use serde::{Deserialize, Serialize};

macro_rules! catalogue {
    ($($key:ident { ar: $ar:literal, fr: $fr:literal, en: $en:literal $(,)? })*) => {
        /// A catalogue key. Server errors carry these, never sentences.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum K { $($key),* }

        impl K {
            pub const ALL: &'static [K] = &[$(K::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match self {
                    $(K::$key => match lang { Lang::Ar => $ar, Lang::Fr => $fr, Lang::En => $en },)*
                }
            }
        }
    };
}

impl K {
    /// Entries that are the same in every language (none yet: even the name is transliterated).
    pub const LANGUAGE_NEUTRAL: &'static [K] = &[];
}

catalogue! {
    AppName { ar: "حَكَم", fr: "Hakam", en: "Hakam" }
    Tagline { ar: "تكوين الفرق، والتأطير، والتحكيم الشفاف للهاكاثونات والمعسكرات الرقمية.", fr: "Formation des équipes, mentorat et jury transparent pour les hackathons et bootcamps numériques.", en: "Team formation, mentoring and fair judging for hackathons and digital bootcamps." }
    SkipToContent { ar: "انتقل إلى المحتوى", fr: "Aller au contenu", en: "Skip to content" }
    MainNavigation { ar: "القائمة الرئيسية", fr: "Navigation principale", en: "Main navigation" }
    Language { ar: "اللغة", fr: "Langue", en: "Language" }
    Loading { ar: "جارٍ التحميل…", fr: "Chargement…", en: "Loading…" }

    SignUp { ar: "إنشاء حساب", fr: "Créer un compte", en: "Sign up" }
    SignUpTitle { ar: "إنشاء حساب جديد", fr: "Créer votre compte", en: "Create your account" }
    LogIn { ar: "تسجيل الدخول", fr: "Se connecter", en: "Log in" }
    LogInTitle { ar: "تسجيل الدخول إلى حَكَم", fr: "Connexion à Hakam", en: "Log in to Hakam" }
    LogOut { ar: "تسجيل الخروج", fr: "Se déconnecter", en: "Log out" }
    HaveAccount { ar: "لديك حساب بالفعل؟", fr: "Vous avez déjà un compte ?", en: "Already have an account?" }
    NoAccount { ar: "ليس لديك حساب؟", fr: "Pas encore de compte ?", en: "No account yet?" }
    SignedInAs { ar: "أنت متصل باسم {}.", fr: "Vous êtes connecté·e en tant que {}.", en: "You are signed in as {}." }
    FieldDisplayName { ar: "الاسم الكامل", fr: "Nom complet", en: "Full name" }
    FieldEmail { ar: "البريد الإلكتروني", fr: "Adresse e-mail", en: "Email address" }
    FieldPassword { ar: "كلمة المرور", fr: "Mot de passe", en: "Password" }
    HintPassword { ar: "عشرة أحرف على الأقل.", fr: "Au moins dix caractères.", en: "At least ten characters." }

    EventsTitle { ar: "الفعاليات", fr: "Événements", en: "Events" }
    NoEvents { ar: "لا توجد فعاليات بعد.", fr: "Aucun événement pour l'instant.", en: "No events yet." }
    CreateEvent { ar: "إنشاء فعالية", fr: "Créer un événement", en: "Create event" }
    ManageEvent { ar: "إدارة الفعالية", fr: "Gérer l'événement", en: "Manage event" }
    ViewPublicPage { ar: "عرض الصفحة العامة", fr: "Voir la page publique", en: "View public page" }
    OpenEvent { ar: "فتح الفعالية", fr: "Ouvrir l'événement", en: "Open the event" }
    EventDetails { ar: "تفاصيل الفعالية", fr: "Détails de l'événement", en: "Event details" }
    YourRoles { ar: "أدوارك", fr: "Vos rôles", en: "Your roles" }
    JoinAsParticipant { ar: "المشاركة في الفعالية", fr: "Participer à l'événement", en: "Join as a participant" }
    LogInToJoin { ar: "سجّل الدخول للمشاركة", fr: "Connectez-vous pour participer", en: "Log in to join" }
    ScheduleTitle { ar: "البرنامج الزمني", fr: "Calendrier", en: "Schedule" }
    TracksTitle { ar: "المسارات", fr: "Parcours", en: "Tracks" }
    PeopleTitle { ar: "الأشخاص", fr: "Personnes", en: "People" }
    TeamSizeLine { ar: "عدد أعضاء الفريق: {}", fr: "Taille des équipes : {}", en: "Team size: {}" }
    FieldEventName { ar: "اسم الفعالية", fr: "Nom de l'événement", en: "Event name" }
    FieldDescription { ar: "الوصف", fr: "Description", en: "Description" }
    FieldVenue { ar: "المكان", fr: "Lieu", en: "Venue" }
    FieldTimezone { ar: "المنطقة الزمنية", fr: "Fuseau horaire", en: "Time zone" }
    HintTimezone { ar: "اسم المنطقة الزمنية، مثل Africa/Casablanca.", fr: "Nom du fuseau, par exemple Africa/Casablanca.", en: "A time zone name, e.g. Africa/Casablanca." }
    HintScheduleTimezone { ar: "تُدخل الأوقات بتوقيت المنطقة الزمنية للفعالية.", fr: "Les heures sont saisies dans le fuseau horaire de l'événement.", en: "Times are entered in the event's time zone." }
    FieldTeamMin { ar: "الحد الأدنى لأعضاء الفريق", fr: "Taille minimale d'équipe", en: "Minimum team size" }
    FieldTeamMax { ar: "الحد الأقصى لأعضاء الفريق", fr: "Taille maximale d'équipe", en: "Maximum team size" }
    FieldStartsAt { ar: "بداية الفعالية", fr: "Début de l'événement", en: "Event starts" }
    FieldEndsAt { ar: "نهاية الفعالية", fr: "Fin de l'événement", en: "Event ends" }
    FieldRegistrationOpens { ar: "افتتاح التسجيل", fr: "Ouverture des inscriptions", en: "Registration opens" }
    FieldRegistrationCloses { ar: "إغلاق التسجيل", fr: "Clôture des inscriptions", en: "Registration closes" }
    FieldHackingStarts { ar: "انطلاق العمل على المشاريع", fr: "Début du hackathon", en: "Hacking starts" }
    FieldSubmissionDeadline { ar: "آخر أجل لتقديم المشاريع", fr: "Date limite de dépôt", en: "Submission deadline" }
    FieldJudgingOpens { ar: "بداية التحكيم", fr: "Ouverture du jury", en: "Judging opens" }
    FieldJudgingCloses { ar: "نهاية التحكيم", fr: "Clôture du jury", en: "Judging closes" }
    FieldResultsAt { ar: "إعلان النتائج", fr: "Proclamation des résultats", en: "Results announced" }
    FieldTrackName { ar: "اسم المسار", fr: "Nom du parcours", en: "Track name" }
    FieldTrackDescription { ar: "وصف المسار", fr: "Description du parcours", en: "Track description" }
    AddTrack { ar: "إضافة مسار", fr: "Ajouter un parcours", en: "Add track" }
    FieldOrganizerEmail { ar: "البريد الإلكتروني للمنظم المشارك", fr: "E-mail du co-organisateur", en: "Co-organizer's email" }
    AddOrganizer { ar: "إضافة منظم مشارك", fr: "Ajouter un co-organisateur", en: "Add co-organizer" }
    Save { ar: "حفظ", fr: "Enregistrer", en: "Save" }
    Saved { ar: "تم الحفظ.", fr: "Enregistré.", en: "Saved." }
    Remove { ar: "حذف", fr: "Supprimer", en: "Remove" }

    RoleTitle { ar: "الدور", fr: "Rôle", en: "Role" }
    RoleOrganizer { ar: "منظم", fr: "Organisateur·rice", en: "Organizer" }
    RoleMentor { ar: "مؤطر", fr: "Mentor", en: "Mentor" }
    RoleJudge { ar: "عضو لجنة التحكيم", fr: "Membre du jury", en: "Judge" }
    RoleParticipant { ar: "مشارك", fr: "Participant·e", en: "Participant" }
    RoleAdmin { ar: "مدير المنصة", fr: "Administrateur de la plateforme", en: "Platform admin" }

    InvitesTitle { ar: "روابط الدعوة", fr: "Liens d'invitation", en: "Invite links" }
    HintInvites { ar: "كل رابط يمنح دوراً واحداً في هذه الفعالية. شاركه أو اعرض رمز QR ليمسحه الهاتف.", fr: "Chaque lien donne un rôle dans cet événement. Partagez-le ou montrez son QR code à scanner.", en: "Each link grants one role in this event. Share it, or show its QR code to scan with a phone." }
    FieldRole { ar: "الدور", fr: "Rôle", en: "Role" }
    FieldInviteLabel { ar: "لمن هذا الرابط؟", fr: "Pour qui ?", en: "Who is it for?" }
    HintInviteLabel { ar: "اختياري، مثل اسم عضو لجنة التحكيم.", fr: "Facultatif, par exemple le nom du juré.", en: "Optional, e.g. the judge's name." }
    FieldMaxUses { ar: "عدد الاستعمالات المسموح بها", fr: "Nombre d'utilisations", en: "Number of uses" }
    FieldValidDays { ar: "صالح لمدة (أيام)", fr: "Valable (jours)", en: "Valid for (days)" }
    CreateInvite { ar: "إنشاء رابط دعوة", fr: "Créer un lien d'invitation", en: "Create invite link" }
    InviteLink { ar: "الرابط", fr: "Lien", en: "Link" }
    InviteExpires { ar: "ينتهي في", fr: "expire le", en: "expires" }
    InviteValid { ar: "صالح", fr: "Valide", en: "Valid" }
    InviteExpired { ar: "منتهي الصلاحية", fr: "Expiré", en: "Expired" }
    InviteRevoked { ar: "ملغى", fr: "Révoqué", en: "Revoked" }
    InviteUsedUp { ar: "مستعمل بالكامل", fr: "Épuisé", en: "Used up" }
    Revoke { ar: "إلغاء", fr: "Révoquer", en: "Revoke" }
    Allow { ar: "السماح", fr: "Autoriser", en: "Allow" }
    InviteHeading { ar: "دعوة بصفة: {}", fr: "Invitation : {}", en: "Invitation: {}" }
    InviteAlreadyAccepted { ar: "لقد قبلت هذه الدعوة من قبل.", fr: "Vous avez déjà accepté cette invitation.", en: "You have already accepted this invitation." }
    AcceptInvite { ar: "قبول الدعوة", fr: "Accepter l'invitation", en: "Accept invitation" }
    SignUpAndAccept { ar: "إنشاء الحساب وقبول الدعوة", fr: "Créer le compte et accepter", en: "Create account and accept" }

    AdminTitle { ar: "الإدارة", fr: "Administration", en: "Administration" }
    CanCreateEvents { ar: "يمكنه إنشاء فعاليات", fr: "Peut créer des événements", en: "Can create events" }

    ErrRequired { ar: "هذا الحقل مطلوب.", fr: "Ce champ est obligatoire.", en: "This field is required." }
    ErrTooLong { ar: "هذا النص طويل جداً.", fr: "Ce texte est trop long.", en: "This is too long." }
    ErrTooLongMax { ar: "الحد الأقصى {} حرفاً.", fr: "{} caractères au maximum.", en: "At most {} characters." }
    ErrInvalidCharacters { ar: "يحتوي على رموز غير مسموح بها.", fr: "Contient des caractères non autorisés.", en: "Contains characters that are not allowed." }
    ErrEmailInvalid { ar: "أدخل عنوان بريد إلكتروني صحيحاً، مثل nom@exemple.ma.", fr: "Saisissez une adresse e-mail valide, par exemple nom@exemple.ma.", en: "Enter a valid email address, like name@example.ma." }
    ErrEmailTaken { ar: "يوجد حساب بهذا البريد الإلكتروني. سجّل الدخول بدلاً من ذلك.", fr: "Un compte existe déjà avec cette adresse. Connectez-vous plutôt.", en: "An account with this email already exists. Log in instead." }
    ErrPasswordTooShort { ar: "يجب أن تتكون كلمة المرور من {} أحرف على الأقل.", fr: "Le mot de passe doit contenir au moins {} caractères.", en: "The password must be at least {} characters long." }
    ErrBadCredentials { ar: "البريد الإلكتروني أو كلمة المرور غير صحيحة.", fr: "E-mail ou mot de passe incorrect.", en: "Wrong email or password." }
    ErrTooManyAttempts { ar: "محاولات فاشلة كثيرة. أعد المحاولة بعد ساعة.", fr: "Trop de tentatives échouées. Réessayez dans une heure.", en: "Too many failed attempts. Try again in an hour." }
    ErrSignInRequired { ar: "يجب تسجيل الدخول أولاً.", fr: "Vous devez vous connecter d'abord.", en: "Please log in first." }
    ErrForbidden { ar: "ليست لديك صلاحية للقيام بهذا.", fr: "Vous n'avez pas le droit de faire cela.", en: "You are not allowed to do this." }
    ErrNotFound { ar: "الصفحة غير موجودة.", fr: "Page introuvable.", en: "Not found." }
    ErrFixFields { ar: "يرجى تصحيح الحقول المشار إليها.", fr: "Corrigez les champs signalés.", en: "Please correct the fields marked below." }
    ErrInternal { ar: "حدث خطأ من جهتنا. لم يُحفظ أي شيء؛ أعد المحاولة.", fr: "Une erreur est survenue de notre côté. Rien n'a été enregistré ; réessayez.", en: "Something went wrong on our side. Nothing was saved; please try again." }
    ErrNetwork { ar: "تعذر الاتصال بالخادم. تحقق من الاتصال وأعد المحاولة.", fr: "Impossible de joindre le serveur. Vérifiez la connexion et réessayez.", en: "Could not reach the server. Check the connection and try again." }
    ErrBadRequest { ar: "الطلب غير صالح. أعد تحميل الصفحة وحاول مجدداً.", fr: "Requête invalide. Rechargez la page et réessayez.", en: "The request was malformed. Reload the page and try again." }
    ErrChangedMeanwhile { ar: "عدّل شخص آخر هذه البيانات في الأثناء. لم يُحفظ تعديلك؛ انسخ نصك ثم أعد تحميل الصفحة.", fr: "Quelqu'un d'autre a modifié ces données entre-temps. Vos changements n'ont pas été enregistrés ; copiez votre texte puis rechargez la page.", en: "Someone else changed this meanwhile. Your changes were not saved; copy your text, then reload the page." }
    ErrTimezone { ar: "منطقة زمنية غير معروفة. استعمل اسماً مثل Africa/Casablanca.", fr: "Fuseau horaire inconnu. Utilisez un nom comme Africa/Casablanca.", en: "Unknown time zone. Use a name like Africa/Casablanca." }
    ErrDateTime { ar: "أدخل تاريخاً ووقتاً صحيحين.", fr: "Saisissez une date et une heure valides.", en: "Enter a valid date and time." }
    ErrTeamSizeRange { ar: "أدخل عدداً بين 1 و{}.", fr: "Saisissez un nombre entre 1 et {}.", en: "Enter a number from 1 to {}." }
    ErrNumberRange { ar: "أدخل عدداً في المجال {}.", fr: "Saisissez un nombre dans l'intervalle {}.", en: "Enter a number in the range {}." }
    ErrTeamMaxBelowMin { ar: "يجب ألا يقل الحد الأقصى عن الحد الأدنى.", fr: "Le maximum ne peut pas être inférieur au minimum.", en: "The maximum cannot be below the minimum." }
    ErrEndsBeforeStart { ar: "يجب أن تكون النهاية بعد البداية.", fr: "La fin doit être après le début.", en: "The end must be after the start." }
    ErrAfterRegistrationOpens { ar: "يجب أن يأتي بعد افتتاح التسجيل.", fr: "Doit être après l'ouverture des inscriptions.", en: "Must be after registration opens." }
    ErrAfterHackingStarts { ar: "يجب أن يأتي بعد انطلاق العمل على المشاريع.", fr: "Doit être après le début du hackathon.", en: "Must be after hacking starts." }
    ErrAfterSubmissionDeadline { ar: "يجب أن يأتي بعد آخر أجل للتقديم.", fr: "Doit être après la date limite de dépôt.", en: "Must be after the submission deadline." }
    ErrAfterJudgingOpens { ar: "يجب أن يأتي بعد بداية التحكيم.", fr: "Doit être après l'ouverture du jury.", en: "Must be after judging opens." }
    ErrAfterJudgingCloses { ar: "يجب أن يأتي بعد نهاية التحكيم.", fr: "Doit être après la clôture du jury.", en: "Must be after judging closes." }
    ErrWithinEvent { ar: "يجب أن يكون ضمن مدة الفعالية.", fr: "Doit se situer pendant l'événement.", en: "Must fall within the event." }
    ErrTrackExists { ar: "يوجد مسار بهذا الاسم في هذه الفعالية.", fr: "Un parcours porte déjà ce nom dans cet événement.", en: "This event already has a track with that name." }
    ErrNoSuchAccount { ar: "لا يوجد حساب بهذا البريد الإلكتروني. أرسل له رابط دعوة بدلاً من ذلك.", fr: "Aucun compte avec cette adresse. Envoyez plutôt un lien d'invitation.", en: "No account uses this email. Send an invite link instead." }
    ErrCannotCreateEvents { ar: "لا يمكنك إنشاء فعاليات بعد. اطلب ذلك من مدير المنصة.", fr: "Vous ne pouvez pas encore créer d'événements. Demandez-le à l'administrateur de la plateforme.", en: "You cannot create events yet. Ask the platform admin to allow it." }
    EventNavigation { ar: "أقسام الفعالية", fr: "Rubriques de l'événement", en: "Event sections" }
    TeamTitle { ar: "فريقي", fr: "Mon équipe", en: "My team" }
    BoardTitle { ar: "لوحة البحث عن فريق", fr: "Tableau des équipes", en: "Team board" }
    ProfileTitle { ar: "ملفي في هذه الفعالية", fr: "Mon profil pour cet événement", en: "My profile for this event" }
    FieldSkills { ar: "مهاراتي", fr: "Mes compétences", en: "My skills" }
    FieldLanguages { ar: "اللغات التي أتحدثها", fr: "Langues parlées", en: "Languages I speak" }
    HintLanguages { ar: "مثل: ar, fr, en", fr: "Par exemple : ar, fr, en", en: "For example: ar, fr, en" }
    HintTags { ar: "افصل بينها بفاصلة، مثل: تصميم، بيانات، Rust", fr: "Séparées par des virgules, par exemple : design, données, Rust", en: "Separated by commas, e.g. design, data, Rust" }
    FieldBio { ar: "نبذة قصيرة", fr: "Courte présentation", en: "Short bio" }
    FieldLooking { ar: "أبحث عن فريق", fr: "Je cherche une équipe", en: "I am looking for a team" }
    CreateTeam { ar: "إنشاء فريق", fr: "Créer une équipe", en: "Create a team" }
    FieldTeamName { ar: "اسم الفريق", fr: "Nom de l'équipe", en: "Team name" }
    FieldPitch { ar: "فكرة المشروع في جملة", fr: "L'idée en une phrase", en: "One-line pitch" }
    FieldTrack { ar: "المسار", fr: "Parcours", en: "Track" }
    NoTrackYet { ar: "لم يُحدد بعد", fr: "Pas encore choisi", en: "Not chosen yet" }
    FieldNeeds { ar: "المهارات المطلوبة", fr: "Compétences recherchées", en: "Skills we need" }
    JoinWithCode { ar: "الانضمام برمز الفريق", fr: "Rejoindre avec un code", en: "Join with a code" }
    FieldTeamCode { ar: "رمز الفريق", fr: "Code de l'équipe", en: "Team code" }
    JoinTeam { ar: "الانضمام إلى الفريق", fr: "Rejoindre l'équipe", en: "Join the team" }
    JoinTeamHeading { ar: "الانضمام إلى فريق {}", fr: "Rejoindre l'équipe {}", en: "Join team {}" }
    TeamInviteLink { ar: "رابط دعوة الفريق", fr: "Lien d'invitation de l'équipe", en: "Team invite link" }
    OpenSeats { ar: "المقاعد الشاغرة: {}", fr: "Places libres : {}", en: "Open seats: {}" }
    Captain { ar: "قائد الفريق", fr: "Capitaine", en: "Captain" }
    MakeCaptain { ar: "تعيينه قائداً", fr: "Nommer capitaine", en: "Make captain" }
    LeaveTeam { ar: "مغادرة الفريق", fr: "Quitter l'équipe", en: "Leave the team" }
    JoinRequestsTitle { ar: "طلبات الانضمام", fr: "Demandes pour rejoindre", en: "Requests to join" }
    Accept { ar: "قبول", fr: "Accepter", en: "Accept" }
    Decline { ar: "رفض", fr: "Refuser", en: "Decline" }
    FilterSkill { ar: "المهارة", fr: "Compétence", en: "Skill" }
    FilterLanguage { ar: "اللغة", fr: "Langue", en: "Language" }
    Filter { ar: "تصفية", fr: "Filtrer", en: "Filter" }
    TeamsWithSeats { ar: "فرق لديها مقاعد شاغرة", fr: "Équipes avec des places libres", en: "Teams with open seats" }
    PeopleLooking { ar: "أشخاص يبحثون عن فريق", fr: "Personnes qui cherchent une équipe", en: "People looking for a team" }
    NothingHere { ar: "لا شيء هنا حالياً.", fr: "Rien pour l'instant.", en: "Nothing here for now." }
    FieldMessage { ar: "رسالة قصيرة", fr: "Court message", en: "Short message" }
    AskToJoin { ar: "طلب الانضمام", fr: "Demander à rejoindre", en: "Ask to join" }
    RequestSent { ar: "أُرسل طلبك إلى قائد الفريق.", fr: "Votre demande a été envoyée au capitaine.", en: "Your request was sent to the captain." }
    FitScore { ar: "درجة التوافق", fr: "Complémentarité", en: "Fit" }
    FitNeeded { ar: "يغطي المطلوب: {}", fr: "couvre les besoins : {}", en: "covers needs: {}" }
    FitNew { ar: "يضيف: {}", fr: "apporte : {}", en: "adds: {}" }
    FitLanguage { ar: "لغة مشتركة", fr: "langue commune", en: "shared language" }
    TeamsOverview { ar: "الفرق", fr: "Équipes", en: "Teams" }
    TeamsCount { ar: "الفرق ({})", fr: "Équipes ({})", en: "Teams ({})" }
    SolosCount { ar: "مشاركون بلا فريق ({})", fr: "Participants sans équipe ({})", en: "Participants without a team ({})" }
    BelowMinimum { ar: "أقل من الحد الأدنى.", fr: "En dessous du minimum.", en: "Below the minimum size." }
    DissolveTeam { ar: "حل الفريق", fr: "Dissoudre l'équipe", en: "Dissolve team" }
    MoveTo { ar: "نقله إلى", fr: "Déplacer vers", en: "Move to" }
    Move { ar: "نقل", fr: "Déplacer", en: "Move" }
    FieldTeamsLockedAt { ar: "تجميد الفرق ابتداءً من", fr: "Verrouiller les équipes à partir de", en: "Lock team changes from" }
    HintTeamsLock { ar: "بعد هذا الوقت لا يمكن للمشاركين تغيير الفرق. اتركه فارغاً لعدم التجميد.", fr: "Ensuite, les participants ne peuvent plus changer d'équipe. Laissez vide pour ne pas verrouiller.", en: "After this time participants can no longer change teams. Leave empty for no lock." }
    FieldSeed { ar: "رقم السحب", fr: "Numéro de tirage", en: "Draw number" }
    HintSeed { ar: "نفس الرقم يعطي نفس الفرق لنفس المشاركين.", fr: "Le même numéro donne les mêmes équipes pour les mêmes participants.", en: "The same number gives the same teams for the same participants." }
    AutoFormTeams { ar: "تكوين الفرق تلقائياً", fr: "Former les équipes automatiquement", en: "Form teams automatically" }
    AutoTeamName { ar: "الفريق {}", fr: "Équipe {}", en: "Team {}" }
    ErrTeamsLocked { ar: "الفرق مجمدة: لم يعد تغييرها ممكناً.", fr: "Les équipes sont verrouillées : plus de changement possible.", en: "Teams are locked: no more changes." }
    ErrTeamFull { ar: "هذا الفريق مكتمل.", fr: "Cette équipe est complète.", en: "This team is full." }
    ErrAlreadyInTeam { ar: "أنت عضو في فريق بالفعل في هذه الفعالية.", fr: "Vous faites déjà partie d'une équipe dans cet événement.", en: "You are already in a team for this event." }
    ErrTeamNameTaken { ar: "يوجد فريق بهذا الاسم في هذه الفعالية.", fr: "Une équipe porte déjà ce nom dans cet événement.", en: "A team with this name already exists in this event." }
    ErrRequestAlreadyDecided { ar: "تم البت في هذا الطلب من قبل.", fr: "Cette demande a déjà été traitée.", en: "This request was already decided." }
    ErrCaptainCannotRemoveSelf { ar: "لا يمكن للقائد إزالة نفسه؛ غادر الفريق بدلاً من ذلك.", fr: "Le capitaine ne peut pas se retirer lui-même ; quittez plutôt l'équipe.", en: "The captain cannot remove themselves; leave the team instead." }
    ErrNotAParticipant { ar: "هذا الشخص ليس مشاركاً في الفعالية.", fr: "Cette personne n'est pas participante de l'événement.", en: "This person is not a participant of the event." }
    ErrTeamNotEmpty { ar: "لا يمكن حل فريق ما زال فيه أعضاء.", fr: "Impossible de dissoudre une équipe qui a encore des membres.", en: "A team that still has members cannot be dissolved." }
    ProjectTitle { ar: "مشروعنا", fr: "Notre projet", en: "Our project" }
    StatusSubmitted { ar: "مُقدَّم", fr: "Soumis", en: "Submitted" }
    StatusDraft { ar: "مسودة", fr: "Brouillon", en: "Draft" }
    StatusNone { ar: "لا مشروع بعد", fr: "Pas encore de projet", en: "No project yet" }
    StatusLate { ar: "متأخر", fr: "En retard", en: "Late" }
    AllStatuses { ar: "كل الحالات", fr: "Tous les statuts", en: "All statuses" }
    DeadlineIs { ar: "آخر أجل للتعديل: {}", fr: "Modifications possibles jusqu'au {}", en: "Edits are open until {}" }
    FieldTitle { ar: "عنوان المشروع", fr: "Titre du projet", en: "Project title" }
    FieldTagline { ar: "شعار قصير", fr: "Accroche", en: "Tagline" }
    FieldRepoUrl { ar: "رابط المستودع", fr: "Lien du dépôt", en: "Repository link" }
    FieldDemoUrl { ar: "رابط العرض التجريبي", fr: "Lien de la démo", en: "Demo link" }
    FieldVideoUrl { ar: "رابط الفيديو", fr: "Lien de la vidéo", en: "Video link" }
    FieldTechnologies { ar: "التقنيات المستعملة", fr: "Technologies", en: "Technologies" }
    FieldStatus { ar: "الحالة", fr: "Statut", en: "Status" }
    SaveDraft { ar: "حفظ كمسودة", fr: "Enregistrer le brouillon", en: "Save draft" }
    SubmitProject { ar: "تقديم المشروع", fr: "Soumettre le projet", en: "Submit project" }
    ScreenshotsTitle { ar: "لقطات الشاشة", fr: "Captures d'écran", en: "Screenshots" }
    ScreenshotAlt { ar: "لقطة شاشة من المشروع", fr: "Capture d'écran du projet", en: "Project screenshot" }
    FieldScreenshot { ar: "إضافة لقطة شاشة", fr: "Ajouter une capture d'écran", en: "Add a screenshot" }
    HintScreenshot { ar: "صورة PNG أو JPEG أو WebP أو GIF، بحجم 2 ميغابايت على الأكثر.", fr: "Image PNG, JPEG, WebP ou GIF, 2 Mo au plus.", en: "A PNG, JPEG, WebP or GIF image, 2 MB at most." }
    Upload { ar: "رفع", fr: "Envoyer", en: "Upload" }
    HistoryTitle { ar: "سجل التعديلات", fr: "Historique des modifications", en: "Edit history" }
    SubmissionsTitle { ar: "المشاريع المقدمة", fr: "Projets soumis", en: "Submissions" }
    ExportCsv { ar: "تصدير CSV", fr: "Exporter en CSV", en: "Export CSV" }
    Updated { ar: "آخر تعديل", fr: "Modifié le", en: "Updated" }
    Links { ar: "الروابط", fr: "Liens", en: "Links" }
    ExtendDeadline { ar: "تمديد الأجل إلى", fr: "Prolonger jusqu'au", en: "Extend until" }
    ErrNeedTeam { ar: "يجب أن تنضم إلى فريق أولاً.", fr: "Rejoignez d'abord une équipe.", en: "Join a team first." }
    ErrDeadlinePassed { ar: "انتهى أجل التقديم في {}. لم يعد التعديل ممكناً.", fr: "La date limite était le {}. Les modifications ne sont plus possibles.", en: "The deadline was {}. Edits are no longer accepted." }
    ErrProjectChangedBy { ar: "عدّل {} المشروع في الأثناء. لم يُحفظ تعديلك؛ نصك ما زال هنا: انسخه ثم أعد تحميل الصفحة.", fr: "{} a modifié le projet entre-temps. Vos changements n'ont pas été enregistrés ; votre texte est toujours là : copiez-le puis rechargez la page.", en: "{} changed the project meanwhile. Your changes were not saved; your text is still here: copy it, then reload the page." }
    ErrUrl { ar: "أدخل رابطاً كاملاً يبدأ بـ https://", fr: "Saisissez un lien complet commençant par https://", en: "Enter a full link starting with https://" }
    ErrUploadTooLarge { ar: "الملف كبير جداً (الحد {}).", fr: "Fichier trop volumineux (maximum {}).", en: "The file is too large (at most {})." }
    ErrNotAnImage { ar: "هذا الملف ليس صورة PNG أو JPEG أو WebP أو GIF.", fr: "Ce fichier n'est pas une image PNG, JPEG, WebP ou GIF.", en: "This file is not a PNG, JPEG, WebP or GIF image." }
    ErrSaveProjectFirst { ar: "احفظ المشروع أولاً ثم أضف الصور.", fr: "Enregistrez d'abord le projet, puis ajoutez des images.", en: "Save the project first, then add images." }
    ErrTooManyScreenshots { ar: "لا يمكن إضافة أكثر من {} صور.", fr: "{} images au maximum.", en: "At most {} images." }
    ErrTeamTooSmall { ar: "يجب أن يضم الفريق {} أعضاء على الأقل لتقديم المشروع.", fr: "L'équipe doit compter au moins {} membres pour soumettre.", en: "The team needs at least {} members to submit." }
    SubmissionDeadline { ar: "آخر أجل", fr: "Date limite", en: "Deadline" }
    EditTeam { ar: "تعديل الفريق", fr: "Modifier l'équipe", en: "Edit team" }
    ViewProject { ar: "عرض المشروع", fr: "Voir le projet", en: "View project" }
    EventSkillsTitle { ar: "مهارات الفعالية", fr: "Compétences de l'événement", en: "Event skills" }
    HintEventSkills { ar: "تُقترح على المشاركين عند ملء ملفاتهم.", fr: "Proposées aux participants quand ils remplissent leur profil.", en: "Suggested to participants when they fill their profile." }
    SuggestedSkills { ar: "مهارات مقترحة: {}", fr: "Compétences proposées : {}", en: "Suggested skills: {}" }
    MentorProfileTitle { ar: "ملفي كمؤطر", fr: "Mon profil de mentor", en: "My mentor profile" }
    MentoredTeams { ar: "الفرق التي أؤطرها", fr: "Les équipes que je suis", en: "Teams I mentor" }
    FieldExpertise { ar: "مجالات خبرتي", fr: "Mes domaines d'expertise", en: "My expertise" }
    FieldCapacity { ar: "أقصى عدد من الفرق", fr: "Nombre maximum d'équipes", en: "Maximum number of teams" }
    FieldContact { ar: "وسيلة التواصل", fr: "Contact", en: "Contact" }
    HintContact { ar: "ما تود مشاركته مع فرقك: هاتف، بريد، مكان الجلوس…", fr: "Ce que vous partagez avec vos équipes : téléphone, e-mail, table…", en: "What you share with your teams: phone, email, where you sit…" }
    MentoringTitle { ar: "التأطير", fr: "Mentorat", en: "Mentoring" }
    AutoAssignMentors { ar: "توزيع المؤطرين تلقائياً", fr: "Attribuer les mentors automatiquement", en: "Assign mentors automatically" }
    FieldRebalance { ar: "إعادة التوزيع من الصفر", fr: "Tout redistribuer", en: "Reassign everyone from scratch" }
    NoMentorYet { ar: "بدون مؤطر", fr: "Aucun mentor", en: "No mentor" }
    ManualAssignment { ar: "تعيين يدوي", fr: "Attribution manuelle", en: "Assigned by hand" }
    MatchedBecause { ar: "سبب الاختيار", fr: "Pourquoi", en: "Why" }
    UncoveredLanguage { ar: "لا يوجد مؤطر يتحدث لغة الفريق", fr: "aucun mentor ne parle une langue de l'équipe", en: "no mentor speaks a language of the team" }
    UncoveredExpertise { ar: "لا يوجد مؤطر خبير في مسار الفريق أو احتياجاته", fr: "aucun mentor ne couvre le parcours ou les besoins de l'équipe", en: "no mentor covers the team's track or needs" }
    UncoveredCapacity { ar: "المؤطرون المناسبون بلغوا الحد الأقصى", fr: "les mentors adaptés sont au complet", en: "the suitable mentors are at capacity" }
    ErrNotAMentor { ar: "هذا الشخص ليس مؤطراً في الفعالية.", fr: "Cette personne n'est pas mentor de l'événement.", en: "This person is not a mentor of the event." }
    YourMentor { ar: "مؤطر فريقكم", fr: "Votre mentor", en: "Your mentor" }
    SessionsTitle { ar: "جلسات التأطير", fr: "Séances de mentorat", en: "Mentoring sessions" }
    TimesIn { ar: "الأوقات بتوقيت {}", fr: "Heures du fuseau {}", en: "Times in {}" }
    OfferSlot { ar: "اقتراح موعد", fr: "Proposer un créneau", en: "Offer a slot" }
    FieldSlotStarts { ar: "يبدأ", fr: "Début", en: "Starts" }
    FieldSlotEnds { ar: "ينتهي", fr: "Fin", en: "Ends" }
    FieldLocation { ar: "المكان", fr: "Lieu", en: "Where" }
    BookedBy { ar: "محجوز لـ {}", fr: "Réservé par {}", en: "Booked by {}" }
    SlotFree { ar: "متاح", fr: "Libre", en: "Free" }
    SlotBooked { ar: "محجوز", fr: "Réservé", en: "Booked" }
    Book { ar: "حجز", fr: "Réserver", en: "Book" }
    CancelBooking { ar: "إلغاء الحجز", fr: "Annuler la réservation", en: "Cancel booking" }
    SessionNotes { ar: "ملاحظات الجلسة", fr: "Notes de séance", en: "Session notes" }
    Attendance { ar: "الحضور", fr: "Présence", en: "Attendance" }
    Attended { ar: "حضر", fr: "Présents", en: "Attended" }
    Absent { ar: "غاب", fr: "Absents", en: "Did not come" }
    ErrSlotTooLong { ar: "الجلسة أطول من أربع ساعات.", fr: "Le créneau dépasse quatre heures.", en: "A slot lasts at most four hours." }
    ErrSlotOverlaps { ar: "لديك موعد آخر في هذا الوقت.", fr: "Vous avez déjà un créneau à ce moment.", en: "You already have a slot at that time." }
    ErrTeamBusyThen { ar: "فريقك لديه جلسة أخرى في هذا الوقت.", fr: "Votre équipe a déjà une séance à ce moment.", en: "Your team already has a session at that time." }
    ErrSlotTaken { ar: "حجز فريق آخر هذا الموعد للتو.", fr: "Une autre équipe vient de réserver ce créneau.", en: "Another team just booked this slot." }
    ErrSlotNotBooked { ar: "لم يُحجز هذا الموعد.", fr: "Ce créneau n'est pas réservé.", en: "This slot is not booked." }
    HelpTitle { ar: "طلب المساعدة", fr: "Demandes d'aide", en: "Help desk" }
    AskForHelp { ar: "طلب مساعدة", fr: "Demander de l'aide", en: "Ask for help" }
    FieldHelpTopic { ar: "ما الذي تحتاجونه؟", fr: "De quoi avez-vous besoin ?", en: "What do you need?" }
    FieldHelpSkill { ar: "المجال (مثل: تصميم، بيانات)", fr: "Domaine (ex. design, données)", en: "Skill (e.g. design, data)" }
    FieldHelpLocation { ar: "أين تجلسون (طاولة، قاعة)", fr: "Où êtes-vous (table, salle)", en: "Where you sit (table, room)" }
    OurRequests { ar: "طلباتنا", fr: "Nos demandes", en: "Our requests" }
    HelpQueue { ar: "قائمة الطلبات", fr: "File des demandes", en: "Request queue" }
    HelpOpen { ar: "في الانتظار", fr: "En attente", en: "Waiting" }
    HelpClaimed { ar: "مؤطر في الطريق", fr: "Un mentor arrive", en: "Mentor on the way" }
    HelpResolved { ar: "تمت المساعدة", fr: "Résolue", en: "Resolved" }
    HelpCancelled { ar: "سُحب", fr: "Retirée", en: "Withdrawn" }
    MentorComing { ar: "{} في الطريق إليكم.", fr: "{} arrive.", en: "{} is coming." }
    Resolved { ar: "تم الحل", fr: "C'est résolu", en: "Resolved" }
    Withdraw { ar: "سحب الطلب", fr: "Retirer", en: "Withdraw" }
    ClaimRequest { ar: "سأتكفل بها", fr: "Je m'en charge", en: "I'll take it" }
    Release { ar: "إرجاعها للقائمة", fr: "Remettre dans la file", en: "Put back" }
    ShowAllRequests { ar: "عرض كل الطلبات", fr: "Voir toutes les demandes", en: "Show all requests" }
    ShowMySkills { ar: "عرض طلبات مجالاتي فقط", fr: "Seulement mes domaines", en: "Only my skills" }
    WaitingMinutes { ar: "منذ {} دقيقة", fr: "depuis {} min", en: "waiting {} min" }
    HelpStatsTitle { ar: "إحصائيات", fr: "Statistiques", en: "Statistics" }
    MedianWait { ar: "الانتظار الوسيط", fr: "Attente médiane", en: "Median wait" }
    MedianResolve { ar: "مدة الحل الوسيطة", fr: "Durée médiane de résolution", en: "Median time to resolve" }
    Minutes { ar: "{} دقيقة", fr: "{} min", en: "{} min" }
    ErrAlreadyHelping { ar: "أنت تساعد فريقاً آخر حالياً. أنهِ طلبك الحالي أولاً.", fr: "Vous aidez déjà une équipe. Terminez d'abord cette demande.", en: "You are already helping a team. Finish that request first." }
    ErrRequestTaken { ar: "تكفل مؤطر آخر بهذا الطلب للتو.", fr: "Un autre mentor vient de prendre cette demande.", en: "Another mentor just took this request." }
    ErrNotYourRequest { ar: "هذا الطلب ليس بين يديك.", fr: "Cette demande n'est pas la vôtre.", en: "This request is not yours." }
    ErrRequestClosed { ar: "هذا الطلب مغلق.", fr: "Cette demande est close.", en: "This request is closed." }
    ErrTooManyTags { ar: "عدد الوسوم كبير جداً.", fr: "Trop d'étiquettes.", en: "Too many tags." }
    ErrTagTooLong { ar: "أحد الوسوم طويل جداً.", fr: "Une étiquette est trop longue.", en: "A tag is too long." }
    ErrRegistrationClosed { ar: "التسجيل في هذه الفعالية مغلق.", fr: "Les inscriptions à cet événement sont fermées.", en: "Registration for this event is closed." }
    ErrInviteUnknown { ar: "رابط الدعوة هذا غير موجود. تحقق منه مع المنظمين.", fr: "Ce lien d'invitation n'existe pas. Vérifiez-le auprès des organisateurs.", en: "This invite link does not exist. Check it with the organizers." }
    ErrInviteExpired { ar: "انتهت صلاحية رابط الدعوة هذا. اطلب رابطاً جديداً من المنظمين.", fr: "Ce lien d'invitation a expiré. Demandez-en un nouveau aux organisateurs.", en: "This invite link has expired. Ask the organizers for a new one." }
    ErrInviteRevoked { ar: "ألغى المنظمون رابط الدعوة هذا.", fr: "Les organisateurs ont révoqué ce lien d'invitation.", en: "The organizers revoked this invite link." }
    ErrInviteUsedUp { ar: "استُعمل رابط الدعوة هذا بالكامل. اطلب رابطاً جديداً من المنظمين.", fr: "Ce lien d'invitation a déjà été utilisé. Demandez-en un nouveau aux organisateurs.", en: "This invite link has already been used. Ask the organizers for a new one." }
    JudgingTitle { ar: "التحكيم", fr: "Jury", en: "Judging" }
    JudgingSettings { ar: "إعدادات التحكيم", fr: "Réglages du jury", en: "Judging settings" }
    JudgingIsOpen { ar: "التحكيم مفتوح: يمكن للحكام التنقيط الآن.", fr: "Le jury est ouvert : les jurés peuvent noter.", en: "Judging is open: judges can score now." }
    JudgingIsClosed { ar: "التحكيم مغلق: لا يمكن للحكام التنقيط الآن.", fr: "Le jury est fermé : les jurés ne peuvent pas noter.", en: "Judging is closed: judges cannot score now." }
    FieldJudgesPerProject { ar: "عدد الحكام لكل مشروع", fr: "Jurés par projet", en: "Judges per project" }
    FieldDisagreement { ar: "عتبة الاختلاف (نقط من 100)", fr: "Seuil de désaccord (points sur 100)", en: "Disagreement threshold (points out of 100)" }
    HintDisagreement { ar: "يُعلَّم المشروع للمراجعة إذا تجاوز الفرق بين أعلى وأدنى تنقيط هذه العتبة.", fr: "Un projet est signalé quand l'écart entre la note la plus haute et la plus basse dépasse ce seuil.", en: "A project is flagged when the gap between its highest and lowest judge total exceeds this." }
    FieldMethod { ar: "طريقة الترتيب", fr: "Méthode de classement", en: "Ranking method" }
    MethodZ { ar: "مُعايَر حسب كل حكم (z)", fr: "Normalisé par juré (z)", en: "Normalized per judge (z)" }
    MethodRaw { ar: "المتوسط الخام", fr: "Moyenne brute", en: "Raw mean" }
    FieldJudgingState { ar: "حالة التحكيم", fr: "État du jury", en: "Judging state" }
    StateScheduled { ar: "حسب مواعيد الفعالية", fr: "Selon le calendrier", en: "Follow the schedule" }
    StateOpen { ar: "مفتوح الآن", fr: "Ouvert maintenant", en: "Open now" }
    StateClosed { ar: "مغلق", fr: "Fermé", en: "Closed" }
    FieldHideNames { ar: "إخفاء أسماء الفرق والأعضاء عن الحكام (الرمز والعنوان فقط)", fr: "Masquer les noms d'équipes et de membres aux jurés (code et titre seulement)", en: "Hide team and member names from judges (code and title only)" }
    JudgesTitle { ar: "الحكام", fr: "Jurés", en: "Judges" }
    HintJudgePasses { ar: "أضف حكماً باسمه فقط: يحصل على رابط ورمز QR يربطان هاتفه بصفحة التنقيط لهذه الفعالية وحدها، دون كلمة مرور. يظهر الرابط مرة واحدة؛ «عرض الرابط» يعطي رابطاً جديداً (تبقى الهواتف المتصلة متصلة). «رابط جديد» و«إلغاء الدخول» يُخرجان كل هواتفه فوراً. تنتهي صلاحية الروابط بعد يوم من نهاية التحكيم، و«تمديد» يضيف أياماً. الحكام الذين لهم حساب خاص (مثلاً من انضم عبر دعوة حكم بكلمة مرور) يدخلون به ولا يحصلون على رابط.", fr: "Ajoutez un juré par son nom : il reçoit un lien et un QR code qui connectent son téléphone à la notation de cet événement seulement, sans mot de passe. Le lien n'est affiché qu'une fois ; « Afficher le lien » en donne un nouveau (les téléphones déjà connectés le restent). « Nouveau lien » et « Révoquer l'accès » déconnectent aussitôt tous ses téléphones. Les liens expirent un jour après la fin du jury ; « Prolonger » ajoute des jours. Les jurés qui ont leur propre compte (par exemple venus par une invitation « juré » avec un mot de passe) se connectent avec lui et n'ont pas de lien.", en: "Add a judge by name: they get a link and QR code that sign their phone in to this event's scoring only, with no password. The link is shown once; “Show link” gives a new one (phones already signed in stay signed in). “New link” and “Revoke sign-in” sign out all of their phones at once. Links expire a day after judging closes; “Extend” adds days. Judges with their own account (for example one who joined through a judge invite with a password) sign in with it and get no link." }
    AddJudge { ar: "إضافة حكم", fr: "Ajouter un juré", en: "Add judge" }
    JudgeProgress { ar: "المنجز: {}", fr: "Fait : {}", en: "Done: {}" }
    DeclaredConflicts { ar: "تضارب مصالح مُصرَّح به: {}", fr: "Conflits déclarés : {}", en: "Declared conflicts: {}" }
    JudgePassLink { ar: "رابط الدخول على الهاتف", fr: "Lien de connexion du téléphone", en: "Phone sign-in link" }
    RenewPass { ar: "رابط جديد", fr: "Nouveau lien", en: "New link" }
    RevokePass { ar: "إلغاء الدخول", fr: "Révoquer l'accès", en: "Revoke sign-in" }
    JudgeAvailable { ar: "متاح لتوزيعات جديدة", fr: "Disponible pour de nouvelles attributions", en: "Available for new assignments" }
    AllTracks { ar: "كل المسارات", fr: "Tous les parcours", en: "All tracks" }
    AssignmentTitle { ar: "توزيع المشاريع على الحكام", fr: "Attribution des projets aux jurés", en: "Assigning projects to judges" }
    HintJudgeAssignment { ar: "يحصل كل مشروع مقدَّم على العدد المحدد من الحكام، مع توازن الأعباء واستبعاد تضارب المصالح (فريق الحكم، الفرق التي أطّرها، والتضارب المصرّح به). إعادة التشغيل تحتفظ بالتنقيطات المعطاة.", fr: "Chaque projet déposé reçoit le nombre de jurés choisi, charges équilibrées, conflits d'intérêts exclus (l'équipe du juré, les équipes qu'il a mentorées, les conflits déclarés). Relancer conserve les notes déjà données.", en: "Each submitted project gets the chosen number of judges, loads balanced, conflicts of interest excluded (the judge's own team, teams they mentored, declared conflicts). Re-running keeps scores already given." }
    FieldRebalanceJudges { ar: "إعادة التوزيع من جديد (مع الاحتفاظ بالمشاريع التي نُقّطت)", fr: "Tout redistribuer (les projets déjà notés restent)", en: "Redistribute everything (scored projects stay)" }
    RunAssignment { ar: "توزيع المشاريع", fr: "Attribuer les projets", en: "Assign projects" }
    UnderCovered { ar: "مشاريع بعدد حكام أقل من المطلوب: {}", fr: "Projets sans assez de jurés : {}", en: "Projects short of judges: {}" }
    ProjectCode { ar: "الرمز", fr: "Code", en: "Code" }
    TableLabel { ar: "الطاولة / المكان", fr: "Table / lieu", en: "Table / location" }
    Flagged { ar: "مُعلَّم للمراجعة", fr: "Signalé", en: "Flagged" }
    AddExtraJudge { ar: "إضافة حكم", fr: "Ajouter un juré", en: "Add a judge" }
    HintNoRubricYet { ar: "لا توجد شبكة تقييم بعد: لا يمكن للحكام التنقيط قبل إنشائها.", fr: "Pas encore de grille : les jurés ne peuvent pas noter avant sa création.", en: "No rubric yet: judges cannot score until there is one." }
    RubricTitle { ar: "شبكة التقييم", fr: "Grille d'évaluation", en: "Rubric" }
    RubricEventWide { ar: "كل الفعالية", fr: "Tout l'événement", en: "Whole event" }
    RubricInherited { ar: "هذا المسار يستعمل شبكة الفعالية. احفظ هنا لإنشاء شبكة خاصة به.", fr: "Ce parcours utilise la grille de l'événement. Enregistrez ici pour lui donner sa propre grille.", en: "This track uses the event's rubric. Save here to give it its own." }
    RubricLocked { ar: "أُعطيت تنقيطات بهذه النسخة: الحفظ سينشئ نسخة جديدة، وسيُطلب من الحكام المعنيين إعادة التنقيط.", fr: "Des notes ont été données avec cette version : enregistrer créera une nouvelle version et les jurés concernés devront renoter.", en: "Scores were given under this version: saving creates a new version, and the judges concerned will be asked to score again." }
    RubricAffected { ar: "مشاريع نُقّطت بنسخة سابقة من الشبكة (يجب إعادة تنقيطها):", fr: "Projets notés avec une version antérieure de la grille (à renoter) :", en: "Projects scored under an earlier version of the rubric (to be re-scored):" }
    RubricVersion { ar: "النسخة {}", fr: "Version {}", en: "Version {}" }
    CriterionN { ar: "المعيار {}", fr: "Critère {}", en: "Criterion {}" }
    FieldCriterionName { ar: "اسم المعيار (اتركه فارغاً لتجاهل هذا السطر)", fr: "Nom du critère (vide pour ignorer cette ligne)", en: "Criterion name (leave empty to skip this row)" }
    FieldWeight { ar: "الوزن", fr: "Poids", en: "Weight" }
    FieldScale { ar: "السلم", fr: "Échelle", en: "Scale" }
    FieldLevels { ar: "وصف المستويات", fr: "Description des niveaux", en: "Level descriptors" }
    HintLevels { ar: "سطر لكل مستوى، من الأدنى إلى الأعلى.", fr: "Une ligne par niveau, du plus bas au plus haut.", en: "One line per level, lowest first." }
    SaveRubric { ar: "حفظ الشبكة", fr: "Enregistrer la grille", en: "Save rubric" }
    RubricPreview { ar: "معاينة كما يراها الحكم", fr: "Aperçu côté juré", en: "Preview: the judge's view" }
    ResultsTitle { ar: "النتائج", fr: "Résultats", en: "Results" }
    ResultsExplainZ { ar: "الترتيب بالتنقيط المُعايَر: تُحوَّل مجاميع كل حكم إلى قيم z على المشاريع التي نقّطها، z = (المجموع − متوسط الحكم) / انحرافه المعياري، ثم تُعاد إلى سلم الفعالية μ + σ·z (μ وσ متوسط وانحراف كل المجاميع)، ويُحسب متوسطها لكل مشروع. الحكم الذي نقّط أقل من 3 مشاريع تُستعمل مجاميعه الخام.", fr: "Classement normalisé : les totaux de chaque juré sont centrés-réduits sur les projets qu'il a notés, z = (total − moyenne du juré) / écart-type du juré, puis ramenés à l'échelle de l'événement μ + σ·z (μ et σ : moyenne et écart-type de tous les totaux), et moyennés par projet. Un juré ayant noté moins de 3 projets compte avec ses totaux bruts.", en: "Normalized ranking: each judge's totals are standardized over the projects that judge scored, z = (total − judge mean) / judge standard deviation, put back on the event scale as μ + σ·z (μ, σ: mean and standard deviation of all totals), and averaged per project. A judge who scored fewer than 3 projects counts with raw totals." }
    ResultsExplainRaw { ar: "الترتيب بالمتوسط الخام لمجاميع الحكام (من 100). يظهر التنقيط المُعايَر للمقارنة.", fr: "Classement par moyenne brute des totaux des jurés (sur 100). La note normalisée est affichée pour comparaison.", en: "Ranked by the raw mean of judge totals (out of 100). The normalized score is shown for comparison." }
    ResultsExplainTies { ar: "المجموع من 100 = مجموع (الوزن × موقع التنقيط في السلم) / مجموع الأوزان. عند التعادل: الطريقة الأخرى، ثم عدد الحكام الأكبر، ثم التقديم الأسبق، ثم رمز المشروع الأصغر.", fr: "Total sur 100 = Σ poids × position de la note dans l'échelle / Σ poids. Égalités départagées par : l'autre méthode, plus de jurés, dépôt le plus tôt, puis le plus petit code.", en: "Total out of 100 = Σ weight × position of the mark on its scale / Σ weights. Ties are broken by: the other method, more judges, earlier submission, then the lower code." }
    ExportRanking { ar: "تصدير الترتيب (CSV)", fr: "Exporter le classement (CSV)", en: "Export ranking (CSV)" }
    ExportScoresByJudge { ar: "التنقيطات حسب الحكم (CSV)", fr: "Notes par juré (CSV)", en: "Scores by judge (CSV)" }
    ExportScoresByProject { ar: "التنقيطات حسب المشروع (CSV)", fr: "Notes par projet (CSV)", en: "Scores by project (CSV)" }
    OutdatedScores { ar: "تنقيطات أُعطيت بنسخة سابقة من الشبكة: {}. ما زالت محسوبة على سلم 100.", fr: "Notes données avec une version antérieure de la grille : {}. Elles comptent toujours, sur 100.", en: "Scores given under an earlier rubric version: {}. They still count, on the 0–100 scale." }
    ReviewTitle { ar: "مشاريع للمراجعة", fr: "Projets à revoir", en: "Projects to review" }
    HintDisagreementList { ar: "اختلاف كبير بين الحكام (أكثر من {} نقطة) أو علامة من حكم.", fr: "Fort désaccord entre jurés (plus de {} points) ou signalement d'un juré.", en: "Judges disagree strongly (more than {} points) or a judge flagged it." }
    SpreadIs { ar: "الفرق: {}", fr: "Écart : {}", en: "Spread: {}" }
    FlaggedBy { ar: "علامات: {}", fr: "Signalements : {}", en: "Flags: {}" }
    OverallRanking { ar: "الترتيب العام", fr: "Classement général", en: "Overall ranking" }
    Rank { ar: "الرتبة", fr: "Rang", en: "Rank" }
    Spread { ar: "الفرق", fr: "Écart", en: "Spread" }
    JudgeDeskTitle { ar: "التنقيط", fr: "Notation", en: "Scoring" }
    ConflictsTitle { ar: "تضارب المصالح", fr: "Conflits d'intérêts", en: "Conflicts of interest" }
    HintConflicts { ar: "علّم الفرق التي تعرف أحد أعضائها أو عملت معها: لن تُسند إليك مشاريعها. فريقك والفرق التي أطّرتها مستبعدة تلقائياً. يسري ذلك عند الإسناد القادم من المنظمين.", fr: "Cochez les équipes dont vous connaissez un membre ou avec qui vous avez travaillé : leurs projets ne vous seront pas attribués. Votre équipe et celles que vous avez mentorées sont exclues d'office. Cela prend effet à la prochaine attribution par les organisateurs.", en: "Tick teams you know a member of or have worked with: their projects will not be assigned to you. Your own team and teams you mentored are excluded automatically. This takes effect at the organizers' next assignment." }
    ConflictAutomatic { ar: "مستبعد تلقائياً", fr: "exclue d'office", en: "excluded automatically" }
    PassIntro { ar: "اضغط لتسجيل الدخول على هذا الهاتف وفتح المشاريع المسندة إليك.", fr: "Appuyez pour connecter ce téléphone et ouvrir les projets qui vous sont attribués.", en: "Tap to sign this phone in and open the projects assigned to you." }
    StartScoring { ar: "ابدأ التنقيط", fr: "Commencer à noter", en: "Start scoring" }
    HintJudgeNoPassword { ar: "اسمك يكفي: سيبقى هذا الهاتف متصلاً بصفحة التنقيط لهذه الفعالية فقط، دون كلمة مرور.", fr: "Votre nom suffit : ce téléphone restera connecté à la notation de cet événement seulement, sans mot de passe.", en: "Your name is enough: this phone stays signed in to this event's scoring only, no password." }
    JudgeWithAccount { ar: "لديك حساب؟ سجّل الدخول أولاً.", fr: "Vous avez un compte ? Connectez-vous d'abord.", en: "Have an account? Log in first." }
    DeskNotScored { ar: "لم يُنقَّط بعد", fr: "Pas encore noté", en: "Not scored yet" }
    DeskSaved { ar: "محفوظ ✓", fr: "Enregistré ✓", en: "Saved ✓" }
    DeskWaiting { ar: "محفوظ على الهاتف، في انتظار الإرسال…", fr: "Gardé sur le téléphone, en attente d'envoi…", en: "Kept on this phone, waiting to send…" }
    DeskStale { ar: "عُدِّل هذا التنقيط من جهاز آخر.", fr: "Cette note a été modifiée depuis un autre appareil.", en: "This score was changed from another device." }
    DeskRubricChanged { ar: "تغيّرت شبكة التقييم: أعد التنقيط من فضلك.", fr: "La grille a changé : merci de renoter.", en: "The rubric changed: please score again." }
    DeskKeepMine { ar: "الإبقاء على تنقيطي", fr: "Garder ma note", en: "Keep mine" }
    DeskUseSaved { ar: "عرض المحفوظ", fr: "Voir la version enregistrée", en: "Show the saved one" }
    DeskRetry { ar: "إعادة المحاولة", fr: "Réessayer", en: "Retry" }
    DeskTable { ar: "الطاولة {}", fr: "Table {}", en: "Table {}" }
    DeskAbout { ar: "عن المشروع", fr: "À propos du projet", en: "About the project" }
    DeskWeight { ar: "(الوزن {})", fr: "(poids {})", en: "(weight {})" }
    DeskNotes { ar: "ملاحظات (اختيارية)", fr: "Notes (facultatives)", en: "Notes (optional)" }
    DeskFlag { ar: "تعليم للمنظمين", fr: "Signaler aux organisateurs", en: "Flag for the organizers" }
    DeskSaveNext { ar: "حفظ والتالي", fr: "Enregistrer et suivant", en: "Save and next" }
    DeskAbsent { ar: "الفريق غائب", fr: "Équipe absente", en: "Team absent" }
    DeskProjects { ar: "المشاريع", fr: "Projets", en: "Projects" }
    DeskPrevious { ar: "السابق", fr: "Précédent", en: "Previous" }
    DeskSkip { ar: "تخطٍّ", fr: "Passer", en: "Skip" }
    DeskAllProjects { ar: "كل مشاريعي", fr: "Tous mes projets", en: "All my projects" }
    DeskDone { ar: "تم ✓", fr: "Fait ✓", en: "Done ✓" }
    DeskProgress { ar: "المنجز: {}", fr: "Faits : {}", en: "Done: {}" }
    DeskPendingCount { ar: "في انتظار الإرسال: {}", fr: "En attente d'envoi : {}", en: "Waiting to send: {}" }
    DeskClosed { ar: "التحكيم مغلق: التنقيطات للقراءة فقط.", fr: "Le jury est fermé : les notes sont en lecture seule.", en: "Judging is closed: scores are read-only." }
    DeskNothingAssigned { ar: "لم يُسند إليك أي مشروع بعد.", fr: "Aucun projet ne vous est encore attribué.", en: "No project is assigned to you yet." }
    ErrJudgingClosed { ar: "التحكيم مغلق: لم يُحفظ التنقيط.", fr: "Le jury est fermé : la note n'a pas été enregistrée.", en: "Judging is closed: the score was not saved." }
    ErrNoRubric { ar: "لا توجد شبكة تقييم لهذا المشروع بعد.", fr: "Ce projet n'a pas encore de grille d'évaluation.", en: "There is no rubric for this project yet." }
    ErrNoJudgeAvailable { ar: "لا يوجد حكم متاح دون تضارب مصالح لهذا المشروع.", fr: "Aucun juré disponible sans conflit d'intérêts pour ce projet.", en: "No judge is available for this project without a conflict of interest." }
    ErrNotANumber { ar: "أدخل رقماً.", fr: "Saisissez un nombre.", en: "Enter a number." }
    ErrPassInvalid { ar: "رابط الدخول هذا لم يعد صالحاً. اطلب رابطاً جديداً من المنظمين.", fr: "Ce lien de connexion n'est plus valable. Demandez-en un nouveau aux organisateurs.", en: "This sign-in link is no longer valid. Ask the organizers for a new one." }
    // Judge passes: one event, pass-only judges, hashed and expiring links.
    ErrPassOwnLogin { ar: "لهذا الحكم حساب بكلمة مرور، فهو يدخل بحسابه الخاص. روابط الهاتف للحكام المضافين بالاسم فقط.", fr: "Ce juré a un compte avec mot de passe : il se connecte avec son propre compte. Les liens de téléphone sont réservés aux jurés ajoutés par leur nom.", en: "This judge has an account with a password and signs in with it. Phone links are only for judges added by name." }
    ErrPassExpired { ar: "انتهت صلاحية رابط الدخول هذا. اطلب من المنظمين تمديده.", fr: "Ce lien de connexion a expiré. Demandez aux organisateurs de le prolonger.", en: "This sign-in link has expired. Ask the organizers to extend it." }
    ErrNoLivePass { ar: "ليس لهذا الحكم رابط صالح: أصدر رابطاً جديداً أو مدّد الرابط المنتهي.", fr: "Ce juré n'a pas de lien valable : créez un nouveau lien ou prolongez celui qui a expiré.", en: "This judge has no valid link: issue a new link or extend the expired one." }
    JudgeOwnLogin { ar: "يدخل بحسابه الخاص", fr: "Se connecte avec son compte", en: "Signs in with own account" }
    JudgePassOnly { ar: "يدخل برابط الهاتف", fr: "Se connecte par lien mobile", en: "Signs in with a phone link" }
    PassValidUntil { ar: "الرابط صالح حتى {}", fr: "Lien valable jusqu'au {}", en: "Link valid until {}" }
    PassExpiredOn { ar: "انتهت صلاحية الرابط في {}", fr: "Lien expiré le {}", en: "Link expired on {}" }
    PassNone { ar: "لا يوجد رابط صالح", fr: "Aucun lien valable", en: "No valid link" }
    PassShownOnce { ar: "رابط جديد يظهر الآن فقط: انسخه أو اجعل الحكم يمسح الرمز. لعرضه مرة أخرى استعمل «عرض الرابط»، الذي يعوّضه برابط جديد دون إخراج الهاتف المتصل.", fr: "Nouveau lien, affiché cette fois seulement : copiez-le ou faites scanner le QR code au juré. Pour le revoir, « Afficher le lien » le remplace par un nouveau, sans déconnecter le téléphone déjà connecté.", en: "New link, shown this once: copy it or let the judge scan the code. To see it again, “Show link” replaces it with a new one without signing out a phone already signed in." }
    ShowPass { ar: "عرض الرابط", fr: "Afficher le lien", en: "Show link" }
    ExtendPass { ar: "تمديد", fr: "Prolonger", en: "Extend" }
    FieldExtendDays { ar: "أيام", fr: "Jours", en: "Days" }
    ImportPassShownOnce { ar: "عُرض الرابط مرة واحدة عند الاستيراد؛ استعمل «عرض الرابط» في صفحة التحكيم.", fr: "Lien affiché une seule fois à l'import ; utilisez « Afficher le lien » sur la page du jury.", en: "Link shown once at import; use “Show link” on the judging page." }
    ErrRubricEmpty { ar: "أضف معياراً واحداً على الأقل.", fr: "Ajoutez au moins un critère.", en: "Add at least one criterion." }
    ErrTooManyLevels { ar: "عدد الأوصاف أكبر من عدد مستويات السلم ({}).", fr: "Plus de descriptions que de niveaux dans l'échelle ({}).", en: "More descriptors than levels on the scale ({})." }
    ErrUnknownCriterion { ar: "هذا المعيار ليس في شبكة التقييم.", fr: "Ce critère ne fait pas partie de la grille.", en: "This criterion is not in the rubric." }
    AuditTitle { ar: "سجل العمليات", fr: "Journal d'audit", en: "Audit log" }
    HintAudit { ar: "العمليات الحساسة وكل حفظ للتنقيط، الأحدث أولاً (آخر {} عملية).", fr: "Actions sensibles et chaque enregistrement de note, les plus récentes d'abord ({} dernières).", en: "Sensitive actions and every score save, newest first (the last {})." }
    AuditWhen { ar: "متى", fr: "Quand", en: "When" }
    AuditWho { ar: "من", fr: "Qui", en: "Who" }
    AuditWhat { ar: "العملية", fr: "Action", en: "Action" }
    AuditDetail { ar: "التفاصيل", fr: "Détails", en: "Details" }
    VisibilityHidden { ar: "مخفية", fr: "Masqué", en: "Hidden" }
    VisibilityOrganizers { ar: "للمنظمين فقط", fr: "Organisateurs seulement", en: "Organizers only" }
    VisibilityPublic { ar: "علنية (الجميع، بمن فيهم الحكام)", fr: "Public (tout le monde, jurés compris)", en: "Public (everyone, judges included)" }
    RevealAll { ar: "كل النتائج دفعة واحدة", fr: "Tous les résultats d'un coup", en: "All results at once" }
    RevealRanking { ar: "الترتيب من الأخير إلى الأول", fr: "Le classement du dernier au premier", en: "The ranking from last to first" }
    RevealTracks { ar: "الفائز في كل مسار، مساراً بعد مسار", fr: "Le gagnant de chaque parcours, l'un après l'autre", en: "Each track's winner, one after another" }
    JudgingProgress { ar: "تقدم التحكيم", fr: "Avancement du jury", en: "Judging progress" }
    ScoresDoneOf { ar: "التنقيطات: {}", fr: "Notes : {}", en: "Scores: {}" }
    BoardNotShown { ar: "الترتيب غير معروض حالياً.", fr: "Le classement n'est pas affiché pour le moment.", en: "The leaderboard is not shown right now." }
    BoardFrozen { ar: "الترتيب مجمّد أثناء المداولة", fr: "Classement gelé pendant la délibération", en: "Leaderboard frozen during deliberation" }
    BoardLive { ar: "مباشر", fr: "En direct", en: "Live" }
    BoardFinal { ar: "النتائج النهائية", fr: "Résultats définitifs", en: "Final results" }
    RevealStepOf { ar: "الكشف: {}", fr: "Dévoilement : {}", en: "Reveal: {}" }
    BoardEmpty { ar: "لا يوجد مشروع منقّط بعد.", fr: "Aucun projet noté pour l'instant.", en: "No project has been scored yet." }
    ErrNothingToPublish { ar: "لا توجد نتيجة لنشرها: لم يُنقَّط أي مشروع.", fr: "Rien à publier : aucun projet n'est noté.", en: "Nothing to publish: no project has been scored." }
    ErrNotPublished { ar: "انشر النتائج أولاً.", fr: "Publiez d'abord les résultats.", en: "Publish the results first." }
    ErrAnnouncementEmpty { ar: "اكتب الإعلان بلغة واحدة على الأقل.", fr: "Écrivez l'annonce dans au moins une langue.", en: "Write the announcement in at least one language." }
    FullScreen { ar: "ملء الشاشة", fr: "Plein écran", en: "Full screen" }
    LeaderboardTitle { ar: "لوحة الترتيب", fr: "Classement en direct", en: "Leaderboard" }
    OpenProjector { ar: "فتح وضع العرض", fr: "Ouvrir le mode projecteur", en: "Open projector mode" }
    PublicResults { ar: "النتائج", fr: "Résultats", en: "Results" }
    DashboardTitle { ar: "لوحة القيادة", fr: "Tableau de bord", en: "Dashboard" }
    PublishTitle { ar: "النشر والكشف", fr: "Publication et dévoilement", en: "Publication and reveal" }
    PublishedAt { ar: "نُشرت النتائج: {}", fr: "Résultats publiés : {}", en: "Results published: {}" }
    RevealTitle { ar: "الكشف", fr: "Dévoilement", en: "Reveal" }
    RevealBack { ar: "رجوع", fr: "Retour", en: "Back" }
    RevealNext { ar: "كشف التالي", fr: "Dévoiler le suivant", en: "Reveal next" }
    RevealEnd { ar: "كشف الكل", fr: "Tout dévoiler", en: "Reveal all" }
    WithdrawResults { ar: "سحب النتائج", fr: "Retirer les résultats", en: "Withdraw the results" }
    HintPublish { ar: "النشر يأخذ نسخة من النتائج الحالية ويجعلها علنية، خطوة بخطوة إن اخترت الكشف التدريجي.", fr: "Publier fige une copie des résultats actuels et la rend publique, pas à pas si vous choisissez un dévoilement.", en: "Publishing takes a copy of the current results and makes it public, step by step if you choose a reveal." }
    FieldRevealMode { ar: "طريقة الكشف", fr: "Mode de dévoilement", en: "Reveal" }
    Republish { ar: "إعادة النشر بالنتائج الحالية", fr: "Republier avec les résultats actuels", en: "Publish again with the current results" }
    PublishResults { ar: "نشر النتائج", fr: "Publier les résultats", en: "Publish the results" }
    FreezeTitle { ar: "التجميد", fr: "Gel", en: "Freeze" }
    HintFreeze { ar: "التجميد يوقف الترتيب المعروض للجمهور على حالته الحالية (مثلاً أثناء المداولة)؛ التنقيط يستمر.", fr: "Le gel arrête le classement public dans son état actuel (par exemple pendant la délibération) ; la notation continue.", en: "Freezing stops the public leaderboard where it is (for example during deliberation); scoring goes on." }
    FrozenSince { ar: "مجمّد منذ {}", fr: "Gelé depuis {}", en: "Frozen since {}" }
    Unfreeze { ar: "إلغاء التجميد", fr: "Dégeler", en: "Unfreeze" }
    Freeze { ar: "تجميد الترتيب العلني", fr: "Geler le classement public", en: "Freeze the public leaderboard" }
    BoardSettings { ar: "إعدادات اللوحة", fr: "Réglages du classement", en: "Leaderboard settings" }
    FieldVisibility { ar: "من يرى الترتيب المباشر قبل النشر", fr: "Qui voit le classement en direct avant publication", en: "Who sees the live leaderboard before publication" }
    FieldTopN { ar: "عدد المشاريع بخط كبير", fr: "Projets affichés en grand", en: "Projects shown large" }
    FieldRotateSeconds { ar: "مدة عرض كل صفحة (ثوانٍ)", fr: "Durée de chaque page (secondes)", en: "Seconds per page" }
    FieldShowComments { ar: "تطلع الفرق على تعليقات الحكام بعد النشر (دون أسمائهم)", fr: "Les équipes voient les commentaires des jurés après publication (sans leurs noms)", en: "Teams see the judges' comments after publication (without their names)" }
    AnnouncementsTitle { ar: "الإعلانات", fr: "Annonces", en: "Announcements" }
    AnnouncementAr { ar: "الإعلان بالعربية", fr: "Annonce en arabe", en: "Announcement in Arabic" }
    AnnouncementFr { ar: "الإعلان بالفرنسية", fr: "Annonce en français", en: "Announcement in French" }
    AnnouncementEn { ar: "الإعلان بالإنجليزية", fr: "Annonce en anglais", en: "Announcement in English" }
    PostAnnouncement { ar: "نشر الإعلان", fr: "Publier l'annonce", en: "Post the announcement" }
    RetireAnnouncement { ar: "إزالة", fr: "Retirer", en: "Remove" }
    YourRank { ar: "ترتيبكم: {}", fr: "Votre rang : {}", en: "Your rank: {}" }
    JudgesComments { ar: "تعليقات الحكام", fr: "Commentaires des jurés", en: "Judges' comments" }
    ResultsNotPublished { ar: "لم تُنشر النتائج بعد.", fr: "Les résultats ne sont pas encore publiés.", en: "The results are not published yet." }
    CalibrationTitle { ar: "معايرة الحكام", fr: "Calibrage des jurés", en: "Judge calibration" }
    CalibrationMean { ar: "المتوسط {}", fr: "moyenne {}", en: "mean {}" }
    HintCalibration { ar: "توزيع المجاميع (0–100) لكل حكم، خاماً ثم بعد التسوية: الحكم المتساهل تقع نقاطه يميناً، والمتشدد يساراً.", fr: "Répartition des totaux (0–100) de chaque juré, bruts puis normalisés : un juré indulgent a ses points à droite, un juré sévère à gauche.", en: "Each judge's totals (0–100), raw then normalized: a lenient judge's dots sit to the right, a harsh judge's to the left." }
    CountParticipants { ar: "مشاركون", fr: "Participants", en: "Participants" }
    CountTeams { ar: "فرق", fr: "Équipes", en: "Teams" }
    CountSubmissions { ar: "مشاريع مقدمة", fr: "Projets rendus", en: "Submissions" }
    CountJudges { ar: "حكام", fr: "Jurés", en: "Judges" }
    CountMentors { ar: "مؤطرون", fr: "Mentors", en: "Mentors" }
    CoveredProjects { ar: "مشاريع لها العدد الكافي من الحكام: {}", fr: "Projets avec assez de jurés : {}", en: "Projects with enough judges: {}" }
    NothingToReview { ar: "لا مشروع يحتاج مراجعة.", fr: "Aucun projet à revoir.", en: "No project needs a review." }
    HelpOpenCount { ar: "مفتوحة", fr: "Ouvertes", en: "Open" }
    HelpClaimedCount { ar: "قيد المعالجة", fr: "Prises en charge", en: "Being handled" }
    HelpResolvedCount { ar: "محلولة", fr: "Résolues", en: "Resolved" }
    HelpMedianWait { ar: "الانتظار الوسيط قبل التكفل: {} دقيقة", fr: "Attente médiane avant prise en charge : {} min", en: "Median wait before a mentor takes it: {} min" }
    HelpOldestOpen { ar: "أقدم طلب مفتوح ينتظر منذ {} دقيقة", fr: "La plus ancienne demande ouverte attend depuis {} min", en: "Oldest open request waiting {} min" }
    ExportsTitle { ar: "التصدير (CSV)", fr: "Exports (CSV)", en: "Exports (CSV)" }
    ExportTeams { ar: "الفرق وأعضاؤها", fr: "Équipes et membres", en: "Teams and members" }
    ExportSubmissions { ar: "المشاريع المقدمة", fr: "Projets rendus", en: "Submissions" }
    ExportSessions { ar: "جلسات التأطير", fr: "Séances de mentorat", en: "Mentoring sessions" }
    ImportTitle { ar: "الاستيراد (CSV)", fr: "Import (CSV)", en: "Import (CSV)" }
    ImportNotCsv { ar: "هذا ليس ملف CSV مقروءاً.", fr: "Ce n'est pas un CSV lisible.", en: "This is not a readable CSV." }
    ImportMissingColumn { ar: "عمود ناقص في السطر الأول.", fr: "Colonne manquante dans la première ligne.", en: "A column is missing from the header line." }
    ImportTooManyRows { ar: "عدد الأسطر كبير جداً (2000 كحد أقصى).", fr: "Trop de lignes (2 000 au maximum).", en: "Too many rows (2,000 at most)." }
    ImportTooLong { ar: "القيمة طويلة جداً.", fr: "Valeur trop longue.", en: "Value too long." }
    ImportDuplicate { ar: "مكرر في الملف.", fr: "En double dans le fichier.", en: "Repeated in the file." }
    ImportUnknownTrack { ar: "مسار غير موجود في هذه التظاهرة.", fr: "Parcours inconnu dans cet événement.", en: "No such track in this event." }
    ImportAlreadyDone { ar: "تم استيراد هذه الدفعة من قبل.", fr: "Ce lot a déjà été importé.", en: "This batch was already imported." }
    ImportHasProblems { ar: "صحح الأسطر التي بها مشاكل ثم أعد الإرسال: لم يُستورد شيء.", fr: "Corrigez les lignes en erreur puis renvoyez : rien n'a été importé.", en: "Fix the rows with problems and send again: nothing was imported." }
    ImportParticipants { ar: "مشاركون (رابط دعوة لكل شخص)", fr: "Participants (un lien d'invitation chacun)", en: "Participants (one invite link each)" }
    ImportMentors { ar: "مؤطرون (رابط دعوة لكل شخص)", fr: "Mentors (un lien d'invitation chacun)", en: "Mentors (one invite link each)" }
    ImportJudges { ar: "حكام (رابط دخول بالهاتف لكل حكم)", fr: "Jurés (un lien de connexion mobile chacun)", en: "Judges (one phone sign-in link each)" }
    ImportProjects { ar: "مشاريع (فريق ومشروع مقدم لكل سطر)", fr: "Projets (une équipe et un projet rendu par ligne)", en: "Projects (a team and a submitted project per row)" }
    ImportNew { ar: "استيراد جديد", fr: "Nouvel import", en: "New import" }
    HintImport { ar: "الصق محتوى ملف CSV (بفواصل أو بفواصل منقوطة) أو خلايا منسوخة من جدول. السطر الأول يسمي الأعمدة. لن يُكتب شيء قبل أن تراجع المعاينة وتؤكد.", fr: "Collez le contenu d'un CSV (virgules ou points-virgules) ou des cellules copiées d'un tableur. La première ligne nomme les colonnes. Rien n'est écrit avant que vous ayez vérifié l'aperçu et confirmé.", en: "Paste a CSV (commas or semicolons) or cells copied from a spreadsheet. The first line names the columns. Nothing is written until you have checked the preview and confirmed." }
    ImportKind { ar: "ماذا تستورد", fr: "Quoi importer", en: "What to import" }
    ImportCsv { ar: "محتوى CSV", fr: "Contenu CSV", en: "CSV content" }
    ImportCheck { ar: "معاينة", fr: "Aperçu", en: "Preview" }
    ImportDone { ar: "تم الاستيراد: {} سطر. أرسل الروابط لأصحابها.", fr: "Import terminé : {} lignes. Envoyez les liens à leurs destinataires.", en: "Imported: {} rows. Send each link to its person." }
    ImportPreview { ar: "معاينة: {} سطر جاهز", fr: "Aperçu : {} lignes prêtes", en: "Preview: {} rows ready" }
    ImportProblems { ar: "مشاكل يجب تصحيحها: {}", fr: "Problèmes à corriger : {}", en: "Problems to fix: {}" }
    ImportLine { ar: "السطر {}", fr: "Ligne {}", en: "Line {}" }
    ImportConfirm { ar: "استيراد {} سطر", fr: "Importer {} lignes", en: "Import {} rows" }
    ImportFile { ar: "أو اختر ملف CSV", fr: "Ou choisissez un fichier CSV", en: "Or choose a CSV file" }

    // Floods, lockouts and the first admin.
    ErrRateLimited { ar: "طلبات كثيرة. أعد المحاولة بعد {} ثانية.", fr: "Trop de tentatives. Réessayez dans {} s.", en: "Too many attempts. Try again in {} seconds." }
    ErrBusy { ar: "الخادم مشغول الآن. أعد المحاولة بعد لحظة.", fr: "Le serveur est occupé. Réessayez dans un instant.", en: "The server is busy. Try again in a moment." }
    BackToForm { ar: "العودة إلى النموذج", fr: "Revenir au formulaire", en: "Back to the form" }
    AdminSetupTitle { ar: "تعيين مدير المنصة", fr: "Désigner l'administrateur de la plateforme", en: "Set up the platform admin" }
    AdminSetupIntro { ar: "هذا الرابط يجعل الحساب المتصل الآن مدير المنصة. لا يعمل إلا مرة واحدة.", fr: "Ce lien fait du compte connecté l'administrateur de la plateforme. Il ne sert qu'une fois.", en: "This link makes the signed-in account the platform admin. It works once." }
    AdminSetupSignIn { ar: "سجّل الدخول أو أنشئ حسابك أولاً، ثم افتح هذا الرابط من جديد.", fr: "Connectez-vous ou créez votre compte d'abord, puis rouvrez ce lien.", en: "Log in or create your account first, then open this link again." }
    AdminSetupClaim { ar: "اجعلني مدير المنصة", fr: "Devenir administrateur de la plateforme", en: "Become the platform admin" }
    ErrAdminSetupUsed { ar: "رابط التعيين هذا غير صالح أو استُعمل من قبل.", fr: "Ce lien de désignation n'est pas valide ou a déjà servi.", en: "This set-up link is not valid or was already used." }
    ErrAdminSetupOtherAccount { ar: "هذا الرابط مخصص لحساب آخر حدده من يشغّل الخادم.", fr: "Ce lien est réservé à un autre compte, choisi par l'exploitant du serveur.", en: "This link is reserved for another account, chosen by whoever runs the server." }
    // Holes closed in review: score saves, team dissolution and renaming, clashing roles.
    ErrTooManyMarks { ar: "عدد النقاط المرسلة يفوق عدد معايير شبكة التقييم.", fr: "Plus de notes envoyées que la grille n'a de critères.", en: "More marks were sent than the rubric has criteria." }
    ErrTeamHasJudgedProject { ar: "لا يمكن حل هذا الفريق: مشروعه مقدَّم أو في طور التحكيم، ولا تُحذف التنقيطات أبداً.", fr: "Impossible de dissoudre cette équipe : son projet est rendu ou en cours de notation, et les notes ne sont jamais supprimées.", en: "This team cannot be dissolved: its project is submitted or being judged, and scores are never deleted." }
    ErrRoleClash { ar: "لا يمكن للشخص نفسه أن يكون حكماً ومشاركاً أو مؤطراً في التظاهرة نفسها، إلا بإذن من المنظمين.", fr: "Une même personne ne peut pas être juré et participant ou mentor dans le même événement, sauf accord des organisateurs.", en: "One person cannot be a judge and a participant or mentor in the same event, unless the organizers allow it." }
    FieldTeamNewName { ar: "اسم الفريق", fr: "Nom de l'équipe", en: "Team name" }
    RenameTeam { ar: "إعادة التسمية", fr: "Renommer", en: "Rename" }
    FieldAllowClash { ar: "السماح بالجمع بين دور الحكم ودور المشارك أو المؤطر", fr: "Autoriser le cumul juré et participant ou mentor", en: "Allow holding judge and participant or mentor roles together" }
    HintAllowClash { ar: "في العادة، لا يمكن لحكم في هذه التظاهرة قبول هذه الدعوة كمشارك أو مؤطر (والعكس). فعّل هذا الخيار فقط إن كنت تقصد ذلك.", fr: "Normalement, un juré de cet événement ne peut pas accepter cette invitation comme participant ou mentor (ni l'inverse). Cochez seulement si c'est voulu.", en: "Normally a judge of this event cannot accept this invite as a participant or mentor (nor the reverse). Tick only if that is intended." }
    // Web hardening: public announcements on the projector.
    AnnouncementPublic { ar: "يظهر أيضاً على شاشة العرض العامة (يراه أي شخص)", fr: "Afficher aussi sur le projecteur public (visible par tous)", en: "Also show on the public projector (anyone can see it)" }
    AnnouncementIsPublic { ar: "عام", fr: "Public", en: "Public" }
    AnnouncementMembersOnly { ar: "لأعضاء التظاهرة فقط", fr: "Membres de l'événement seulement", en: "Event members only" }
    // The judge's desk: a tap made before the page has finished loading.
    DeskNotSentYet { ar: "لم يُحفظ بعد: سيُرسل اختيارك فور اكتمال تحميل الصفحة.", fr: "Pas encore enregistré : votre choix sera envoyé dès que la page aura fini de charger.", en: "Not saved yet: your choice is sent as soon as the page has finished loading." }
}
