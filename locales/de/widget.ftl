# Rapport widget strings: German, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: the polite "Sie" form throughout, kept warm with "bitte" and plain verbs. Latin
# script; standard German meant to read well in Germany, Austria and Switzerland (with "ß";
# Swiss readers would write "ss"). Plain words, reading age 9 to 11, as in English. Kind and
# neutral. German quotation marks „ “; decimal comma (3,5).
# Plurals: CLDR cardinal categories one (only 1) and other. "Zeichen" is the same in the
# singular and the plural, so both variants of those messages read alike. Variants always show
# the number through the variable.
# Reviewer, please check first: "Behandlungsteam" for "care team"; "(Pflichtfrage)" and
# "(freiwillig)" for the required and optional marks; "Web-Team der Praxis" for "clinic's web
# team" ("Praxis" for an outpatient practice; a hospital would say "Klinik").

# The language's own name, shown in the language switcher.
language-name = Deutsch

language-label = Sprache
required-mark = (Pflichtfrage)
optional-mark = (freiwillig)

# Progress above the questions, e.g. "3 von 12 beantwortet".
progress = { $answered } von { $total } beantwortet
questions-left = { $count ->
    [one] Noch { $count } Frage offen
   *[other] Noch { $count } Fragen offen
}

privacy-note = Ihre Antworten gehen an Ihr Behandlungsteam. So können Sie und Ihr Behandlungsteam darüber sprechen, wie Ihre Zusammenarbeit läuft.

submit = Meine Antworten senden
try-again = Noch einmal versuchen
sending = Ihre Antworten werden gesendet…
sent-title = Vielen Dank
sent-body = Ihre Antworten wurden an Ihr Behandlungsteam gesendet.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Ihre Werte
score-out-of = { $value } von { $high }
scores-note = Diese Zahlen kommen aus Ihren Antworten und sind kein Testergebnis. Ihr Behandlungsteam sieht sie auch, und sie können Ihnen helfen, gemeinsam darüber zu sprechen, wie es läuft.
failed-network = Wir konnten Ihre Antworten nicht senden. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es noch einmal. Ihre Antworten sind noch da.
failed-server = Wir konnten Ihre Antworten gerade nicht senden. Bitte versuchen Sie es gleich noch einmal. Ihre Antworten sind noch da.
failed-rejected = Ihre Antworten konnten nicht angenommen werden. Bitte sagen Sie Ihrem Behandlungsteam Bescheid. Ihre Antworten sind noch da.

# Shown while a send waits to be retried; the answers are stored on the device.
queued-offline = Ihre Antworten sind auf diesem Gerät gespeichert. Wir senden sie, sobald Sie wieder online sind.
queued-retry = Wir konnten Ihre Antworten noch nicht senden. Die Antworten sind auf diesem Gerät gespeichert, und wir versuchen es bald noch einmal.
# Shown after a page reload brought back answers given earlier.
draft-restored = Wir haben die Antworten behalten, die Sie vorher gegeben haben. So können Sie dort weitermachen, wo Sie aufgehört haben.
# Shown under the privacy note when the widget stores nothing (shared devices).
privacy-none = Was Sie hier eingeben, wird nicht auf diesem Gerät gespeichert.

error-summary-title = { $count ->
    [one] Bitte prüfen Sie { $count } Antwort
   *[other] Bitte prüfen Sie { $count } Antworten
}

issue-required = Bitte beantworten Sie diese Frage.
issue-below-min = Bitte geben Sie eine Zahl von { $min } oder mehr ein.
issue-above-max = Bitte geben Sie eine Zahl von { $max } oder weniger ein.
issue-too-long = { $max ->
    [one] Bitte schreiben Sie höchstens { $max } Zeichen.
   *[other] Bitte schreiben Sie höchstens { $max } Zeichen.
}
issue-too-short = { $min ->
    [one] Bitte schreiben Sie mindestens { $min } Zeichen.
   *[other] Bitte schreiben Sie mindestens { $min } Zeichen.
}
issue-no-match = Bitte prüfen Sie diese Antwort. Sie ist nicht so geschrieben, wie diese Frage es braucht.
issue-no-match-example = Bitte schreiben Sie die Antwort so: { $example }
issue-not-whole-number = Bitte geben Sie eine ganze Zahl ein, zum Beispiel 3.
issue-not-number = Bitte geben Sie eine Zahl ein, zum Beispiel 3 oder 3,5.
issue-wrong-type = Bitte wählen Sie eine der Antworten.
issue-not-date = Bitte geben Sie ein vollständiges Datum ein: Tag, Monat und Jahr.
issue-not-time = Bitte geben Sie eine Uhrzeit ein: Stunden und Minuten.
issue-not-date-time = Bitte geben Sie ein vollständiges Datum und eine Uhrzeit ein.
issue-no-unit = Bitte geben Sie auch die Einheit ein, zum Beispiel Tage oder kg.

option-own-words = Etwas anderes

characters-left = { $count ->
    [one] Noch { $count } Zeichen übrig
   *[other] Noch { $count } Zeichen übrig
}

yes = Ja
no = Nein
scale-value = { $value } von { $max }

group-number = { $number } von { $count }
group-add = Weiteren Eintrag hinzufügen
group-remove = Diesen Eintrag entfernen
group-remove-confirm = Diesen Eintrag mit seinen Antworten entfernen?
group-remove-yes = Ja, entfernen
group-remove-no = Nein, behalten

link-new-tab = öffnet sich in einem neuen Tab
calculated-note = Aus Ihren Antworten berechnet.
calculated-pending = Erscheint, sobald Sie die Fragen beantworten, die dafür nötig sind.
quantity-unit = Einheit

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Dieser Fragebogen kann leider gerade nicht angezeigt werden.
config-error-help = Bitte sagen Sie Ihrem Behandlungsteam Bescheid. Technische Details für das Web-Team der Praxis:
