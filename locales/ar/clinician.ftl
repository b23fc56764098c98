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
