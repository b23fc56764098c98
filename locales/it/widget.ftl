# Rapport widget strings: Italian, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: the polite "Lei" form throughout (as is usual in Italian health care), kept warm
# with "per favore" and plain verbs; courtesy pronouns in lower case ("le sue risposte").
# Latin script. Plain words, reading age 9 to 11, as in English. Kind and neutral. Decimal
# comma (3,5).
# Plurals: CLDR cardinal categories one (only 1), many (round millions such as 1.000.000;
# worded like other) and other. Variants always show the number through the variable.
# Reviewer, please check first: "équipe di cura" for "care team" (alternatives: "team di
# cura", "le persone che la curano"); "Risposte: 3 su 12" for the progress line; "(obbligatoria)"
# and "(facoltativa)" agree with "domanda".

# The language's own name, shown in the language switcher.
language-name = Italiano

language-label = Lingua
required-mark = (obbligatoria)
optional-mark = (facoltativa)

# Progress above the questions, e.g. "Risposte: 3 su 12".
progress = Risposte: { $answered } su { $total }
questions-left = { $count ->
    [one] Manca { $count } domanda
    [many] Mancano { $count } domande
   *[other] Mancano { $count } domande
}

privacy-note = Le sue risposte vanno alla sua équipe di cura. Aiutano lei e la sua équipe a parlare di come sta andando il vostro lavoro insieme.

submit = Invia le mie risposte
try-again = Riprova
sending = Stiamo inviando le sue risposte…
sent-title = Grazie
sent-body = Le sue risposte sono state inviate alla sua équipe di cura.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = I suoi punteggi
score-out-of = { $value } su { $high }
scores-note = Questi numeri vengono dalle sue risposte. Non sono il risultato di un test. Anche la sua équipe di cura li vede, e possono aiutare lei e la sua équipe a parlare insieme di come stanno andando le cose.
failed-network = Non siamo riusciti a inviare le sue risposte. Controlli la connessione a internet e riprovi. Le sue risposte sono ancora qui.
failed-server = In questo momento non siamo riusciti a inviare le sue risposte. Per favore, riprovi tra poco. Le sue risposte sono ancora qui.
failed-rejected = Non è stato possibile accettare le sue risposte. Per favore, lo dica alla sua équipe di cura. Le sue risposte sono ancora qui.

# Shown while a send waits to be retried; the answers are stored on the device.
queued-offline = Le sue risposte sono salvate su questo dispositivo. Le invieremo appena tornerà la connessione a internet.
queued-retry = Non siamo ancora riusciti a inviare le sue risposte. Sono salvate su questo dispositivo e riproveremo presto.
# Shown after a page reload brought back answers given earlier.
draft-restored = Abbiamo tenuto le risposte che aveva già dato, così può riprendere da dove aveva lasciato.
# Shown under the privacy note when the widget stores nothing (shared devices).
privacy-none = Niente di quello che scrive qui viene salvato su questo dispositivo.

error-summary-title = { $count ->
    [one] Per favore, controlli { $count } risposta
    [many] Per favore, controlli { $count } risposte
   *[other] Per favore, controlli { $count } risposte
}

issue-required = Per favore, risponda a questa domanda.
issue-below-min = Per favore, scriva un numero da { $min } in su.
issue-above-max = Per favore, scriva un numero fino a { $max }.
issue-too-long = { $max ->
    [one] Per favore, usi al massimo { $max } carattere.
    [many] Per favore, usi al massimo { $max } caratteri.
   *[other] Per favore, usi al massimo { $max } caratteri.
}
issue-too-short = { $min ->
    [one] Per favore, scriva almeno { $min } carattere.
    [many] Per favore, scriva almeno { $min } caratteri.
   *[other] Per favore, scriva almeno { $min } caratteri.
}
issue-no-match = Per favore, controlli questa risposta. Non è scritta come questa domanda richiede.
issue-no-match-example = Per favore, scriva la risposta così: { $example }
issue-not-whole-number = Per favore, scriva un numero intero, per esempio 3.
issue-not-number = Per favore, scriva un numero, per esempio 3 o 3,5.
issue-wrong-type = Per favore, scelga una delle risposte.
issue-not-date = Per favore, scriva una data completa: giorno, mese e anno.
issue-not-time = Per favore, scriva un orario: ore e minuti.
issue-not-date-time = Per favore, scriva una data completa e un orario.
issue-no-unit = Per favore, scriva anche l’unità, per esempio giorni o kg.

option-own-words = Altro

characters-left = { $count ->
    [one] Resta { $count } carattere
    [many] Restano { $count } caratteri
   *[other] Restano { $count } caratteri
}

yes = Sì
no = No
scale-value = { $value } su { $max }

group-number = { $number } di { $count }
group-add = Aggiungi un altro
group-remove = Rimuovi questo
group-remove-confirm = Togliere questo e le sue risposte?
group-remove-yes = Sì, toglilo
group-remove-no = No, tienilo

link-new-tab = si apre in una nuova scheda
calculated-note = Calcolato dalle sue risposte.
calculated-pending = Compare quando risponde alle domande che usa.
quantity-unit = Unità

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Ci dispiace, in questo momento non è possibile mostrare questo questionario.
config-error-help = Per favore, lo dica alla sua équipe di cura. Dettagli tecnici per il team web della clinica:
