# Rapport questionnaire "psychiatry-relationship" 1.0.0: Romanian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "dumneavoastră", warm and simple (the questions themselves are in the first
# person). "My clinician" is "persoana care mă îngrijește", which covers psychiatrist, doctor
# and nurse and does not mark the clinician's gender; first-person items avoid adjectives that
# would mark the patient's gender. "Side effects" is "efecte secundare", the words patients use.
# Latin script with ș and ț (comma below); quotes „…”. No plural selectors in this file
# (Romanian has the CLDR categories one, few and other). Plain everyday words, reading age 9 to
# 11. Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.
# Reviewer: "Am și eu un cuvânt de spus" for "I have a say"; "consultații" for "visits";
# "fără teamă" for "feel safe telling"; the agreement scale wording.

instrument-title = Dumneavoastră și persoana care vă îngrijește
instrument-intro = Aceste întrebări sunt despre cum lucrați împreună cu persoana care vă îngrijește la tratamentul dumneavoastră. Răspunsurile dumneavoastră ajută echipa care vă îngrijește să vadă ce merge bine și ce ar putea fi mai bine.
instrument-notice = Acesta nu este un test. Nu există răspunsuri corecte sau greșite. Aceste întrebări nu au fost testate în studii de cercetare.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Ascultare și explicații
score-treatment = Decizii despre tratamentul meu
score-trust = Încredere și respect
score-total = Dumneavoastră și persoana care vă îngrijește, în ansamblu

item-about-clinician = Aici, „persoana care mă îngrijește” înseamnă psihiatrul, medicul sau asistenta medicală la care mergeți.

# Being listened to and plain explanations.
item-part-listening = Ascultare și explicații
item-attention = Persoana care mă îngrijește îmi acordă toată atenția.
item-plain-words = Persoana care mă îngrijește îmi vorbește cu cuvinte pe care le știu.
# Reverse-scored.
item-rushed = Simt că la consultații totul se face în grabă.

# Shared decisions about treatment and medicine.
item-part-treatment = Decizii despre tratamentul meu
item-choices = Persoana care mă îngrijește îmi explică ce variante de tratament am.
item-my-say = Am și eu un cuvânt de spus în deciziile despre îngrijirea mea.
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = Iau medicamente pe care mi le prescrie persoana care mă îngrijește.
item-medicine-say = Am și eu un cuvânt de spus când se aleg medicamentele mele.
item-side-effects = Îi pot spune fără teamă persoanei care mă îngrijește despre efectele secundare.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = Încredere și respect
item-culture = Persoana care mă îngrijește îmi respectă cultura și credințele.
item-worries = Îi pot spune persoanei care mă îngrijește ce mă îngrijorează.
item-gets-back = Persoana care mă îngrijește revine cu un răspuns atunci când a spus că o va face.
item-who-sees = Persoana care mă îngrijește mi-a spus cine poate vedea ce îi spun.
item-feels-safe = Felul în care se poartă persoana care mă îngrijește mă face să mă simt în siguranță.

# Optional, in the patient's own words.
item-better = Ce ar face colaborarea noastră mai bună?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = Deloc de acord
option-agree-5-disagree = Nu sunt de acord
option-agree-5-neither = Nici de acord, nici în dezacord
option-agree-5-agree = De acord
option-agree-5-strongly-agree = Total de acord
