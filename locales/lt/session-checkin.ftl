# Rapport questionnaire "session-checkin" 1.0.0: Lithuanian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "jūs" (lowercase) in the intro; the questions themselves are in the first
# person. Script: Latin with Lithuanian letters. CLDR cardinal plural categories for
# Lithuanian: one, few, many, other (no message in this file selects on a number).
# Lithuanian first-person verbs do not show gender, so the questions read the same for
# everyone.
# Word choices to check: "session" is "susitikimas" (meeting), plainer than "sesija";
# "care team" is "jūsų specialistai"; "what was on my mind" is "tai, kas man rūpėjo".
# Not a validated psychometric instrument; no clinical cut-offs.

instrument-title = Po susitikimo
instrument-intro = Keturi trumpi klausimai apie šiandienos susitikimą. Jūsų atsakymai padės jūsų specialistams pritaikyti susitikimus jums.
instrument-notice = Tai ne testas. Šie klausimai nebuvo išbandyti moksliniuose tyrimuose.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Šis susitikimas: bendras balas

item-say-my-mind = Šiandien galėjau pasakyti tai, kas man rūpėjo.
item-say-my-mind-low = Visai ne
item-say-my-mind-high = Visiškai

item-what-matters = Šiandien laiką skyrėme tam, kas man svarbiausia.
item-what-matters-low = Visai ne
item-what-matters-high = Visiškai

item-way-we-worked = Šiandien mūsų darbo būdas man tiko.
item-way-we-worked-low = Visai ne
item-way-we-worked-high = Visiškai

item-worth-my-time = Šis susitikimas buvo vertas mano laiko.
item-worth-my-time-low = Visai ne
item-worth-my-time-high = Visiškai
