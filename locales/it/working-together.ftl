# Rapport questionnaire "working-together" 1.0.0: Italian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: the polite "Lei" form in the texts addressed to the patient (lower-case "lei",
# "la", "sua"); the questions themselves are in the first person, as in English. Latin script.
# "My clinician" is rendered as "la persona che mi cura": everyday Italian, and it does not
# mark the clinician's gender. ("La persona che mi segue" was avoided: it can also read as
# "the person following me".) Sentences are built so that nothing agrees with the patient's
# gender ("Ho l'impressione che … mi giudichi" rather than "Mi sento giudicato/a"). No plural
# forms in this file (CLDR categories for Italian: one, many, other). Reviewer, please check:
# "si accorge quando qualcosa mi turba" for "can tell when I am upset". Plain everyday words,
# reading age 9 to 11, as in English. Not a validated psychometric instrument; no clinical
# cut-offs. This draft has not been through forward and back translation or cognitive
# debriefing.

instrument-title = Lavorare insieme
instrument-intro = Queste domande riguardano come lei e la persona che la cura lavorate insieme. Le sue risposte aiutano la sua équipe di cura a vedere che cosa va bene e che cosa potrebbe andare meglio.
instrument-notice = Questo non è un test. Non ci sono risposte giuste o sbagliate. Queste domande non sono state testate in studi scientifici.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Fiducia
score-goals = I nostri obiettivi
score-tasks = Come lavoriamo
score-total = Lavorare insieme, nel complesso

item-about-clinician = Qui «la persona che mi cura» vuol dire il medico, il o la terapeuta, l'infermiere o l'infermiera da cui va.

# La fiducia (bond).
item-part-bond = La persona che mi cura e io
item-lets-me-finish = La persona che mi cura mi lascia finire di parlare.
item-notices-upset = La persona che mi cura si accorge quando qualcosa mi turba.
item-kind = La persona che mi cura è gentile con me.
# Reverse-scored.
item-judged = Ho l'impressione che la persona che mi cura mi giudichi.

# Obiettivi comuni (goals).
item-part-goals = I nostri obiettivi
item-asks-what-i-want = La persona che mi cura mi chiede che cosa voglio ottenere dal nostro lavoro.
item-goals-clear = Saprei dire con parole mie quali sono i nostri obiettivi.
item-what-matters = Il nostro lavoro riguarda quello che conta di più per me.
item-goals-change = Quando la mia vita cambia, rivediamo insieme i miei obiettivi.

# Accordo su come lavoriamo (tasks).
item-part-tasks = Come lavoriamo
item-makes-sense = Capisco perché nelle sedute facciamo quello che facciamo.
item-between-sessions = Aiuto a scegliere che cosa proverò a fare tra una seduta e l'altra.
item-say-not-helping = Posso dire quando qualcosa che facciamo non mi aiuta.
item-asks-how-it-goes = La persona che mi cura mi chiede come sta andando il nostro lavoro.

# La scala di risposta (con quale frequenza), dal più basso al più alto.
option-how-often-5-never = Mai
option-how-often-5-rarely = Raramente
option-how-often-5-sometimes = A volte
option-how-often-5-often = Spesso
option-how-often-5-always = Sempre
