# Rapport widget strings: Lithuanian, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "jūs" (lowercase, as in text for a general audience; a clinic may prefer
# the capitalised "Jūs/Jūsų" of personal letters). Requests use "Prašome…" plus an infinitive
# or the polite imperative. Script: Latin with Lithuanian letters. Plain words, reading age
# 9 to 11, as in English.
# CLDR cardinal plural categories for Lithuanian: one (1, 21, 31... but not 11), few (2-9,
# 22-29... but not 12-19), many (fractions, e.g. 1,5), other (0, 10-20, 30, 40...). Every
# variant uses { $count } or { $max }, never a written "1", because "one" also covers 21, 31.
# Word choices to check: "care team" is "jūsų specialistai" (the specialists who help you);
# "Your answers are still here" is "Jūsų atsakymai liko šiame puslapyje"; "characters" is
# "simboliai"; "questionnaire" is "klausimynas".

# The language's own name, shown in the language switcher.
language-name = Lietuvių

language-label = Kalba
required-mark = (privaloma)
optional-mark = (neprivaloma)

# Progress above the questions, e.g. "Atsakyta: 3 iš 12".
progress = Atsakyta: { $answered } iš { $total }
questions-left = { $count ->
    [one] Liko { $count } klausimas
    [few] Liko { $count } klausimai
    [many] Liko { $count } klausimo
   *[other] Liko { $count } klausimų
}

privacy-note = Jūsų atsakymai bus perduoti jūsų specialistams. Atsakymai padės jums ir specialistams pasikalbėti apie tai, kaip jums sekasi dirbti kartu.

submit = Siųsti atsakymus
try-again = Bandyti dar kartą
sending = Siunčiame jūsų atsakymus…
sent-title = Ačiū
sent-body = Jūsų atsakymai išsiųsti jūsų specialistams.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Jūsų balai
score-out-of = { $value } iš { $high }
scores-note = Šie skaičiai gauti iš jūsų atsakymų. Tai ne testo rezultatas. Juos mato ir jūsų specialistai. Šie skaičiai gali padėti jums kartu pasikalbėti apie tai, kaip jums sekasi.
failed-network = Nepavyko išsiųsti jūsų atsakymų. Prašome patikrinti interneto ryšį ir bandyti dar kartą. Jūsų atsakymai liko šiame puslapyje.
failed-server = Šiuo metu nepavyko išsiųsti jūsų atsakymų. Prašome netrukus pabandyti dar kartą. Jūsų atsakymai liko šiame puslapyje.
failed-rejected = Jūsų atsakymų nepavyko priimti. Prašome apie tai pranešti savo specialistams. Jūsų atsakymai liko šiame puslapyje.

# Shown while a send waits to be retried and the answers are stored on the device. The widget
# retries by itself.
queued-offline = Jūsų atsakymai išsaugoti šiame įrenginyje. Juos išsiųsime, kai vėl prisijungsite prie interneto.
queued-retry = Kol kas nepavyko išsiųsti jūsų atsakymų. Jie išsaugoti šiame įrenginyje. Netrukus bandysime dar kartą.
# Shown after a page reload brought back answers given earlier.
draft-restored = Išsaugojome anksčiau pateiktus jūsų atsakymus, todėl galite tęsti nuo ten, kur sustojote.
# Shown under the privacy note when the portal asked the widget to store nothing (shared devices).
privacy-none = Tai, ką čia rašote, šiame įrenginyje neišsaugoma.

error-summary-title = { $count ->
    [one] Prašome patikrinti { $count } atsakymą
    [few] Prašome patikrinti { $count } atsakymus
    [many] Prašome patikrinti { $count } atsakymo
   *[other] Prašome patikrinti { $count } atsakymų
}

issue-required = Prašome atsakyti į šį klausimą.
issue-below-min = Prašome įrašyti { $min } arba didesnį skaičių.
issue-above-max = Prašome įrašyti { $max } arba mažesnį skaičių.
issue-too-long = { $max ->
    [one] Prašome parašyti ne daugiau kaip { $max } simbolį.
    [few] Prašome parašyti ne daugiau kaip { $max } simbolius.
    [many] Prašome parašyti ne daugiau kaip { $max } simbolio.
   *[other] Prašome parašyti ne daugiau kaip { $max } simbolių.
}
issue-too-short = { $min ->
    [one] Prašome parašyti bent { $min } simbolį.
    [few] Prašome parašyti bent { $min } simbolius.
    [many] Prašome parašyti bent { $min } simbolio.
   *[other] Prašome parašyti bent { $min } simbolių.
}
issue-no-match = Prašome patikrinti šį atsakymą. Jis parašytas ne taip, kaip reikia šiam klausimui.
issue-no-match-example = Prašome parašyti atsakymą taip: { $example }
issue-not-whole-number = Prašome įrašyti sveikąjį skaičių, pavyzdžiui, 3.
issue-not-number = Prašome įrašyti skaičių, pavyzdžiui, 3 arba 3,5.
issue-wrong-type = Prašome pasirinkti vieną iš atsakymų.
issue-not-date = Prašome įrašyti visą datą: dieną, mėnesį ir metus.
issue-not-time = Prašome įrašyti laiką: valandas ir minutes.
issue-not-date-time = Prašome įrašyti visą datą ir laiką.
issue-no-unit = Prašome įrašyti ir matavimo vienetą, pavyzdžiui, dienos arba kg.

option-own-words = Kita

characters-left = { $count ->
    [one] Liko { $count } simbolis
    [few] Liko { $count } simboliai
    [many] Liko { $count } simbolio
   *[other] Liko { $count } simbolių
}

yes = Taip
no = Ne
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $value } iš { $max }

group-number = { $number } iš { $count }
group-add = Pridėti dar vieną
group-remove = Pašalinti šį
group-remove-confirm = Pašalinti šį įrašą ir jo atsakymus?
group-remove-yes = Taip, pašalinti
group-remove-no = Ne, palikti

link-new-tab = atsidaro naujame skirtuke
calculated-note = Apskaičiuota pagal jūsų atsakymus.
calculated-pending = Bus rodoma, kai atsakysite į klausimus, kurių tam reikia.
quantity-unit = Vienetas

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Atsiprašome, šiuo metu šio klausimyno parodyti negalime.
config-error-help = Prašome apie tai pranešti savo specialistams. Techninė informacija klinikos svetainės komandai:
