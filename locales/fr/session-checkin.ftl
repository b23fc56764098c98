# Rapport questionnaire "session-checkin" 1.0.0: French, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "vous" in the texts addressed to the patient; the questions themselves are in the
# first person, as in English. Latin script; neutral French for France, Belgium, Switzerland,
# Quebec and Africa. "Session" is rendered as "séance" (the usual word for a therapy session).
# The scale ends are "Pas du tout" and "Tout à fait", the usual French pair. No plural forms in
# this file (CLDR categories for French: one, many, other). Plain everyday words, reading age
# 9 to 11, as in English. Not a validated psychometric instrument; no clinical cut-offs. This
# draft has not been through forward and back translation or cognitive debriefing.

instrument-title = Après votre séance
instrument-intro = Quatre questions rapides sur la séance d’aujourd’hui. Vos réponses aident votre équipe soignante à faire en sorte que vos séances vous conviennent bien.
instrument-notice = Ce n’est pas un test. Ces questions n’ont pas été testées dans des études scientifiques.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Cette séance, globalement

item-say-my-mind = Aujourd’hui, j’ai pu dire ce que j’avais en tête.
item-say-my-mind-low = Pas du tout
item-say-my-mind-high = Tout à fait

item-what-matters = Aujourd’hui, nous avons consacré notre temps à ce qui compte le plus pour moi.
item-what-matters-low = Pas du tout
item-what-matters-high = Tout à fait

item-way-we-worked = Aujourd’hui, notre façon de travailler me convenait.
item-way-we-worked-low = Pas du tout
item-way-we-worked-high = Tout à fait

item-worth-my-time = Cette séance en valait la peine pour moi.
item-worth-my-time-low = Pas du tout
item-worth-my-time-high = Tout à fait
