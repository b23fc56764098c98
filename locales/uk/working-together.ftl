# Rapport questionnaire "working-together" 1.0.0: Ukrainian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "ви" in the title and intro (the questions themselves are in the first
# person). Script: Cyrillic, current Ukrainian orthography (2019). CLDR cardinal plural
# categories for Ukrainian: one, few, many, other (no message in this file selects on a
# number). "My clinician" is "мій фахівець" (grammatically masculine, used for women and men
# alike), defined once in item-about-clinician. Past tense and short adjectives show gender,
# so the questions use present-tense verbs instead ("коли я засмучуюся", "я можу").
# Word choices to check: "therapist" is "психотерапевт" ("терапевт" alone means a general
# doctor); "session" is "зустріч"; "judged" is "засуджує"; "care team" is "ваші фахівці".
# Not a validated psychometric instrument; no clinical cut-offs.

instrument-title = Працюємо разом
instrument-intro = Ці запитання про те, як ви і ваш фахівець працюєте разом. Ваші відповіді допоможуть вашим фахівцям побачити, що йде добре, а що можна покращити.
instrument-notice = Це не тест. Тут немає правильних чи неправильних відповідей. Ці запитання не перевіряли в наукових дослідженнях.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Довіра
score-goals = Наші цілі
score-tasks = Як ми працюємо
score-total = Спільна робота загалом

item-about-clinician = Тут «мій фахівець» — це лікар, психотерапевт або медсестра, до яких ви ходите.

# Trust (bond).
item-part-bond = Мій фахівець і я
item-lets-me-finish = Мій фахівець дає мені договорити.
item-notices-upset = Мій фахівець помічає, коли я засмучуюся.
item-kind = Мій фахівець ставиться до мене по-доброму.
# Reverse-scored.
item-judged = Я відчуваю, що мій фахівець мене засуджує.

# Shared goals.
item-part-goals = Наші цілі
item-asks-what-i-want = Мій фахівець запитує, чого я хочу досягти в нашій роботі.
item-goals-clear = Я можу своїми словами сказати, які в нас цілі.
item-what-matters = У нашій роботі ми займаємося тим, що для мене найважливіше.
item-goals-change = Коли в моєму житті щось змінюється, ми знову обговорюємо мої цілі.

# Agreement on how we work (tasks).
item-part-tasks = Як ми працюємо
item-makes-sense = Я розумію, навіщо ми робимо те, що робимо на зустрічах.
item-between-sessions = Я допомагаю вибрати, що пробуватиму робити між зустрічами.
item-say-not-helping = Я можу сказати, якщо щось із того, що ми робимо, мені не допомагає.
item-asks-how-it-goes = Мій фахівець запитує мене, як іде наша робота.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = Ніколи
option-how-often-5-rarely = Рідко
option-how-often-5-sometimes = Іноді
option-how-often-5-often = Часто
option-how-often-5-always = Завжди
