# Rapport widget strings: Romanian, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "dumneavoastră" with "Vă rugăm", the form a Romanian clinic uses with adult
# patients, kept warm and simple. Latin script with the comma-below letters ș and ț (not the
# cedilla ş ţ). Numbers in examples use the decimal comma (3,5).
# Plurals: CLDR categories one (1), few (0, 2–19, and 101–119 etc.) and other (20 and up,
# which take "de": "20 de întrebări"); every variant uses { $count } / { $max }.
# "Care team" = "echipa care vă îngrijește" (as in "medicul care vă îngrijește").
# Reviewer: "caracter / caractere" for "character(s)"; "Mai puteți scrie…" for "characters left".

# The language's own name, shown in the language switcher.
language-name = Română

language-label = Limba
required-mark = (obligatoriu)
optional-mark = (opțional)

# Progress above the questions, e.g. "3 of 12 answered".
progress = Ați răspuns la { $answered } din { $total }
questions-left = { $count ->
    [one] Mai este { $count } întrebare
    [few] Mai sunt { $count } întrebări
   *[other] Mai sunt { $count } de întrebări
}

privacy-note = Răspunsurile dumneavoastră ajung la echipa care vă îngrijește. Ele vă ajută să discutați împreună cu echipa despre cum merge colaborarea.

submit = Trimiteți răspunsurile
try-again = Încercați din nou
sending = Se trimit răspunsurile dumneavoastră…
sent-title = Vă mulțumim
sent-body = Răspunsurile dumneavoastră au fost trimise echipei care vă îngrijește.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Scorurile dumneavoastră
score-out-of = { $value } din { $high }
scores-note = Aceste numere vin din răspunsurile dumneavoastră. Nu sunt rezultatul unui test. Echipa care vă îngrijește le vede și ea. Ele vă pot ajuta să discutați împreună despre cum merg lucrurile.
failed-network = Nu am putut trimite răspunsurile dumneavoastră. Vă rugăm să verificați conexiunea la internet și să încercați din nou. Răspunsurile dumneavoastră sunt încă aici.
failed-server = Nu am putut trimite răspunsurile dumneavoastră acum. Vă rugăm să încercați din nou peste câteva momente. Răspunsurile dumneavoastră sunt încă aici.
failed-rejected = Răspunsurile dumneavoastră nu au putut fi acceptate. Vă rugăm să anunțați echipa care vă îngrijește. Răspunsurile dumneavoastră sunt încă aici.

# Shown while a send waits to be retried; the answers are stored on this device.
queued-offline = Răspunsurile dumneavoastră sunt salvate pe acest dispozitiv. Le vom trimite când veți avea din nou conexiune la internet.
queued-retry = Nu am putut trimite încă răspunsurile dumneavoastră. Sunt salvate pe acest dispozitiv și vom încerca din nou în curând.
# Shown after a page reload brought back answers given earlier.
draft-restored = Am păstrat răspunsurile pe care le-ați dat mai devreme, ca să puteți continua de unde ați rămas.
# Shown under the privacy note when the widget stores nothing (shared devices).
privacy-none = Nimic din ce scrieți aici nu se salvează pe acest dispozitiv.

error-summary-title = { $count ->
    [one] Vă rugăm să verificați { $count } răspuns
    [few] Vă rugăm să verificați { $count } răspunsuri
   *[other] Vă rugăm să verificați { $count } de răspunsuri
}

issue-required = Vă rugăm să răspundeți la această întrebare.
issue-below-min = Vă rugăm să scrieți un număr de cel puțin { $min }.
issue-above-max = Vă rugăm să scrieți un număr de cel mult { $max }.
issue-too-long = { $max ->
    [one] Vă rugăm să folosiți cel mult { $max } caracter.
    [few] Vă rugăm să folosiți cel mult { $max } caractere.
   *[other] Vă rugăm să folosiți cel mult { $max } de caractere.
}
issue-too-short = { $min ->
    [one] Vă rugăm să scrieți cel puțin { $min } caracter.
    [few] Vă rugăm să scrieți cel puțin { $min } caractere.
   *[other] Vă rugăm să scrieți cel puțin { $min } de caractere.
}
issue-no-match = Vă rugăm să verificați acest răspuns. Nu este scris așa cum are nevoie această întrebare.
issue-no-match-example = Vă rugăm să scrieți răspunsul așa: { $example }
issue-not-whole-number = Vă rugăm să scrieți un număr întreg, de exemplu 3.
issue-not-number = Vă rugăm să scrieți un număr, de exemplu 3 sau 3,5.
issue-wrong-type = Vă rugăm să alegeți unul dintre răspunsuri.
issue-not-date = Vă rugăm să scrieți o dată completă: ziua, luna și anul.
issue-not-time = Vă rugăm să scrieți o oră: orele și minutele.
issue-not-date-time = Vă rugăm să scrieți o dată completă și o oră.
issue-no-unit = Vă rugăm să scrieți și unitatea, de exemplu zile sau kg.

option-own-words = Altceva

characters-left = { $count ->
    [one] Mai puteți scrie { $count } caracter
    [few] Mai puteți scrie { $count } caractere
   *[other] Mai puteți scrie { $count } de caractere
}

yes = Da
no = Nu
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $value } din { $max }

group-number = { $number } din { $count }
group-add = Adăugați încă unul
group-remove = Eliminați-l pe acesta
group-remove-confirm = Eliminați acesta și răspunsurile lui?
group-remove-yes = Da, eliminați
group-remove-no = Nu, păstrați

link-new-tab = se deschide într-o filă nouă
calculated-note = Calculat din răspunsurile dumneavoastră.
calculated-pending = Apare după ce răspundeți la întrebările de care are nevoie.
quantity-unit = Unitate

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Ne pare rău, acest chestionar nu poate fi afișat acum.
config-error-help = Vă rugăm să anunțați echipa care vă îngrijește. Detalii tehnice pentru echipa web a clinicii:
