# Rapport questionnaire "psychiatry-relationship" 1.0.0: French, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "vous" in the texts addressed to the patient; the questions themselves are in the
# first person, as in English. Latin script; neutral French for France, Belgium, Switzerland,
# Quebec and Africa. "My clinician" is rendered as "la personne qui me soigne": everyday
# French, and it does not mark the clinician's gender. Sentences are built so that nothing
# agrees with the patient's gender ("j’ai l’impression qu’il faut faire vite" rather than
# "je me sens pressé(e)"). "Medicine" is "médicaments"; "side effects" is "effets
# secondaires", the words patients use. No plural forms in this file (CLDR categories for
# French: one, many, other). Reviewer, please check: "je me sens en confiance pour parler"
# for "I feel safe telling"; "me recontacte" for "gets back to me". Plain everyday words,
# reading age 9 to 11, as in English. Not a validated psychometric instrument; no clinical
# cut-offs. This draft has not been through forward and back translation or cognitive
# debriefing.

instrument-title = Vous et la personne qui vous soigne
instrument-intro = Ces questions portent sur la façon dont vous et la personne qui vous soigne travaillez ensemble pour vos soins. Vos réponses aident votre équipe soignante à voir ce qui va bien et ce qui pourrait être mieux.
instrument-notice = Ce n’est pas un test. Il n’y a pas de bonnes ou de mauvaises réponses. Ces questions n’ont pas été testées dans des études scientifiques.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Écouter et expliquer
score-treatment = Les décisions sur mon traitement
score-trust = Confiance et respect
score-total = Vous et la personne qui vous soigne, globalement

item-about-clinician = Ici, « la personne qui me soigne » veut dire votre psychiatre, votre médecin, votre infirmière ou votre infirmier.

# Être écouté et avoir des explications claires.
item-part-listening = Écouter et expliquer
item-attention = La personne qui me soigne me donne toute son attention.
item-plain-words = La personne qui me soigne me parle avec des mots que je connais.
# Reverse-scored.
item-rushed = Pendant mes rendez-vous, j’ai l’impression qu’il faut faire vite.

# Les décisions partagées sur le traitement et les médicaments.
item-part-treatment = Les décisions sur mon traitement
item-choices = La personne qui me soigne m’explique les choix possibles pour mon traitement.
item-my-say = J’ai mon mot à dire dans les décisions sur mes soins.
# Question par oui ou non. Les deux questions suivantes ne s’affichent qu’après « Oui ».
item-takes-medicine = Je prends des médicaments que la personne qui me soigne me prescrit.
item-medicine-say = J’ai mon mot à dire dans le choix de mes médicaments.
item-side-effects = Je me sens en confiance pour parler des effets secondaires avec la personne qui me soigne.

# Respect, fiabilité, sécurité, limites et confidentialité.
item-part-trust = Confiance et respect
item-culture = La personne qui me soigne respecte ma culture et mes croyances.
item-worries = Je peux confier mes inquiétudes à la personne qui me soigne.
item-gets-back = La personne qui me soigne me recontacte quand elle dit qu’elle va le faire.
item-who-sees = La personne qui me soigne m’a dit qui peut voir ce que je lui dis.
item-feels-safe = Je me sens en sécurité avec la façon d’agir de la personne qui me soigne.

# Facultatif, avec les mots du patient.
item-better = Qu’est-ce qui pourrait améliorer notre travail ensemble ?

# L’échelle de réponse (accord), du plus bas au plus haut.
option-agree-5-strongly-disagree = Pas du tout d’accord
option-agree-5-disagree = Pas d’accord
option-agree-5-neither = Ni d’accord ni pas d’accord
option-agree-5-agree = D’accord
option-agree-5-strongly-agree = Tout à fait d’accord
