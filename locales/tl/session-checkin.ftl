# Rapport questionnaire "session-checkin" 1.0.0: Tagalog (Filipino), translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "kayo / ninyo / inyo" when the text speaks to the patient; the questions
# themselves are in the first person. Latin script. Everyday Taglish where patients in the US
# use it ("session", "care team", "research study"). Plain words, reading age 9 to 11.
# No plural selection in this file (CLDR categories for Tagalog: one, other).
# Word choices to check: "Hindi talaga" / "Lubos" as the ends of the 0 to 10 row,
# "pagtutulungan" for "the way we worked", "pagsusulit" for "test".
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.

instrument-title = Pagkatapos ng inyong session
instrument-intro = Apat na mabilis na tanong tungkol sa session ninyo ngayong araw. Tinutulungan ng mga sagot ninyo ang inyong care team na gawing maayos para sa inyo ang mga session ninyo.
instrument-notice = Hindi ito pagsusulit. Hindi nasubok sa mga research study ang mga tanong na ito.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Ang session na ito sa kabuuan

item-say-my-mind = Ngayong araw, nasabi ko ang nasa isip ko.
item-say-my-mind-low = Hindi talaga
item-say-my-mind-high = Lubos

item-what-matters = Ngayong araw, ginamit namin ang oras sa mga bagay na pinakamahalaga sa akin.
item-what-matters-low = Hindi talaga
item-what-matters-high = Lubos

item-way-we-worked = Ngayong araw, pakiramdam ko tama para sa akin ang paraan ng pagtutulungan namin.
item-way-we-worked-low = Hindi talaga
item-way-we-worked-high = Lubos

item-worth-my-time = Sulit ang oras ko sa session na ito.
item-worth-my-time-low = Hindi talaga
item-worth-my-time-high = Lubos
