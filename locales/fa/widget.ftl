# Rapport widget strings: Persian, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "شما" with a warm, everyday tone (as in an Iranian clinic), not literary.
# Script: Persian (Perso-Arabic), right to left, with the zero-width non-joiner (نیم‌فاصله) where
# standard spelling needs it (پاسخ‌ها، می‌کند). No bidi control characters (the widget isolates
# placeables). Numbers in examples are ASCII digits with the Persian decimal mark "٫" (3٫5).
# Plurals: CLDR categories one (0 and 1) and other. Persian nouns stay singular after a number,
# so both variants read the same and always use { $count } / { $max }.
# "Care team" = "تیم درمان". Reviewer: "عدد بدون اعشار" for "whole number" (عدد صحیح could be
# read as "correct number"); "حرف" for "character".

# The language's own name, shown in the language switcher.
language-name = فارسی

language-label = زبان
required-mark = (الزامی)
optional-mark = (اختیاری)

# Progress above the questions, e.g. "3 of 12 answered".
progress = { $answered } از { $total } پاسخ داده شده
questions-left = { $count ->
    [one] { $count } سؤال باقی مانده
   *[other] { $count } سؤال باقی مانده
}

privacy-note = پاسخ‌های شما برای تیم درمانتان فرستاده می‌شود. این پاسخ‌ها به شما و تیم درمانتان کمک می‌کند درباره‌ی اینکه کارتان با هم چطور پیش می‌رود، صحبت کنید.

submit = ارسال پاسخ‌هایم
try-again = دوباره امتحان کنید
sending = در حال ارسال پاسخ‌های شما…
sent-title = متشکریم
sent-body = پاسخ‌های شما برای تیم درمانتان ارسال شد.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = نمره‌های شما
score-out-of = { $value } از { $high }
scores-note = این عددها از پاسخ‌های شما به دست آمده‌اند. این عددها نتیجه‌ی آزمایش نیستند. تیم درمانتان هم آن‌ها را می‌بیند و این عددها می‌توانند به شما و تیم درمانتان کمک کنند درباره‌ی اینکه همه‌چیز چطور پیش می‌رود، با هم صحبت کنید.
failed-network = نتوانستیم پاسخ‌های شما را ارسال کنیم. لطفاً اتصال اینترنت خود را بررسی کنید و دوباره امتحان کنید. پاسخ‌هایتان هنوز اینجا هستند.
failed-server = فعلاً نتوانستیم پاسخ‌های شما را ارسال کنیم. لطفاً چند لحظه دیگر دوباره امتحان کنید. پاسخ‌هایتان هنوز اینجا هستند.
failed-rejected = پاسخ‌های شما پذیرفته نشد. لطفاً به تیم درمانتان اطلاع دهید. پاسخ‌هایتان هنوز اینجا هستند.

# Shown while a send waits to be retried; the answers are stored on this device.
queued-offline = پاسخ‌های شما روی این دستگاه ذخیره شده‌اند. وقتی دوباره به اینترنت وصل شدید، آن‌ها را ارسال می‌کنیم.
queued-retry = هنوز نتوانسته‌ایم پاسخ‌های شما را ارسال کنیم. پاسخ‌هایتان روی این دستگاه ذخیره شده‌اند و به‌زودی دوباره تلاش می‌کنیم.
# Shown after a page reload brought back answers given earlier.
draft-restored = پاسخ‌هایی را که قبلاً داده بودید نگه داشتیم تا بتوانید از همان جایی که مانده بودید ادامه دهید.
# Shown under the privacy note when the widget stores nothing (shared devices).
privacy-none = هرچه اینجا می‌نویسید، روی این دستگاه ذخیره نمی‌شود.

error-summary-title = { $count ->
    [one] لطفاً { $count } پاسخ را بررسی کنید
   *[other] لطفاً { $count } پاسخ را بررسی کنید
}

issue-required = لطفاً به این سؤال پاسخ دهید.
issue-below-min = لطفاً عددی برابر با { $min } یا بیشتر بنویسید.
issue-above-max = لطفاً عددی برابر با { $max } یا کمتر بنویسید.
issue-too-long = { $max ->
    [one] لطفاً حداکثر { $max } حرف بنویسید.
   *[other] لطفاً حداکثر { $max } حرف بنویسید.
}
issue-too-short = { $min ->
    [one] لطفاً دست‌کم { $min } حرف بنویسید.
   *[other] لطفاً دست‌کم { $min } حرف بنویسید.
}
issue-no-match = لطفاً این پاسخ را بررسی کنید. آن‌طور که این سؤال لازم دارد نوشته نشده است.
issue-no-match-example = لطفاً پاسخ را این‌طور بنویسید: { $example }
issue-not-whole-number = لطفاً یک عدد بدون اعشار بنویسید، مثل 3.
issue-not-number = لطفاً یک عدد بنویسید، مثل 3 یا 3٫5.
issue-wrong-type = لطفاً یکی از پاسخ‌ها را انتخاب کنید.
issue-not-date = لطفاً یک تاریخ کامل بنویسید: روز، ماه و سال.
issue-not-time = لطفاً یک زمان بنویسید: ساعت و دقیقه.
issue-not-date-time = لطفاً یک تاریخ کامل و یک زمان بنویسید.
issue-no-unit = لطفاً واحد را هم بنویسید، مثل روز یا کیلوگرم.

option-own-words = چیز دیگری

characters-left = { $count ->
    [one] { $count } حرف باقی مانده
   *[other] { $count } حرف باقی مانده
}

yes = بله
no = نه
# What a screen reader says for one number of a 0 to 10 row, e.g. "5 از 10".
scale-value = { $value } از { $max }

group-number = { $number } از { $count }
group-add = افزودن یکی دیگر
group-remove = حذف این مورد
group-remove-confirm = این مورد و پاسخ‌هایش حذف شود؟
group-remove-yes = بله، حذف شود
group-remove-no = نه، بماند

link-new-tab = در زبانه‌ای تازه باز می‌شود
calculated-note = از پاسخ‌های شما محاسبه شده است.
calculated-pending = پس از پاسخ دادن به پرسش‌هایی که به آن‌ها نیاز دارد، نشان داده می‌شود.
quantity-unit = واحد

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = متأسفیم، الان نمی‌توانیم این پرسشنامه را نشان دهیم.
config-error-help = لطفاً به تیم درمانتان اطلاع دهید. جزئیات فنی برای تیم وب کلینیک:
