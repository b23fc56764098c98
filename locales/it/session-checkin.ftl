# Rapport questionnaire "session-checkin" 1.0.0: Italian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: the polite "Lei" form in the texts addressed to the patient; the questions
# themselves are in the first person, as in English. Latin script. "Session" is rendered as
# "seduta", the usual word for a therapy session. Scale ends: "Per niente" and
# "Completamente". No plural forms in this file (CLDR categories for Italian: one, many,
# other). Plain everyday words, reading age 9 to 11, as in English. Not a validated
# psychometric instrument; no clinical cut-offs. This draft has not been through forward and
# back translation or cognitive debriefing.

instrument-title = Dopo la sua seduta
instrument-intro = Quattro domande veloci sulla seduta di oggi. Le sue risposte aiutano la sua équipe di cura a rendere le sedute adatte a lei.
instrument-notice = Questo non è un test. Queste domande non sono state testate in studi scientifici.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Questa seduta, nel complesso

item-say-my-mind = Oggi ho potuto dire quello che avevo in mente.
item-say-my-mind-low = Per niente
item-say-my-mind-high = Completamente

item-what-matters = Oggi abbiamo dedicato il tempo a quello che conta di più per me.
item-what-matters-low = Per niente
item-what-matters-high = Completamente

item-way-we-worked = Oggi il modo in cui abbiamo lavorato mi è sembrato giusto.
item-way-we-worked-low = Per niente
item-way-we-worked-high = Completamente

item-worth-my-time = Per me questa seduta ne è valsa la pena.
item-worth-my-time-low = Per niente
item-worth-my-time-high = Completamente
