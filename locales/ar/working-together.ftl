# Rapport questionnaire "working-together" 1.0.0: Arabic, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: simple Modern Standard Arabic, polite and warm; the patient is addressed without
# gendered verbs or adjectives, and first-person items avoid gendered adjectives for the
# patient (e.g. "يلاحظ معالِجي متى يضايقني شيء" rather than "…عندما أكون منزعجًا").
# "My clinician" is "معالِجي" (with a kasra to keep it apart from مُعالَج, "patient"); it is
# grammatically masculine, used as the generic form. Arabic script, right to left. No plural
# selectors in this file (Arabic has the CLDR categories zero, one, two, few, many, other).
# Plain everyday words, reading age 9 to 11. Not a validated psychometric instrument; no
# clinical cut-offs. This draft has not been through forward and back translation or
# cognitive debriefing.
# Reviewer: "معالِجي" as the general word for doctor, therapist or nurse; "يحكم عليّ" for
# "judged"; "كثيرًا" for "often".

instrument-title = العمل معًا
instrument-intro = هذه الأسئلة عن طريقة عملك أنت ومعالِجك معًا. تساعد إجاباتك فريق الرعاية الخاص بك على معرفة ما يسير بشكل جيد وما يمكن أن يكون أفضل.
instrument-notice = هذا ليس اختبارًا. لا توجد إجابات صحيحة أو خاطئة. لم تُختبَر هذه الأسئلة في دراسات بحثية.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = الثقة
score-goals = أهدافنا
score-tasks = طريقة عملنا
score-total = العمل معًا بشكل عام

item-about-clinician = هنا، كلمة «معالِجي» تعني الشخص الذي يتابع حالتك: الطبيب أو المعالج النفسي أو الممرض.

# Trust (bond).
item-part-bond = أنا ومعالِجي
item-lets-me-finish = يتركني معالِجي أُكمل كلامي.
item-notices-upset = يلاحظ معالِجي متى يضايقني شيء.
item-kind = معالِجي لطيف معي.
# Reverse-scored.
item-judged = أشعر أن معالِجي يحكم عليّ.

# Shared goals.
item-part-goals = أهدافنا
item-asks-what-i-want = يسألني معالِجي عمّا أريد أن أحققه من عملنا معًا.
item-goals-clear = أستطيع أن أقول بكلماتي الخاصة ما هي أهدافنا.
item-what-matters = عملنا يدور حول أكثر ما يهمّني.
item-goals-change = عندما تتغير حياتي، ننظر في أهدافي من جديد.

# Agreement on how we work (tasks).
item-part-tasks = طريقة عملنا
item-makes-sense = أفهم لماذا نقوم بما نقوم به في جلساتنا.
item-between-sessions = أشارك في اختيار ما سأجرّبه بين الجلسات.
item-say-not-helping = أستطيع أن أقول عندما لا يفيدني شيء نقوم به.
item-asks-how-it-goes = يسألني معالِجي كيف يسير عملنا.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = أبدًا
option-how-often-5-rarely = نادرًا
option-how-often-5-sometimes = أحيانًا
option-how-often-5-often = كثيرًا
option-how-often-5-always = دائمًا
