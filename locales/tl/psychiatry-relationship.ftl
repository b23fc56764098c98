# Rapport questionnaire "psychiatry-relationship" 1.0.0: Tagalog (Filipino), translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "kayo / ninyo / inyo" when the text speaks to the patient; the questions
# themselves are in the first person. Latin script. Everyday Taglish where patients in the US
# use it ("provider", "nurse", "side effect", "research study"). Plain words, reading age 9 to
# 11. No plural selection in this file (CLDR categories for Tagalog: one, other).
# "My clinician" is rendered as "provider ko" (defined in item-about-clinician); pronouns
# ("niya") do not mark gender. Word choices to check: "provider ko", "nagpapatingin" for
# "visits", "pagpapagamot" for "treatment", "Kasali ako" for "I have a say", "Panatag akong"
# for "I feel safe telling", and the middle answer "Hindi sumasang-ayon at hindi rin tumututol".
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.

instrument-title = Kayo at ang inyong provider
instrument-intro = Ang mga tanong na ito ay tungkol sa kung paano kayo nagtutulungan ng inyong provider sa pag-aalaga sa inyong kalusugan. Tinutulungan ng mga sagot ninyo ang inyong care team na makita kung ano ang maayos at kung ano ang puwede pang pagbutihin.
instrument-notice = Hindi ito pagsusulit. Walang tama o maling sagot. Hindi nasubok sa mga research study ang mga tanong na ito.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Pakikinig at pagpapaliwanag
score-treatment = Mga desisyon tungkol sa pagpapagamot ko
score-trust = Tiwala at paggalang
score-total = Kayo at ang inyong provider sa kabuuan

item-about-clinician = Dito, ang ibig sabihin ng “provider ko” ay ang psychiatrist, doktor o nurse na kinokonsulta ninyo.

# Pakikinig at malinaw na paliwanag.
item-part-listening = Pakikinig at pagpapaliwanag
item-attention = Ibinibigay sa akin ng provider ko ang buo niyang atensyon.
item-plain-words = Kinakausap ako ng provider ko gamit ang mga salitang alam ko.
# Reverse-scored.
item-rushed = Pakiramdam ko minamadali ako tuwing nagpapatingin ako.

# Magkasamang pagpapasya tungkol sa pagpapagamot at gamot.
item-part-treatment = Mga desisyon tungkol sa pagpapagamot ko
item-choices = Ipinapaliwanag ng provider ko ang mga pagpipilian ko para sa pagpapagamot.
item-my-say = Kasali ako sa mga desisyon tungkol sa pag-aalaga sa akin.
# Tanong na oo o hindi. Ang susunod na dalawang tanong ay lalabas lang kapag "Oo" ang sagot.
item-takes-medicine = Umiinom ako ng gamot na inireseta sa akin ng provider ko.
item-medicine-say = Kasali ako sa pagpili ng gamot ko.
item-side-effects = Panatag akong magsabi sa provider ko tungkol sa mga side effect.

# Paggalang, pagiging maaasahan, kaligtasan, hangganan at pagkapribado.
item-part-trust = Tiwala at paggalang
item-culture = Iginagalang ng provider ko ang kultura at paniniwala ko.
item-worries = Nasasabi ko sa provider ko ang mga alalahanin ko.
item-gets-back = Kapag sinabi ng provider ko na babalikan niya ako, ginagawa niya ito.
item-who-sees = Sinabi sa akin ng provider ko kung sino ang puwedeng makakita ng mga ibinabahagi ko.
item-feels-safe = Ligtas ang pakiramdam ko sa paraan ng pakikitungo sa akin ng provider ko.

# Opsyonal, sa sariling salita ng pasyente.
item-better = Ano ang makakapagpabuti sa pagtutulungan namin?

# Ang sukatan ng sagot (pagsang-ayon), mula pinakamababa hanggang pinakamataas.
option-agree-5-strongly-disagree = Lubos na hindi sumasang-ayon
option-agree-5-disagree = Hindi sumasang-ayon
option-agree-5-neither = Hindi sumasang-ayon at hindi rin tumututol
option-agree-5-agree = Sumasang-ayon
option-agree-5-strongly-agree = Lubos na sumasang-ayon
