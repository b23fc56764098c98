# Rapport clinician's view: Arabic, translated from the English reference (locales/en/clinician.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: simple Modern Standard Arabic, short and factual, for clinic staff. The clinician is
# not addressed with gendered forms where it can be avoided ("يرجى" + verbal noun). Right to
# left; names and ids are isolated by Fluent. "Alert" is "تنبيه" (a prompt to talk, not an alarm).

brand = Rapport للمعالِجين

signed-out-heading = يرجى تسجيل الدخول لرؤية المرضى
signed-out-text = يرجى استخدام حساب العيادة. بعد تسجيل الدخول تعود الصفحة إلى هنا.
sign-in-link = تسجيل الدخول

signed-in-heading = تم تسجيل الدخول
signed-in-text = تم تسجيل دخولك. صفحة البداية تُفتح الآن.
continue-link = متابعة

signed-in-as = تم تسجيل الدخول باسم { $name }
scope-care-team = تظهر هنا بيانات المرضى الذين يذكر فريق رعايتهم اسمك.
scope-whole-clinic = تظهر هنا بيانات جميع مرضى العيادة.
sign-out-button = تسجيل الخروج

signed-out-done-heading = تم تسجيل الخروج
signed-out-done-text = تم تسجيل خروجك من Rapport.

provider-down-heading = تسجيل الدخول غير متاح الآن
provider-down-text = لا يمكن الوصول إلى خدمة تسجيل الدخول في العيادة. يرجى المحاولة بعد بضع دقائق. إذا تكرر ذلك، يرجى إبلاغ الدعم التقني في العيادة.

sign-in-failed-heading = لم ينجح تسجيل الدخول
sign-in-failed-text = تعذّر التحقق من رد خدمة تسجيل الدخول في العيادة، لذلك لم يتم تسجيل دخولك. يرجى البدء من جديد.
sign-in-expired-text = استغرق تسجيل الدخول هذا وقتًا طويلًا أو بدأ في مكان آخر، لذلك لم يتم تسجيل دخولك. يرجى البدء من جديد.
sign-in-refused-text = لم تسجّل خدمة الدخول في العيادة دخولك. يرجى البدء من جديد أو سؤال الدعم التقني في العيادة.

csrf-heading = انتهت صلاحية هذا النموذج
csrf-text = لم يتغير شيء: كان النموذج قديمًا جدًا أو لم يأتِ من هذه الصفحة. يرجى العودة إلى صفحة البداية والمحاولة مرة أخرى.

storage-heading = حدث خطأ من جهتنا
storage-text = لم يتمكن المُستقبِل من الوصول إلى قاعدة بياناته. يرجى المحاولة بعد دقيقة.

start-link = العودة إلى صفحة البداية

caseload-heading = مرضاك
caseload-patient = المريض
caseload-last-answered = آخر إجابة
caseload-scores = آخر الدرجات
caseload-flags = التنبيهات المفتوحة
caseload-none = لا شيء
caseload-empty = لم يُجب أيٌّ من مرضاك بعد.
# الدرجة الرئيسية لاستبيان في قائمة المرضى، مثل "بعد جلستك: 14 من 40".
caseload-score-of = { $title }: { $value } من { $high }
# الشيء نفسه لدرجة بلا نطاق معروف.
caseload-score = { $title }، { $score }: { $value }

## Patient page

patient-not-found-heading = المريض غير موجود
patient-not-found-text = لا يوجد في هذا العنوان مريض يُسمح لك برؤيته. يرجى العودة إلى قائمة المرضى.
patient-back-link = العودة إلى قائمة المرضى
patient-empty = لا توجد إجابات لهذا المريض بعد.
patient-bundle-link = تنزيل هذه الإجابات لنظام سجلات صحية آخر (FHIR، JSON)
patient-scores-heading = الدرجات عبر الزمن
patient-items-heading = الإجابات، سؤالًا بسؤال
patient-flag-key = يشير شكل المُعيَّن إلى جلسة أثارت تنبيهًا في هذه الدرجة.
patient-numbers = عرض الأرقام
patient-date = التاريخ
patient-value = الدرجة
patient-flags = التنبيهات
patient-none = لا شيء
patient-not-scored = لم تُحسب الدرجة (إجابات قليلة جدًا)
patient-item = السؤال
patient-trend = التغيّر من أول درجة إلى آخر درجة
patient-reversed = تُحسب بشكل معكوس: الإجابة الأقل تعطي نقاطًا أكثر.
patient-trend-up = ارتفاع بمقدار { $by }
patient-trend-down = انخفاض بمقدار { $by }
patient-trend-same = لا تغيير
patient-language = لغة الإجابة
patient-language-status = { $language } ({ $status })
patient-status-source = النص الأصلي
patient-status-reviewed = ترجمة مُراجَعة
patient-status-draft = مسودة آلية، غير مُراجَعة
patient-status-definition = نص العيادة الخاص
patient-status-unknown = حالة الترجمة غير معروفة
patient-yes = نعم
patient-no = لا
# Between the answers of a question that takes several (check boxes).
patient-list-separator = { "؛ " }
patient-chart-summary = { $score }: عدد الجلسات { $count }، الأولى { $first } في { $first-date }، والأخيرة { $last } في { $last-date }. النطاق الممكن من { $low } إلى { $high }.
patient-chart-empty = { $score }: لا توجد قيمة بعد.
patient-threshold-below = يشير الخط عند { $value } إلى التنبيه "{ $flag }": يظهر عندما تكون الدرجة أقل من { $value }.
patient-threshold-at-or-below = يشير الخط عند { $value } إلى التنبيه "{ $flag }": يظهر عندما تكون الدرجة { $value } أو أقل.

## Exports

exports-heading = التصدير
exports-text = تنزيل إجابات المرضى، ملف واحد لكل استبيان، لفتحه في برنامج جداول بيانات. تحتوي الملفات على معلومات صحية: يرجى حفظها فقط حيث تحفظ العيادة سجلات المرضى.
exports-csv-link = { $instrument } (جدول بيانات، CSV)
export-not-found-heading = غير موجود
export-not-found-text = لا يوجد ما يمكن تصديره في هذا العنوان، أو أنه غير متاح لك. يرجى العودة إلى صفحة البداية والاختيار مرة أخرى.

## Alerts
# التنبيهات في صفحة البداية: تنبيهات أثارتها إجابات المرضى (كما يحددها الاستبيان)
# والمرضى الذين توقفوا عن الإجابة. دعوة إلى الحديث، وليست تشخيصًا.

alerts-heading = التنبيهات المفتوحة
alerts-intro = الأهم أولًا، ثم الأحدث. التنبيه دعوة إلى الحديث مع المريض، وليس تشخيصًا. يرجى وضع علامة "تمت المراجعة" بعد الاطلاع عليه.
alerts-empty = لا توجد تنبيهات مفتوحة.
alert-severity = الأهمية
alert-severity-high = عالية
alert-severity-moderate = متوسطة
alert-severity-low = منخفضة
alert-detail = { $score }: { $value }. يظهر { $rule }.
alert-detail-no-rule = { $score }: { $value }.
alert-no-value = لم تُحسب
alert-rule-score-below = عندما تكون أقل من { $threshold }
alert-rule-score-at-or-below = عندما تكون { $threshold } أو أقل
alert-rule-item-at-or-below = عندما تكون إجابة ما { $threshold } أو أقل
alert-rule-item-at-minimum = عندما تكون إجابة ما عند أدنى نقطة في مقياسها
alert-rule-drop = عندما تنخفض بمقدار { $threshold } أو أكثر منذ الإجابات السابقة
alert-quiet = { $weeks ->
    [zero] لا إجابات منذ { $weeks } أسبوع
    [one] لا إجابات منذ { $weeks } أسبوع
    [two] لا إجابات منذ { $weeks } أسبوع
    [few] لا إجابات منذ { $weeks } أسابيع
    [many] لا إجابات منذ { $weeks } أسبوعًا
   *[other] لا إجابات منذ { $weeks } أسبوع
}
alert-quiet-detail = عدد الإجابات السابقة: { $count }، وآخرها في { $date }.
alert-quiet-reviewed = لا إجابات بعد { $date }
alert-review-summary = وضع علامة "تمت المراجعة"
alert-note-label = ملاحظة (اختيارية)
alert-note-hint = حتى { $max } حرف. يمكن للزملاء الذين يرون هذا المريض قراءتها.
alert-review-button = وضع علامة "تمت المراجعة"
alert-no-note = لا توجد ملاحظة.
alerts-reviewed-heading = تمت مراجعتها مؤخرًا
alerts-reviewed-empty = لم تتم مراجعة أي تنبيه بعد.
alert-reviewed-by = تمت المراجعة بواسطة { $name } في { $when }
alert-note-too-long-heading = الملاحظة طويلة جدًا
alert-note-too-long-text = لم يُحفظ شيء: يمكن أن تحتوي الملاحظة على 2000 حرف كحد أقصى. يرجى العودة وتقصيرها والمحاولة مرة أخرى.
alert-gone-heading = هذا التنبيه ليس مفتوحًا
alert-gone-text = لم يُحفظ شيء: هذا التنبيه ليس من التنبيهات المفتوحة لمرضاك. يرجى العودة إلى صفحة البداية لرؤيتها.

# تسميات تنبيهات الاستبيانات المرفقة: flag-<questionnaire>-<flag>.
flag-session-checkin-lowest-point = إجابة عند أدنى نقطة
flag-session-checkin-dropped = انخفاض منذ المرة السابقة
flag-working-together-lowest-point = إجابة عند أدنى نقطة
flag-working-together-dropped = انخفاض منذ المرة السابقة
flag-psychiatry-relationship-lowest-point = إجابة عند أدنى نقطة
flag-psychiatry-relationship-dropped = انخفاض منذ المرة السابقة
