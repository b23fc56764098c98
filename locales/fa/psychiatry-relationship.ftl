# Rapport questionnaire "psychiatry-relationship" 1.0.0: Persian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "شما" with a warm, everyday tone (the questions themselves are in the first
# person). "My clinician" is "درمانگرم", a general word for whoever treats you that has no
# grammatical gender. Script: Persian (Perso-Arabic), right to left, with the zero-width
# non-joiner where standard spelling needs it. No plural selectors in this file (Persian has the
# CLDR categories one and other). Plain everyday words, reading age 9 to 11. Not a validated
# psychometric instrument; no clinical cut-offs. This draft has not been through forward and
# back translation or cognitive debriefing.
# Reviewer: "عوارض جانبی" for "side effects"; "نظر من هم حساب می‌شود" for "I have a say";
# "ویزیت" for "visit"; "کلمه‌هایی که می‌فهمم" for "words I know".

instrument-title = شما و درمانگرتان
instrument-intro = این سؤال‌ها درباره‌ی این است که شما و درمانگرتان چطور با هم روی درمان شما کار می‌کنید. پاسخ‌های شما به تیم درمانتان کمک می‌کند ببیند چه چیزهایی خوب پیش می‌رود و چه چیزهایی می‌تواند بهتر شود.
instrument-notice = این امتحان نیست. پاسخ درست یا غلط وجود ندارد. این سؤال‌ها در مطالعات پژوهشی آزمایش نشده‌اند.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = گوش دادن و توضیح دادن
score-treatment = تصمیم‌ها درباره‌ی درمانم
score-trust = اعتماد و احترام
score-total = شما و درمانگرتان به‌طور کلی

item-about-clinician = در اینجا، «درمانگرم» یعنی روان‌پزشک، پزشک یا پرستاری که به او مراجعه می‌کنید.

# Being listened to and plain explanations.
item-part-listening = گوش دادن و توضیح دادن
item-attention = درمانگرم کاملاً به من توجه می‌کند.
item-plain-words = درمانگرم با کلمه‌هایی که می‌فهمم با من حرف می‌زند.
# Reverse-scored.
item-rushed = در ویزیت‌هایم احساس می‌کنم همه‌چیز با عجله است.

# Shared decisions about treatment and medicine.
item-part-treatment = تصمیم‌ها درباره‌ی درمانم
item-choices = درمانگرم راه‌های درمانی‌ای را که دارم برایم توضیح می‌دهد.
item-my-say = در تصمیم‌های مربوط به درمانم، نظر من هم حساب می‌شود.
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = دارویی را که درمانگرم برایم تجویز می‌کند، مصرف می‌کنم.
item-medicine-say = در انتخاب داروهایم، نظر من هم حساب می‌شود.
item-side-effects = می‌توانم با خیال راحت درباره‌ی عوارض جانبی با درمانگرم حرف بزنم.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = اعتماد و احترام
item-culture = درمانگرم به فرهنگ و باورهای من احترام می‌گذارد.
item-worries = می‌توانم نگرانی‌هایم را با درمانگرم در میان بگذارم.
item-gets-back = درمانگرم همان وقتی که گفته است، جوابم را می‌دهد.
item-who-sees = درمانگرم به من گفته است چه کسانی می‌توانند آنچه را که با او در میان می‌گذارم ببینند.
item-feels-safe = رفتار درمانگرم به من احساس امنیت می‌دهد.

# Optional, in the patient's own words.
item-better = چه چیزی می‌تواند کار ما با هم را بهتر کند؟

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = کاملاً مخالفم
option-agree-5-disagree = مخالفم
option-agree-5-neither = نه موافقم نه مخالف
option-agree-5-agree = موافقم
option-agree-5-strongly-agree = کاملاً موافقم
