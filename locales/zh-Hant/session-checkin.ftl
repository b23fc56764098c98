# Rapport questionnaire "session-checkin" 1.0.0: Traditional Chinese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "您" when speaking to the patient; the questions themselves are in the
# first person ("我"). Script: Traditional Chinese characters, Taiwan usage, readable in
# Hong Kong; full-width punctuation. Plurals: Chinese has only CLDR's "other" category (no
# number messages here). Plain everyday words, reading age 9 to 11, as in English. Not a
# validated psychometric instrument; no clinical cut-offs. This draft has not been through
# forward and back translation or cognitive debriefing.
# For a reviewer: "session" is "治療" (a therapy or medical visit); "晤談" or "會談" may suit
# some clinics better. Scale ends: "一點也不" (not at all) and "完全是" (completely).

instrument-title = 這次治療之後
instrument-intro = 關於今天的治療，有四個簡短的問題。您的回答能幫助醫療團隊，讓您的治療更適合您。
instrument-notice = 這不是考試。這些問題還沒有經過研究驗證。

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = 這次治療（整體）

item-say-my-mind = 今天我能說出心裡想說的話。
item-say-my-mind-low = 一點也不
item-say-my-mind-high = 完全是

item-what-matters = 今天我們把時間花在對我最重要的事情上。
item-what-matters-low = 一點也不
item-what-matters-high = 完全是

item-way-we-worked = 今天我們一起進行的方式很適合我。
item-way-we-worked-low = 一點也不
item-way-we-worked-high = 完全是

item-worth-my-time = 這次治療值得我花時間。
item-worth-my-time-low = 一點也不
item-worth-my-time-high = 完全是
