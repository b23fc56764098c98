# Rapport questionnaire "working-together" 1.0.0: Haitian Creole, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "ou" when the text speaks to the patient, with a warm tone; the questions
# themselves are in the first person ("mwen", "m"). Latin script, standard IPN spelling.
# Plain words, reading age 9 to 11, as in English. No plural selection in this file (Haitian
# Creole: CLDR category "other" only).
# "My clinician" is rendered as "moun ki ban m swen an" (the person who gives me care), which
# covers a doctor, a therapist or a nurse and, like all Kreyòl pronouns ("li"), does not mark
# gender; it is defined in item-about-clinician. A reviewer should check it first, then
# "boulvèse" for "upset", "objektif" for "goals" and "Raman" for "Rarely".
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.

instrument-title = Travay ansanm
instrument-intro = Kesyon sa yo se sou kijan ou menm ak moun ki ba ou swen an travay ansanm. Repons ou yo ede ekip swen ou wè sa k ap mache byen ak sa ki ta ka pi byen.
instrument-notice = Sa a se pa yon egzamen. Pa gen bon ni move repons. Yo pa t teste kesyon sa yo nan etid rechèch.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Konfyans
score-goals = Objektif nou yo
score-tasks = Kijan nou travay
score-total = Travay ansanm, an jeneral

item-about-clinician = Isit la, “moun ki ban m swen an” vle di doktè, terapis oswa enfimyè ou wè a.

# Konfyans (bond).
item-part-bond = Moun ki ban m swen an ak mwen
item-lets-me-finish = Moun ki ban m swen an kite m fini sa m ap di a.
item-notices-upset = Moun ki ban m swen an ka wè lè m boulvèse.
item-kind = Moun ki ban m swen an janti avè m.
# Reverse-scored.
item-judged = Mwen santi moun ki ban m swen an ap jije m.

# Objektif nou pataje (goals).
item-part-goals = Objektif nou yo
item-asks-what-i-want = Moun ki ban m swen an mande m kisa m vle jwenn nan travay nou fè ansanm.
item-goals-clear = Mwen ta ka di ak pwòp mo pa m kisa objektif nou yo ye.
item-what-matters = Travay nou fè ansanm nan se sou sa ki pi enpòtan pou mwen.
item-goals-change = Lè lavi m chanje, nou gade objektif mwen yo ankò.

# Antant sou kijan nou travay (tasks).
item-part-tasks = Kijan nou travay
item-makes-sense = Mwen konprann poukisa nou fè sa nou fè nan seyans nou yo.
item-between-sessions = Mwen ede chwazi sa m ap eseye fè ant seyans yo.
item-say-not-helping = Mwen ka di lè yon bagay nou fè pa ede m.
item-asks-how-it-goes = Moun ki ban m swen an mande m kijan travay nou ap mache.

# Echèl repons lan (konbyen fwa), soti nan pi ba a rive nan pi wo a.
option-how-often-5-never = Janmen
option-how-often-5-rarely = Raman
option-how-often-5-sometimes = Pafwa
option-how-often-5-often = Souvan
option-how-often-5-always = Toujou
