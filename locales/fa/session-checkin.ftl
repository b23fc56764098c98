# Rapport questionnaire "session-checkin" 1.0.0: Persian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "شما" with a warm, everyday tone (the questions themselves are in the first
# person). Script: Persian (Perso-Arabic), right to left, with the zero-width non-joiner where
# standard spelling needs it. No plural selectors in this file (Persian has the CLDR categories
# one and other). Plain everyday words, reading age 9 to 11. Not a validated psychometric
# instrument; no clinical cut-offs. This draft has not been through forward and back
# translation or cognitive debriefing.
# Reviewer: "حرف دلم را بزنم" for "say what was on my mind"; "امتحان" for "test".

instrument-title = بعد از جلسه‌تان
instrument-intro = چهار سؤال کوتاه درباره‌ی جلسه‌ی امروز. پاسخ‌های شما به تیم درمانتان کمک می‌کند جلسه‌ها برایتان خوب پیش برود.
instrument-notice = این امتحان نیست. این سؤال‌ها در مطالعات پژوهشی آزمایش نشده‌اند.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = این جلسه به‌طور کلی

item-say-my-mind = امروز توانستم حرف دلم را بزنم.
item-say-my-mind-low = اصلاً
item-say-my-mind-high = کاملاً

item-what-matters = امروز وقتمان را روی چیزهایی گذاشتیم که برایم از همه مهم‌ترند.
item-what-matters-low = اصلاً
item-what-matters-high = کاملاً

item-way-we-worked = امروز روشی که با هم کار کردیم برایم مناسب بود.
item-way-we-worked-low = اصلاً
item-way-we-worked-high = کاملاً

item-worth-my-time = این جلسه ارزش وقتم را داشت.
item-worth-my-time-low = اصلاً
item-worth-my-time-high = کاملاً
