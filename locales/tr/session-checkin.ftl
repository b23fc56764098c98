# Rapport questionnaire "session-checkin" 1.0.0: Turkish, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "siz" when the text speaks to the patient; the questions themselves are in
# the first person. Latin script. Plain everyday words, reading age 9 to 11, as in English.
# No plural selection in this file (CLDR categories for Turkish: one, other).
# Word choices to check: "seans" for "session" (the usual word for a therapy session),
# "tedavi ekibi" for "care team", "Hiç" / "Tamamen" as the ends of the 0 to 10 row.
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.

instrument-title = Seansınızdan sonra
instrument-intro = Bugünkü seansınızla ilgili dört kısa soru. Yanıtlarınız, tedavi ekibinizin seanslarınızı size uygun hâle getirmesine yardımcı olur.
instrument-notice = Bu bir sınav değildir. Bu sorular araştırma çalışmalarında denenmemiştir.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Genel olarak bu seans

item-say-my-mind = Bugün aklımdan geçenleri söyleyebildim.
item-say-my-mind-low = Hiç
item-say-my-mind-high = Tamamen

item-what-matters = Bugün zamanımızı benim için en önemli olan konulara ayırdık.
item-what-matters-low = Hiç
item-what-matters-high = Tamamen

item-way-we-worked = Bugün birlikte çalışma şeklimiz bana uygun geldi.
item-way-we-worked-low = Hiç
item-way-we-worked-high = Tamamen

item-worth-my-time = Bu seans, ayırdığım zamana değdi.
item-worth-my-time-low = Hiç
item-worth-my-time-high = Tamamen
