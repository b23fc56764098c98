# Rapport questionnaire "psychiatry-relationship" 1.0.0: Italian, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: the polite "Lei" form in the texts addressed to the patient (lower-case "lei",
# "la", "sua"); the questions themselves are in the first person, as in English. Latin script.
# "My clinician" is rendered as "la persona che mi cura": everyday Italian, and it does not
# mark the clinician's gender. Sentences are built so that nothing agrees with the patient's
# gender ("mi sento a mio agio", "ho l'impressione di dover fare in fretta"). "Medicine" is
# "farmaci"; "side effects" is "effetti collaterali", the words patients use. "Treatment" is
# "trattamento", "care" is "cure". No plural forms in this file (CLDR categories for Italian:
# one, many, other). Reviewer, please check: "mi sento a mio agio a parlare" for "I feel safe
# telling" (at ease, rather than literally safe); "posso dire la mia" for "I have a say"; "lo
# psichiatra" (generic masculine). Plain everyday words, reading age 9 to 11, as in English.
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.

instrument-title = Lei e la persona che la cura
instrument-intro = Queste domande riguardano come lei e la persona che la cura lavorate insieme per le sue cure. Le sue risposte aiutano la sua équipe di cura a vedere che cosa va bene e che cosa potrebbe andare meglio.
instrument-notice = Questo non è un test. Non ci sono risposte giuste o sbagliate. Queste domande non sono state testate in studi scientifici.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Ascoltare e spiegare
score-treatment = Le decisioni sul mio trattamento
score-trust = Fiducia e rispetto
score-total = Lei e la persona che la cura, nel complesso

item-about-clinician = Qui «la persona che mi cura» vuol dire lo psichiatra, il medico, l'infermiera o l'infermiere da cui va.

# Essere ascoltati e ricevere spiegazioni semplici.
item-part-listening = Ascoltare e spiegare
item-attention = La persona che mi cura mi dà tutta la sua attenzione.
item-plain-words = La persona che mi cura mi parla con parole che conosco.
# Reverse-scored.
item-rushed = Durante le visite ho l'impressione di dover fare in fretta.

# Decisioni condivise sul trattamento e sui farmaci.
item-part-treatment = Le decisioni sul mio trattamento
item-choices = La persona che mi cura mi spiega quali scelte ho per il mio trattamento.
item-my-say = Posso dire la mia nelle decisioni sulle mie cure.
# Domanda con risposta sì o no. Le due domande seguenti compaiono solo dopo «Sì».
item-takes-medicine = Prendo dei farmaci che mi prescrive la persona che mi cura.
item-medicine-say = Posso dire la mia nella scelta dei miei farmaci.
item-side-effects = Mi sento a mio agio a parlare degli effetti collaterali con la persona che mi cura.

# Rispetto, affidabilità, sicurezza, limiti e riservatezza.
item-part-trust = Fiducia e rispetto
item-culture = La persona che mi cura rispetta la mia cultura e le mie convinzioni.
item-worries = Posso parlare delle mie preoccupazioni con la persona che mi cura.
item-gets-back = La persona che mi cura mi ricontatta quando dice che lo farà.
item-who-sees = La persona che mi cura mi ha detto chi può vedere quello che le racconto.
item-feels-safe = Il modo di fare della persona che mi cura mi fa sentire al sicuro.

# Facoltativa, con parole sue.
item-better = Che cosa potrebbe migliorare il nostro lavoro insieme?

# La scala di risposta (accordo), dal più basso al più alto.
option-agree-5-strongly-disagree = Completamente in disaccordo
option-agree-5-disagree = In disaccordo
option-agree-5-neither = Né d'accordo né in disaccordo
option-agree-5-agree = D'accordo
option-agree-5-strongly-agree = Completamente d'accordo
