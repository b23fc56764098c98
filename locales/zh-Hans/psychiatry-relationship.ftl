# Rapport questionnaire "psychiatry-relationship" 1.0.0: Simplified Chinese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "您" when speaking to the patient; the questions themselves are in the
# first person ("我"). Script: Simplified Chinese characters (mainland usage), full-width
# punctuation, “ ” quotes. Plurals: Chinese has only CLDR's "other" category (no number
# messages here). Plain everyday words, reading age 9 to 11, as in English. Not a validated
# psychometric instrument; no clinical cut-offs. This draft has not been through forward and
# back translation or cognitive debriefing.
# For a reviewer: "my clinician" is "我的医护人员"; "psychiatrist, doctor or nurse" is
# "精神科医生、其他医生或护士" ("其他" added so the list does not read as a repeat);
# "medicine" is "药" ("吃药" for "take medicine"); "I have a say" is "我有发言权";
# "beliefs" is "信仰"; "visits" is "看诊"; the middle answer is "既不同意也不反对".

instrument-title = 您和您的医护人员
instrument-intro = 这些问题是关于您和您的医护人员在您的治疗上怎样一起合作的。您的回答能帮助医护团队了解哪些方面做得好，哪些方面可以做得更好。
instrument-notice = 这不是考试。答案没有对错之分。这些问题还没有在研究中经过检验。

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = 倾听和解释
score-treatment = 关于我的治疗的决定
score-trust = 信任和尊重
score-total = 您和您的医护人员（总体）

item-about-clinician = 这里的“我的医护人员”，是指您看的精神科医生、其他医生或护士。

# Being listened to and plain explanations.
item-part-listening = 倾听和解释
item-attention = 我的医护人员会把注意力完全放在我身上。
item-plain-words = 我的医护人员用我听得懂的话跟我说话。
# Reverse-scored.
item-rushed = 看诊的时候，我觉得很匆忙。

# Shared decisions about treatment and medicine.
item-part-treatment = 关于我的治疗的决定
item-choices = 我的医护人员会向我说明，我有哪些治疗可以选择。
item-my-say = 在关于我的治疗的决定上，我有发言权。
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = 我在吃我的医护人员给我开的药。
item-medicine-say = 在选择吃什么药的时候，我有发言权。
item-side-effects = 我可以放心地把副作用告诉我的医护人员。

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = 信任和尊重
item-culture = 我的医护人员尊重我的文化和信仰。
item-worries = 我可以跟我的医护人员说出我的担心。
item-gets-back = 我的医护人员说好什么时候回复我，就会按时回复我。
item-who-sees = 我的医护人员告诉过我，谁能看到我说的内容。
item-feels-safe = 我的医护人员的言行让我觉得安全。

# Optional, in the patient's own words.
item-better = 怎样能让我们的合作变得更好？

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = 非常不同意
option-agree-5-disagree = 不同意
option-agree-5-neither = 既不同意也不反对
option-agree-5-agree = 同意
option-agree-5-strongly-agree = 非常同意
