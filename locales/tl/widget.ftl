# Rapport widget strings: Tagalog (Filipino), translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "kayo / ninyo / inyo" with a light "po", warm and plain, as a US clinic
# would write to adult Filipino patients. Latin script. Everyday Taglish words where that is
# what patients say in the US ("care team", "internet connection", "character", "web team").
# Plain words, reading age 9 to 11, as in English. Kind and neutral.
# Plurals: CLDR cardinal categories for Tagalog/Filipino are "one" and "other"; "one" covers
# 1, 2, 3, 5, 7, 8, 10 and more, so every variant uses the $variable, never a written digit.
# Tagalog does not mark the plural on a noun after a number, so both variants read the same.
# Word choices to check: "care team" (Taglish) for "care team", "Pakitingnan muli" for
# "Please check", "buong numero" for "whole number". Decimal separator is a point (3.5).

# The language's own name, shown in the language switcher.
language-name = Tagalog

language-label = Wika
required-mark = (kailangan)
optional-mark = (opsyonal)

# Progress above the questions, e.g. "3 sa 12 ang nasagot".
progress = { $answered } sa { $total } ang nasagot
questions-left = { $count ->
    [one] { $count } tanong pa ang natitira
   *[other] { $count } tanong pa ang natitira
}

privacy-note = Mapupunta ang mga sagot ninyo sa inyong care team. Makakatulong ang mga ito para mapag-usapan ninyo ng inyong care team kung kumusta ang pagtutulungan ninyo.

submit = Ipadala ang mga sagot ko
try-again = Subukan ulit
sending = Ipinapadala ang mga sagot ninyo…
sent-title = Salamat po
sent-body = Naipadala na ang mga sagot ninyo sa inyong care team.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Ang inyong mga score
score-out-of = { $value } sa { $high }
scores-note = Galing sa mga sagot ninyo ang mga numerong ito. Hindi ito resulta ng pagsusulit. Nakikita rin ito ng inyong care team, at makakatulong ang mga ito para mapag-usapan ninyo nang magkasama kung kumusta ang lahat.
failed-network = Hindi namin naipadala ang mga sagot ninyo. Pakitingnan ang inyong internet connection at subukan ulit. Nandito pa rin ang mga sagot ninyo.
failed-server = Hindi namin naipadala ang mga sagot ninyo ngayon. Pakisubukan ulit maya-maya. Nandito pa rin ang mga sagot ninyo.
failed-rejected = Hindi matanggap ang mga sagot ninyo. Pakisabi po ito sa inyong care team. Nandito pa rin ang mga sagot ninyo.

# Shown while answers wait on the device to be sent again (the widget retries by itself).
queued-offline = Naka-save ang mga sagot ninyo sa device na ito. Ipapadala namin ang mga ito kapag naka-online na ulit kayo.
queued-retry = Hindi pa namin naipadala ang mga sagot ninyo. Naka-save ang mga ito sa device na ito, at susubukan namin ulit maya-maya.
# Shown after a page reload brought back answers given earlier.
draft-restored = Itinabi namin ang mga sagot na ibinigay ninyo kanina, kaya puwede ninyong ituloy kung saan kayo huminto.
# Shown under the privacy note when nothing is stored (shared devices).
privacy-none = Hindi nase-save sa device na ito ang anumang i-type ninyo rito.

error-summary-title = { $count ->
    [one] Pakitingnan muli ang { $count } sagot
   *[other] Pakitingnan muli ang { $count } sagot
}

issue-required = Pakisagot ang tanong na ito.
issue-below-min = Pakilagay ang isang numero na { $min } o higit pa.
issue-above-max = Pakilagay ang isang numero na { $max } o mas mababa.
issue-too-long = { $max ->
    [one] Pakigamit ng hanggang { $max } character lang.
   *[other] Pakigamit ng hanggang { $max } character lang.
}
issue-too-short = { $min ->
    [one] Pakisulat ng hindi bababa sa { $min } character.
   *[other] Pakisulat ng hindi bababa sa { $min } character.
}
issue-no-match = Pakisuri ang sagot na ito. Hindi ito nakasulat sa paraang kailangan ng tanong na ito.
issue-no-match-example = Pakisulat ang sagot nang ganito: { $example }
issue-not-whole-number = Pakilagay ang isang buong numero, tulad ng 3.
issue-not-number = Pakilagay ang isang numero, tulad ng 3 o 3.5.
issue-wrong-type = Pakipili ang isa sa mga sagot.
issue-not-date = Pakilagay ang buong petsa: araw, buwan at taon.
issue-not-time = Pakilagay ang oras: oras at minuto.
issue-not-date-time = Pakilagay ang buong petsa at ang oras.
issue-no-unit = Pakilagay rin ang yunit, tulad ng araw o kg.

option-own-words = Iba pa

characters-left = { $count ->
    [one] { $count } character pa ang natitira
   *[other] { $count } character pa ang natitira
}

yes = Oo
no = Hindi
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $value } sa { $max }

group-number = { $number } sa { $count }
group-add = Magdagdag ng isa pa
group-remove = Alisin ito
group-remove-confirm = Alisin ito at ang mga sagot nito?
group-remove-yes = Oo, alisin
group-remove-no = Hindi, panatilihin

link-new-tab = bubukas sa bagong tab
calculated-note = Kinuwenta mula sa inyong mga sagot.
calculated-pending = Lalabas ito kapag nasagot na ninyo ang mga tanong na ginagamit nito.
quantity-unit = Yunit

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Paumanhin po, hindi maipakita ngayon ang mga tanong na ito.
config-error-help = Pakisabi po ito sa inyong care team. Mga teknikal na detalye para sa web team ng klinika:
