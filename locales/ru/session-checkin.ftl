# Rapport questionnaire "session-checkin" 1.0.0: Russian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "вы" in the title and intro (the questions themselves are in the first
# person). Script: Cyrillic. CLDR cardinal plural categories for Russian: one, few, many,
# other (no message in this file selects on a number). First-person past tense in Russian
# shows gender (смог / смогла), so the questions are worded to avoid it ("у меня получилось").
# Word choices to check: "session" is "встреча" (meeting), plainer than "сессия" and usual
# with therapists; "care team" is "специалисты"; "what was on my mind" is "то, что было у меня
# на душе". Not a validated psychometric instrument; no clinical cut-offs.

instrument-title = После встречи
instrument-intro = Четыре коротких вопроса о сегодняшней встрече. Ваши ответы помогут вашим специалистам сделать так, чтобы встречи хорошо вам подходили.
instrument-notice = Это не тест. Эти вопросы не проверялись в научных исследованиях.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Эта встреча в целом

item-say-my-mind = Сегодня у меня получилось сказать то, что было у меня на душе.
item-say-my-mind-low = Совсем нет
item-say-my-mind-high = Полностью

item-what-matters = Сегодня мы занимались тем, что для меня важнее всего.
item-what-matters-low = Совсем нет
item-what-matters-high = Полностью

item-way-we-worked = Сегодня мне подходило то, как мы работали.
item-way-we-worked-low = Совсем нет
item-way-we-worked-high = Полностью

item-worth-my-time = Эта встреча стоила моего времени.
item-worth-my-time-low = Совсем нет
item-worth-my-time-high = Полностью
