# Rapport questionnaire "working-together" 1.0.0: Romanian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "dumneavoastră", warm and simple (the questions themselves are in the first
# person). "My clinician" is "persoana care mă îngrijește" (as in "medicul care vă îngrijește"),
# which covers doctor, therapist and nurse and does not mark the clinician's gender. First-person
# items avoid adjectives that would mark the patient's gender (e.g. "când ceva mă supără" rather
# than "când sunt supărat/supărată"). "Our work" is "colaborarea noastră". Latin script with ș
# and ț (comma below); quotes „…”. No plural selectors in this file (Romanian has the CLDR
# categories one, few and other). Plain everyday words, reading age 9 to 11. Not a validated
# psychometric instrument; no clinical cut-offs. This draft has not been through forward and
# back translation or cognitive debriefing.
# Reviewer: "persoana care mă îngrijește" (long, repeated); "asistenta medicală" for "nurse";
# "scopuri" for "goals"; "Deseori" for "often".

instrument-title = Cum lucrăm împreună
instrument-intro = Aceste întrebări sunt despre cum lucrați împreună cu persoana care vă îngrijește. Răspunsurile dumneavoastră ajută echipa care vă îngrijește să vadă ce merge bine și ce ar putea fi mai bine.
instrument-notice = Acesta nu este un test. Nu există răspunsuri corecte sau greșite. Aceste întrebări nu au fost testate în studii de cercetare.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Încredere
score-goals = Scopurile noastre
score-tasks = Cum lucrăm
score-total = Cum lucrăm împreună, în ansamblu

item-about-clinician = Aici, „persoana care mă îngrijește” înseamnă medicul, terapeutul sau asistenta medicală la care mergeți.

# Trust (bond).
item-part-bond = Eu și persoana care mă îngrijește
item-lets-me-finish = Persoana care mă îngrijește mă lasă să termin ce spun.
item-notices-upset = Persoana care mă îngrijește își dă seama când ceva mă supără.
item-kind = Persoana care mă îngrijește se poartă frumos cu mine.
# Reverse-scored.
item-judged = Simt că persoana care mă îngrijește mă judecă.

# Shared goals.
item-part-goals = Scopurile noastre
item-asks-what-i-want = Persoana care mă îngrijește mă întreabă ce vreau să obțin din colaborarea noastră.
item-goals-clear = Aș putea spune cu cuvintele mele care sunt scopurile noastre.
item-what-matters = În colaborarea noastră ne ocupăm de ce contează cel mai mult pentru mine.
item-goals-change = Când viața mea se schimbă, ne uităm din nou la scopurile mele.

# Agreement on how we work (tasks).
item-part-tasks = Cum lucrăm
item-makes-sense = Înțeleg de ce facem ceea ce facem în ședințele noastre.
item-between-sessions = Ajut să alegem ce voi încerca între ședințe.
item-say-not-helping = Pot spune când ceva din ce facem nu mă ajută.
item-asks-how-it-goes = Persoana care mă îngrijește mă întreabă cum merge colaborarea noastră.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = Niciodată
option-how-often-5-rarely = Rareori
option-how-often-5-sometimes = Uneori
option-how-often-5-often = Deseori
option-how-often-5-always = Întotdeauna
