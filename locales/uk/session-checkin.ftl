# Rapport questionnaire "session-checkin" 1.0.0: Ukrainian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "ви" in the title and intro (the questions themselves are in the first
# person). Script: Cyrillic, current Ukrainian orthography (2019). CLDR cardinal plural
# categories for Ukrainian: one, few, many, other (no message in this file selects on a
# number). First-person past tense shows gender in Ukrainian (зміг / змогла), so the questions
# are worded to avoid it ("мені вдалося").
# Word choices to check: "session" is "зустріч" (meeting), plainer than "сесія"; "care team"
# is "фахівці"; "what was on my mind" is "те, що було в мене на душі". Not a validated
# psychometric instrument; no clinical cut-offs.

instrument-title = Після зустрічі
instrument-intro = Чотири короткі запитання про сьогоднішню зустріч. Ваші відповіді допоможуть вашим фахівцям зробити так, щоб зустрічі добре вам підходили.
instrument-notice = Це не тест. Ці запитання не перевіряли в наукових дослідженнях.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Ця зустріч загалом

item-say-my-mind = Сьогодні мені вдалося сказати те, що було в мене на душі.
item-say-my-mind-low = Зовсім ні
item-say-my-mind-high = Повністю

item-what-matters = Сьогодні ми займалися тим, що для мене найважливіше.
item-what-matters-low = Зовсім ні
item-what-matters-high = Повністю

item-way-we-worked = Сьогодні мені підходило те, як ми працювали.
item-way-we-worked-low = Зовсім ні
item-way-we-worked-high = Повністю

item-worth-my-time = Ця зустріч була варта мого часу.
item-worth-my-time-low = Зовсім ні
item-worth-my-time-high = Повністю
