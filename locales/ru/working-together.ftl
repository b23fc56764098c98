# Rapport questionnaire "working-together" 1.0.0: Russian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "вы" in the title and intro (the questions themselves are in the first
# person). Script: Cyrillic. CLDR cardinal plural categories for Russian: one, few, many,
# other (no message in this file selects on a number). "My clinician" is "мой специалист"
# (grammatically masculine, used for women and men alike), defined once in
# item-about-clinician. First-person past tense and short adjectives show gender in Russian,
# so the questions use present-tense verbs instead ("когда я расстраиваюсь", "я могу").
# Word choices to check: "therapist" is "психотерапевт" (in Russian "терапевт" means a
# general doctor); "session" is "встреча"; "judged" is "осуждает"; "care team" is
# "ваши специалисты". Not a validated psychometric instrument; no clinical cut-offs.

instrument-title = Работаем вместе
instrument-intro = Эти вопросы о том, как вы и ваш специалист работаете вместе. Ваши ответы помогут вашим специалистам понять, что идёт хорошо, а что можно улучшить.
instrument-notice = Это не тест. Здесь нет правильных или неправильных ответов. Эти вопросы не проверялись в научных исследованиях.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Доверие
score-goals = Наши цели
score-tasks = Как мы работаем
score-total = Совместная работа в целом

item-about-clinician = Здесь «мой специалист» — это врач, психотерапевт или медсестра, к которым вы ходите.

# Trust (bond).
item-part-bond = Мой специалист и я
item-lets-me-finish = Мой специалист даёт мне договорить.
item-notices-upset = Мой специалист замечает, когда я расстраиваюсь.
item-kind = Мой специалист относится ко мне по-доброму.
# Reverse-scored.
item-judged = Я чувствую, что мой специалист меня осуждает.

# Shared goals.
item-part-goals = Наши цели
item-asks-what-i-want = Мой специалист спрашивает, чего я хочу добиться в нашей работе.
item-goals-clear = Я могу своими словами сказать, какие у нас цели.
item-what-matters = В нашей работе мы занимаемся тем, что для меня важнее всего.
item-goals-change = Когда в моей жизни что-то меняется, мы снова обсуждаем мои цели.

# Agreement on how we work (tasks).
item-part-tasks = Как мы работаем
item-makes-sense = Я понимаю, зачем мы делаем то, что делаем на встречах.
item-between-sessions = Я помогаю выбрать, что буду пробовать делать между встречами.
item-say-not-helping = Я могу сказать, если что-то из того, что мы делаем, мне не помогает.
item-asks-how-it-goes = Мой специалист спрашивает меня, как идёт наша работа.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = Никогда
option-how-often-5-rarely = Редко
option-how-often-5-sometimes = Иногда
option-how-often-5-often = Часто
option-how-often-5-always = Всегда
