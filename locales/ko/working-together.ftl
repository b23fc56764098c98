# Rapport questionnaire "working-together" 1.0.0: Korean, translated from the English reference.
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
# For a reviewer: "my clinician" is "담당 선생님" (how Korean patients address doctors,
# therapists and nurses; gender-neutral); "session" is "상담"; "therapist" is "치료사";
# "upset" is "속상할 때"; "judged" is "판단하는 것 같은 느낌"; the how-often scale uses the
# usual Korean "그렇다" wording (전혀 그렇지 않다 … 항상 그렇다).

instrument-title = 함께하는 치료
instrument-intro = 이 질문들은 담당 선생님과 어떻게 함께 치료해 나가고 있는지에 관한 거예요. 답변은 진료팀이 무엇이 잘되고 있고 무엇을 더 좋게 할 수 있는지 아는 데 도움이 돼요.
instrument-notice = 시험이 아니에요. 맞는 답도 틀린 답도 없어요. 이 질문들은 아직 연구를 통해 검증되지 않았어요.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = 신뢰
score-goals = 우리의 목표
score-tasks = 우리가 함께하는 방식
score-total = 함께하는 치료: 전체

item-about-clinician = 여기서 ‘담당 선생님’은 만나고 있는 의사, 치료사 또는 간호사를 말해요.

# Trust (bond).
item-part-bond = 담당 선생님과 나
item-lets-me-finish = 담당 선생님은 내가 하는 말을 끝까지 들어 주신다.
item-notices-upset = 담당 선생님은 내가 속상할 때 알아차리신다.
item-kind = 담당 선생님은 나를 친절하게 대해 주신다.
# Reverse-scored.
item-judged = 담당 선생님이 나를 판단하는 것 같은 느낌이 든다.

# Shared goals.
item-part-goals = 우리의 목표
item-asks-what-i-want = 담당 선생님은 내가 치료를 통해 무엇을 얻고 싶은지 물어보신다.
item-goals-clear = 우리의 목표가 무엇인지 내 말로 설명할 수 있다.
item-what-matters = 우리가 함께하는 치료는 나에게 가장 중요한 것을 다룬다.
item-goals-change = 내 삶에 변화가 생기면 우리는 내 목표를 다시 살펴본다.

# Agreement on how we work (tasks).
item-part-tasks = 우리가 함께하는 방식
item-makes-sense = 상담에서 우리가 하는 일을 왜 하는지 이해한다.
item-between-sessions = 다음 상담까지 해 볼 일을 정할 때 나도 함께 고른다.
item-say-not-helping = 우리가 하는 것이 도움이 되지 않을 때 그렇다고 말할 수 있다.
item-asks-how-it-goes = 담당 선생님은 우리가 함께하는 치료가 어떻게 되어 가는지 나에게 물어보신다.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = 전혀 그렇지 않다
option-how-often-5-rarely = 거의 그렇지 않다
option-how-often-5-sometimes = 가끔 그렇다
option-how-often-5-often = 자주 그렇다
option-how-often-5-always = 항상 그렇다
