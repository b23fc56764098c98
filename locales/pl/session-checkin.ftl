# Rapport questionnaire "session-checkin" 1.0.0: Polish, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite and impersonal in the title and intro, as in Polish clinic forms (no
# "Pan/Pani", no informal "ty"); the questions themselves are in the first person. Script:
# Latin with Polish letters. CLDR cardinal plural categories for Polish: one, few, many, other
# (no message in this file selects on a number). First-person past tense shows gender in
# Polish (mogłem / mogłam), so the questions are worded to avoid it ("udało mi się").
# Word choices to check: "session" is "spotkanie" (plainer than "sesja"); "care team" is
# "zespół terapeutyczny"; "what was on my mind" is "to, co leżało mi na sercu"; "make your
# sessions work well for you" is "żeby spotkania jak najlepiej pomagały". Not a validated
# psychometric instrument; no clinical cut-offs.

instrument-title = Po spotkaniu
instrument-intro = Cztery krótkie pytania o dzisiejsze spotkanie. Odpowiedzi pomogą zespołowi terapeutycznemu tak prowadzić spotkania, żeby jak najlepiej pomagały.
instrument-notice = To nie jest test. Te pytania nie zostały sprawdzone w badaniach naukowych.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = To spotkanie ogółem

item-say-my-mind = Dzisiaj udało mi się powiedzieć to, co leżało mi na sercu.
item-say-my-mind-low = Wcale
item-say-my-mind-high = Całkowicie

item-what-matters = Dzisiaj czas spotkania był poświęcony temu, co jest dla mnie najważniejsze.
item-what-matters-low = Wcale
item-what-matters-high = Całkowicie

item-way-we-worked = Dzisiaj sposób pracy był dla mnie odpowiedni.
item-way-we-worked-low = Wcale
item-way-we-worked-high = Całkowicie

item-worth-my-time = To spotkanie było warte mojego czasu.
item-worth-my-time-low = Wcale
item-worth-my-time-high = Całkowicie
