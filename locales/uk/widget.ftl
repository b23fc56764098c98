# Rapport widget strings: Ukrainian, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "ви" (lowercase, as usual in on-screen text for everyone), kept warm and
# simple. Script: Cyrillic, current Ukrainian orthography (2019). Plain words, reading age 9
# to 11, as in English.
# CLDR cardinal plural categories for Ukrainian: one (1, 21, 31...), few (2-4, 22-24...),
# many (0, 5-20, 25-30...), other (fractions, e.g. 1,5). Every variant uses { $count } or
# { $max }, never a written "1", because "one" also covers 21, 31 and so on.
# Word choices to check: "question" is "запитання" throughout; "care team" is
# "ваші фахівці" (the specialists who help you); "Your answers are still here" is
# "Ваші відповіді залишилися на сторінці"; "optional" is "за бажанням"; "characters" is
# "символи" (genitive singular "символу" in the fraction form).

# The language's own name, shown in the language switcher.
language-name = Українська

language-label = Мова
required-mark = (обов’язково)
optional-mark = (за бажанням)

# Progress above the questions, e.g. "Відповідей: 3 з 12".
progress = Відповідей: { $answered } з { $total }
questions-left = { $count ->
    [one] Залишилося { $count } запитання
    [few] Залишилося { $count } запитання
    [many] Залишилося { $count } запитань
   *[other] Залишилося { $count } запитання
}

privacy-note = Ваші відповіді отримають ваші фахівці. Відповіді допоможуть вам і вашим фахівцям поговорити про те, як іде ваша спільна робота.

submit = Надіслати відповіді
try-again = Спробувати ще раз
sending = Надсилаємо ваші відповіді…
sent-title = Дякуємо
sent-body = Ваші відповіді надіслано вашим фахівцям.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Ваші бали
score-out-of = { $value } з { $high }
scores-note = Ці числа отримано з ваших відповідей. Це не результат тесту. Ваші фахівці теж їх бачать, і ці числа можуть допомогти вам разом поговорити про те, як ідуть справи.
failed-network = Не вдалося надіслати ваші відповіді. Будь ласка, перевірте підключення до інтернету і спробуйте ще раз. Ваші відповіді залишилися на сторінці.
failed-server = Зараз не вдалося надіслати ваші відповіді. Будь ласка, спробуйте ще раз трохи згодом. Ваші відповіді залишилися на сторінці.
failed-rejected = Ваші відповіді не вдалося прийняти. Будь ласка, повідомте про це вашим фахівцям. Ваші відповіді залишилися на сторінці.

# Shown while a send waits to be retried and the answers are stored on the device. The widget
# retries by itself.
queued-offline = Ваші відповіді збережено на цьому пристрої. Ми надішлемо їх, коли знову з’явиться інтернет.
queued-retry = Поки що не вдалося надіслати ваші відповіді. Їх збережено на цьому пристрої, і ми скоро спробуємо ще раз.
# Shown after a page reload brought back answers given earlier.
draft-restored = Ми зберегли відповіді, які ви дали раніше. Ви можете продовжити з того місця, де зупинилися.
# Shown under the privacy note when the portal asked the widget to store nothing (shared devices).
privacy-none = Те, що ви тут пишете, не зберігається на цьому пристрої.

error-summary-title = { $count ->
    [one] Будь ласка, перевірте { $count } відповідь
    [few] Будь ласка, перевірте { $count } відповіді
    [many] Будь ласка, перевірте { $count } відповідей
   *[other] Будь ласка, перевірте { $count } відповіді
}

issue-required = Будь ласка, дайте відповідь на це запитання.
issue-below-min = Будь ласка, вкажіть число не менше ніж { $min }.
issue-above-max = Будь ласка, вкажіть число не більше ніж { $max }.
issue-too-long = { $max ->
    [one] Будь ласка, напишіть не більше ніж { $max } символ.
    [few] Будь ласка, напишіть не більше ніж { $max } символи.
    [many] Будь ласка, напишіть не більше ніж { $max } символів.
   *[other] Будь ласка, напишіть не більше ніж { $max } символу.
}
issue-too-short = { $min ->
    [one] Будь ласка, напишіть не менше ніж { $min } символ.
    [few] Будь ласка, напишіть не менше ніж { $min } символи.
    [many] Будь ласка, напишіть не менше ніж { $min } символів.
   *[other] Будь ласка, напишіть не менше ніж { $min } символу.
}
issue-no-match = Будь ласка, перевірте цю відповідь. Її записано не так, як потрібно для цього запитання.
issue-no-match-example = Будь ласка, запишіть відповідь так: { $example }
issue-not-whole-number = Будь ласка, вкажіть ціле число, наприклад 3.
issue-not-number = Будь ласка, вкажіть число, наприклад 3 або 3,5.
issue-wrong-type = Будь ласка, виберіть один із варіантів відповіді.
issue-not-date = Будь ласка, вкажіть повну дату: день, місяць і рік.
issue-not-time = Будь ласка, вкажіть час: години й хвилини.
issue-not-date-time = Будь ласка, вкажіть повну дату й час.
issue-no-unit = Будь ласка, вкажіть і одиницю, наприклад дні або кг.

option-own-words = Інше

characters-left = { $count ->
    [one] Залишився { $count } символ
    [few] Залишилося { $count } символи
    [many] Залишилося { $count } символів
   *[other] Залишилося { $count } символу
}

yes = Так
no = Ні
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $value } з { $max }

group-number = { $number } з { $count }
group-add = Додати ще
group-remove = Видалити це
group-remove-confirm = Видалити цей пункт разом із відповідями?
group-remove-yes = Так, видалити
group-remove-no = Ні, залишити

link-new-tab = відкриється в новій вкладці
calculated-note = Обчислено за вашими відповідями.
calculated-pending = З’явиться, коли ви відповісте на потрібні для цього запитання.
quantity-unit = Одиниця

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Вибачте, зараз не вдається показати цю анкету.
config-error-help = Будь ласка, повідомте про це вашим фахівцям. Технічні подробиці для вебкоманди клініки:
