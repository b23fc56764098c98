# Rapport questionnaire "psychiatry-relationship" 1.0.0: Korean, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite, warm 해요체 when speaking to the patient. The questions are the patient's
# own voice, so they use the plain written style (한다체) with "나", as Korean questionnaires
# usually do, with honorific -시- for the clinician. Script: Hangul; ‘ ’ quotes. Plurals:
# Korean has only CLDR's "other" category (no number messages here). Plain everyday words,
# reading age 9 to 11, as in English. Not a validated psychometric instrument; no clinical
# cut-offs. This draft has not been through forward and back translation or cognitive
# debriefing.
# For a reviewer: "my clinician" is "담당 선생님"; "psychiatrist" is the everyday "정신과 의사"
# (the official name is 정신건강의학과 의사); "doctor" became "다른 의사" so the list does not
# read as a repeat; "medicine" is "약"; "side effects" is "부작용"; "I have a say" is "내 의견도
# 반영된다"; "beliefs" is "믿음"; the title avoids a word for "you" ("담당 선생님과 나"); the
# agreement scale uses the usual Korean "그렇다" wording, with "보통이다" in the middle.

instrument-title = 담당 선생님과 나
instrument-intro = 이 질문들은 담당 선생님과 어떻게 함께 치료해 나가고 있는지에 관한 거예요. 답변은 진료팀이 무엇이 잘되고 있고 무엇을 더 좋게 할 수 있는지 아는 데 도움이 돼요.
instrument-notice = 시험이 아니에요. 맞는 답도 틀린 답도 없어요. 이 질문들은 아직 연구를 통해 검증되지 않았어요.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = 잘 듣고 설명해 주기
score-treatment = 내 치료에 대한 결정
score-trust = 신뢰와 존중
score-total = 담당 선생님과 나: 전체

item-about-clinician = 여기서 ‘담당 선생님’은 만나고 있는 정신과 의사, 다른 의사 또는 간호사를 말해요.

# Being listened to and plain explanations.
item-part-listening = 잘 듣고 설명해 주기
item-attention = 담당 선생님은 나에게 온전히 집중해 주신다.
item-plain-words = 담당 선생님은 내가 알아듣는 말로 이야기해 주신다.
# Reverse-scored.
item-rushed = 진료를 받을 때 시간에 쫓기는 느낌이 든다.

# Shared decisions about treatment and medicine.
item-part-treatment = 내 치료에 대한 결정
item-choices = 담당 선생님은 내가 고를 수 있는 치료 방법을 설명해 주신다.
item-my-say = 내 치료에 대한 결정에 내 의견도 반영된다.
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = 나는 담당 선생님이 처방해 주신 약을 먹고 있다.
item-medicine-say = 약을 고를 때 내 의견도 반영된다.
item-side-effects = 부작용이 있으면 담당 선생님께 안심하고 말할 수 있다.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = 신뢰와 존중
item-culture = 담당 선생님은 나의 문화와 믿음을 존중해 주신다.
item-worries = 담당 선생님께 내 걱정을 털어놓을 수 있다.
item-gets-back = 담당 선생님은 연락을 주겠다고 하신 때에 연락을 주신다.
item-who-sees = 담당 선생님은 내가 한 이야기를 누가 볼 수 있는지 알려 주셨다.
item-feels-safe = 담당 선생님은 내가 안전하다고 느낄 수 있게 행동하신다.

# Optional, in the patient's own words.
item-better = 무엇이 있으면 우리가 함께하는 치료가 더 좋아질까요?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = 전혀 그렇지 않다
option-agree-5-disagree = 그렇지 않다
option-agree-5-neither = 보통이다
option-agree-5-agree = 그렇다
option-agree-5-strongly-agree = 매우 그렇다
