# Rapport widget strings: Arabic, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: simple Modern Standard Arabic, polite and warm. The patient is never addressed with a
# gendered verb or adjective: requests use "يرجى" + verbal noun (يرجى الإجابة…), and the button
# says "إرسال إجاباتي". Arabic script, right to left; no bidi control characters (the widget
# isolates placeables). Numbers in examples are ASCII digits with "." as the decimal mark.
# Plurals: CLDR categories zero, one, two, few, many, other, all written with { $count } / { $max }:
# the noun is singular after 0, 1, 2 and 100+ (سؤال), plural after 3–10 (أسئلة) and singular
# accusative after 11–99 (سؤالًا). For zero, questions-left and characters-left use a
# "label: number" form. Reviewer: check the one/two forms ("بقي 1 سؤال", "بقي 2 سؤال"), which
# follow common UI usage with digits rather than "سؤال واحد" / "سؤالان".
# "Care team" = "فريق الرعاية الخاص بك".

# The language's own name, shown in the language switcher.
language-name = العربية

language-label = اللغة
required-mark = (مطلوب)
optional-mark = (اختياري)

# Progress above the questions, e.g. "3 of 12 answered".
progress = تمت الإجابة عن { $answered } من { $total }
questions-left = { $count ->
    [zero] الأسئلة المتبقية: { $count }
    [one] بقي { $count } سؤال
    [two] بقي { $count } سؤال
    [few] بقيت { $count } أسئلة
    [many] بقي { $count } سؤالًا
   *[other] بقي { $count } سؤال
}

privacy-note = تُرسَل إجاباتك إلى فريق الرعاية الخاص بك. وهي تساعدك أنت وفريق الرعاية على الحديث عن سير عملكم معًا.

submit = إرسال إجاباتي
try-again = إعادة المحاولة
sending = جارٍ إرسال إجاباتك…
sent-title = شكرًا لك
sent-body = تم إرسال إجاباتك إلى فريق الرعاية الخاص بك.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = درجاتك
score-out-of = { $value } من { $high }
scores-note = تأتي هذه الأرقام من إجاباتك. وهي ليست نتيجة اختبار. يراها فريق الرعاية الخاص بك أيضًا، ويمكن أن تساعدك أنت وفريق الرعاية على الحديث معًا عن سير الأمور.
failed-network = لم نتمكن من إرسال إجاباتك. يرجى التحقق من اتصالك بالإنترنت ثم المحاولة مرة أخرى. إجاباتك ما زالت هنا.
failed-server = لم نتمكن من إرسال إجاباتك الآن. يرجى المحاولة مرة أخرى بعد قليل. إجاباتك ما زالت هنا.
failed-rejected = تعذّر قبول إجاباتك. يرجى إخبار فريق الرعاية الخاص بك. إجاباتك ما زالت هنا.

# Shown while a send waits to be retried; the answers are stored on this device.
queued-offline = إجاباتك محفوظة على هذا الجهاز. سنرسلها عندما يعود اتصالك بالإنترنت.
queued-retry = لم نتمكن من إرسال إجاباتك حتى الآن. وهي محفوظة على هذا الجهاز، وسنحاول مرة أخرى قريبًا.
# Shown after a page reload brought back answers given earlier.
draft-restored = احتفظنا بإجاباتك السابقة، لذا يمكنك المتابعة من حيث توقفت.
# Shown under the privacy note when the widget stores nothing (shared devices).
privacy-none = لا يُحفَظ على هذا الجهاز أي شيء يُكتب هنا.

error-summary-title = { $count ->
    [zero] يرجى مراجعة { $count } إجابة
    [one] يرجى مراجعة { $count } إجابة
    [two] يرجى مراجعة { $count } إجابة
    [few] يرجى مراجعة { $count } إجابات
    [many] يرجى مراجعة { $count } إجابةً
   *[other] يرجى مراجعة { $count } إجابة
}

issue-required = يرجى الإجابة عن هذا السؤال.
issue-below-min = يرجى كتابة رقم يساوي { $min } أو أكثر.
issue-above-max = يرجى كتابة رقم يساوي { $max } أو أقل.
issue-too-long = { $max ->
    [zero] يرجى استخدام { $max } حرف أو أقل.
    [one] يرجى استخدام { $max } حرف أو أقل.
    [two] يرجى استخدام { $max } حرف أو أقل.
    [few] يرجى استخدام { $max } أحرف أو أقل.
    [many] يرجى استخدام { $max } حرفًا أو أقل.
   *[other] يرجى استخدام { $max } حرف أو أقل.
}
issue-too-short = { $min ->
    [zero] يرجى كتابة { $min } حرف على الأقل.
    [one] يرجى كتابة { $min } حرف على الأقل.
    [two] يرجى كتابة { $min } حرف على الأقل.
    [few] يرجى كتابة { $min } أحرف على الأقل.
    [many] يرجى كتابة { $min } حرفًا على الأقل.
   *[other] يرجى كتابة { $min } حرف على الأقل.
}
issue-no-match = يرجى التحقق من هذه الإجابة. طريقة كتابتها لا تناسب ما يحتاجه هذا السؤال.
issue-no-match-example = يرجى كتابة هذه الإجابة بهذا الشكل: { $example }
issue-not-whole-number = يرجى كتابة عدد صحيح بدون كسور، مثل 3.
issue-not-number = يرجى كتابة رقم، مثل 3 أو 3.5.
issue-wrong-type = يرجى اختيار إجابة من الإجابات.
issue-not-date = يرجى كتابة تاريخ كامل: اليوم والشهر والسنة.
issue-not-time = يرجى كتابة وقت: الساعات والدقائق.
issue-not-date-time = يرجى كتابة تاريخ كامل ووقت.
issue-no-unit = يرجى كتابة الوحدة أيضًا، مثل أيام أو كغ.

option-own-words = شيء آخر

characters-left = { $count ->
    [zero] الأحرف المتبقية: { $count }
    [one] بقي { $count } حرف
    [two] بقي { $count } حرف
    [few] بقيت { $count } أحرف
    [many] بقي { $count } حرفًا
   *[other] بقي { $count } حرف
}

yes = نعم
no = لا
# What a screen reader says for one number of a 0 to 10 row, e.g. "5 من 10".
scale-value = { $value } من { $max }

group-number = { $number } من { $count }
group-add = إضافة واحد آخر
group-remove = حذف هذا
group-remove-confirm = هل تريد إزالة هذا مع إجاباته؟
group-remove-yes = نعم، أزله
group-remove-no = لا، احتفظ به

link-new-tab = يُفتح في علامة تبويب جديدة
calculated-note = محسوب من إجاباتك.
calculated-pending = يظهر بعد أن تجيب عن الأسئلة التي يعتمد عليها.
quantity-unit = الوحدة

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = عذرًا، لا يمكن عرض هذا الاستبيان الآن.
config-error-help = يرجى إخبار فريق الرعاية الخاص بك. تفاصيل تقنية لفريق الموقع الإلكتروني في العيادة:
