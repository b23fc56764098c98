# Rapport questionnaire "psychiatry-relationship" 1.0.0: Traditional Chinese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "您" when speaking to the patient; the questions themselves are in the
# first person ("我"). Script: Traditional Chinese characters, Taiwan usage, readable in
# Hong Kong; full-width punctuation, 「」 quotes. Plurals: Chinese has only CLDR's "other"
# category (no number messages here). Plain everyday words, reading age 9 to 11, as in
# English. Not a validated psychometric instrument; no clinical cut-offs. This draft has not
# been through forward and back translation or cognitive debriefing.
# For a reviewer: "my clinician" is "我的醫護人員"; "psychiatrist, doctor or nurse" is
# "精神科醫生、其他醫生或護理師" ("其他" added so the list does not read as a repeat;
# Taiwan signage says 醫師, Hong Kong says 護士); "medicine" is "藥" ("吃藥" for "take
# medicine"); "I have a say" is "我有發言權"; "beliefs" is "信仰"; "visits" is "看診";
# the middle answer is "既不同意也不反對" (Taiwan surveys often use "普通").

instrument-title = 您和您的醫護人員
instrument-intro = 這些問題是關於您和您的醫護人員在您的治療上怎麼一起合作。您的回答能幫助醫療團隊了解哪些地方做得好，哪些地方可以做得更好。
instrument-notice = 這不是考試。答案沒有對錯之分。這些問題還沒有經過研究驗證。

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = 傾聽和解釋
score-treatment = 關於我的治療的決定
score-trust = 信任和尊重
score-total = 您和您的醫護人員（整體）

item-about-clinician = 這裡的「我的醫護人員」，是指您看的精神科醫生、其他醫生或護理師。

# Being listened to and plain explanations.
item-part-listening = 傾聽和解釋
item-attention = 我的醫護人員會把注意力完全放在我身上。
item-plain-words = 我的醫護人員用我聽得懂的話跟我說話。
# Reverse-scored.
item-rushed = 看診的時候，我覺得很匆忙。

# Shared decisions about treatment and medicine.
item-part-treatment = 關於我的治療的決定
item-choices = 我的醫護人員會跟我說明，我有哪些治療可以選擇。
item-my-say = 在關於我的治療的決定上，我有發言權。
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = 我在吃我的醫護人員開給我的藥。
item-medicine-say = 在選擇吃什麼藥的時候，我有發言權。
item-side-effects = 我可以放心地把副作用告訴我的醫護人員。

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = 信任和尊重
item-culture = 我的醫護人員尊重我的文化和信仰。
item-worries = 我可以跟我的醫護人員說出我的擔心。
item-gets-back = 我的醫護人員說好什麼時候回覆我，就會按時回覆我。
item-who-sees = 我的醫護人員告訴過我，誰能看到我說的內容。
item-feels-safe = 我的醫護人員的言行讓我覺得安全。

# Optional, in the patient's own words.
item-better = 怎樣能讓我們的合作變得更好？

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = 非常不同意
option-agree-5-disagree = 不同意
option-agree-5-neither = 既不同意也不反對
option-agree-5-agree = 同意
option-agree-5-strongly-agree = 非常同意
