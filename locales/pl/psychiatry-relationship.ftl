# Rapport questionnaire "psychiatry-relationship" 1.0.0: Polish, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite and impersonal in the intro (no "Pan/Pani", no informal "ty"); the title,
# the questions and the note on "my clinician" are in the first person, like the questions.
# Script: Latin with Polish letters. CLDR cardinal plural categories for Polish: one, few,
# many, other (no message in this file selects on a number). "My clinician" is "osoba, która
# mnie leczy" (the person who treats me): it fits a psychiatrist, doctor or nurse and does not
# mark gender. First-person past tense shows gender, so the questions avoid it. The agreement
# scale uses verbs ("zgadzam się"), which do not show gender.
# Word choices to check: "visits" is "wizyty"; "side effects" is "skutki uboczne"; "I have a
# say" is "mam wpływ"; "care team" is "zespół terapeutyczny". Not a validated psychometric
# instrument; no clinical cut-offs.

instrument-title = Ja i osoba, która mnie leczy
instrument-intro = Te pytania dotyczą współpracy z osobą, która prowadzi leczenie. Odpowiedzi pomogą zespołowi terapeutycznemu zobaczyć, co idzie dobrze, a co można poprawić.
instrument-notice = To nie jest test. Nie ma tu dobrych ani złych odpowiedzi. Te pytania nie zostały sprawdzone w badaniach naukowych.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Słuchanie i wyjaśnianie
score-treatment = Decyzje o moim leczeniu
score-trust = Zaufanie i szacunek
score-total = Ogółem: ja i osoba, która mnie leczy

item-about-clinician = W tych pytaniach „osoba, która mnie leczy” to psychiatra, lekarz albo pielęgniarka, do których chodzę na wizyty.

# Being listened to and plain explanations.
item-part-listening = Słuchanie i wyjaśnianie
item-attention = Osoba, która mnie leczy, poświęca mi całą swoją uwagę.
item-plain-words = Osoba, która mnie leczy, mówi do mnie słowami, które rozumiem.
# Reverse-scored.
item-rushed = Podczas wizyt czuję, że wszystko odbywa się w pośpiechu.

# Shared decisions about treatment and medicine.
item-part-treatment = Decyzje o moim leczeniu
item-choices = Osoba, która mnie leczy, wyjaśnia mi, jakie mam możliwości leczenia.
item-my-say = Mam wpływ na decyzje o moim leczeniu.
# A yes or no question. The next two questions are shown only after "Tak".
item-takes-medicine = Biorę leki przepisane przez osobę, która mnie leczy.
item-medicine-say = Mam wpływ na wybór moich leków.
item-side-effects = Mogę bez obaw powiedzieć osobie, która mnie leczy, o skutkach ubocznych.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = Zaufanie i szacunek
item-culture = Osoba, która mnie leczy, szanuje moją kulturę i moje przekonania.
item-worries = Mogę powiedzieć osobie, która mnie leczy, o tym, co mnie martwi.
item-gets-back = Osoba, która mnie leczy, kontaktuje się ze mną wtedy, kiedy obiecała.
item-who-sees = Osoba, która mnie leczy, powiedziała mi, kto może zobaczyć to, czym się z nią dzielę.
item-feels-safe = Osoba, która mnie leczy, zachowuje się tak, że czuję się bezpiecznie.

# Optional, in the patient's own words.
item-better = Co mogłoby poprawić naszą współpracę?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = Zdecydowanie się nie zgadzam
option-agree-5-disagree = Nie zgadzam się
option-agree-5-neither = Ani się zgadzam, ani się nie zgadzam
option-agree-5-agree = Zgadzam się
option-agree-5-strongly-agree = Zdecydowanie się zgadzam
