### واجهة حَكَم باللغة العربية.
###
### Syntax, plural categories and how to add a message or a language: see the header of
### en.ftl and "Translations" in README.md. Arabic plural categories: `zero` (0), `one` (1),
### `two` (2), `few` (3-10, 103-110, ...), `many` (11-99, 111-199, ...), `other` (100, 101,
### 102, ...). The words here follow the number's grammar: 3-10 take the plural in the
### genitive, 11-99 the singular in the accusative, 100 and above the singular.

app-name = حَكَم
tagline = تكوين الفرق، والتأطير، والتحكيم الشفاف للهاكاثونات والمعسكرات الرقمية.
skip-to-content = انتقل إلى المحتوى
main-navigation = القائمة الرئيسية
language = اللغة
loading = جارٍ التحميل…

sign-up = إنشاء حساب
sign-up-title = إنشاء حساب جديد
log-in = تسجيل الدخول
log-in-title = تسجيل الدخول إلى حَكَم
log-out = تسجيل الخروج
have-account = لديك حساب بالفعل؟
no-account = ليس لديك حساب؟
signed-in-as = أنت متصل باسم { $name }.
field-display-name = الاسم الكامل
field-email = البريد الإلكتروني
field-password = كلمة المرور
hint-password = عشرة أحرف على الأقل.

events-title = الفعاليات
no-events = لا توجد فعاليات بعد.
create-event = إنشاء فعالية
manage-event = إدارة الفعالية
view-public-page = عرض الصفحة العامة
open-event = فتح الفعالية
event-details = تفاصيل الفعالية
your-roles = أدوارك
join-as-participant = المشاركة في الفعالية
log-in-to-join = سجّل الدخول للمشاركة
schedule-title = البرنامج الزمني
tracks-title = المسارات
people-title = الأشخاص
team-size-line = عدد أعضاء الفريق: { $range }
field-event-name = اسم الفعالية
field-description = الوصف
field-venue = المكان
field-timezone = المنطقة الزمنية
hint-timezone = اسم المنطقة الزمنية، مثل Africa/Casablanca.
hint-content-languages = اكتبه بلغة واحدة على الأقل؛ من يقرأ بلغة تُركت فارغة يرى أول نص مكتوب.
hint-schedule-timezone = تُدخل الأوقات بتوقيت المنطقة الزمنية للفعالية.
field-team-min = الحد الأدنى لأعضاء الفريق
field-team-max = الحد الأقصى لأعضاء الفريق
field-starts-at = بداية الفعالية
field-ends-at = نهاية الفعالية
field-registration-opens = افتتاح التسجيل
field-registration-closes = إغلاق التسجيل
field-hacking-starts = انطلاق العمل على المشاريع
field-submission-deadline = آخر أجل لتقديم المشاريع
field-judging-opens = بداية التحكيم
field-judging-closes = نهاية التحكيم
field-results-at = إعلان النتائج
field-track-name = اسم المسار
field-track-description = وصف المسار
add-track = إضافة مسار
field-organizer-email = البريد الإلكتروني للمنظم المشارك
add-organizer = إضافة منظم مشارك
save = حفظ
saved = تم الحفظ.
remove = حذف

role-title = الدور
role-organizer = منظم
role-mentor = مؤطر
role-judge = عضو لجنة التحكيم
role-participant = مشارك
role-admin = مدير المنصة

invites-title = روابط الدعوة
hint-invites = كل رابط يمنح دوراً واحداً في هذه الفعالية. شاركه أو اعرض رمز QR ليمسحه الهاتف.
field-role = الدور
field-invite-label = لمن هذا الرابط؟
hint-invite-label = اختياري، مثل اسم عضو لجنة التحكيم.
field-max-uses = عدد الاستعمالات المسموح بها
hint-max-uses = عدد الأشخاص الذين يمكنهم استعمال هذا الرابط. لرابط حكم أو مؤطر مخصص لشخص واحد، ضع 1.
field-valid-days = صالح لمدة (أيام)
create-invite = إنشاء رابط دعوة
invite-link = الرابط
invite-expires = ينتهي في
invite-valid = صالح
invite-expired = منتهي الصلاحية
invite-revoked = ملغى
invite-used-up = مستعمل بالكامل
revoke = إلغاء
allow = السماح
invite-heading = دعوة بصفة: { $role }
invite-already-accepted = لقد قبلت هذه الدعوة من قبل.
accept-invite = قبول الدعوة
sign-up-and-accept = إنشاء الحساب وقبول الدعوة

admin-title = الإدارة
can-create-events = يمكنه إنشاء فعاليات

err-required = هذا الحقل مطلوب.
err-too-long = هذا النص طويل جداً.
err-too-long-max = { $count ->
        [zero] لا يُسمح بأي حرف.
        [one] الحد الأقصى حرف واحد.
        [two] الحد الأقصى حرفان.
        [few] الحد الأقصى { $count } أحرف.
        [many] الحد الأقصى { $count } حرفاً.
       *[other] الحد الأقصى { $count } حرف.
    }
err-invalid-characters = يحتوي على رموز غير مسموح بها.
err-email-invalid = أدخل عنوان بريد إلكتروني صحيحاً، مثل nom@exemple.ma.
err-email-taken = يوجد حساب بهذا البريد الإلكتروني. سجّل الدخول بدلاً من ذلك.
err-password-too-short = { $count ->
        [one] يجب أن تتكون كلمة المرور من حرف واحد على الأقل.
        [two] يجب أن تتكون كلمة المرور من حرفين على الأقل.
        [few] يجب أن تتكون كلمة المرور من { $count } أحرف على الأقل.
        [many] يجب أن تتكون كلمة المرور من { $count } حرفاً على الأقل.
       *[other] يجب أن تتكون كلمة المرور من { $count } حرف على الأقل.
    }
err-bad-credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة.
err-too-many-attempts = محاولات فاشلة كثيرة. أعد المحاولة بعد ساعة.
err-sign-in-required = يجب تسجيل الدخول أولاً.
err-forbidden = ليست لديك صلاحية للقيام بهذا.
err-not-found = الصفحة غير موجودة.
err-fix-fields = يرجى تصحيح الحقول المشار إليها.
err-internal = حدث خطأ من جهتنا. لم يُحفظ أي شيء؛ أعد المحاولة.
err-network = تعذر الاتصال بالخادم. تحقق من الاتصال وأعد المحاولة.
err-bad-request = الطلب غير صالح. أعد تحميل الصفحة وحاول مجدداً.
err-changed-meanwhile = عدّل شخص آخر هذه البيانات في الأثناء. لم يُحفظ تعديلك؛ انسخ نصك ثم أعد تحميل الصفحة.
err-timezone = منطقة زمنية غير معروفة. استعمل اسماً مثل Africa/Casablanca.
err-date-time = أدخل تاريخاً ووقتاً صحيحين.
err-team-size-range = أدخل عدداً بين 1 و{ $max }.
err-number-range = أدخل عدداً في المجال { $range }.
err-team-max-below-min = يجب ألا يقل الحد الأقصى عن الحد الأدنى.
err-ends-before-start = يجب أن تكون النهاية بعد البداية.
err-after-registration-opens = يجب أن يأتي بعد افتتاح التسجيل.
err-after-hacking-starts = يجب أن يأتي بعد انطلاق العمل على المشاريع.
err-after-submission-deadline = يجب أن يأتي بعد آخر أجل للتقديم.
err-after-judging-opens = يجب أن يأتي بعد بداية التحكيم.
err-after-judging-closes = يجب أن يأتي بعد نهاية التحكيم.
err-within-event = يجب أن يكون ضمن مدة الفعالية.
err-track-exists = يوجد مسار بهذا الاسم في هذه الفعالية.
err-no-such-account = لا يوجد حساب بهذا البريد الإلكتروني. أرسل له رابط دعوة بدلاً من ذلك.
err-cannot-create-events = لا يمكنك إنشاء فعاليات بعد. اطلب ذلك من مدير المنصة.
event-navigation = أقسام الفعالية
team-title = فريقي
board-title = لوحة البحث عن فريق
profile-title = ملفي في هذه الفعالية
field-skills = مهاراتي
field-languages = اللغات التي أتحدثها
hint-languages = مثل: ar, fr, en
hint-tags = افصل بينها بفاصلة، مثل: تصميم، بيانات، Rust
field-bio = نبذة قصيرة
field-looking = أبحث عن فريق
create-team = إنشاء فريق
field-team-name = اسم الفريق
field-pitch = فكرة المشروع في جملة
field-track = المسار
no-track-yet = لم يُحدد بعد
field-needs = المهارات المطلوبة
join-with-code = الانضمام برمز الفريق
field-team-code = رمز الفريق
join-team = الانضمام إلى الفريق
join-team-heading = الانضمام إلى فريق { $team }
team-invite-link = رابط دعوة الفريق
open-seats = المقاعد الشاغرة: { $count }
captain = قائد الفريق
make-captain = تعيينه قائداً
leave-team = مغادرة الفريق
join-requests-title = طلبات الانضمام
accept = قبول
decline = رفض
filter-skill = المهارة
filter-language = اللغة
filter = تصفية
teams-with-seats = فرق لديها مقاعد شاغرة
people-looking = أشخاص يبحثون عن فريق
nothing-here = لا شيء هنا حالياً.
field-message = رسالة قصيرة
ask-to-join = طلب الانضمام
request-sent = أُرسل طلبك إلى قائد الفريق.
fit-score = درجة التوافق
fit-needed = يغطي المطلوب: { $skills }
fit-new = يضيف: { $skills }
fit-language = لغة مشتركة
teams-overview = الفرق
teams-count = الفرق ({ $count })
solos-count = مشاركون بلا فريق ({ $count })
below-minimum = أقل من الحد الأدنى.
dissolve-team = حل الفريق
move-to = نقله إلى
move = نقل
field-teams-locked-at = تجميد الفرق ابتداءً من
hint-teams-lock = بعد هذا الوقت لا يمكن للمشاركين تغيير الفرق. اتركه فارغاً لعدم التجميد.
field-seed = رقم السحب
hint-seed = نفس الرقم يعطي نفس الفرق لنفس المشاركين.
hint-seed-judges = نفس الرقم يعطي نفس توزيع الحكام لنفس المشاريع ونفس الحكام.
hint-seed-mentors = نفس الرقم يعطي نفس المؤطرين لنفس الفرق.
auto-form-teams = تكوين الفرق تلقائياً
auto-team-name = الفريق { $number }
err-teams-locked = الفرق مجمدة: لم يعد تغييرها ممكناً.
err-team-full = هذا الفريق مكتمل.
err-already-in-team = أنت عضو في فريق بالفعل في هذه الفعالية.
err-team-name-taken = يوجد فريق بهذا الاسم في هذه الفعالية.
err-request-already-decided = تم البت في هذا الطلب من قبل.
err-captain-cannot-remove-self = لا يمكن للقائد إزالة نفسه؛ غادر الفريق بدلاً من ذلك.
err-not-a-participant = هذا الشخص ليس مشاركاً في الفعالية.
err-team-not-empty = لا يمكن حل فريق ما زال فيه أعضاء.
project-title = مشروعنا
status-submitted = مُقدَّم
status-draft = مسودة
status-none = لا مشروع بعد
status-late = متأخر
all-statuses = كل الحالات
deadline-is = آخر أجل للتعديل: { $deadline }
field-title = عنوان المشروع
field-tagline = شعار قصير
field-repo-url = رابط المستودع
field-demo-url = رابط العرض التجريبي
field-video-url = رابط الفيديو
field-technologies = التقنيات المستعملة
field-status = الحالة
save-draft = حفظ كمسودة
submit-project = تقديم المشروع
screenshots-title = لقطات الشاشة
screenshot-alt = لقطة شاشة من المشروع
field-screenshot = إضافة لقطة شاشة
hint-screenshot = صورة PNG أو JPEG أو WebP أو GIF، بحجم 2 ميغابايت على الأكثر.
upload = رفع
history-title = سجل التعديلات
submissions-title = المشاريع المقدمة
export-csv = تصدير CSV
updated = آخر تعديل
links = الروابط
extend-deadline = تمديد الأجل إلى
err-need-team = يجب أن تنضم إلى فريق أولاً.
err-deadline-passed = انتهى أجل التقديم في { $deadline }. لم يعد التعديل ممكناً.
err-project-changed-by = عدّل { $name } المشروع في الأثناء. لم يُحفظ تعديلك؛ نصك ما زال هنا: انسخه ثم أعد تحميل الصفحة.
err-url = أدخل رابطاً كاملاً يبدأ بـ https://
err-upload-too-large = الملف كبير جداً (الحد { $size }).
err-not-an-image = هذا الملف ليس صورة PNG أو JPEG أو WebP أو GIF.
err-save-project-first = احفظ المشروع أولاً ثم أضف الصور.
err-too-many-screenshots = { $count ->
        [zero] لا يمكن إضافة أي صورة.
        [one] لا يمكن إضافة أكثر من صورة واحدة.
        [two] لا يمكن إضافة أكثر من صورتين.
        [few] لا يمكن إضافة أكثر من { $count } صور.
        [many] لا يمكن إضافة أكثر من { $count } صورة.
       *[other] لا يمكن إضافة أكثر من { $count } صورة.
    }
err-team-too-small = { $count ->
        [one] يجب أن يضم الفريق عضواً واحداً على الأقل لتقديم المشروع.
        [two] يجب أن يضم الفريق عضوين على الأقل لتقديم المشروع.
        [few] يجب أن يضم الفريق { $count } أعضاء على الأقل لتقديم المشروع.
        [many] يجب أن يضم الفريق { $count } عضواً على الأقل لتقديم المشروع.
       *[other] يجب أن يضم الفريق { $count } عضو على الأقل لتقديم المشروع.
    }
submission-deadline = آخر أجل
edit-team = تعديل الفريق
view-project = عرض المشروع
event-skills-title = مهارات الفعالية
hint-event-skills = تُقترح على المشاركين عند ملء ملفاتهم.
suggested-skills = مهارات مقترحة: { $skills }
mentor-profile-title = ملفي كمؤطر
mentored-teams = الفرق التي أؤطرها
field-expertise = مجالات خبرتي
field-capacity = أقصى عدد من الفرق
field-contact = وسيلة التواصل
hint-contact = ما تود مشاركته مع فرقك: هاتف، بريد، مكان الجلوس…
mentoring-title = التأطير
auto-assign-mentors = توزيع المؤطرين تلقائياً
field-rebalance = إعادة التوزيع من الصفر
no-mentor-yet = بدون مؤطر
manual-assignment = تعيين يدوي
matched-because = سبب الاختيار
uncovered-language = لا يوجد مؤطر يتحدث لغة الفريق
uncovered-expertise = لا يوجد مؤطر خبير في مسار الفريق أو احتياجاته
uncovered-capacity = المؤطرون المناسبون بلغوا الحد الأقصى
err-not-a-mentor = هذا الشخص ليس مؤطراً في الفعالية.
your-mentor = مؤطر فريقكم
sessions-title = جلسات التأطير
times-in = الأوقات بتوقيت { $timezone }
offer-slot = اقتراح موعد
field-slot-starts = يبدأ
field-slot-ends = ينتهي
field-location = المكان
booked-by = محجوز لـ { $name }
slot-free = متاح
slot-booked = محجوز
book = حجز
cancel-booking = إلغاء الحجز
session-notes = ملاحظات الجلسة
attendance = الحضور
attended = حضر
absent = غاب
err-slot-too-long = الجلسة أطول من أربع ساعات.
err-slot-overlaps = لديك موعد آخر في هذا الوقت.
err-team-busy-then = فريقك لديه جلسة أخرى في هذا الوقت.
err-slot-taken = حجز فريق آخر هذا الموعد للتو.
err-slot-not-booked = لم يُحجز هذا الموعد.
help-title = طلب المساعدة
ask-for-help = طلب مساعدة
field-help-topic = ما الذي تحتاجونه؟
field-help-skill = المجال (مثل: تصميم، بيانات)
field-help-location = أين تجلسون (طاولة، قاعة)
our-requests = طلباتنا
help-queue = قائمة الطلبات
help-open = في الانتظار
help-claimed = مؤطر في الطريق
help-resolved = تمت المساعدة
help-cancelled = سُحب
mentor-coming = { $name } في الطريق إليكم.
resolved = تم الحل
withdraw = سحب الطلب
claim-request = سأتكفل بها
release = إرجاعها للقائمة
show-all-requests = عرض كل الطلبات
show-my-skills = عرض طلبات مجالاتي فقط
waiting-minutes = { $minutes ->
        [zero] منذ أقل من دقيقة
        [one] منذ دقيقة واحدة
        [two] منذ دقيقتين
        [few] منذ { $minutes } دقائق
        [many] منذ { $minutes } دقيقة
       *[other] منذ { $minutes } دقيقة
    }
help-stats-title = إحصائيات
median-wait = الانتظار الوسيط
median-resolve = مدة الحل الوسيطة
minutes = { $minutes ->
        [zero] أقل من دقيقة
        [one] دقيقة واحدة
        [two] دقيقتان
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }
err-already-helping = أنت تساعد فريقاً آخر حالياً. أنهِ طلبك الحالي أولاً.
err-request-taken = تكفل مؤطر آخر بهذا الطلب للتو.
err-not-your-request = هذا الطلب ليس بين يديك.
err-request-closed = هذا الطلب مغلق.
err-too-many-tags = عدد الوسوم كبير جداً.
err-tag-too-long = أحد الوسوم طويل جداً.
err-registration-closed = التسجيل في هذه الفعالية مغلق.
err-team-link-registration-closed = التسجيل في هذه الفعالية مغلق، لذلك لم يعد بإمكان رابط الفريق هذا تسجيلك. اطلب من المنظمين إضافتك كمشارك.
join-team-registers-you = الانضمام إلى هذا الفريق يسجّلك أيضاً في الفعالية كمشارك.
join-team-staff = لديك دور آخر في هذه الفعالية: رابط الفريق يضيف المشاركين فقط.
err-invite-unknown = رابط الدعوة هذا غير موجود. تحقق منه مع المنظمين.
err-invite-expired = انتهت صلاحية رابط الدعوة هذا. اطلب رابطاً جديداً من المنظمين.
err-invite-revoked = ألغى المنظمون رابط الدعوة هذا.
err-invite-used-up = استُعمل رابط الدعوة هذا بالكامل. اطلب رابطاً جديداً من المنظمين.
judging-title = التحكيم
judging-settings = إعدادات التحكيم
judging-is-open = التحكيم مفتوح: يمكن للحكام التنقيط الآن.
judging-is-closed = التحكيم مغلق: لا يمكن للحكام التنقيط الآن.
field-judges-per-project = عدد الحكام لكل مشروع
field-disagreement = عتبة الاختلاف (نقط من 100)
hint-disagreement = يُعلَّم المشروع للمراجعة إذا تجاوز الفرق بين أعلى وأدنى تنقيط هذه العتبة.
field-method = طريقة الترتيب
method-z = مُعايَر حسب كل حكم (z)
method-raw = المتوسط الخام
field-judging-state = حالة التحكيم
state-scheduled = حسب مواعيد الفعالية
state-open = مفتوح الآن
state-closed = مغلق
field-hide-names = إخفاء أسماء الفرق والأعضاء عن الحكام (الرمز والعنوان فقط)
judges-title = الحكام
hint-judge-passes = أضف حكماً باسمه فقط: يحصل على رابط ورمز QR يربطان هاتفه بصفحة التنقيط لهذه الفعالية وحدها، دون كلمة مرور. يظهر الرابط مرة واحدة؛ «عرض الرابط» يعطي رابطاً جديداً (تبقى الهواتف المتصلة متصلة). «رابط جديد» و«إلغاء الدخول» يُخرجان كل هواتفه فوراً. تنتهي صلاحية الروابط بعد يوم من نهاية التحكيم، و«تمديد» يضيف أياماً. الحكام الذين لهم حساب خاص (مثلاً من انضم عبر دعوة حكم بكلمة مرور) يدخلون به ولا يحصلون على رابط.
add-judge = إضافة حكم (رابط للهاتف)
judge-progress = المنجز: { $progress }
declared-conflicts = تضارب مصالح مُصرَّح به: { $count }
judge-pass-link = رابط الدخول على الهاتف
renew-pass = رابط جديد
revoke-pass = إلغاء الدخول
judge-available = متاح لتوزيعات جديدة
all-tracks = كل المسارات
assignment-title = توزيع المشاريع على الحكام
hint-judge-assignment = يحصل كل مشروع مقدَّم على العدد المحدد من الحكام، مع توازن الأعباء واستبعاد تضارب المصالح (فريق الحكم، الفرق التي أطّرها، والتضارب المصرّح به). إعادة التشغيل تحتفظ بالتنقيطات المعطاة.
field-rebalance-judges = إعادة التوزيع من جديد (مع الاحتفاظ بالمشاريع التي نُقّطت)
run-assignment = توزيع المشاريع
under-covered = مشاريع بعدد حكام أقل من المطلوب: { $count }
absent-marks = غائب عند زيارة الحكام: { $count }
absent-flagged = فرق وجدها حكمان غائبة: { $count }. ابحثوا عنها قبل إرسال حكام آخرين إلى طاولاتها.
project-code = الرمز
table-label = الطاولة / المكان
flagged = مُعلَّم للمراجعة
add-extra-judge = إسناد حكم إضافي لهذا المشروع
hint-no-rubric-yet = لا توجد شبكة تقييم بعد: لا يمكن للحكام التنقيط قبل إنشائها.
rubric-title = شبكة التقييم
rubric-event-wide = كل الفعالية
rubric-inherited = هذا المسار يستعمل شبكة الفعالية. احفظ هنا لإنشاء شبكة خاصة به.
rubric-locked = أُعطيت تنقيطات بهذه النسخة: الحفظ سينشئ نسخة جديدة، وسيُطلب من الحكام المعنيين إعادة التنقيط.
rubric-affected = مشاريع نُقّطت بنسخة سابقة من الشبكة (يجب إعادة تنقيطها):
rubric-version = النسخة { $version }
criterion-n = المعيار { $number }
field-criterion-name = اسم المعيار (اتركه فارغاً لتجاهل هذا السطر)
field-weight = الوزن
field-scale = السلم
field-levels = وصف المستويات
hint-levels = سطر لكل مستوى، من الأدنى إلى الأعلى.
save-rubric = حفظ الشبكة
add-criterion = إضافة معيار
rubric-preview = معاينة كما يراها الحكم
results-title = النتائج
results-explain-z = الترتيب بالتنقيط المُعايَر: تُحوَّل مجاميع كل حكم إلى قيم z على المشاريع التي نقّطها، z = (المجموع − متوسط الحكم) / انحرافه المعياري، ثم تُعاد إلى سلم الفعالية μ + σ·z (μ وσ متوسط وانحراف كل المجاميع)، ويُحسب متوسطها لكل مشروع. الحكم الذي نقّط أقل من 3 مشاريع تُستعمل مجاميعه الخام.
results-explain-raw = الترتيب بالمتوسط الخام لمجاميع الحكام (من 100). يظهر التنقيط المُعايَر للمقارنة.
results-explain-ties = المجموع من 100 = مجموع (الوزن × موقع التنقيط في السلم) / مجموع الأوزان. عند التعادل: الطريقة الأخرى، ثم عدد الحكام الأكبر، ثم التقديم الأسبق، ثم رمز المشروع الأصغر.
export-ranking = تصدير الترتيب (CSV)
export-scores-by-judge = التنقيطات حسب الحكم (CSV)
export-scores-by-project = التنقيطات حسب المشروع (CSV)
outdated-scores = تنقيطات أُعطيت بنسخة سابقة من الشبكة: { $count }. ما زالت محسوبة على سلم 100.
review-title = مشاريع للمراجعة
hint-disagreement-list = { $points ->
        [one] اختلاف كبير بين الحكام (أكثر من نقطة واحدة) أو علامة من حكم.
        [two] اختلاف كبير بين الحكام (أكثر من نقطتين) أو علامة من حكم.
        [few] اختلاف كبير بين الحكام (أكثر من { $points } نقاط) أو علامة من حكم.
        [many] اختلاف كبير بين الحكام (أكثر من { $points } نقطة) أو علامة من حكم.
       *[other] اختلاف كبير بين الحكام (أكثر من { $points } نقطة) أو علامة من حكم.
    }
spread-is = الفرق: { $spread }
flagged-by = علامات: { $count }
overall-ranking = الترتيب العام
rank = الرتبة
spread = الفرق
judge-desk-title = التنقيط
conflicts-title = تضارب المصالح
hint-conflicts = علّم الفرق التي تعرف أحد أعضائها أو عملت معها: لن تُسند إليك مشاريعها. فريقك والفرق التي أطّرتها مستبعدة تلقائياً. يسري ذلك عند الإسناد القادم من المنظمين.
conflict-automatic = مستبعد تلقائياً
pass-intro = اضغط لتسجيل الدخول على هذا الهاتف وفتح المشاريع المسندة إليك.
start-scoring = ابدأ التنقيط
hint-judge-no-password = اسمك يكفي: سيبقى هذا الهاتف متصلاً بصفحة التنقيط لهذه الفعالية فقط، دون كلمة مرور.
judge-with-account = لديك حساب؟ سجّل الدخول أولاً.
desk-not-scored = لم يُنقَّط بعد
desk-saved = محفوظ ✓
desk-waiting = محفوظ على الهاتف، في انتظار الإرسال…
desk-stale = عُدِّل هذا التنقيط من جهاز آخر.
desk-rubric-changed = تغيّرت شبكة التقييم: أعد التنقيط من فضلك.
desk-keep-mine = الإبقاء على تنقيطي
desk-use-saved = عرض المحفوظ
desk-retry = إعادة المحاولة
desk-table = الطاولة { $table }
desk-room-table = { $room }، الطاولة { $table }
desk-next = التالي: { $place }
desk-tables-ahead = { $count ->
        [one] طاولة واحدة إلى الأمام
        [two] طاولتان إلى الأمام
        [few] { $count } طاولات إلى الأمام
        [many] { $count } طاولة إلى الأمام
       *[other] { $count } طاولة إلى الأمام
    }
desk-about = عن المشروع
desk-weight = (الوزن { $weight })
desk-notes = ملاحظات خاصة بالمنظمين
desk-flag = تعليم للمنظمين
desk-save-next = حفظ والتالي
desk-absent = الفريق غائب
desk-projects = المشاريع
desk-previous = السابق
desk-skip = تخطٍّ
desk-all-projects = كل مشاريعي
desk-done = تم ✓
desk-progress = المنجز: { $progress }
desk-pending-count = في انتظار الإرسال: { $count }
desk-sign-out-unsent = علامات أُدخلت على هذا الهاتف لم تُرسل بعد، وتسجيل الخروج يحذفها منه. هل تريد تسجيل الخروج رغم ذلك؟
desk-closed = التحكيم مغلق: التنقيطات للقراءة فقط.
desk-nothing-assigned = لم يُسند إليك أي مشروع بعد.
err-judging-closed = التحكيم مغلق: لم يُحفظ التنقيط.
err-no-rubric = لا توجد شبكة تقييم لهذا المشروع بعد.
err-no-judge-available = لا يوجد حكم متاح دون تضارب مصالح لهذا المشروع.
err-not-a-number = أدخل رقماً.
err-pass-invalid = رابط الدخول هذا لم يعد صالحاً. اطلب رابطاً جديداً من المنظمين.
## Judge passes: one event, pass-only judges, hashed and expiring links.
err-pass-own-login = لهذا الحكم حساب بكلمة مرور، فهو يدخل بحسابه الخاص. روابط الهاتف للحكام المضافين بالاسم فقط.
err-pass-expired = انتهت صلاحية رابط الدخول هذا. اطلب من المنظمين تمديده.
err-no-live-pass = ليس لهذا الحكم رابط صالح: أصدر رابطاً جديداً أو مدّد الرابط المنتهي.
judge-own-login = يدخل بحسابه الخاص
judge-pass-only = يدخل برابط الهاتف
pass-valid-until = الرابط صالح حتى { $date }
pass-expired-on = انتهت صلاحية الرابط في { $date }
pass-none = لا يوجد رابط صالح
pass-shown-once = رابط جديد يظهر الآن فقط: انسخه أو اجعل الحكم يمسح الرمز. لعرضه مرة أخرى استعمل «عرض الرابط»، الذي يعوّضه برابط جديد دون إخراج الهاتف المتصل.
show-pass = عرض الرابط
extend-pass = تمديد
field-extend-days = أيام
import-pass-shown-once = عُرض الرابط مرة واحدة عند الاستيراد؛ استعمل «عرض الرابط» في صفحة التحكيم.
err-rubric-empty = أضف معياراً واحداً على الأقل.
err-too-many-levels = عدد الأوصاف أكبر من عدد مستويات السلم ({ $count }).
err-unknown-criterion = هذا المعيار ليس في شبكة التقييم.
audit-title = سجل العمليات
hint-audit = { $count ->
        [one] العمليات الحساسة وكل حفظ للتنقيط، الأحدث أولاً (آخر عملية).
        [two] العمليات الحساسة وكل حفظ للتنقيط، الأحدث أولاً (آخر عمليتين).
        [few] العمليات الحساسة وكل حفظ للتنقيط، الأحدث أولاً (آخر { $count } عمليات).
        [many] العمليات الحساسة وكل حفظ للتنقيط، الأحدث أولاً (آخر { $count } عملية).
       *[other] العمليات الحساسة وكل حفظ للتنقيط، الأحدث أولاً (آخر { $count } عملية).
    }
audit-when = متى
audit-who = من
audit-what = العملية
audit-detail = التفاصيل
visibility-hidden = مخفية
visibility-organizers = للمنظمين فقط
visibility-public = علنية (الجميع، بمن فيهم الحكام)
reveal-all = كل النتائج دفعة واحدة
reveal-ranking = الترتيب من الأخير إلى الأول
reveal-tracks = الفائز في كل مسار، مساراً بعد مسار
judging-progress = تقدم التحكيم
scores-done-of = التنقيطات: { $progress }
board-not-shown = الترتيب غير معروض حالياً.
board-frozen = الترتيب مجمّد أثناء المداولة
board-live = مباشر
board-final = النتائج النهائية
reveal-step-of = الكشف: { $progress }
board-empty = لا يوجد مشروع منقّط بعد.
board-more = { $count ->
        [zero] …ولا مشروع آخر
        [one] …ومشروع آخر
        [two] …ومشروعان آخران
        [few] …و{ $count } مشاريع أخرى
        [many] …و{ $count } مشروعاً آخر
       *[other] …و{ $count } مشروع آخر
    }
err-nothing-to-publish = لا توجد نتيجة لنشرها: لم يُنقَّط أي مشروع.
err-not-published = انشر النتائج أولاً.
err-announcement-empty = اكتب الإعلان بلغة واحدة على الأقل.
full-screen = ملء الشاشة
leaderboard-title = لوحة الترتيب
open-projector = فتح وضع العرض
public-results = النتائج
dashboard-title = لوحة القيادة
publish-title = النشر والكشف
published-at = نُشرت النتائج: { $time }
reveal-title = الكشف
reveal-back = رجوع
reveal-next = كشف التالي
reveal-end = كشف الكل
withdraw-results = سحب النتائج
hint-publish = النشر يأخذ نسخة من النتائج الحالية ويجعلها علنية، خطوة بخطوة إن اخترت الكشف التدريجي.
field-reveal-mode = طريقة الكشف
republish = إعادة النشر بالنتائج الحالية
publish-results = نشر النتائج
freeze-title = التجميد
hint-freeze = التجميد يوقف الترتيب المعروض للجمهور على حالته الحالية (مثلاً أثناء المداولة)؛ التنقيط يستمر.
frozen-since = مجمّد منذ { $time }
unfreeze = إلغاء التجميد
freeze = تجميد الترتيب العلني
board-settings = إعدادات اللوحة
field-visibility = من يرى الترتيب المباشر قبل النشر
field-top-n = عدد المشاريع بخط كبير
field-rotate-seconds = مدة عرض كل صفحة (ثوانٍ)
field-show-comments = ملاحظات الحكام للفريق (دون أسمائهم)
announcements-title = الإعلانات
announcement-ar = الإعلان بالعربية
announcement-fr = الإعلان بالفرنسية
announcement-en = الإعلان بالإنجليزية
post-announcement = نشر الإعلان
retire-announcement = إزالة
your-rank = ترتيبكم: { $rank }
judges-comments = ملاحظات الحكام
results-not-published = لم تُنشر النتائج بعد.
calibration-title = معايرة الحكام
calibration-mean = المتوسط { $mean }
hint-calibration = توزيع المجاميع (0–100) لكل حكم، خاماً ثم بعد التسوية: الحكم المتساهل تقع نقاطه يميناً، والمتشدد يساراً.
count-participants = مشاركون
count-teams = فرق
count-submissions = مشاريع مقدمة
count-judges = حكام
count-mentors = مؤطرون
covered-projects = مشاريع لها العدد الكافي من الحكام: { $progress }
nothing-to-review = لا مشروع يحتاج مراجعة.
help-open-count = مفتوحة
help-claimed-count = قيد المعالجة
help-resolved-count = محلولة
help-median-wait = { $minutes ->
        [zero] الانتظار الوسيط قبل التكفل: أقل من دقيقة
        [one] الانتظار الوسيط قبل التكفل: دقيقة واحدة
        [two] الانتظار الوسيط قبل التكفل: دقيقتان
        [few] الانتظار الوسيط قبل التكفل: { $minutes } دقائق
        [many] الانتظار الوسيط قبل التكفل: { $minutes } دقيقة
       *[other] الانتظار الوسيط قبل التكفل: { $minutes } دقيقة
    }
help-oldest-open = { $minutes ->
        [zero] أقدم طلب مفتوح ينتظر منذ أقل من دقيقة
        [one] أقدم طلب مفتوح ينتظر منذ دقيقة واحدة
        [two] أقدم طلب مفتوح ينتظر منذ دقيقتين
        [few] أقدم طلب مفتوح ينتظر منذ { $minutes } دقائق
        [many] أقدم طلب مفتوح ينتظر منذ { $minutes } دقيقة
       *[other] أقدم طلب مفتوح ينتظر منذ { $minutes } دقيقة
    }
exports-title = التصدير (CSV)
export-teams = الفرق وأعضاؤها
export-submissions = المشاريع المقدمة
export-sessions = جلسات التأطير
export-archive = الحدث كاملًا (ZIP)
hint-export-archive = كل ملفات CSV أعلاه وكل لقطات الشاشة، في ملف واحد تحتفظون به بعد انتهاء الحدث.
import-title = الاستيراد (CSV)
import-not-csv = هذا ليس ملف CSV مقروءاً.
import-missing-column = عمود ناقص في السطر الأول.
import-too-many-rows = عدد الأسطر كبير جداً (2000 كحد أقصى).
import-too-long = القيمة طويلة جداً.
import-duplicate = مكرر في الملف.
import-unknown-track = مسار غير موجود في هذه التظاهرة.
import-already-done = تم استيراد هذه الدفعة من قبل.
import-has-problems = صحح الأسطر التي بها مشاكل ثم أعد الإرسال: لم يُستورد شيء.
import-participants = مشاركون (رابط دعوة لكل شخص)
import-mentors = مؤطرون (رابط دعوة لكل شخص)
import-judges = حكام (رابط دخول بالهاتف لكل حكم)
import-projects = مشاريع (فريق ومشروع مقدم لكل سطر)
import-new = استيراد جديد
hint-import = الصق محتوى ملف CSV (بفواصل أو بفواصل منقوطة) أو خلايا منسوخة من جدول. السطر الأول يسمي الأعمدة. لن يُكتب شيء قبل أن تراجع المعاينة وتؤكد.
import-kind = ماذا تستورد
import-csv = محتوى CSV
import-check = معاينة
import-done = { $count ->
        [zero] لم يُستورد أي سطر.
        [one] تم الاستيراد: سطر واحد. أرسل الروابط لأصحابها.
        [two] تم الاستيراد: سطران. أرسل الروابط لأصحابها.
        [few] تم الاستيراد: { $count } أسطر. أرسل الروابط لأصحابها.
        [many] تم الاستيراد: { $count } سطراً. أرسل الروابط لأصحابها.
       *[other] تم الاستيراد: { $count } سطر. أرسل الروابط لأصحابها.
    }
import-preview = { $count ->
        [zero] معاينة: لا يوجد أي سطر جاهز
        [one] معاينة: سطر واحد جاهز
        [two] معاينة: سطران جاهزان
        [few] معاينة: { $count } أسطر جاهزة
        [many] معاينة: { $count } سطراً جاهزاً
       *[other] معاينة: { $count } سطر جاهز
    }
import-problems = مشاكل يجب تصحيحها: { $count }
import-line = السطر { $line }
import-confirm = { $count ->
        [one] استيراد سطر واحد
        [two] استيراد سطرين
        [few] استيراد { $count } أسطر
        [many] استيراد { $count } سطراً
       *[other] استيراد { $count } سطر
    }
import-file = أو اختر ملف CSV

## Floods, lockouts and the first admin.
err-rate-limited = { $seconds ->
        [one] طلبات كثيرة. أعد المحاولة بعد ثانية واحدة.
        [two] طلبات كثيرة. أعد المحاولة بعد ثانيتين.
        [few] طلبات كثيرة. أعد المحاولة بعد { $seconds } ثوانٍ.
        [many] طلبات كثيرة. أعد المحاولة بعد { $seconds } ثانية.
       *[other] طلبات كثيرة. أعد المحاولة بعد { $seconds } ثانية.
    }
err-busy = الخادم مشغول الآن. أعد المحاولة بعد لحظة.
back-to-form = العودة إلى النموذج
admin-setup-title = تعيين مدير المنصة
admin-setup-intro = هذا الرابط يجعل الحساب المتصل الآن مدير المنصة. لا يعمل إلا مرة واحدة.
admin-setup-sign-in = سجّل الدخول أو أنشئ حسابك أولاً، ثم افتح هذا الرابط من جديد.
admin-setup-claim = اجعلني مدير المنصة
err-admin-setup-used = رابط التعيين هذا غير صالح أو استُعمل من قبل.
err-admin-setup-other-account = هذا الرابط مخصص لحساب آخر حدده من يشغّل الخادم.
## Holes closed in review: score saves, team dissolution and renaming, clashing roles.
err-too-many-marks = عدد النقاط المرسلة يفوق عدد معايير شبكة التقييم.
err-team-has-judged-project = لا يمكن حل هذا الفريق: مشروعه مقدَّم أو في طور التحكيم، ولا تُحذف التنقيطات أبداً.
err-role-clash = لا يمكن للشخص نفسه أن يكون حكماً ومشاركاً أو مؤطراً في التظاهرة نفسها، إلا بإذن من المنظمين.
field-team-new-name = اسم الفريق
rename-team = إعادة التسمية
field-allow-clash = السماح بالجمع بين دور الحكم ودور المشارك أو المؤطر
hint-allow-clash = في العادة، لا يمكن لحكم في هذه التظاهرة قبول هذه الدعوة كمشارك أو مؤطر (والعكس). فعّل هذا الخيار فقط إن كنت تقصد ذلك.
## Web hardening: public announcements on the projector.
announcement-public = يظهر أيضاً على شاشة العرض العامة (يراه أي شخص)
announcement-is-public = عام
announcement-members-only = لأعضاء التظاهرة فقط
## The judge's desk: a tap made before the page has finished loading.
desk-not-sent-yet = لم يُحفظ بعد: سيُرسل اختيارك فور اكتمال تحميل الصفحة.
## حسابات يمكن استرجاعها: صفحة الحساب، روابط إعادة التعيين، «نسيت كلمة المرور؟».
account-link = حسابي
account-title = حسابي
account-profile-title = الاسم والبريد الإلكتروني
account-save-profile = حفظ الاسم والبريد
account-profile-saved = تم حفظ اسمك وعنوان بريدك الإلكتروني.
account-password-title = كلمة المرور
account-change-password = تغيير كلمة المرور
account-password-changed = تم تغيير كلمة المرور. تم تسجيل الخروج من كل أجهزتك الأخرى.
account-sessions-title = الأجهزة المتصلة
account-sessions-intro = أضعت هاتفك أو استعملت حاسوبًا مشتركًا؟ سجّل الخروج من كل مكان: يُسجَّل خروج كل جهاز متصل بحسابك فورًا، بما فيه هذا الجهاز.
account-sign-out-everywhere = تسجيل الخروج من كل مكان
field-current-password = كلمة المرور الحالية
field-new-password = كلمة المرور الجديدة
hint-password-for-email = مطلوبة فقط لتغيير عنوان البريد الإلكتروني.
hint-new-password = عشرة أحرف على الأقل. سيتم تسجيل الخروج من كل أجهزتك الأخرى.
err-current-password-wrong = هذه ليست كلمة مرورك الحالية.
err-password-changed-meanwhile = تم تغيير كلمة مرورك في هذه الأثناء من جهاز آخر. سجّل الدخول من جديد ثم أعد المحاولة.
err-reset-link-invalid = رابط إعادة التعيين هذا لا يعمل: سبق استعماله، أو انتهت صلاحيته، أو عوّضه رابط أحدث. اطلب رابطًا جديدًا.
err-reset-pass-only = هذا الحساب يدخل برابط الهاتف الخاص بالحكم وليست له كلمة مرور. يمكن لمنظمي الحدث تجديد الرابط.
forgot-password-link = نسيت كلمة المرور؟
forgot-title = نسيت كلمة المرور؟
forgot-intro = هذا الخادم لا يرسل رسائل بريد إلكتروني. لاسترجاع حسابك، اطلب رابط إعادة تعيين صالحًا لمرة واحدة:
forgot-ask-admin = يمكن لمسؤول المنصة (من يدير حَكَم لجمعيتك أو جامعتك) أن يعطيك واحدًا؛
forgot-ask-organizer = خلال حدث، اسأل منظميه: سينقلون طلبك إلى مسؤول المنصة.
forgot-judges = الحكام الذين يدخلون برابط الهاتف لا يحتاجون إلى كلمة مرور: اطلب من المنظمين رابطًا جديدًا.
forgot-intro-mail = أدخل عنوان البريد الإلكتروني لحسابك: سيصله رابط إعادة تعيين صالح لمرة واحدة.
forgot-ask-too = يمكنك أيضًا أن تطلب رابط إعادة التعيين من:
forgot-mail-submit = أرسل لي رابط إعادة التعيين
forgot-mail-sent = إذا كان هناك حساب يستعمل هذا العنوان، فقد أُرسل إليه رابط إعادة التعيين. انظر في مجلد الرسائل غير المرغوب فيها أيضًا؛ الرابط صالح لمرة واحدة، لمدة ساعة.
reset-mail-subject = رابط إعادة تعيين كلمة مرور حكم
reset-mail-greeting = مرحبًا { $name }،
reset-mail-explain = { $minutes ->
        [zero] طلب أحدهم، ولعله أنت، كلمة مرور جديدة لحسابك في حكم. افتح هذا الرابط لاختيارها. الرابط صالح لمرة واحدة، لمدة { $minutes } دقيقة:
        [one] طلب أحدهم، ولعله أنت، كلمة مرور جديدة لحسابك في حكم. افتح هذا الرابط لاختيارها. الرابط صالح لمرة واحدة، لمدة دقيقة واحدة:
        [two] طلب أحدهم، ولعله أنت، كلمة مرور جديدة لحسابك في حكم. افتح هذا الرابط لاختيارها. الرابط صالح لمرة واحدة، لمدة دقيقتين:
        [few] طلب أحدهم، ولعله أنت، كلمة مرور جديدة لحسابك في حكم. افتح هذا الرابط لاختيارها. الرابط صالح لمرة واحدة، لمدة { $minutes } دقائق:
        [many] طلب أحدهم، ولعله أنت، كلمة مرور جديدة لحسابك في حكم. افتح هذا الرابط لاختيارها. الرابط صالح لمرة واحدة، لمدة { $minutes } دقيقة:
       *[other] طلب أحدهم، ولعله أنت، كلمة مرور جديدة لحسابك في حكم. افتح هذا الرابط لاختيارها. الرابط صالح لمرة واحدة، لمدة { $minutes } دقيقة:
    }
