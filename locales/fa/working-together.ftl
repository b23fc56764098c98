# Rapport questionnaire "working-together" 1.0.0: Persian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "شما" with a warm, everyday tone (the questions themselves are in the first
# person). "My clinician" is "درمانگرم", a general word for whoever treats you that has no
# grammatical gender (Persian has none). "Therapist" is "روان‌درمانگر". Script: Persian
# (Perso-Arabic), right to left, with the zero-width non-joiner where standard spelling needs it.
# No plural selectors in this file (Persian has the CLDR categories one and other). Plain
# everyday words, reading age 9 to 11. Not a validated psychometric instrument; no clinical
# cut-offs. This draft has not been through forward and back translation or cognitive debriefing.
# Reviewer: "درمانگرم" as the general word (some patients may expect "دکترم" or "مشاورم");
# "قضاوت می‌کند" for "judged".

instrument-title = با هم کار کردن
instrument-intro = این سؤال‌ها درباره‌ی این است که شما و درمانگرتان چطور با هم کار می‌کنید. پاسخ‌های شما به تیم درمانتان کمک می‌کند ببیند چه چیزهایی خوب پیش می‌رود و چه چیزهایی می‌تواند بهتر شود.
instrument-notice = این امتحان نیست. پاسخ درست یا غلط وجود ندارد. این سؤال‌ها در مطالعات پژوهشی آزمایش نشده‌اند.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = اعتماد
score-goals = هدف‌های ما
score-tasks = روش کار ما
score-total = با هم کار کردن به‌طور کلی

item-about-clinician = در اینجا، «درمانگرم» یعنی پزشک، روان‌درمانگر یا پرستاری که به او مراجعه می‌کنید.

# Trust (bond).
item-part-bond = من و درمانگرم
item-lets-me-finish = درمانگرم می‌گذارد حرفم را تمام کنم.
item-notices-upset = درمانگرم وقتی ناراحتم، متوجه می‌شود.
item-kind = درمانگرم با من مهربان است.
# Reverse-scored.
item-judged = احساس می‌کنم درمانگرم درباره‌ی من قضاوت می‌کند.

# Shared goals.
item-part-goals = هدف‌های ما
item-asks-what-i-want = درمانگرم از من می‌پرسد که می‌خواهم از کارمان با هم چه چیزی به دست بیاورم.
item-goals-clear = می‌توانم با کلمه‌های خودم بگویم هدف‌هایمان چیست.
item-what-matters = کارمان درباره‌ی چیزهایی است که برایم از همه مهم‌ترند.
item-goals-change = وقتی زندگی‌ام تغییر می‌کند، دوباره به هدف‌هایم نگاه می‌کنیم.

# Agreement on how we work (tasks).
item-part-tasks = روش کار ما
item-makes-sense = می‌فهمم چرا در جلسه‌هایمان این کارها را انجام می‌دهیم.
item-between-sessions = کمک می‌کنم انتخاب کنیم که بین جلسه‌ها چه چیزی را امتحان کنم.
item-say-not-helping = وقتی کاری که انجام می‌دهیم کمکی نمی‌کند، می‌توانم این را بگویم.
item-asks-how-it-goes = درمانگرم از من می‌پرسد کارمان چطور پیش می‌رود.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = هیچ‌وقت
option-how-often-5-rarely = به‌ندرت
option-how-often-5-sometimes = گاهی
option-how-often-5-often = اغلب
option-how-often-5-always = همیشه
