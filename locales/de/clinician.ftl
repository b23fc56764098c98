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
