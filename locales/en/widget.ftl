# Rapport widget strings: English (the reference locale).
# Status: source (written by the Rapport project; every other locale is translated from this file)
# Licence: CC0-1.0
#
# Plain words, reading age 9 to 11. Kind and neutral. Numbers go in as $variables so that
# plural forms work in every language.

# The language's own name, shown in the language switcher.
language-name = English

language-label = Language
required-mark = (required)
optional-mark = (optional)

# Progress above the questions, e.g. "3 of 12 answered".
progress = { $answered } of { $total } answered
questions-left = { $count ->
    [one] { $count } question left
   *[other] { $count } questions left
}

privacy-note = Your answers go to your care team. They help you and your care team talk about how your work together is going.

submit = Send my answers
try-again = Try again
sending = Sending your answers…
sent-title = Thank you
sent-body = Your answers have been sent to your care team.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Your scores
score-out-of = { $value } out of { $high }
scores-note = These numbers come from your answers. They are not a test result. Your care team sees them too, and they can help you talk together about how things are going.
failed-network = We could not send your answers. Please check your internet connection and try again. Your answers are still here.
failed-server = We could not send your answers just now. Please try again in a moment. Your answers are still here.
failed-rejected = Your answers could not be accepted. Please tell your care team. Your answers are still here.

# Shown while a send waits to be retried and the answers are stored on the device (the portal
# chose session or local storage). The widget retries by itself.
queued-offline = Your answers are saved on this device. We will send them when you are back online.
queued-retry = We could not send your answers yet. They are saved on this device, and we will try again soon.
# Shown after a page reload brought back answers given earlier.
draft-restored = We kept the answers you gave before, so you can go on where you left off.
# Shown under the privacy note when the portal asked the widget to store nothing (shared devices).
privacy-none = Nothing you type here is saved on this device.

error-summary-title = { $count ->
    [one] Please check { $count } answer
   *[other] Please check { $count } answers
}

issue-required = Please answer this question.
issue-below-min = Please give a number of { $min } or more.
issue-above-max = Please give a number of { $max } or less.
issue-too-long = { $max ->
    [one] Please use { $max } character or less.
   *[other] Please use { $max } characters or less.
}
issue-too-short = { $min ->
    [one] Please write at least { $min } character.
   *[other] Please write at least { $min } characters.
}
# A text answer not written the way the questionnaire needs (a pattern, e.g. for a postcode).
# The second message when the questionnaire gives an example of the way to write it.
issue-no-match = Please check this answer. It is not written the way this question needs.
issue-no-match-example = Please write this answer like this: { $example }
issue-not-whole-number = Please give a whole number, like 3.
issue-not-number = Please give a number, like 3 or 3.5.
issue-wrong-type = Please choose one of the answers.
issue-not-date = Please give a full date: day, month and year.
issue-not-time = Please give a time: hours and minutes.
issue-not-date-time = Please give a full date and a time.
# A number given for a quantity whose unit the patient writes (the question names none),
# without the unit.
issue-no-unit = Please also write the unit, like days or kg.

# The last answer of a question that lets the patient write their own answer (FHIR
# open-choice), above the text field for it, when the questionnaire gives no label of its own.
option-own-words = Something else

characters-left = { $count ->
    [one] { $count } character left
   *[other] { $count } characters left
}

yes = Yes
no = No
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $value } out of { $max }

# A group of questions the patient may answer more than once (a repeating group, e.g.
# one per medicine). Beside its title when there are several, e.g. "2 of 3"; the buttons
# add one more of the group, or take this one out.
group-number = { $number } of { $count }
group-add = Add another
group-remove = Remove this one
# Asked in place of "Remove this one" when that one holds answers: removing it loses them.
group-remove-confirm = Remove this one and its answers?
group-remove-yes = Yes, remove it
group-remove-no = No, keep it

# Said by a screen reader after the words of a link in a clinic's own text: the link
# opens in a new tab, so the questionnaire and its answers stay where they are.
link-new-tab = opens in a new tab
# A calculated value (a total, a BMI) the definition works out from the answers: shown read-only
# under its own words, with this note; until then, the second message in its place.
calculated-note = Worked out from your answers.
calculated-pending = Shows once you answer the questions it uses.
# The label of the field beside a number where the patient writes its unit (a question that
# asks for an amount, like "how long", and names no unit of its own).
quantity-unit = Unit

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Sorry, this questionnaire cannot be shown right now.
config-error-help = Please tell your care team. Technical details for the clinic's web team:
