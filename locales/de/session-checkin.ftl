# Rapport questionnaire "session-checkin" 1.0.0: German, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: the polite "Sie" form in the texts addressed to the patient; the questions
# themselves are in the first person, as in English. Latin script; standard German for
# Germany, Austria and Switzerland. "Session" is rendered as "Sitzung", the usual word in
# psychotherapy. Scale ends: "Überhaupt nicht" and "Voll und ganz". No plural forms in this
# file (CLDR categories for German: one, other). Plain everyday words, reading age 9 to 11, as
# in English. Not a validated psychometric instrument; no clinical cut-offs. This draft has
# not been through forward and back translation or cognitive debriefing.

instrument-title = Nach Ihrer Sitzung
instrument-intro = Vier kurze Fragen zur heutigen Sitzung. Ihre Antworten helfen Ihrem Behandlungsteam, die Sitzungen gut für Sie zu gestalten.
instrument-notice = Dies ist kein Test. Diese Fragen wurden nicht in wissenschaftlichen Studien geprüft.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Diese Sitzung insgesamt

item-say-my-mind = Heute konnte ich sagen, was mich beschäftigt.
item-say-my-mind-low = Überhaupt nicht
item-say-my-mind-high = Voll und ganz

item-what-matters = Heute haben wir die Zeit für das genutzt, was mir am wichtigsten ist.
item-what-matters-low = Überhaupt nicht
item-what-matters-high = Voll und ganz

item-way-we-worked = Heute hat die Art, wie wir gearbeitet haben, für mich gepasst.
item-way-we-worked-low = Überhaupt nicht
item-way-we-worked-high = Voll und ganz

item-worth-my-time = Diese Sitzung hat sich für mich gelohnt.
item-worth-my-time-low = Überhaupt nicht
item-worth-my-time-high = Voll und ganz