reset-mail-ignore = إذا لم تطلب ذلك، فتجاهل هذه الرسالة: كلمة مرورك تبقى كما هي.
err-mail-off = لا يستطيع هذا الخادم إرسال رسائل البريد الإلكتروني. اطلب رابط إعادة التعيين من مسؤول المنصة.
reset-title = اختر كلمة مرور جديدة
reset-intro = هذا الرابط الصالح لمرة واحدة يضع كلمة مرور جديدة لحسابك. سيتم تسجيل الخروج من كل جهاز متصل بحسابك، ثم تسجّل الدخول بكلمة المرور الجديدة.
reset-submit = حفظ كلمة المرور الجديدة
reset-ask-again = الرابط لم يعد يعمل؟
reset-done = تم حفظ كلمة مرورك الجديدة وتسجيل الخروج من كل الأجهزة. سجّل الدخول بكلمة المرور الجديدة.
signed-out-everywhere = تم تسجيل خروجك من كل الأجهزة.
admin-reset-intro = من نسي كلمة مروره يحصل منك على رابط إعادة تعيين صالح لمرة واحدة. لا تعطه إلا لذلك الشخص وعبر وسيلة تثق بها: من يملك الرابط يستطيع الاستيلاء على الحساب لمدة ساعة.
admin-reset-column = إعادة تعيين كلمة المرور
admin-reset-issue = إنشاء رابط إعادة تعيين
admin-reset-pass-only = يدخل برابط الهاتف
admin-reset-link-label = رابط إعادة تعيين لمرة واحدة (يُعرض مرة واحدة)
admin-reset-link-hint = { $minutes ->
        [zero] صالح لمرة واحدة، لمدة { $minutes } دقيقة. إنشاء رابط آخر يلغي هذا الرابط.
        [one] صالح لمرة واحدة، لمدة دقيقة واحدة. إنشاء رابط آخر يلغي هذا الرابط.
        [two] صالح لمرة واحدة، لمدة دقيقتين. إنشاء رابط آخر يلغي هذا الرابط.
        [few] صالح لمرة واحدة، لمدة { $minutes } دقائق. إنشاء رابط آخر يلغي هذا الرابط.
        [many] صالح لمرة واحدة، لمدة { $minutes } دقيقة. إنشاء رابط آخر يلغي هذا الرابط.
       *[other] صالح لمرة واحدة، لمدة { $minutes } دقيقة. إنشاء رابط آخر يلغي هذا الرابط.
    }

## نهاية الحدث: أرشفته (للقراءة فقط) وحذف حدث مؤرشف.
err-event-archived = هذا الحدث مؤرشف: يمكن الاطلاع عليه وتصديره، لكن لا شيء فيه يتغيّر. يستطيع منظموه إلغاء أرشفته.
err-event-not-archived = هذا الحدث غير مؤرشف.
err-archive-before-results = لم يحن موعد النتائج بعد: ضع علامة في الخانة لتأكيد انتهاء الحدث.
err-delete-export-first = نزّل الحدث كاملًا (ZIP) أولًا: لا يُحذف الحدث إلا بعد تنزيل تصدير كامل منذ أرشفته.
err-delete-name-mismatch = اكتب اسم الحدث كما هو مكتوب تمامًا للتأكيد.
archive-title = نهاية الحدث
archive-intro = بعد إعلان النتائج، أرشِف الحدث: يصبح للقراءة فقط للجميع (لا يتغيّر أي فريق أو مشروع أو تقييم أو إعداد) ويبقى متاحًا للاطلاع والتصدير.
archive-confirm = أؤكد: انتهى الحدث، اجعله للقراءة فقط.
archive-confirm-early = لم يحن موعد النتائج بعد. أؤكد مع ذلك أن الحدث انتهى وأريده للقراءة فقط الآن.
archive-submit = أرشفة الحدث
archived-banner = هذا الحدث مؤرشف: إنه للقراءة فقط. يبقى كل ما فيه متاحًا للاطلاع والتصدير.
unarchive-hint = أُرشِف خطأً؟ إلغاء الأرشفة يجعل الحدث قابلًا للتعديل من جديد.
unarchive-submit = إلغاء أرشفة الحدث
delete-title = حذف الحدث
delete-intro = يمحو الحذف الحدث وكل ما فيه نهائيًا: الأدوار والفرق والمشاريع ولقطات الشاشة والتقييمات وروابط المحكّمين والدعوات والإرشاد واللوحة وسجلّ الحدث. تبقى حسابات الأشخاص. لا يمكن التراجع عن ذلك.
delete-export-first = نزّل الحدث كاملًا (ZIP) أولًا: يُرفض الحذف ما لم يُنزَّل تصدير كامل منذ أرشفة الحدث.
delete-export-done = نُزِّل تصدير كامل منذ أرشفة الحدث.
field-confirm-name = اكتب اسم الحدث للتأكيد
delete-submit = حذف الحدث نهائيًا

## المعطيات الشخصية (القانون المغربي 09-08): تنزيلها، حذف الحساب، إشعار الخصوصية.
privacy-link = الخصوصية
signup-privacy-note = ما يحفظه حكم عنك، ولماذا، وإلى متى، وحقوقك:
account-data-title = معطياتك
account-data-intro = نزّل نسخة من كل ما يحفظه حكم عنك: حسابك وأدوارك وفرقك ومشاريعك والتأطير، والتقييمات التي منحتها بصفتك عضوا في لجنة التحكيم والملاحظات المتعلقة بفريقك، في ملف JSON واحد.
account-data-download = تنزيل معطياتي
account-privacy-link = قراءة إشعار الخصوصية
account-delete-title = حذف حسابي
account-delete-intro = حذف حسابك نهائي ولا يمكن التراجع عنه. يُحذف اسمك وبريدك الإلكتروني وكلمة مرورك وملفاتك التعريفية وعضويتك في الفرق، ويُسجَّل خروجك من كل مكان. إذا كنت قائد فريق، يصبح أقدم أعضاء فريقك قائدا له.
account-delete-keeps = تبقى التقييمات والتعليقات التي منحتها بصفتك عضوا في لجنة التحكيم، باسم «حساب محذوف» بدل اسمك، حتى لا تتغير النتائج التي أُعلنت. ويحتفظ فريقك بمشروعه.
account-delete-limits = لا يمكن لمدير المنصة حذف حسابه ما دام المدير الوحيد، ولا لمنظِّم حذف حسابه ما دام المنظِّم الوحيد لفعالية: عيّن أولا مديرا آخر أو منظِّما مشاركا.
field-delete-confirm = اكتب بريدك الإلكتروني للتأكيد
account-delete-submit = حذف حسابي نهائيا
account-deleted = حُذف حسابك. يمكن استعمال بريدك الإلكتروني لإنشاء حساب جديد.
err-delete-confirm-mismatch = اكتب عنوان البريد الإلكتروني لهذا الحساب كما هو تماما.
err-last-admin = أنت المدير الوحيد للمنصة: اجعل حسابا آخر مديرا قبل حذف حسابك.
err-last-organizer = أنت المنظِّم الوحيد لـ«{ $event }»: أضف منظِّما مشاركا قبل حذف حسابك.
privacy-title = إشعار الخصوصية
privacy-intro = يبيّن هذا الإشعار المعطيات الشخصية التي يحفظها حكم، ولماذا، ومن يطّلع عليها، وإلى متى، وكيف تمارس حقوقك، كما يقتضي القانون المغربي رقم 09-08 المتعلق بحماية الأشخاص الذاتيين تجاه معالجة المعطيات ذات الطابع الشخصي.
privacy-controller-title = المسؤول عن المعالجة
privacy-controller-body = المسؤول عن المعالجة هو الجمعية أو المؤسسة التي تشغّل منصة حكم هذه وتنظّم فعالياتها. يعمل حكم على خادمه الخاص: لا يستعمل أي إشهار أو أداة تتبّع أو خدمة خارجية، باستثناء خادم البريد الذي قد يضبطه مشغّله لإرسال روابط إعادة تعيين كلمة المرور.
privacy-controller-contact = للتواصل:
privacy-controller-unset = لم تُنشر هنا بعدُ أي جهة للتواصل: توجّه إلى منظِّمي فعاليتك، وسيبلّغون طلبك.
privacy-stored-title = ما يُحفظ ولماذا
privacy-stored-account = حسابك: اسمك وبريدك الإلكتروني وكلمة مرورك (في صورة بصمة لا يمكن عكسها فقط) وتاريخ تسجيلك، لتسجيل دخولك وليتمكن المنظِّمون من التواصل معك.
privacy-stored-roles = أدوارك في كل فعالية (مشارك، مؤطِّر، عضو لجنة تحكيم، منظِّم) والدعوات التي قبلتها، ليفتح كل دور صفحاته.
privacy-stored-teams = ملفك التعريفي في كل فعالية (المهارات، اللغات، تقديم قصير)، وفريقك وطلبات انضمامك إلى الفرق، لتكوين الفرق.
privacy-stored-projects = مشروع فريقك وسجلّ تعديلاته (من غيّر ماذا ومتى) ولقطات شاشته، لتقديمه وتقييمه.
privacy-stored-mentoring = التأطير: الملفات التعريفية للمؤطِّرين (الخبرة، ومعلومات التواصل التي يختار المؤطِّر مشاركتها)، والجلسات المحجوزة، وطلبات المساعدة، وملاحظات المؤطِّر والحضور في كل جلسة، لتنظيم المواكبة.
privacy-stored-judging = التحكيم: التقييمات والتعليقات التي يمنحها كل عضو في لجنة التحكيم، وسجلّ تعديلاتها، وحالات تضارب المصالح المصرَّح بها، لترتيب المشاريع بإنصاف وبشكل يمكن التحقق منه.
privacy-stored-sessions = الجلسات: ملف تعريف ارتباط (كوكي) يبقيك متصلا، مع سجلّه على الخادم؛ ومحاولات الدخول الفاشلة مع العنوان الذي جاءت منه، لمنع تخمين كلمات المرور؛ وملف تعريف ارتباط يتعرّف على المتصفحات التي سبق لها الدخول.
privacy-stored-logs = السجلات: سجلّ تدقيق للعمليات الحساسة (من فعل ماذا ومتى)، محفوظ مع المعطيات؛ والسجلّ التقني للخادم، الذي يحفظه نظام الجهة التي تشغّل الخادم.
privacy-stored-backups = النسخ الاحتياطية: نسخ من قاعدة المعطيات كاملة، بما فيها لقطات الشاشة، للاستئناف بعد أي عطل.
privacy-who-title = من يطّلع عليها
privacy-who-you = أنت تطّلع عليها كلها، ويمكنك تنزيلها من صفحة حسابك.
privacy-who-organizers = يطّلع منظِّمو الفعالية، في حدود فعاليتهم، على أسماء المشاركين فيها وعناوين بريدهم الإلكتروني وملفاتهم التعريفية وفرقهم ومشاريعهم، وعلى ملاحظات التأطير وتقييمات لجنة التحكيم وتعليقاتها، وعلى سجلّ التدقيق.
privacy-who-people = يرى أعضاء فريقك اسمك ومشروع فريقك؛ ويرى المشاركون الباحثون عن فريق الملفات التعريفية لبعضهم؛ ويرى المؤطِّرون الفرق التي يواكبونها؛ وترى لجنة التحكيم المشاريع التي تقيّمها (دون أسماء الفرق إن اختار المنظِّمون ذلك).
privacy-who-public = يمكن لأي شخص رؤية الصفحة العامة للفعالية، ونتائجها بعد نشرها: أسماء الفرق وعناوين المشاريع، دون أسماء أعضاء لجنة التحكيم أبدا.
privacy-who-admin = يطّلع مدير المنصة على قائمة الحسابات (الأسماء وعناوين البريد الإلكتروني). لا يُباع شيء ولا يُسلَّم لأي جهة أخرى.
privacy-retention-title = مدة الحفظ
privacy-retention-events = ما يخص فعالية ما (الفرق، المشاريع، لقطات الشاشة، ملاحظات التأطير، التقييمات) يُحفظ إلى أن يحذف منظِّموها الفعالية.
privacy-retention-account = يُحفظ حسابك إلى أن تحذفه. وتبقى حينئذ التقييمات والتعليقات التي منحتها بصفتك عضوا في لجنة التحكيم، دون اسمك، حتى لا تتغير النتائج المنشورة.
privacy-retention-sessions = { $minutes ->
        [zero] تنتهي الجلسة بعد { $minutes } دقيقة دون نشاط، أو عند تسجيل خروجك، أو عند تغيير كلمة مرورك. تُحفظ محاولات الدخول الفاشلة يومين على الأكثر، والمتصفحات المعروفة 90 يوما بعد آخر دخول لها، ويعمل رابط إعادة التعيين ساعة واحدة.
        [one] تنتهي الجلسة بعد دقيقة واحدة دون نشاط، أو عند تسجيل خروجك، أو عند تغيير كلمة مرورك. تُحفظ محاولات الدخول الفاشلة يومين على الأكثر، والمتصفحات المعروفة 90 يوما بعد آخر دخول لها، ويعمل رابط إعادة التعيين ساعة واحدة.
        [two] تنتهي الجلسة بعد دقيقتين دون نشاط، أو عند تسجيل خروجك، أو عند تغيير كلمة مرورك. تُحفظ محاولات الدخول الفاشلة يومين على الأكثر، والمتصفحات المعروفة 90 يوما بعد آخر دخول لها، ويعمل رابط إعادة التعيين ساعة واحدة.
        [few] تنتهي الجلسة بعد { $minutes } دقائق دون نشاط، أو عند تسجيل خروجك، أو عند تغيير كلمة مرورك. تُحفظ محاولات الدخول الفاشلة يومين على الأكثر، والمتصفحات المعروفة 90 يوما بعد آخر دخول لها، ويعمل رابط إعادة التعيين ساعة واحدة.
        [many] تنتهي الجلسة بعد { $minutes } دقيقة دون نشاط، أو عند تسجيل خروجك، أو عند تغيير كلمة مرورك. تُحفظ محاولات الدخول الفاشلة يومين على الأكثر، والمتصفحات المعروفة 90 يوما بعد آخر دخول لها، ويعمل رابط إعادة التعيين ساعة واحدة.
       *[other] تنتهي الجلسة بعد { $minutes } دقيقة دون نشاط، أو عند تسجيل خروجك، أو عند تغيير كلمة مرورك. تُحفظ محاولات الدخول الفاشلة يومين على الأكثر، والمتصفحات المعروفة 90 يوما بعد آخر دخول لها، ويعمل رابط إعادة التعيين ساعة واحدة.
    }
privacy-retention-backups-every = { $minutes ->
        [zero] يأخذ هذا الخادم نسخة احتياطية كل { $minutes } دقيقة.
        [one] يأخذ هذا الخادم نسخة احتياطية كل دقيقة.
        [two] يأخذ هذا الخادم نسخة احتياطية كل دقيقتين.
        [few] يأخذ هذا الخادم نسخة احتياطية كل { $minutes } دقائق.
        [many] يأخذ هذا الخادم نسخة احتياطية كل { $minutes } دقيقة.
       *[other] يأخذ هذا الخادم نسخة احتياطية كل { $minutes } دقيقة.
    }
privacy-retention-backups-off = لا يأخذ هذا الخادم نسخا احتياطية مجدولة؛ ويمكن للجهة التي تشغّله أخذ نسخ يدويا.
privacy-retention-backups-keep = { $count ->
        [zero] تُحفظ أحدث { $count } نسخة احتياطية مجدولة وتُحذف الأقدم منها: تخرج المعطيات المحذوفة من حكم من النسخ الاحتياطية كلما استُبدلت. أما النسخ المأخوذة يدويا فتُحفظ إلى أن تحذفها الجهة التي تشغّل الخادم.
        [one] تُحفظ أحدث نسخة احتياطية مجدولة فقط وتُحذف الأقدم منها: تخرج المعطيات المحذوفة من حكم من النسخ الاحتياطية كلما استُبدلت. أما النسخ المأخوذة يدويا فتُحفظ إلى أن تحذفها الجهة التي تشغّل الخادم.
        [two] تُحفظ أحدث نسختين احتياطيتين مجدولتين وتُحذف الأقدم منهما: تخرج المعطيات المحذوفة من حكم من النسخ الاحتياطية كلما استُبدلت. أما النسخ المأخوذة يدويا فتُحفظ إلى أن تحذفها الجهة التي تشغّل الخادم.
        [few] تُحفظ أحدث { $count } نسخ احتياطية مجدولة وتُحذف الأقدم منها: تخرج المعطيات المحذوفة من حكم من النسخ الاحتياطية كلما استُبدلت. أما النسخ المأخوذة يدويا فتُحفظ إلى أن تحذفها الجهة التي تشغّل الخادم.
        [many] تُحفظ أحدث { $count } نسخة احتياطية مجدولة وتُحذف الأقدم منها: تخرج المعطيات المحذوفة من حكم من النسخ الاحتياطية كلما استُبدلت. أما النسخ المأخوذة يدويا فتُحفظ إلى أن تحذفها الجهة التي تشغّل الخادم.
       *[other] تُحفظ أحدث { $count } نسخة احتياطية مجدولة وتُحذف الأقدم منها: تخرج المعطيات المحذوفة من حكم من النسخ الاحتياطية كلما استُبدلت. أما النسخ المأخوذة يدويا فتُحفظ إلى أن تحذفها الجهة التي تشغّل الخادم.
    }
privacy-retention-logs = يُحفظ سجلّ التدقيق مع المعطيات التي يتعلق بها؛ والسجلّ التقني ما دام نظام الخادم يحتفظ به.
privacy-rights-title = حقوقك
privacy-rights-intro = يمنحك القانون 09-08 الحق في الإخبار، وحقوق الولوج والتصحيح والتعرض والحذف. وفي حكم:
privacy-right-access = الولوج: زر «تنزيل معطياتي» في صفحة حسابك يمنحك دفعة واحدة كل ما يحفظه حكم عنك.
privacy-right-rectification = التصحيح: تغيّر اسمك وبريدك الإلكتروني وكلمة مرورك في صفحة حسابك، وملفاتك التعريفية ومشروع فريقك في صفحات الفعالية.
privacy-right-opposition = التعرض: يمكنك، لأسباب مشروعة، التعرض على معالجة معطياتك: أخبر منظِّمي الفعالية أو المسؤول عن المعالجة، أو احذف حسابك.
privacy-right-deletion = الحذف: زر «حذف حسابي» في صفحة حسابك يحذف دفعة واحدة حسابك ومعطياتك الشخصية، ولا يُبقي إلا التقييمات التي منحتها بصفتك عضوا في لجنة التحكيم، دون اسمك.
privacy-rights-contact = إذا تعذّر عليك تسجيل الدخول، أو لأي طلب آخر، راسل المسؤول عن المعالجة المذكور أعلاه. ويمكنك أيضا تقديم شكوى إلى اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي (CNDP).
privacy-account-link = الانتقال إلى صفحة حسابي

## إزالة أشخاص من تظاهرة؛ أعضاء لجنة التحكيم الذين قيّموا يُعفَون بدل حذفهم.
hint-people-removal = إزالة شخص تنهي دوره في هذه التظاهرة من نقرته التالية. لا يُزال المشاركون من هنا: يغادرون فريقهم، أو ينقلهم القائد أو المنظمون.
remove-confirm-role = نعم، إزالة
retire-judge = إعفاء
retire-judge-confirm = نعم، إعفاء عضو لجنة التحكيم هذا
judge-retired = معفى
hint-remove-organizer = لن يشارك بعد الآن في تنظيم هذه التظاهرة. لا يمكن إزالة آخر منظم.
hint-remove-mentor = تُسحب حصصه القادمة (تُلغى حجوزات الفرق وتُحفظ مع ملاحظاتها)، وتعود طلبات المساعدة التي يعالجها إلى الطابور، وتبقى فرقه بلا مؤطر.
hint-remove-judge = تتوقف روابط هاتفه عن العمل وتعود مشاريعه إلى المجموعة: أعيدوا التوزيع لملء المقاعد.
hint-retire-judge = قيّم عضو لجنة التحكيم هذا مشاريع: تبقى تقييماته في النتائج مع وسم «معفى». يفقد الدخول الآن، وتتوقف روابط هاتفه، وتعود المشاريع التي لم يُكملها إلى المجموعة.
err-last-organizer-removed = لا يمكن إزالة آخر منظم: أضيفوا منظماً آخر أولاً.
err-participant-not-removed-here = لا يُزال المشاركون من هنا: يغادرون فريقهم، أو ينقلهم القائد أو المنظمون.
err-judge-has-scored = قيّم عضو لجنة التحكيم هذا مشاريع: أعفوه بدل إزالته، لتبقى تقييماته في النتائج.
err-judge-not-scored = لم يقيّم عضو لجنة التحكيم هذا أي مشروع بعد: أزيلوه بدل إعفائه.
err-judge-retired = أُعفي عضو لجنة التحكيم هذا: تُحفظ تقييماته لكنه لم يعد يحكّم في هذه التظاهرة.
err-removed-from-role = أزالكم المنظمون من هذا الدور. اطلبوا منهم رابطاً جديداً.

## جائزة الجمهور
peoples-choice = جائزة الجمهور
vote-state-off = معطّل: لا جائزة للجمهور
vote-state-open = مفتوح: التصويت جارٍ
vote-state-closed = مغلق: تم العدّ ولا تغيير بعد الآن
vote-count = { $count ->
        [zero] لا صوت
        [one] صوت واحد
        [two] صوتان
        [few] { $count } أصوات
        [many] { $count } صوتاً
       *[other] { $count } صوت
    }
ticket-number = التذكرة رقم { $number }
vote-hint-one = المسوا المشروع الذي تفضّلونه. يمكنكم تغيير تصويتكم إلى أن يُغلق التصويت.
votes-left = { $count ->
        [one] بقي لكم صوت واحد. يمكنكم تغيير أصواتكم إلى أن يُغلق التصويت.
        [two] بقي لكم صوتان، صوت لكل مشروع. يمكنكم تغييرهما إلى أن يُغلق التصويت.
        [few] بقيت لكم { $count } أصوات، صوت لكل مشروع. يمكنكم تغييرها إلى أن يُغلق التصويت.
        [many] بقي لكم { $count } صوتاً، صوت لكل مشروع. يمكنكم تغييرها إلى أن يُغلق التصويت.
       *[other] بقي لكم { $count } صوت، صوت لكل مشروع. يمكنكم تغييرها إلى أن يُغلق التصويت.
    }
votes-all-used = استعملتم كل أصواتكم. اسحبوا صوتاً لاختيار مشروع آخر.
vote-closed-for-voters = أُغلق التصويت. شكراً على مشاركتكم!
vote-not-open-yet = لم يُفتح التصويت بعد. عودوا حين يفتحه المنظمون.
ballot-empty = لم يُقدَّم أي مشروع بعد.
vote-for = التصويت لهذا المشروع
withdraw-vote = سحب صوتي
your-vote = صوتكم
own-team-no-vote = مشروع فريقكم: لا يمكنكم التصويت له.
ticket-intro = تمنحكم هذه التذكرة صوتاً واحداً في جائزة الجمهور. تصلح مرة واحدة وعلى هاتف واحد: استعملوها على الهاتف الذي ستصوّتون به.
use-ticket = التصويت بهذه التذكرة
audience-intro = يصوّت المشاركون بحساباتهم، ولا يصوّتون أبداً لفريقهم؛ ويصوّت الزوار بتذكرة مطبوعة إن سمحتم بذلك. العدّ للمنظمين وحدهم. أغلقوا التصويت قبل نشر النتائج: تُنشر حينها جائزة الجمهور معها وتُكشف في الأخير.
peoples-choice-published = نُشرت جائزة الجمهور مع النتائج.
vote-settings = إعدادات التصويت
field-vote-state = التصويت
field-votes-each = عدد المشاريع التي يختارها كل مصوّت
field-tickets-vote = يمكن للزوار الحاملين لتذكرة التصويت
hint-tickets-vote = أنشئوا تذاكر أدناه واطبعوها وسلّموا واحدة لكل زائر عند المدخل. تصلح التذكرة مرة واحدة وفي متصفح واحد؛ وإن فقد هاتفٌ الجواب أثناء استعمالها، فأعطوا الزائر تذكرة أخرى وألغوا الأولى. تعطيل التذاكر يوقف التصويت الجديد بها؛ وتبقى الأصوات التي أُدلي بها بالتذاكر محسوبة إلى أن تلغوا تلك التذاكر.
live-tally = العدّ المباشر
tally-team = الفريق
votes = الأصوات
voters-and-votes = المصوّتون: { $voters } · الأصوات: { $votes }
tickets-title = تذاكر الزوار
ticket-counts = المُنشأة: { $made } · المستعملة: { $used } · الملغاة: { $void }
bulk-tickets-title = تذاكر يبدو أن شخصاً واحداً استعملها. راجعوها قبل النشر، وألغوها إن كان الأمر كذلك.
bulk-one-browser = { $count } تذاكر استُعملت في المتصفح نفسه، ابتداءً من { $first } خلال { $minutes } دقيقة:
bulk-one-address = { $count } تذاكر استُعملت من عنوان الشبكة نفسه، ابتداءً من { $first } خلال { $minutes } دقيقة (قد يتقاسم كثير من الزوار النزهاء شبكة Wi-Fi المكان):
field-ticket-count = عدد التذاكر
make-tickets = إنشاء تذاكر للطباعة
field-void-tickets = أرقام التذاكر المراد إلغاؤها
hint-void-tickets = مثل «12، 13، 40». تُحذف أصواتها ولا يمكن استعمالها بعد ذلك.
void-tickets = إلغاء هذه التذاكر
tickets-to-print = تذاكر للطباعة
hint-print-tickets = اطبعوا هذه الصفحة: تُطبع التذاكر وحدها، عدة تذاكر في الصفحة، للقص. تبقى الرموز في جلستكم الخاصة إلى أن تنشئوا تذاكر أخرى أو تنتهي الجلسة؛ ولا تحفظ التظاهرة إلا بصماتها.
print-last-tickets = { $count ->
        [zero] لا تذاكر للطباعة
        [one] طباعة التذكرة التي أُنشئت للتو
        [two] طباعة التذكرتين اللتين أُنشئتا للتو
        [few] طباعة التذاكر الـ{ $count } التي أُنشئت للتو
        [many] طباعة التذاكر الـ{ $count } التي أُنشئت للتو
       *[other] طباعة التذاكر الـ{ $count } التي أُنشئت للتو
    }
no-tickets-to-print = لا تذاكر للطباعة: أنشئوا بعضها في صفحة التصويت.
err-withdraw-results-first = جائزة الجمهور منشورة مع النتائج. اسحبوا النتائج أولاً، ثم غيّروا التصويت، وانشروا من جديد.
err-vote-own-team = لا يمكنكم التصويت لمشروع فريقكم.
err-no-votes-left = استعملتم كل أصواتكم. اسحبوا صوتاً أولاً.
err-ticket-numbers = أدخلوا أرقام التذاكر مفصولة بفواصل، مثل «12، 13».
err-ticket-voided = ألغى المنظمون هذه التذكرة.
err-tickets-not-accepted = لا يُقبل التصويت بالتذاكر في هذه التظاهرة.
err-vote-not-open = التصويت غير مفتوح.
err-vote-crossed = تغيّر تصويتكم على شاشة أخرى في الأثناء. أعيدوا تحميل الصفحة وحاولوا مجدداً.
err-ticket-unknown = هذه التذكرة غير صالحة. تحققوا من الرابط أو اسألوا عند المدخل.
err-participants-vote-themselves = يصوّت المشاركون بحساباتهم، لا بتذكرة.
err-ticket-used = استُعملت هذه التذكرة من قبل على هاتف آخر.
err-votes-already-cast = تمّ الإدلاء بأصوات: لم يعد ممكناً تغيير عدد الأصوات لكل مصوّت.
err-no-such-tickets = لم تبق أي تذكرة بهذه الأرقام لإلغائها.
err-close-vote-first = ما زال تصويت جائزة الجمهور مفتوحاً. أغلقوه أولاً كي يُنشر مع النتائج.

## بطاقات التقييم الورقية
paper-sheets-title = بطاقات التقييم الورقية
paper-sheets-intro = لأعضاء لجنة التحكيم الذين لا يستطيعون التقييم بالهاتف: اطبعوا بطاقاتهم (صفحة لكل مشروع، بترتيب جولتهم في القاعة). يفتح رمز QR في كل صفحة الاستمارة التي يُدخل فيها منظم البطاقة، ويذكر سجل التقييم من قام بذلك.
paper-sheets-for = بطاقات
all-judges = كل أعضاء اللجنة
show-sheets = عرض
no-sheets = لا يملك أي عضو في لجنة التحكيم بعد مشاريع لها شبكة تقييم.
sheet-judge = عضو اللجنة: { $name }
sheet-rubric-version = شبكة التقييم، الإصدار { $version }
sheet-circle-hint = ضعوا دائرة حول مستوى واحد لكل معيار.
sheet-signature = توقيع عضو لجنة التحكيم:
enter-this-sheet = إدخال هذه البطاقة
paper-entry-title = إدخال بطاقة ورقية
paper-saved = حُفظت: التقييم الآن في الإصدار { $version }.
paper-held-scored = سبق لعضو اللجنة هذا تقييم المشروع؛ إدخال البطاقة يعوّض ذلك التقييم.
paper-held-draft = بدأ عضو اللجنة هذا تقييم المشروع؛ إدخال البطاقة يعوّض تلك المسودة.
save-paper-sheet = حفظ البطاقة
paper-entered-by = أدخلها { $name } من الورق
key-in-against-current-rubric = إدخالها وفق شبكة التقييم المعمول بها
print-score-sheets = طباعة بطاقات التقييم الورقية
err-rubric-changed-since-printed = تغيّرت شبكة التقييم منذ طباعة هذه البطاقة: قد لا تعني مستوياتها الشيء نفسه. اطبعوا بطاقة جديدة، أو أدخلوا هذه البطاقة وفق الشبكة المعمول بها (أعيدوا تحميل هذه الاستمارة لإيجاد الرابط).
err-paper-score-changed = تغيّر تقييم عضو اللجنة منذ فتح هذه الاستمارة (من هاتفه أو من منظم آخر). لم يُحفظ شيء: أعيدوا تحميل الاستمارة لرؤيته.

## المنصة
stage-title = المنصة
stage-intro = يعرض المتأهلون للنهائي مشاريعهم واحدًا تلو الآخر: ضع كل مشروع على المنصة وشغّل مؤقت عرضه. يعرض جهاز العرض المشروع الذي على المنصة والوقت المتبقي، وكذلك منصة تقييم كل عضو في لجنة التحكيم مع رابط لتقييمه. تعدّ كل الشاشات تنازليًا معًا، ويصل الإيقاف المؤقت أو الاستئناف إليها جميعًا في آن واحد.
on-stage = على المنصة
nobody-on-stage = لا أحد على المنصة.
start-timer = تشغيل المؤقت
pause-timer = إيقاف المؤقت مؤقتًا
reset-timer = إعادة ضبط الوقت
next-on-stage = التالي: { $project }
clear-stage = إخلاء المنصة
lineup = ترتيب العروض
no-projects-to-pitch = لم يُقدَّم أي مشروع بعد.
pitched = عُرض
put-on-stage = ضعه على المنصة
pitch-length = مدة العرض
field-pitch-length = مدة العرض
hint-pitch-length = بالدقائق («5») أو بالدقائق والثواني («4:30»)، من 0:30 إلى 60. العرض الذي بدأ يحتفظ بوقته، ويأخذ العرض التالي المدة الجديدة.
score-this-pitch = قيّم هذا المشروع
pitch-not-yours = هذا المشروع ليس من المشاريع المسندة إليك.
err-nobody-on-stage = لا أحد على المنصة: ضع مشروعًا على المنصة أولًا.
err-pitch-length = أدخل الدقائق («5») أو الدقائق والثواني («4:30»)، من 0:30 إلى 60 دقيقة.

## ملاحظات تفيد الفرق
desk-feedback = ملاحظات للفريق
hint-desk-feedback = يقرؤها الفريق بعد نشر النتائج، إن سمح المنظمون بذلك، دون اسمك.
hint-desk-notes = لا يقرؤها إلا المنظمون.
teams-see-after-publication = ما يراه كل فريق من نتيجته بعد نشر النتائج
field-show-rank = ترتيبه العام وترتيبه في مساره
field-show-marks = معدل نقطته في كل معيار
your-marks = نقاطكم
criterion = المعيار
average-mark = المعدل
mark-scale = السلم

## شهادات المشاركة
certificate-title = شهادة مشاركة
certificate-certifies = نشهد بأن
certificate-took-part = شارك في { $event } ({ $dates })
certificate-team = ضمن فريق { $team }
certificate-project = بمشروع «{ $title }»
certificate-distinctions = التميزات
certificate-check-at = تحقق من هذه الشهادة على:
certificate-print-hint = للاحتفاظ بها، استعمل الطباعة في متصفحك واختر «حفظ بصيغة PDF».
all-certificates = شهادات المشاركة
certificates-count = الشهادات: { $count }.
certificate-genuine = هذه الشهادة أصلية: أصدرها حَكَم لفائدة { $event }. وهي تعكس الحدث كما هو اليوم.
distinction-first = المرتبة الأولى
distinction-second = المرتبة الثانية
distinction-third = المرتبة الثالثة
distinction-track-winner = الفائز في مسار { $track }
distinction-peoples-choice = جائزة الجمهور
err-certificates-not-yet = تصبح الشهادات جاهزة بعد نشر النتائج والكشف عنها كاملة.
my-certificate = شهادة مشاركتك

## The help desk on the day
help-position = مكانكم في الطابور: { $position }
help-estimate = يُتوقع أن يصلكم مؤطر خلال { $minutes } دقيقة تقريباً.
help-no-estimate = لا تقدير بعد: لم يُحلّ أي طلب خلال الساعة الأخيرة.
help-claim-limit = الطلب الذي يحتفظ به مؤطر { $minutes } دقيقة دون حلّه أو إرجاعه يعود إلى الطابور.
help-expired = عاد «{ $topic }» ({ $team }) إلى الطابور: احتفظت به أكثر من { $minutes } دقيقة دون حلّه أو إرجاعه.
help-settings = إعدادات مكتب المساعدة
field-claim-minutes = الدقائق التي يمكن للمؤطر الاحتفاظ فيها بطلب
err-claim-minutes = أدخل عدداً صحيحاً من الدقائق، من 5 إلى 240.
err-mentor-busy = هذا المؤطر يساعد فريقاً آخر حالياً.
mentors-load = المؤطرون
mentor-busy = يساعد: { $what }
mentor-idle = متفرغ منذ { $minutes } دقيقة
mentor-idle-never = متفرغ، لم يحلّ أي طلب بعد
resolved-last-hour = طلبات حُلّت خلال الساعة الأخيرة: { $count }
field-hand-to = إرسال مؤطر
hand-request = إرسال
mentored-assigned = مؤطر معيَّن
mentored-at-help-desk = ساعد في مكتب المساعدة
mentored-in-session = عقد جلسة
does-not-judge-mentored = لا يقيّم الفرق التي أطّرها:
my-day-title = يومي
day-help-desk = مكتب المساعدة
day-holding = أنت تساعد منذ { $held } دقيقة؛ يعود الطلب إلى الطابور بعد { $left } دقيقة ما لم تحلّه أو تُرجعه.
day-waiting = فرق تنتظر المساعدة: { $count }
day-free-slot = غير محجوز
day-teams = الفرق التي تؤطرها
day-table = الطاولة { $table }
day-no-judging = لا تقيّم الفرق التي أطّرتها، أينما أطّرتها.

## Check-in at the venue
checkin-title = تسجيل الحضور
checkin-teams-here = الفرق الحاضرة: { $here } / { $of }
checkin-people-here = الأشخاص الحاضرون: { $here } / { $of }
checkin-scan-hint = يمسح المشاركون هذا الرمز بهواتفهم، بعد تسجيل الدخول، لتسجيل حضورهم.
checkin-renew-code = إنشاء رمز جديد (يتوقف الرمز القديم عن العمل)
checkin-make-code = إنشاء رمز لتسجيل الحضور
checkin-export = قائمة الحضور (CSV)
checkin-no-team = بدون فريق
checkin-here = حاضر
checkin-not-here = غائب
checkin-since-scanned = حاضر منذ { $at } (مسح الرمز)
checkin-since-ticked = حاضر منذ { $at } (سجّله منظم)
checkin-mark = حاضر
checkin-undo = تراجع
checkin-you-are-here = تم تسجيل حضورك (منذ { $at }).
checkin-im-here = أنا هنا
checkin-back = العودة إلى الفعالية
err-checkin-code = رمز تسجيل الحضور هذا لم يعد صالحاً. اطلب الرمز الحالي من المنظمين.
field-present-only = الفرق الحاضرة في المكان فقط
hint-present-only = لا تحصل مشاريع الفرق الغائبة على حكام جدد؛ ويُحتفظ بالحكام المعيَّنين لها.

# Rooms and tables
rooms-title = القاعات والطاولات
rooms-hint = سمّوا القاعات بالترتيب الذي يمرّ به الحكام. تعرض هواتف الحكام مشاريعهم بهذا الترتيب، قاعة بعد قاعة والطاولات حسب أرقامها، وتبيّن مكان المشروع التالي.
field-room-name = اسم القاعة
field-room-capacity = عدد الطاولات في القاعة
hint-room-capacity = اتركوه فارغًا بلا حدّ.
add-room = إضافة القاعة
remove-room = حذف القاعة
room-tables-used = الطاولات المشغولة: { $placed } / { $capacity }
room-tables-used-any = الطاولات المشغولة: { $placed }
place-auto-title = توزيع المشاريع تلقائيًا
hint-place-auto = توزَّع المشاريع التي بلا قاعة مسارًا بعد مسار، ويبقى كل مسار مجتمعًا، على طاولات مرقّمة بترتيب المرور بعد الطاولات المشغولة.
field-place-again = إعادة توزيع كل المشاريع (تُستبدل الأماكن المحددة يدويًا)
place-auto = توزيع المشاريع
place-title = المشاريع وأماكنها
judge-rooms = القاعات (دون تحديد: كل القاعات)
field-room = القاعة
no-room = بلا قاعة
room-map = خريطة القاعات
room-map-hint = اطبعوا هذه الصفحة: كل قاعة في ورقة خاصة بها.
not-placed = لم توزَّع بعد
err-room-name-taken = توجد قاعة أخرى بهذا الاسم في هذه الفعالية.
err-no-rooms = أضيفوا قاعة أولًا.
err-rooms-too-small = الطاولات الشاغرة لا تكفي: ينقص { $missing }. زيدوا طاولات قاعة أو أضيفوا قاعة؛ لم يوزَّع أي مشروع.

## مواعيد العروض
slots-title = مواعيد العروض
slots-hint = تنال كل مهمة تحكيم موعدًا، دون أن يُحجز حَكَم أو فريق مرتين، ويتنقّل كل حَكَم بين قاعاته بالترتيب، مع استراحة بعد عدد من العروض. عند إعادة إعداد الجدول بعد التغييرات تبقى المواعيد المقيَّمة والجارية في مكانها.
field-slots-start = أول عرض في
field-slot-length = مدة الموعد
hint-slot-length = بالدقائق («7») أو بالدقائق والثواني («6:30»)، من 0:30 إلى 60.
field-break-every = استراحة بعد كل … مواعيد
hint-break-every = 0 أو فارغ: بلا استراحة.
field-break-minutes = مدة الاستراحة (بالدقائق)
hint-slots-present-only = الفرق غير المسجَّل حضورها لا تنال موعدًا وتفقد مواعيدها غير المقيَّمة؛ أعيدوا إعداد الجدول عند وصولها.
slots-make = إعداد الجدول
slots-make-again = إعادة إعداد الجدول
slots-clear = إزالة المواعيد غير المقيَّمة بعد
slots-unscheduled = { $count ->
        [one] مهمة واحدة بلا موعد بعد: أعيدوا إعداد الجدول.
        [two] مهمتان بلا موعد بعد: أعيدوا إعداد الجدول.
        [few] { $count } مهام بلا موعد بعد: أعيدوا إعداد الجدول.
        [many] { $count } مهمة بلا موعد بعد: أعيدوا إعداد الجدول.
       *[other] { $count } مهمة بلا موعد بعد: أعيدوا إعداد الجدول.
    }
slot-time = الوقت
slot-state-head = الحالة
slot-none = بلا موعد
slot-later = لاحقًا
slot-now = جارٍ
slot-late = متأخر
slot-scored = مقيَّم
slot-absent = الفريق غائب
slot-team-absent = { $count ->
        [one] سُجّل غيابه مرة
        [two] سُجّل غيابه مرتين
        [few] سُجّل غيابه { $count } مرات
       *[other] سُجّل غيابه { $count } مرة
    }
slot-move = تأجيل
team-slots-title = الحكام عند طاولتكم
team-slot-next = دوركم الآن: حَكَم في الطريق إليكم.
team-slot-line = حَكَم عند طاولتكم على الساعة { $time }
desk-slot = موعدك: { $time }
desk-slot-before = قبل البدء
desk-slot-left = متبقٍّ
err-slot-done = هذا الموعد مقيَّم؛ يبقى في مكانه.
err-no-slots = أعدّوا الجدول أولًا.
place-list-title = التوزيع من قائمة
hint-place-list = مشروع في كل سطر: رمزه ثم قاعته ثم طاولته (P007، Salle B، 14)، منسوخة من جدول بيانات أو ملف CSV. يُتجاهل سطر أول بأسماء الأعمدة؛ والقاعة الفارغة تُخرج المشروع من قاعته. تُطبَّق القائمة كاملة أو لا تُطبَّق.
field-places = الأماكن
place-list = توزيع المشاريع المدرجة
err-place-row = الأسطر { $lines }: يحمل كل سطر رمز مشروع ثم قاعة وطاولة (40 حرفًا على الأكثر).
err-place-code = الأسطر { $lines }: لا يوجد مشروع مقدَّم في هذه الفعالية بهذا الرمز.
err-place-room = الأسطر { $lines }: لا توجد قاعة بهذا الاسم في هذه الفعالية.
err-place-twice = الأسطر { $lines }: مشروع مذكور مرتين، أو طاولته مشغولة في تلك القاعة.
err-place-full = { $room } لا تكفي طاولاتها لهذه القائمة؛ لم يوزَّع أي مشروع.
room-plan-of = مخطط { $room }
field-room-plan = مخطط القاعة (صورة، 3 ميغابايت على الأكثر)
remove-plan = إزالة المخطط
