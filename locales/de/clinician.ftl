# Rapport clinician's view: German, translated from the English reference (locales/en/clinician.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: the polite "Sie" form, short and factual, for clinic staff between sessions. German
# quotation marks „ “; decimal comma. "Alert" is „Hinweis“ (a prompt to talk, not an alarm).

brand = Rapport für Behandelnde

signed-out-heading = Melden Sie sich an, um Ihre Patientinnen und Patienten zu sehen
signed-out-text = Nutzen Sie Ihr Konto der Praxis. Nach der Anmeldung kommen Sie hierher zurück.
sign-in-link = Anmelden

signed-in-heading = Angemeldet
signed-in-text = Sie sind angemeldet. Ihre Startseite öffnet sich jetzt.
continue-link = Weiter

signed-in-as = Angemeldet als { $name }
scope-care-team = Sie sehen die Patientinnen und Patienten, deren Behandlungsteam Sie nennt.
scope-whole-clinic = Sie sehen alle Patientinnen und Patienten der Praxis.
sign-out-button = Abmelden

signed-out-done-heading = Abgemeldet
signed-out-done-text = Sie sind von Rapport abgemeldet.

provider-down-heading = Die Anmeldung ist gerade nicht möglich
provider-down-text = Der Anmeldedienst der Praxis ist nicht erreichbar. Versuchen Sie es in ein paar Minuten noch einmal. Wenn es so bleibt, wenden Sie sich an die IT der Praxis.

sign-in-failed-heading = Die Anmeldung hat nicht geklappt
sign-in-failed-text = Die Antwort des Anmeldedienstes der Praxis ließ sich nicht prüfen, daher sind Sie nicht angemeldet. Beginnen Sie bitte neu.
sign-in-expired-text = Diese Anmeldung hat zu lange gedauert oder wurde an anderer Stelle begonnen, daher sind Sie nicht angemeldet. Beginnen Sie bitte neu.
sign-in-refused-text = Der Anmeldedienst der Praxis hat Sie nicht angemeldet. Beginnen Sie neu oder fragen Sie die IT der Praxis.

csrf-heading = Dieses Formular ist abgelaufen
csrf-text = Es wurde nichts geändert: Das Formular war zu alt oder kam nicht von dieser Seite. Gehen Sie zurück zur Startseite und versuchen Sie es noch einmal.

storage-heading = Bei uns ist etwas schiefgegangen
storage-text = Der Empfänger erreicht seine Datenbank nicht. Versuchen Sie es in einer Minute noch einmal.

start-link = Zurück zur Startseite

caseload-heading = Ihre Patientinnen und Patienten
caseload-patient = Patient/in
caseload-last-answered = Zuletzt geantwortet
caseload-scores = Letzte Werte
caseload-flags = Offene Hinweise
caseload-none = Keine
caseload-empty = Noch hat keine Ihrer Patientinnen und Patienten geantwortet.
# Der Hauptwert eines Fragebogens in der Liste, z. B. „Nach Ihrer Sitzung: 14 von 40“.
caseload-score-of = { $title }: { $value } von { $high }
# Dasselbe für einen Wert ohne bekannten Bereich.
caseload-score = { $title }, { $score }: { $value }

## Patient page

patient-not-found-heading = Patient/in nicht gefunden
patient-not-found-text = Unter dieser Adresse gibt es keine Patientin und keinen Patienten, die Sie sehen dürfen. Gehen Sie zurück zu Ihrer Liste.
patient-back-link = Zurück zu Ihren Patientinnen und Patienten
patient-empty = Für diese Person gibt es noch keine Antworten.
patient-bundle-link = Diese Antworten für ein anderes Gesundheitsaktensystem herunterladen (FHIR, JSON)
patient-scores-heading = Werte im Verlauf
patient-items-heading = Antworten, Frage für Frage
patient-flag-key = Eine Raute markiert eine Sitzung, die bei diesem Wert einen Hinweis ausgelöst hat.
patient-numbers = Zahlen anzeigen
patient-date = Datum
patient-value = Wert
patient-flags = Hinweise
patient-none = Keine
patient-not-scored = Nicht ausgewertet (zu wenige Antworten)
patient-item = Frage
patient-trend = Veränderung vom ersten zum letzten
patient-reversed = Umgekehrt gewertet: Eine niedrigere Antwort ergibt mehr Punkte.
patient-trend-up = gestiegen um { $by }
patient-trend-down = gesunken um { $by }
patient-trend-same = keine Veränderung
patient-language = Sprache der Antworten
patient-language-status = { $language } ({ $status })
patient-status-source = Original
patient-status-reviewed = geprüfte Übersetzung
patient-status-draft = maschineller Entwurf, nicht geprüft
patient-status-definition = eigener Text der Praxis
patient-status-unknown = Stand der Übersetzung unbekannt
patient-yes = Ja
patient-no = Nein
# Between the answers of a question that takes several (check boxes).
patient-list-separator = { "; " }
patient-chart-summary = { $score }: { $count } Sitzungen, erster Wert { $first } am { $first-date }, letzter Wert { $last } am { $last-date }. Möglicher Bereich { $low } bis { $high }.
patient-chart-empty = { $score }: noch kein Wert.
patient-threshold-below = Die Linie bei { $value } markiert den Hinweis „{ $flag }“: ausgelöst, wenn der Wert unter { $value } liegt.
patient-threshold-at-or-below = Die Linie bei { $value } markiert den Hinweis „{ $flag }“: ausgelöst, wenn der Wert { $value } oder niedriger ist.

## Exports

exports-heading = Exporte
exports-text = Laden Sie die Antworten Ihrer Patientinnen und Patienten herunter, eine Datei pro Fragebogen, zum Öffnen in einer Tabellenkalkulation. Die Dateien enthalten Gesundheitsdaten: Bewahren Sie sie nur dort auf, wo die Praxis Patientenakten aufbewahrt.
exports-csv-link = { $instrument } (Tabelle, CSV)
export-not-found-heading = Nicht gefunden
export-not-found-text = Unter dieser Adresse gibt es nichts zu exportieren, oder es ist nicht für Sie bestimmt. Gehen Sie zurück zur Startseite und wählen Sie erneut.

## Alerts
# Die Hinweise auf der Startseite: Hinweise, die die Antworten ausgelöst haben (wie der Fragebogen
# sie festlegt), und Patientinnen und Patienten, die nicht mehr antworten. Ein Anlass zum Gespräch, keine Diagnose.

alerts-heading = Offene Hinweise
alerts-intro = Die wichtigsten zuerst, dann die neuesten. Ein Hinweis ist ein Anlass, mit der Patientin oder dem Patienten zu sprechen, keine Diagnose. Markieren Sie ihn als gesehen, wenn Sie ihn angesehen haben.
alerts-empty = Keine offenen Hinweise.
alert-severity = Wichtigkeit
alert-severity-high = Hoch
alert-severity-moderate = Mittel
alert-severity-low = Niedrig
alert-detail = { $score }: { $value }. Ausgelöst { $rule }.
alert-detail-no-rule = { $score }: { $value }.
alert-no-value = nicht berechnet
alert-rule-score-below = wenn der Wert unter { $threshold } liegt
alert-rule-score-at-or-below = wenn der Wert { $threshold } oder niedriger ist
alert-rule-item-at-or-below = wenn eine Antwort { $threshold } oder niedriger ist
alert-rule-item-at-minimum = wenn eine Antwort am untersten Punkt ihrer Skala liegt
alert-rule-drop = wenn der Wert seit den vorigen Antworten um { $threshold } oder mehr sinkt
alert-quiet = Keine Antworten seit { $weeks ->
    [one] { $weeks } Woche
   *[other] { $weeks } Wochen
}
alert-quiet-detail = Zuvor { $count }-mal geantwortet, zuletzt am { $date }.
alert-quiet-reviewed = Keine Antworten nach dem { $date }
alert-review-summary = Als gesehen markieren
alert-note-label = Notiz (freiwillig)
alert-note-hint = Bis zu { $max } Zeichen. Kolleginnen und Kollegen, die diese Person sehen, können sie lesen.
alert-review-button = Als gesehen markieren
alert-no-note = Keine Notiz.
alerts-reviewed-heading = Kürzlich gesehen
alerts-reviewed-empty = Es wurden noch keine Hinweise als gesehen markiert.
alert-reviewed-by = Gesehen von { $name } am { $when }
alert-note-too-long-heading = Die Notiz ist zu lang
alert-note-too-long-text = Es wurde nichts gespeichert: Eine Notiz darf bis zu 2000 Zeichen haben. Gehen Sie zurück, kürzen Sie sie und versuchen Sie es noch einmal.
alert-gone-heading = Dieser Hinweis ist nicht offen
alert-gone-text = Es wurde nichts gespeichert: Der Hinweis gehört nicht zu den offenen Hinweisen Ihrer Patientinnen und Patienten. Gehen Sie zurück zur Startseite, um sie zu sehen.

# Bezeichnungen der Hinweise der mitgelieferten Fragebögen: flag-<Fragebogen>-<Hinweis>.
flag-session-checkin-lowest-point = Eine Antwort am untersten Punkt
flag-session-checkin-dropped = Gesunken seit dem letzten Mal
flag-working-together-lowest-point = Eine Antwort am untersten Punkt
flag-working-together-dropped = Gesunken seit dem letzten Mal
flag-psychiatry-relationship-lowest-point = Eine Antwort am untersten Punkt
flag-psychiatry-relationship-dropped = Gesunken seit dem letzten Mal
