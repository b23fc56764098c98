# Rapport widget strings: Russian, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "вы" (lowercase, as usual in on-screen text for everyone), kept warm and
# simple. Script: Cyrillic. Plain words, reading age 9 to 11, as in English.
# CLDR cardinal plural categories for Russian: one (1, 21, 31...), few (2-4, 22-24...),
# many (0, 5-20, 25-30...), other (fractions, e.g. 1,5). Every variant uses { $count } or
# { $max }, never a written "1", because "one" also covers 21, 31 and so on.
# Word choices to check: "care team" is "ваши специалисты" (the specialists who help you);
# "Your answers are still here" is "Ваши ответы остались на странице"; "optional" is
# "по желанию"; "characters" is "символы".

# The language's own name, shown in the language switcher.
language-name = Русский

language-label = Язык
required-mark = (обязательно)
optional-mark = (по желанию)

# Progress above the questions, e.g. "Отвечено: 3 из 12".
progress = Отвечено: { $answered } из { $total }
questions-left = { $count ->
    [one] Остался { $count } вопрос
    [few] Осталось { $count } вопроса
    [many] Осталось { $count } вопросов
   *[other] Осталось { $count } вопроса
}

privacy-note = Ваши ответы получат ваши специалисты. Ответы помогут вам и вашим специалистам поговорить о том, как идёт ваша совместная работа.

submit = Отправить ответы
try-again = Попробовать ещё раз
sending = Отправляем ваши ответы…
sent-title = Спасибо
sent-body = Ваши ответы отправлены вашим специалистам.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Ваши баллы
score-out-of = { $value } из { $high }
scores-note = Эти числа получены из ваших ответов. Это не результат теста. Ваши специалисты тоже их видят, и эти числа могут помочь вам вместе поговорить о том, как идут дела.
failed-network = Не получилось отправить ваши ответы. Пожалуйста, проверьте подключение к интернету и попробуйте ещё раз. Ваши ответы остались на странице.
failed-server = Сейчас не получилось отправить ваши ответы. Пожалуйста, попробуйте ещё раз чуть позже. Ваши ответы остались на странице.
failed-rejected = Ваши ответы не удалось принять. Пожалуйста, сообщите об этом вашим специалистам. Ваши ответы остались на странице.

# Shown while a send waits to be retried and the answers are stored on the device. The widget
# retries by itself.
queued-offline = Ваши ответы сохранены на этом устройстве. Мы отправим их, когда снова появится интернет.
queued-retry = Пока не получилось отправить ваши ответы. Они сохранены на этом устройстве, и скоро мы попробуем ещё раз.
# Shown after a page reload brought back answers given earlier.
draft-restored = Мы сохранили ответы, которые вы дали раньше. Вы можете продолжить с того места, где остановились.
# Shown under the privacy note when the portal asked the widget to store nothing (shared devices).
privacy-none = То, что вы здесь пишете, не сохраняется на этом устройстве.

error-summary-title = { $count ->
    [one] Пожалуйста, проверьте { $count } ответ
    [few] Пожалуйста, проверьте { $count } ответа
    [many] Пожалуйста, проверьте { $count } ответов
   *[other] Пожалуйста, проверьте { $count } ответа
}

issue-required = Пожалуйста, ответьте на этот вопрос.
issue-below-min = Пожалуйста, укажите число не меньше { $min }.
issue-above-max = Пожалуйста, укажите число не больше { $max }.
issue-too-long = { $max ->
    [one] Пожалуйста, напишите не больше { $max } символа.
    [few] Пожалуйста, напишите не больше { $max } символов.
    [many] Пожалуйста, напишите не больше { $max } символов.
   *[other] Пожалуйста, напишите не больше { $max } символа.
}
issue-too-short = { $min ->
    [one] Пожалуйста, напишите не меньше { $min } символа.
    [few] Пожалуйста, напишите не меньше { $min } символов.
    [many] Пожалуйста, напишите не меньше { $min } символов.
   *[other] Пожалуйста, напишите не меньше { $min } символа.
}
issue-no-match = Пожалуйста, проверьте этот ответ. Он записан не так, как нужно для этого вопроса.
issue-no-match-example = Пожалуйста, запишите ответ так: { $example }
issue-not-whole-number = Пожалуйста, укажите целое число, например 3.
issue-not-number = Пожалуйста, укажите число, например 3 или 3,5.
issue-wrong-type = Пожалуйста, выберите один из вариантов ответа.
issue-not-date = Пожалуйста, укажите полную дату: день, месяц и год.
issue-not-time = Пожалуйста, укажите время: часы и минуты.
issue-not-date-time = Пожалуйста, укажите полную дату и время.
issue-no-unit = Пожалуйста, укажите и единицу, например дни или кг.

option-own-words = Другое

characters-left = { $count ->
    [one] Остался { $count } символ
    [few] Осталось { $count } символа
    [many] Осталось { $count } символов
   *[other] Осталось { $count } символа
}

yes = Да
no = Нет
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $value } из { $max }

group-number = { $number } из { $count }
group-add = Добавить ещё
group-remove = Удалить это
group-remove-confirm = Удалить этот пункт вместе с ответами?
group-remove-yes = Да, удалить
group-remove-no = Нет, оставить

link-new-tab = откроется в новой вкладке
calculated-note = Рассчитано по вашим ответам.
calculated-pending = Появится, когда вы ответите на нужные для этого вопросы.
quantity-unit = Единица

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Извините, сейчас не получается показать эту анкету.
config-error-help = Пожалуйста, сообщите об этом вашим специалистам. Технические подробности для веб-команды клиники:
