# Rapport questionnaire "psychiatry-relationship" 1.0.0: Russian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "вы" in the title and intro (the questions themselves are in the first
# person). Script: Cyrillic. CLDR cardinal plural categories for Russian: one, few, many,
# other (no message in this file selects on a number). "My clinician" is "мой специалист"
# (grammatically masculine, used for women and men alike); it is defined once in
# item-about-clinician. First-person past tense shows gender in Russian, so the questions
# avoid it. The agreement scale uses "согласен(на)" so that it reads right for everyone;
# a reviewer may prefer another neutral form.
# Word choices to check: "visits" is "приём"; "nurse" is "медсестра" (commonly used for any
# nurse; "медбрат" is the male form); "side effects" is "побочные эффекты" (what patients say);
# "care team" is "ваши специалисты". Not a validated psychometric instrument; no clinical
# cut-offs.

instrument-title = Вы и ваш специалист
instrument-intro = Эти вопросы о том, как вы и ваш специалист вместе работаете над вашим лечением. Ваши ответы помогут вашим специалистам понять, что идёт хорошо, а что можно улучшить.
instrument-notice = Это не тест. Здесь нет правильных или неправильных ответов. Эти вопросы не проверялись в научных исследованиях.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Слушать и объяснять
score-treatment = Решения о моём лечении
score-trust = Доверие и уважение
score-total = Вы и ваш специалист: в целом

item-about-clinician = Здесь «мой специалист» — это психиатр, врач или медсестра, к которым вы ходите на приём.

# Being listened to and plain explanations.
item-part-listening = Слушать и объяснять
item-attention = Мой специалист уделяет мне всё своё внимание.
item-plain-words = Мой специалист говорит со мной понятными мне словами.
# Reverse-scored.
item-rushed = На приёме я чувствую, что меня торопят.

# Shared decisions about treatment and medicine.
item-part-treatment = Решения о моём лечении
item-choices = Мой специалист объясняет мне, какие есть варианты лечения.
item-my-say = Моё мнение учитывают, когда принимают решения о моём лечении.
# A yes or no question. The next two questions are shown only after "Да".
item-takes-medicine = Я принимаю лекарства, которые мне назначает мой специалист.
item-medicine-say = Моё мнение учитывают, когда выбирают мне лекарства.
item-side-effects = Я могу спокойно рассказать своему специалисту о побочных эффектах.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = Доверие и уважение
item-culture = Мой специалист уважает мою культуру и мои убеждения.
item-worries = Я могу поделиться со своим специалистом тем, что меня беспокоит.
item-gets-back = Мой специалист связывается со мной тогда, когда обещал.
item-who-sees = Мой специалист объяснил мне, кто может видеть то, что я рассказываю.
item-feels-safe = Мой специалист ведёт себя так, что я чувствую себя в безопасности.

# Optional, in the patient's own words.
item-better = Что помогло бы нам лучше работать вместе?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = Совсем не согласен(на)
option-agree-5-disagree = Не согласен(на)
option-agree-5-neither = Ни да, ни нет
option-agree-5-agree = Согласен(на)
option-agree-5-strongly-agree = Полностью согласен(на)
