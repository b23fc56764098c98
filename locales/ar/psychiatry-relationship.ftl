# Rapport questionnaire "psychiatry-relationship" 1.0.0: Arabic, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: simple Modern Standard Arabic, polite and warm; the patient is addressed without
# gendered verbs or adjectives, and first-person items avoid gendered adjectives for the
# patient (e.g. "أشعر أن كل شيء يتم على عجل" for "I feel rushed"). "My clinician" is "معالِجي" (with a
# kasra to keep it apart from مُعالَج, "patient"); it is grammatically masculine, used as the
# generic form. Arabic script, right to left. No plural selectors in this file (Arabic has the
# CLDR categories zero, one, two, few, many, other). Plain everyday words, reading age 9 to 11.
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been through
# forward and back translation or cognitive debriefing.
# Reviewer: "الآثار الجانبية" (many patients say "الأعراض الجانبية"); "رأيي يُؤخذ به" for
# "I have a say"; "مواعيدي" for "my visits".

instrument-title = أنت ومعالِجك
instrument-intro = هذه الأسئلة عن طريقة عملك أنت ومعالِجك معًا في رعايتك. تساعد إجاباتك فريق الرعاية الخاص بك على معرفة ما يسير بشكل جيد وما يمكن أن يكون أفضل.
instrument-notice = هذا ليس اختبارًا. لا توجد إجابات صحيحة أو خاطئة. لم تُختبَر هذه الأسئلة في دراسات بحثية.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = الإصغاء والشرح
score-treatment = قرارات بخصوص علاجي
score-trust = الثقة والاحترام
score-total = أنت ومعالِجك بشكل عام

item-about-clinician = هنا، كلمة «معالِجي» تعني الشخص الذي يتابع حالتك: الطبيب النفسي أو الطبيب أو الممرض.

# Being listened to and plain explanations.
item-part-listening = الإصغاء والشرح
item-attention = يعطيني معالِجي كامل انتباهه.
item-plain-words = يكلّمني معالِجي بكلمات أعرفها.
# Reverse-scored.
item-rushed = أشعر أن كل شيء يتم على عجل خلال مواعيدي.

# Shared decisions about treatment and medicine.
item-part-treatment = قرارات بخصوص علاجي
item-choices = يشرح لي معالِجي الخيارات المتاحة لي في العلاج.
item-my-say = رأيي يُؤخذ به في القرارات الخاصة برعايتي.
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = أتناول دواءً يصفه لي معالِجي.
item-medicine-say = رأيي يُؤخذ به عند اختيار دوائي.
item-side-effects = أشعر بالأمان عندما أخبر معالِجي عن الآثار الجانبية.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = الثقة والاحترام
item-culture = يحترم معالِجي ثقافتي ومعتقداتي.
item-worries = أستطيع أن أخبر معالِجي بما يقلقني.
item-gets-back = يردّ عليّ معالِجي في الوقت الذي قال إنه سيردّ فيه.
item-who-sees = أخبرني معالِجي مَن يستطيع أن يرى ما أشاركه معه.
item-feels-safe = يتصرف معالِجي بطريقة تُشعرني بالأمان.

# Optional, in the patient's own words.
item-better = ما الذي سيجعل عملنا معًا أفضل؟

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = لا أوافق إطلاقًا
option-agree-5-disagree = لا أوافق
option-agree-5-neither = لا أوافق ولا أعارض
option-agree-5-agree = أوافق
option-agree-5-strongly-agree = أوافق تمامًا
