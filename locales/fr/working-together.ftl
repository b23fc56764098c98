# Rapport questionnaire "working-together" 1.0.0: French, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "vous" in the texts addressed to the patient; the questions themselves are in the
# first person, as in English. Latin script; neutral French for France, Belgium, Switzerland,
# Quebec and Africa. "My clinician" is rendered as "la personne qui me soigne": everyday
# French, and it does not mark the clinician's gender. ("La personne qui me suit" was avoided:
# it can also read as "the person following me".) Sentences are built so that nothing agrees
# with the patient's gender (e.g. "J’ai l’impression que … me juge" rather than "Je me sens
# jugé(e)"). No plural forms in this file (CLDR categories for French: one, many, other).
# Reviewer, please check: "voit quand ça ne va pas pour moi" for "can tell when I am upset".
# Plain everyday words, reading age 9 to 11, as in English. Not a validated psychometric
# instrument; no clinical cut-offs. This draft has not been through forward and back
# translation or cognitive debriefing.

instrument-title = Travailler ensemble
instrument-intro = Ces questions portent sur la façon dont vous travaillez avec la personne qui vous soigne. Vos réponses aident votre équipe soignante à voir ce qui va bien et ce qui pourrait être mieux.
instrument-notice = Ce n’est pas un test. Il n’y a pas de bonnes ou de mauvaises réponses. Ces questions n’ont pas été testées dans des études scientifiques.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Confiance
score-goals = Nos objectifs
score-tasks = Notre façon de travailler
score-total = Travailler ensemble, globalement

item-about-clinician = Ici, « la personne qui me soigne » veut dire votre médecin, votre thérapeute, votre infirmière ou votre infirmier.

# La confiance (bond).
item-part-bond = La personne qui me soigne et moi
item-lets-me-finish = La personne qui me soigne me laisse finir ce que je dis.
item-notices-upset = La personne qui me soigne voit quand ça ne va pas pour moi.
item-kind = La personne qui me soigne est gentille avec moi.
# Reverse-scored.
item-judged = J’ai l’impression que la personne qui me soigne me juge.

# Des objectifs communs (goals).
item-part-goals = Nos objectifs
item-asks-what-i-want = La personne qui me soigne me demande ce que j’attends de notre travail.
item-goals-clear = Je pourrais dire avec mes mots quels sont nos objectifs.
item-what-matters = Notre travail porte sur ce qui compte le plus pour moi.
item-goals-change = Quand ma vie change, nous revoyons mes objectifs ensemble.

# L’accord sur notre façon de travailler (tasks).
item-part-tasks = Notre façon de travailler
item-makes-sense = Je comprends pourquoi nous faisons ce que nous faisons pendant les séances.
item-between-sessions = J’aide à choisir ce que je vais essayer entre les séances.
item-say-not-helping = Je peux dire quand quelque chose que nous faisons ne m’aide pas.
item-asks-how-it-goes = La personne qui me soigne me demande comment se passe notre travail.

# L’échelle de réponse (à quelle fréquence), du plus bas au plus haut.
option-how-often-5-never = Jamais
option-how-often-5-rarely = Rarement
option-how-often-5-sometimes = Parfois
option-how-often-5-often = Souvent
option-how-often-5-always = Toujours
