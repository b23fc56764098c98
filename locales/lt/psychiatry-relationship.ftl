# Rapport questionnaire "psychiatry-relationship" 1.0.0: Lithuanian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "jūs" (lowercase) in the title and intro; the questions themselves are in
# the first person. Script: Latin with Lithuanian letters. CLDR cardinal plural categories
# for Lithuanian: one, few, many, other (no message in this file selects on a number).
# "My clinician" is "mano specialistas" (grammatically masculine, the usual generic form for
# women and men), defined once in item-about-clinician; "gydytojas" and "slaugytojas" are
# likewise generic. First-person verbs do not show gender.
# Word choices to check: "visits" is "vizitai"; "side effects" is "šalutinis poveikis";
# "I have a say" is "į mano nuomonę atsižvelgiama"; "care team" is "jūsų specialistai".
# Not a validated psychometric instrument; no clinical cut-offs.

instrument-title = Jūs ir jūsų specialistas
instrument-intro = Šie klausimai – apie tai, kaip jūs ir jūsų specialistas kartu rūpinatės jūsų gydymu. Atsakymai padės jūsų specialistams pamatyti, kas sekasi gerai, o ką galima pagerinti.
instrument-notice = Tai ne testas. Nėra teisingų ar neteisingų atsakymų. Šie klausimai nebuvo išbandyti moksliniuose tyrimuose.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Išklausymas ir paaiškinimai
score-treatment = Sprendimai dėl mano gydymo
score-trust = Pasitikėjimas ir pagarba
score-total = Jūs ir jūsų specialistas: bendras balas

item-about-clinician = Čia „mano specialistas“ – tai psichiatras, gydytojas ar slaugytojas, pas kurį lankotės.

# Being listened to and plain explanations.
item-part-listening = Išklausymas ir paaiškinimai
item-attention = Mano specialistas skiria man visą savo dėmesį.
item-plain-words = Mano specialistas kalba su manimi man suprantamais žodžiais.
# Reverse-scored.
item-rushed = Per vizitus jaučiu, kad mane skubina.

# Shared decisions about treatment and medicine.
item-part-treatment = Sprendimai dėl mano gydymo
item-choices = Mano specialistas paaiškina, kokias gydymo galimybes turiu.
item-my-say = Į mano nuomonę atsižvelgiama, kai priimami sprendimai dėl mano gydymo.
# A yes or no question. The next two questions are shown only after "Taip".
item-takes-medicine = Vartoju vaistus, kuriuos man išrašo mano specialistas.
item-medicine-say = Į mano nuomonę atsižvelgiama, kai man parenkami vaistai.
item-side-effects = Jaučiuosi saugiai, kai pasakoju savo specialistui apie šalutinį poveikį.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = Pasitikėjimas ir pagarba
item-culture = Mano specialistas gerbia mano kultūrą ir mano įsitikinimus.
item-worries = Galiu papasakoti savo specialistui, kas mane neramina.
item-gets-back = Mano specialistas susisiekia su manimi tada, kai pažadėjo.
item-who-sees = Mano specialistas man pasakė, kas gali matyti tai, ką papasakoju.
item-feels-safe = Mano specialistas elgiasi taip, kad jaučiuosi saugiai.

# Optional, in the patient's own words.
item-better = Kas padėtų mums geriau dirbti kartu?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = Visiškai nesutinku
option-agree-5-disagree = Nesutinku
option-agree-5-neither = Nei sutinku, nei nesutinku
option-agree-5-agree = Sutinku
option-agree-5-strongly-agree = Visiškai sutinku
