# Rapport questionnaire "session-checkin" 1.0.0: Romanian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "dumneavoastră", warm and simple (the questions themselves are in the first
# person). "Session" is "ședință", as in "ședință de terapie". Latin script with ș and ț
# (comma below). No plural selectors in this file (Romanian has the CLDR categories one, few and
# other). Plain everyday words, reading age 9 to 11. Not a validated psychometric instrument; no
# clinical cut-offs. This draft has not been through forward and back translation or cognitive
# debriefing.
# Reviewer: "ce aveam pe suflet" for "what was on my mind"; "Deloc" / "Complet" as scale ends.

instrument-title = După ședință
instrument-intro = Patru întrebări scurte despre ședința de astăzi. Răspunsurile dumneavoastră ajută echipa care vă îngrijește să facă ședințele cât mai potrivite pentru dumneavoastră.
instrument-notice = Acesta nu este un test. Aceste întrebări nu au fost testate în studii de cercetare.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Această ședință, în ansamblu

item-say-my-mind = Astăzi am putut spune ce aveam pe suflet.
item-say-my-mind-low = Deloc
item-say-my-mind-high = Complet

item-what-matters = Astăzi ne-am folosit timpul pentru ce contează cel mai mult pentru mine.
item-what-matters-low = Deloc
item-what-matters-high = Complet

item-way-we-worked = Astăzi felul în care am lucrat mi s-a potrivit.
item-way-we-worked-low = Deloc
item-way-we-worked-high = Complet

item-worth-my-time = A meritat timpul petrecut la această ședință.
item-worth-my-time-low = Deloc
item-worth-my-time-high = Complet
