# Rapport questionnaire "working-together" 1.0.0: Simplified Chinese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "您" when speaking to the patient; the questions themselves are in the
# first person ("我"). Script: Simplified Chinese characters (mainland usage), full-width
# punctuation, “ ” quotes. Plurals: Chinese has only CLDR's "other" category (no number
# messages here). Plain everyday words, reading age 9 to 11, as in English. Not a validated
# psychometric instrument; no clinical cut-offs. This draft has not been through forward and
# back translation or cognitive debriefing.
# For a reviewer: "my clinician" is "我的医护人员" (gender-neutral; covers doctor, therapist
# and nurse); "session" is "治疗"; "upset" is "心烦"; "judged" is "评判" (check it is not
# too formal); "therapist" is "治疗师".

instrument-title = 一起合作
instrument-intro = 这些问题是关于您和您的医护人员怎样一起合作的。您的回答能帮助医护团队了解哪些方面做得好，哪些方面可以做得更好。
instrument-notice = 这不是考试。答案没有对错之分。这些问题还没有在研究中经过检验。

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = 信任
score-goals = 我们的目标
score-tasks = 我们怎样合作
score-total = 一起合作（总体）

item-about-clinician = 这里的“我的医护人员”，是指您平时见的医生、治疗师或护士。

# Trust (bond).
item-part-bond = 我和我的医护人员
item-lets-me-finish = 我的医护人员会让我把话说完。
item-notices-upset = 我心烦的时候，我的医护人员能看出来。
item-kind = 我的医护人员对我很友善。
# Reverse-scored.
item-judged = 我觉得我的医护人员在评判我。

# Shared goals.
item-part-goals = 我们的目标
item-asks-what-i-want = 我的医护人员会问我，想从我们的合作中得到什么。
item-goals-clear = 我能用自己的话说出我们的目标是什么。
item-what-matters = 我们合作的重点放在对我最重要的事情上。
item-goals-change = 当我的生活有变化时，我们会重新看看我的目标。

# Agreement on how we work (tasks).
item-part-tasks = 我们怎样合作
item-makes-sense = 我明白我们在治疗中为什么做这些事。
item-between-sessions = 两次治疗之间要试着做什么，我也会一起选。
item-say-not-helping = 如果我们做的某件事没有帮助，我可以说出来。
item-asks-how-it-goes = 我的医护人员会问我，我们的合作进行得怎么样。

# The answer scale (how often), lowest to highest.
option-how-often-5-never = 从不
option-how-often-5-rarely = 很少
option-how-often-5-sometimes = 有时
option-how-often-5-often = 经常
option-how-often-5-always = 总是
