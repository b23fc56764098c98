# Rapport questionnaire "psychiatry-relationship" 1.0.0: Haitian Creole, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "ou" when the text speaks to the patient, with a warm tone; the questions
# themselves are in the first person ("mwen", "m"). Latin script, standard IPN spelling.
# Plain words, reading age 9 to 11, as in English. No plural selection in this file (Haitian
# Creole: CLDR category "other" only).
# "My clinician" is rendered as "moun ki ban m swen an" (the person who gives me care), defined
# in item-about-clinician; "li" does not mark gender. Word choices to check: "sikyat" for
# "psychiatrist", "medikaman" for "medicine", "efè segondè" for "side effects", "Opinyon mwen
# konte" for "I have a say", "alèz" for "feel safe telling", and item-rushed, which is
# rendered without saying who rushes ("everything goes too fast"), as in English.
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.

instrument-title = Ou menm ak moun ki ba ou swen an
instrument-intro = Kesyon sa yo se sou kijan ou menm ak moun ki ba ou swen an travay ansanm pou swen ou. Repons ou yo ede ekip swen ou wè sa k ap mache byen ak sa ki ta ka pi byen.
instrument-notice = Sa a se pa yon egzamen. Pa gen bon ni move repons. Yo pa t teste kesyon sa yo nan etid rechèch.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Koute ak eksplike
score-treatment = Desizyon sou tretman mwen
score-trust = Konfyans ak respè
score-total = Ou menm ak moun ki ba ou swen an, an jeneral

item-about-clinician = Isit la, “moun ki ban m swen an” vle di sikyat, doktè oswa enfimyè ou wè a.

# Koute ak eksplike klè.
item-part-listening = Koute ak eksplike
item-attention = Moun ki ban m swen an ban m tout atansyon li.
item-plain-words = Moun ki ban m swen an pale avè m ak mo mwen konnen.
# Reverse-scored.
item-rushed = Mwen santi tout bagay ale twò vit pandan randevou m yo.

# Desizyon ansanm sou tretman ak medikaman.
item-part-treatment = Desizyon sou tretman mwen
item-choices = Moun ki ban m swen an eksplike m ki chwa mwen genyen pou tretman.
item-my-say = Opinyon mwen konte nan desizyon sou swen mwen.
# Yon kesyon wi oswa non. De kesyon ki vin apre yo parèt sèlman apre "Wi".
item-takes-medicine = Mwen pran medikaman moun ki ban m swen an preskri pou mwen.
item-medicine-say = Opinyon mwen konte lè n ap chwazi medikaman mwen.
item-side-effects = Mwen santi m alèz pou m pale ak moun ki ban m swen an sou efè segondè yo.

# Respè, konfyans, sekirite, limit ak vi prive.
item-part-trust = Konfyans ak respè
item-culture = Moun ki ban m swen an respekte kilti m ak kwayans mwen.
item-worries = Mwen ka pataje enkyetid mwen yo ak moun ki ban m swen an.
item-gets-back = Moun ki ban m swen an reponn mwen nan lè li te di a.
item-who-sees = Moun ki ban m swen an te di m kiyès ki ka wè sa m pataje yo.
item-feels-safe = Fason moun ki ban m swen an aji avè m fè m santi m an sekirite.

# Si ou vle, ak pwòp mo pasyan an.
item-better = Kisa ki ta fè travay nou fè ansanm nan vin pi bon?

# Echèl repons lan (dakò), soti nan pi ba a rive nan pi wo a.
option-agree-5-strongly-disagree = Pa dakò ditou
option-agree-5-disagree = Pa dakò
option-agree-5-neither = Ni dakò ni pa dakò
option-agree-5-agree = Dakò
option-agree-5-strongly-agree = Dakò nèt
