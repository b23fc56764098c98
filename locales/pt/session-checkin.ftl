# Rapport questionnaire "session-checkin" 1.0.0: Portuguese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Written in Brazilian Portuguese usage, worded so that patients in Portugal can read it too
# (third-person verb forms, article before possessives, shared words where they exist).
# Register: polite but warm; the questions themselves are in the first person, as in English.
# Latin script. Scale ends: "Nada" and "Totalmente". No plural forms in this file (CLDR
# categories for "pt": one, many, other). Plain everyday words, reading age 9 to 11, as in
# English. Not a validated psychometric instrument; no clinical cut-offs. This draft has not
# been through forward and back translation or cognitive debriefing.

instrument-title = Depois da sua sessão
instrument-intro = Quatro perguntas rápidas sobre a sessão de hoje. As suas respostas ajudam a sua equipe de saúde a fazer com que as sessões funcionem bem para você.
instrument-notice = Isto não é um teste. Estas perguntas não foram testadas em estudos científicos.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Esta sessão, no geral

item-say-my-mind = Hoje consegui dizer o que eu tinha em mente.
item-say-my-mind-low = Nada
item-say-my-mind-high = Totalmente

item-what-matters = Hoje dedicamos o nosso tempo ao que é mais importante para mim.
item-what-matters-low = Nada
item-what-matters-high = Totalmente

item-way-we-worked = Hoje senti que a nossa forma de trabalhar foi a certa para mim.
item-way-we-worked-low = Nada
item-way-we-worked-high = Totalmente

item-worth-my-time = Esta sessão valeu a pena para mim.
item-worth-my-time-low = Nada
item-worth-my-time-high = Totalmente
