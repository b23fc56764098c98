# Rapport questionnaire "working-together" 1.0.0: Traditional Chinese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "您" when speaking to the patient; the questions themselves are in the
# first person ("我"). Script: Traditional Chinese characters, Taiwan usage, readable in
# Hong Kong; full-width punctuation, 「」 quotes. Plurals: Chinese has only CLDR's "other"
# category (no number messages here). Plain everyday words, reading age 9 to 11, as in
# English. Not a validated psychometric instrument; no clinical cut-offs. This draft has not
# been through forward and back translation or cognitive debriefing.
# For a reviewer: "my clinician" is "我的醫護人員" (gender-neutral; covers doctor, therapist
# and nurse); "doctor" is "醫生" (Taiwan signage says 醫師); "nurse" is "護理師" (Taiwan;
# Hong Kong says 護士); "therapist" is "治療師" (Taiwan may prefer 心理師); "session" is
# "治療"; "upset" is "心煩"; "judged" is "評斷".

instrument-title = 一起合作
instrument-intro = 這些問題是關於您和您的醫護人員怎麼一起合作。您的回答能幫助醫療團隊了解哪些地方做得好，哪些地方可以做得更好。
instrument-notice = 這不是考試。答案沒有對錯之分。這些問題還沒有經過研究驗證。

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = 信任
score-goals = 我們的目標
score-tasks = 我們怎麼合作
score-total = 一起合作（整體）

item-about-clinician = 這裡的「我的醫護人員」，是指平常和您見面的醫生、治療師或護理師。

# Trust (bond).
item-part-bond = 我和我的醫護人員
item-lets-me-finish = 我的醫護人員會讓我把話說完。
item-notices-upset = 我心煩的時候，我的醫護人員看得出來。
item-kind = 我的醫護人員對我很友善。
# Reverse-scored.
item-judged = 我覺得我的醫護人員在評斷我。

# Shared goals.
item-part-goals = 我們的目標
item-asks-what-i-want = 我的醫護人員會問我，想從我們的合作中得到什麼。
item-goals-clear = 我能用自己的話說出我們的目標是什麼。
item-what-matters = 我們合作的重點放在對我最重要的事情上。
item-goals-change = 當我的生活有變化時，我們會重新看看我的目標。

# Agreement on how we work (tasks).
item-part-tasks = 我們怎麼合作
item-makes-sense = 我明白我們在治療中為什麼做這些事。
item-between-sessions = 兩次治療之間要試著做什麼，我也會一起選。
item-say-not-helping = 如果我們做的某件事沒有幫助，我可以說出來。
item-asks-how-it-goes = 我的醫護人員會問我，我們的合作進行得怎麼樣。

# The answer scale (how often), lowest to highest.
option-how-often-5-never = 從不
option-how-often-5-rarely = 很少
option-how-often-5-sometimes = 有時候
option-how-often-5-often = 經常
option-how-often-5-always = 總是
