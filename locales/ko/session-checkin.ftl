# Rapport questionnaire "session-checkin" 1.0.0: Korean, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite, warm 해요체 when speaking to the patient. The questions are the patient's
# own voice, so they use the plain written style (한다체) with "나", as Korean questionnaires
# usually do. Script: Hangul. Plurals: Korean has only CLDR's "other" category (no number
# messages here). Plain everyday words, reading age 9 to 11, as in English. Not a validated
# psychometric instrument; no clinical cut-offs. This draft has not been through forward and
# back translation or cognitive debriefing.
# For a reviewer: "session" is "상담" (some psychiatry clinics may prefer "진료"); scale ends
# are "전혀 아니다" (not at all) and "완전히 그렇다" (completely).

instrument-title = 상담을 마치고
instrument-intro = 오늘 상담에 대한 짧은 질문 네 개예요. 답변은 진료팀이 상담을 더 잘 맞춰 가는 데 도움이 돼요.
instrument-notice = 시험이 아니에요. 이 질문들은 아직 연구를 통해 검증되지 않았어요.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = 이번 상담 전체

item-say-my-mind = 오늘 나는 마음속에 있는 말을 할 수 있었다.
item-say-my-mind-low = 전혀 아니다
item-say-my-mind-high = 완전히 그렇다

item-what-matters = 오늘 우리는 나에게 가장 중요한 것에 시간을 썼다.
item-what-matters-low = 전혀 아니다
item-what-matters-high = 완전히 그렇다

item-way-we-worked = 오늘 우리가 함께한 방식은 나에게 잘 맞았다.
item-way-we-worked-low = 전혀 아니다
item-way-we-worked-high = 완전히 그렇다

item-worth-my-time = 이번 상담은 시간을 들일 만한 가치가 있었다.
item-worth-my-time-low = 전혀 아니다
item-worth-my-time-high = 완전히 그렇다
