# Rapport questionnaire "session-checkin" 1.0.0: Haitian Creole, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "ou" when the text speaks to the patient, with a warm tone; the questions
# themselves are in the first person ("mwen", "m"). Latin script, standard IPN spelling.
# Plain words, reading age 9 to 11, as in English. No plural selection in this file (Haitian
# Creole: CLDR category "other" only).
# Word choices to check: "seyans" for "session", "ekip swen ou" for "care team", "Pa ditou" /
# "Nèt ale" as the ends of the 0 to 10 row, "sa ki te nan tèt mwen" for "what was on my mind".
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.

instrument-title = Apre seyans ou
instrument-intro = Kat ti kesyon rapid sou seyans jodi a. Repons ou yo ede ekip swen ou fè seyans ou yo mache byen pou ou.
instrument-notice = Sa a se pa yon egzamen. Yo pa t teste kesyon sa yo nan etid rechèch.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Seyans sa a, an jeneral

item-say-my-mind = Jodi a, mwen te kapab di sa ki te nan tèt mwen.
item-say-my-mind-low = Pa ditou
item-say-my-mind-high = Nèt ale

item-what-matters = Jodi a, nou te pase tan nou sou sa ki pi enpòtan pou mwen.
item-what-matters-low = Pa ditou
item-what-matters-high = Nèt ale

item-way-we-worked = Jodi a, fason nou te travay la te bon pou mwen.
item-way-we-worked-low = Pa ditou
item-way-we-worked-high = Nèt ale

item-worth-my-time = Seyans sa a te vo tan mwen.
item-worth-my-time-low = Pa ditou
item-worth-my-time-high = Nèt ale
