# Rapport widget strings: Polish, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite and impersonal, as in Polish clinic forms: requests are "Prosimy…" plus
# an infinitive, and the text avoids "Pan/Pani" (which would need both genders on every
# line) and the informal "ty". Buttons use the usual short imperative ("Wyślij"). Script:
# Latin with Polish letters. Plain words, reading age 9 to 11, as in English.
# CLDR cardinal plural categories for Polish: one (1 only), few (2-4, 22-24, 32-34...),
# many (0, 5-21, 25-31...), other (fractions, e.g. 1,5). Variants use { $count } or { $max }
# rather than a written "1".
# Word choices to check: "care team" is "zespół terapeutyczny" (the usual term in Polish
# mental health care; a reviewer may prefer "zespół, który się Panem/Panią opiekuje");
# "Your answers are still here" is "Odpowiedzi nadal są na tej stronie"; "clinic" is
# "placówka"; "characters" is "znaki".

# The language's own name, shown in the language switcher.
language-name = Polski

language-label = Język
required-mark = (obowiązkowe)
optional-mark = (nieobowiązkowe)

# Progress above the questions, e.g. "Odpowiedzi: 3 z 12".
progress = Odpowiedzi: { $answered } z { $total }
questions-left = { $count ->
    [one] Zostało { $count } pytanie
    [few] Zostały { $count } pytania
    [many] Zostało { $count } pytań
   *[other] Zostało { $count } pytania
}

privacy-note = Odpowiedzi trafią do zespołu terapeutycznego. Pomogą wspólnie porozmawiać o tym, jak układa się współpraca.

submit = Wyślij odpowiedzi
try-again = Spróbuj ponownie
sending = Wysyłanie odpowiedzi…
sent-title = Dziękujemy
sent-body = Odpowiedzi zostały wysłane do zespołu terapeutycznego.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Wyniki
score-out-of = { $value } na { $high }
scores-note = Te liczby pochodzą z udzielonych odpowiedzi. To nie jest wynik testu. Zespół terapeutyczny też je widzi. Mogą pomóc wspólnie porozmawiać o tym, jak się sprawy układają.
failed-network = Nie udało się wysłać odpowiedzi. Prosimy sprawdzić połączenie z internetem i spróbować ponownie. Odpowiedzi nadal są na tej stronie.
failed-server = Nie udało się teraz wysłać odpowiedzi. Prosimy spróbować ponownie za chwilę. Odpowiedzi nadal są na tej stronie.
failed-rejected = Nie udało się przyjąć odpowiedzi. Prosimy powiedzieć o tym zespołowi terapeutycznemu. Odpowiedzi nadal są na tej stronie.

# Shown while a send waits to be retried and the answers are stored on the device. The widget
# retries by itself.
queued-offline = Odpowiedzi są zapisane na tym urządzeniu. Wyślemy je, gdy znów będzie połączenie z internetem.
queued-retry = Nie udało się jeszcze wysłać odpowiedzi. Są zapisane na tym urządzeniu i wkrótce spróbujemy ponownie.
# Shown after a page reload brought back answers given earlier.
draft-restored = Zachowaliśmy wcześniejsze odpowiedzi, więc można kontynuować od tego samego miejsca.
# Shown under the privacy note when the portal asked the widget to store nothing (shared devices).
privacy-none = To, co zostanie tu wpisane, nie jest zapisywane na tym urządzeniu.

error-summary-title = { $count ->
    [one] Prosimy sprawdzić { $count } odpowiedź
    [few] Prosimy sprawdzić { $count } odpowiedzi
    [many] Prosimy sprawdzić { $count } odpowiedzi
   *[other] Prosimy sprawdzić { $count } odpowiedzi
}

issue-required = Prosimy odpowiedzieć na to pytanie.
issue-below-min = Prosimy wpisać liczbę { $min } lub większą.
issue-above-max = Prosimy wpisać liczbę { $max } lub mniejszą.
issue-too-long = { $max ->
    [one] Prosimy wpisać nie więcej niż { $max } znak.
    [few] Prosimy wpisać nie więcej niż { $max } znaki.
    [many] Prosimy wpisać nie więcej niż { $max } znaków.
   *[other] Prosimy wpisać nie więcej niż { $max } znaku.
}
issue-too-short = { $min ->
    [one] Prosimy wpisać co najmniej { $min } znak.
    [few] Prosimy wpisać co najmniej { $min } znaki.
    [many] Prosimy wpisać co najmniej { $min } znaków.
   *[other] Prosimy wpisać co najmniej { $min } znaku.
}
issue-no-match = Prosimy sprawdzić tę odpowiedź. Nie jest zapisana tak, jak wymaga tego to pytanie.
issue-no-match-example = Prosimy wpisać odpowiedź w ten sposób: { $example }
issue-not-whole-number = Prosimy wpisać liczbę całkowitą, na przykład 3.
issue-not-number = Prosimy wpisać liczbę, na przykład 3 lub 3,5.
issue-wrong-type = Prosimy wybrać jedną z odpowiedzi.
issue-not-date = Prosimy wpisać pełną datę: dzień, miesiąc i rok.
issue-not-time = Prosimy wpisać godzinę: godziny i minuty.
issue-not-date-time = Prosimy wpisać pełną datę i godzinę.
issue-no-unit = Prosimy wpisać też jednostkę, na przykład dni lub kg.

option-own-words = Coś innego

characters-left = { $count ->
    [one] Został { $count } znak
    [few] Zostały { $count } znaki
    [many] Zostało { $count } znaków
   *[other] Zostało { $count } znaku
}

yes = Tak
no = Nie
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $value } na { $max }

group-number = { $number } z { $count }
group-add = Dodaj kolejny
group-remove = Usuń ten
group-remove-confirm = Usunąć ten wpis razem z odpowiedziami?
group-remove-yes = Tak, usuń
group-remove-no = Nie, zostaw

link-new-tab = otwiera się w nowej karcie
calculated-note = Obliczone na podstawie udzielonych odpowiedzi.
calculated-pending = Pojawi się po udzieleniu odpowiedzi na potrzebne pytania.
quantity-unit = Jednostka

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Przepraszamy, nie można teraz wyświetlić tej ankiety.
config-error-help = Prosimy powiedzieć o tym zespołowi terapeutycznemu. Szczegóły techniczne dla osób, które zajmują się stroną internetową placówki:
