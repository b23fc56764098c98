# Rapport questionnaire "working-together" 1.0.0: Polish, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite and impersonal in the intro (no "Pan/Pani", no informal "ty"); the
# questions and the note on "my clinician" are in the first person. Script: Latin with Polish
# letters. CLDR cardinal plural categories for Polish: one, few, many, other (no message in
# this file selects on a number). "My clinician" is "osoba, która mnie leczy" (the person who
# treats me), which does not mark gender; adjectives agree with "osoba" (feminine noun).
# First-person past tense shows gender, so the questions use the present tense ("potrafię").
# Word choices to check: "session" is "spotkanie"; "upset" is "kiedy jest mi źle"; "judged"
# is "osądza"; "care team" is "zespół terapeutyczny"; "lekarz" and "terapeuta" are the usual
# generic forms. Not a validated psychometric instrument; no clinical cut-offs.

instrument-title = Wspólna praca
instrument-intro = Te pytania dotyczą tego, jak układa się współpraca z osobą, która prowadzi leczenie. Odpowiedzi pomogą zespołowi terapeutycznemu zobaczyć, co idzie dobrze, a co można poprawić.
instrument-notice = To nie jest test. Nie ma tu dobrych ani złych odpowiedzi. Te pytania nie zostały sprawdzone w badaniach naukowych.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Zaufanie
score-goals = Nasze cele
score-tasks = Jak pracujemy
score-total = Wspólna praca ogółem

item-about-clinician = W tych pytaniach „osoba, która mnie leczy” to lekarz, terapeuta albo pielęgniarka, do których chodzę.

# Trust (bond).
item-part-bond = Osoba, która mnie leczy, i ja
item-lets-me-finish = Osoba, która mnie leczy, pozwala mi dokończyć to, co mówię.
item-notices-upset = Osoba, która mnie leczy, potrafi zauważyć, kiedy jest mi źle.
item-kind = Osoba, która mnie leczy, jest dla mnie życzliwa.
# Reverse-scored.
item-judged = Czuję, że osoba, która mnie leczy, mnie osądza.

# Shared goals.
item-part-goals = Nasze cele
item-asks-what-i-want = Osoba, która mnie leczy, pyta, co chcę osiągnąć dzięki naszej pracy.
item-goals-clear = Potrafię własnymi słowami powiedzieć, jakie są nasze cele.
item-what-matters = Nasza praca dotyczy tego, co jest dla mnie najważniejsze.
item-goals-change = Kiedy w moim życiu coś się zmienia, znowu przyglądamy się moim celom.

# Agreement on how we work (tasks).
item-part-tasks = Jak pracujemy
item-makes-sense = Rozumiem, po co robimy to, co robimy na spotkaniach.
item-between-sessions = Pomagam wybrać, co spróbuję robić między spotkaniami.
item-say-not-helping = Mogę powiedzieć, kiedy coś, co robimy, mi nie pomaga.
item-asks-how-it-goes = Osoba, która mnie leczy, pyta mnie, jak idzie nasza praca.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = Nigdy
option-how-often-5-rarely = Rzadko
option-how-often-5-sometimes = Czasami
option-how-often-5-often = Często
option-how-often-5-always = Zawsze
