# Rapport questionnaire "session-checkin" 1.0.0: Simplified Chinese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "您" when speaking to the patient; the questions themselves are in the
# first person ("我"). Script: Simplified Chinese characters (mainland usage), full-width
# punctuation. Plurals: Chinese has only CLDR's "other" category (no number messages here).
# Plain everyday words, reading age 9 to 11, as in English. Not a validated psychometric
# instrument; no clinical cut-offs. This draft has not been through forward and back
# translation or cognitive debriefing.
# For a reviewer: "session" is "治疗" (a therapy or medical visit); "咨询" or "面谈" may suit
# some clinics better. Scale ends: "一点也不" (not at all) and "完全是" (completely).

instrument-title = 这次治疗之后
instrument-intro = 关于今天的治疗，有四个简短的问题。您的回答能帮助医护团队，让您的治疗更适合您。
instrument-notice = 这不是考试。这些问题还没有在研究中经过检验。

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = 这次治疗（总体）

item-say-my-mind = 今天我能说出心里想说的话。
item-say-my-mind-low = 一点也不
item-say-my-mind-high = 完全是

item-what-matters = 今天我们把时间花在了对我最重要的事情上。
item-what-matters-low = 一点也不
item-what-matters-high = 完全是

item-way-we-worked = 今天我们一起做事的方式很适合我。
item-way-we-worked-low = 一点也不
item-way-we-worked-high = 完全是

item-worth-my-time = 这次治疗值得我花时间。
item-worth-my-time-low = 一点也不
item-worth-my-time-high = 完全是
