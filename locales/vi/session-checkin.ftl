# Rapport questionnaire "session-checkin" 1.0.0: Vietnamese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "quý vị" when speaking to the patient (polite, warm, gender- and age-neutral); the
# questions themselves are in the first person ("tôi"). Script: Latin with Vietnamese
# diacritics. Plurals: Vietnamese has only CLDR's "other" category (no number messages here).
# Plain everyday words, reading age 9 to 11, as in English. Not a validated psychometric
# instrument; no clinical cut-offs. This draft has not been through forward and back
# translation or cognitive debriefing.
# For a reviewer: "session" is "buổi gặp" (neutral for therapy and medical visits; "buổi trị
# liệu" is an option); scale ends are "Hoàn toàn không" and "Hoàn toàn đúng".

instrument-title = Sau buổi gặp của quý vị
instrument-intro = Bốn câu hỏi ngắn về buổi gặp hôm nay. Câu trả lời của quý vị giúp nhóm chăm sóc làm cho các buổi gặp phù hợp với quý vị.
instrument-notice = Đây không phải là bài kiểm tra. Các câu hỏi này chưa được kiểm chứng trong các nghiên cứu.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Nhìn chung về buổi gặp này

item-say-my-mind = Hôm nay tôi đã nói được những điều tôi đang nghĩ trong lòng.
item-say-my-mind-low = Hoàn toàn không
item-say-my-mind-high = Hoàn toàn đúng

item-what-matters = Hôm nay buổi gặp dành thời gian cho những điều quan trọng nhất với tôi.
item-what-matters-low = Hoàn toàn không
item-what-matters-high = Hoàn toàn đúng

item-way-we-worked = Hôm nay cách chúng tôi làm việc với nhau hợp với tôi.
item-way-we-worked-low = Hoàn toàn không
item-way-we-worked-high = Hoàn toàn đúng

item-worth-my-time = Buổi gặp này đáng với thời gian tôi bỏ ra.
item-worth-my-time-low = Hoàn toàn không
item-worth-my-time-high = Hoàn toàn đúng
