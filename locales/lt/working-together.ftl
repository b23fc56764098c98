# Rapport questionnaire "working-together" 1.0.0: Lithuanian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "jūs" (lowercase) in the title and intro; the questions themselves are in
# the first person. Script: Latin with Lithuanian letters. CLDR cardinal plural categories
# for Lithuanian: one, few, many, other (no message in this file selects on a number).
# "My clinician" is "mano specialistas" (grammatically masculine, the usual generic form),
# defined once in item-about-clinician. Participles show gender in Lithuanian, so the
# questions use plain verbs instead ("kai nusimenu" for "when I am upset").
# Word choices to check: "therapist" is "psichoterapeutas"; "session" is "susitikimas";
# "judged" is "smerkia" (as in "nesmerkiantis", non-judgemental); "care team" is
# "jūsų specialistai". Not a validated psychometric instrument; no clinical cut-offs.

instrument-title = Dirbame kartu
instrument-intro = Šie klausimai – apie tai, kaip jūs ir jūsų specialistas dirbate kartu. Atsakymai padės jūsų specialistams pamatyti, kas sekasi gerai, o ką galima pagerinti.
instrument-notice = Tai ne testas. Nėra teisingų ar neteisingų atsakymų. Šie klausimai nebuvo išbandyti moksliniuose tyrimuose.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Pasitikėjimas
score-goals = Mūsų tikslai
score-tasks = Kaip mes dirbame
score-total = Dirbame kartu: bendras balas

item-about-clinician = Čia „mano specialistas“ – tai gydytojas, psichoterapeutas ar slaugytojas, pas kurį lankotės.

# Trust (bond).
item-part-bond = Mano specialistas ir aš
item-lets-me-finish = Mano specialistas leidžia man pasakyti viską iki galo.
item-notices-upset = Mano specialistas pastebi, kai nusimenu.
item-kind = Mano specialistas su manimi elgiasi maloniai.
# Reverse-scored.
item-judged = Jaučiu, kad mano specialistas mane smerkia.

# Shared goals.
item-part-goals = Mūsų tikslai
item-asks-what-i-want = Mano specialistas klausia, ko norėčiau pasiekti mūsų bendru darbu.
item-goals-clear = Galėčiau savais žodžiais pasakyti, kokie yra mūsų tikslai.
item-what-matters = Mūsų darbas skirtas tam, kas man svarbiausia.
item-goals-change = Kai mano gyvenime kas nors pasikeičia, mes iš naujo aptariame mano tikslus.

# Agreement on how we work (tasks).
item-part-tasks = Kaip mes dirbame
item-makes-sense = Suprantu, kodėl per susitikimus darome tai, ką darome.
item-between-sessions = Padedu išsirinkti, ką bandysiu daryti tarp susitikimų.
item-say-not-helping = Galiu pasakyti, kai tai, ką darome, man nepadeda.
item-asks-how-it-goes = Mano specialistas manęs klausia, kaip sekasi mūsų darbas.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = Niekada
option-how-often-5-rarely = Retai
option-how-often-5-sometimes = Kartais
option-how-often-5-often = Dažnai
option-how-often-5-always = Visada
