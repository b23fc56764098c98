# Rapport questionnaire "session-checkin" 1.0.0: Arabic, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: simple Modern Standard Arabic, polite and warm; the patient is addressed without
# gendered verbs or adjectives (the questions themselves are in the first person). Arabic
# script, right to left. No plural selectors in this file (Arabic has the CLDR categories zero,
# one, two, few, many, other). Plain everyday words, reading age 9 to 11, as in English. Not a
# validated psychometric instrument; no clinical cut-offs. This draft has not been through
# forward and back translation or cognitive debriefing.
# Reviewer: "ما كان يشغل بالي" for "what was on my mind"; "أبدًا" / "تمامًا" as scale ends.

instrument-title = بعد جلستك
instrument-intro = أربعة أسئلة سريعة عن جلسة اليوم. تساعد إجاباتك فريق الرعاية الخاص بك على جعل جلساتك مفيدة لك.
instrument-notice = هذا ليس اختبارًا. لم تُختبَر هذه الأسئلة في دراسات بحثية.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = هذه الجلسة بشكل عام

item-say-my-mind = اليوم استطعت أن أقول ما كان يشغل بالي.
item-say-my-mind-low = أبدًا
item-say-my-mind-high = تمامًا

item-what-matters = اليوم خصّصنا وقتنا لأكثر ما يهمّني.
item-what-matters-low = أبدًا
item-what-matters-high = تمامًا

item-way-we-worked = اليوم كانت طريقة عملنا مناسبة لي.
item-way-we-worked-low = أبدًا
item-way-we-worked-high = تمامًا

item-worth-my-time = كانت هذه الجلسة تستحق وقتي.
item-worth-my-time-low = أبدًا
item-worth-my-time-high = تمامًا
