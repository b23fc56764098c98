# Rapport questionnaire "psychiatry-relationship" 1.0.0: Ukrainian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "ви" in the title and intro (the questions themselves are in the first
# person). Script: Cyrillic, current Ukrainian orthography (2019). CLDR cardinal plural
# categories for Ukrainian: one, few, many, other (no message in this file selects on a
# number). "My clinician" is "мій фахівець" (grammatically masculine, used for women and men
# alike; "фахівчиня" exists but would exclude men), defined once in item-about-clinician.
# First-person past tense shows gender, so the questions avoid it. The agreement scale uses
# verbs ("погоджуюся"), which do not show gender.
# Word choices to check: "visits" is "прийом"; "nurse" is "медсестра" (commonly used for any
# nurse; "медбрат" is the male form); "side effects" is "побічні ефекти" (what patients say);
# "care team" is "ваші фахівці". Not a validated psychometric instrument; no clinical cut-offs.

instrument-title = Ви і ваш фахівець
instrument-intro = Ці запитання про те, як ви і ваш фахівець разом працюєте над вашим лікуванням. Ваші відповіді допоможуть вашим фахівцям побачити, що йде добре, а що можна покращити.
instrument-notice = Це не тест. Тут немає правильних чи неправильних відповідей. Ці запитання не перевіряли в наукових дослідженнях.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Слухати й пояснювати
score-treatment = Рішення про моє лікування
score-trust = Довіра і повага
score-total = Ви і ваш фахівець: загалом

item-about-clinician = Тут «мій фахівець» — це психіатр, лікар або медсестра, до яких ви ходите на прийом.

# Being listened to and plain explanations.
item-part-listening = Слухати й пояснювати
item-attention = Мій фахівець приділяє мені всю свою увагу.
item-plain-words = Мій фахівець говорить зі мною зрозумілими для мене словами.
# Reverse-scored.
item-rushed = На прийомі я відчуваю, що мене квапять.

# Shared decisions about treatment and medicine.
item-part-treatment = Рішення про моє лікування
item-choices = Мій фахівець пояснює мені, які є варіанти лікування.
item-my-say = Мою думку враховують, коли ухвалюють рішення про моє лікування.
# A yes or no question. The next two questions are shown only after "Так".
item-takes-medicine = Я приймаю ліки, які мені призначає мій фахівець.
item-medicine-say = Мою думку враховують, коли вибирають для мене ліки.
item-side-effects = Я можу спокійно розповісти своєму фахівцеві про побічні ефекти.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = Довіра і повага
item-culture = Мій фахівець поважає мою культуру і мої переконання.
item-worries = Я можу поділитися зі своїм фахівцем тим, що мене турбує.
item-gets-back = Мій фахівець зв’язується зі мною тоді, коли обіцяв.
item-who-sees = Мій фахівець пояснив мені, хто може бачити те, що я розповідаю.
item-feels-safe = Мій фахівець поводиться так, що я почуваюся в безпеці.

# Optional, in the patient's own words.
item-better = Що допомогло б нам краще працювати разом?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = Зовсім не погоджуюся
option-agree-5-disagree = Не погоджуюся
option-agree-5-neither = Ні погоджуюся, ні не погоджуюся
option-agree-5-agree = Погоджуюся
option-agree-5-strongly-agree = Повністю погоджуюся
