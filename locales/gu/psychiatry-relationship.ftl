# Rapport questionnaire "psychiatry-relationship" 1.0.0: Gujarati, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Gujarati. Register: polite "તમે" when speaking to the patient; the questions
# themselves are in the first person, as in English. Plain everyday words, reading age 9 to
# 11. "My clinician" is rendered as "મારા ડૉક્ટર" (respectful form), defined in
# item-about-clinician to cover the psychiatrist, doctor or nurse; the present-tense verbs
# used do not mark gender. "Psychiatrist" is the loanword "સાઇકિયાટ્રિસ્ટ" with the plain
# gloss "માનસિક સ્વાસ્થ્યના ડૉક્ટર" (mental health doctor). "Side effects" is "આડઅસર", the
# everyday Gujarati word. "We/our" is the exclusive "અમે/અમારું" (the patient and the
# clinician); in item-better a reviewer may prefer the inclusive "આપણું". CLDR plural
# categories for Gujarati: one (0 and 1) and other; no message here selects on a number.
# Reviewer please check first: "વિકલ્પો" for treatment "choices"; "મારો મત પણ ગણાય છે" for
# "I have a say"; "કોઈ ડર વગર કહી શકું છું" for "feel safe telling". Not a validated
# psychometric instrument; no clinical cut-offs. This draft has not been through forward and
# back translation or cognitive debriefing.

instrument-title = તમે અને તમારા ડૉક્ટર
instrument-intro = આ પ્રશ્નો એ વિશે છે કે તમારી સારવાર માટે તમે અને તમારા ડૉક્ટર સાથે મળીને કેવી રીતે કામ કરો છો. તમારા જવાબોથી તમારી સારવાર ટીમને ખબર પડે છે કે શું સારું ચાલે છે અને શું વધુ સારું થઈ શકે.
instrument-notice = આ કોઈ પરીક્ષા નથી. કોઈ જવાબ સાચો કે ખોટો નથી. આ પ્રશ્નો સંશોધન અભ્યાસોમાં ચકાસાયેલા નથી.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = સાંભળવું અને સમજાવવું
score-treatment = મારી સારવાર વિશેના નિર્ણયો
score-trust = વિશ્વાસ અને માન
score-total = એકંદરે તમે અને તમારા ડૉક્ટર

item-about-clinician = અહીં “મારા ડૉક્ટર” એટલે તમે જે સાઇકિયાટ્રિસ્ટ (માનસિક સ્વાસ્થ્યના ડૉક્ટર), ડૉક્ટર કે નર્સને મળો છો તે.

# Being listened to and plain explanations.
item-part-listening = સાંભળવું અને સમજાવવું
item-attention = મારા ડૉક્ટર મારા પર પૂરું ધ્યાન આપે છે.
item-plain-words = મારા ડૉક્ટર મારી સાથે એવા શબ્દોમાં વાત કરે છે, જે હું જાણું છું.
# Reverse-scored.
item-rushed = મારી મુલાકાતો દરમિયાન મને લાગે છે કે બધું ઉતાવળમાં થાય છે.

# Shared decisions about treatment and medicine.
item-part-treatment = મારી સારવાર વિશેના નિર્ણયો
item-choices = સારવાર માટે મારી પાસે કયા કયા વિકલ્પો છે, તે મારા ડૉક્ટર મને સમજાવે છે.
item-my-say = મારી સારવાર વિશેના નિર્ણયોમાં મારો મત પણ ગણાય છે.
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = મારા ડૉક્ટર મને જે દવા લખી આપે છે, તે હું લઉં છું.
item-medicine-say = મારી દવા પસંદ કરવામાં મારો મત પણ ગણાય છે.
item-side-effects = દવાની આડઅસર વિશે હું મારા ડૉક્ટરને કોઈ ડર વગર કહી શકું છું.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = વિશ્વાસ અને માન
item-culture = મારા ડૉક્ટર મારી સંસ્કૃતિ અને મારી માન્યતાઓનું માન રાખે છે.
item-worries = હું મારી ચિંતાઓ મારા ડૉક્ટરને કહી શકું છું.
item-gets-back = મારા ડૉક્ટર મારો ફરી સંપર્ક કરવાનું કહે, ત્યારે કહ્યા મુજબ સમયસર સંપર્ક કરે છે.
item-who-sees = હું જે કહું છું તે કોણ કોણ જોઈ શકે છે, તે મારા ડૉક્ટરે મને જણાવ્યું છે.
item-feels-safe = મારા ડૉક્ટર એવી રીતે વર્તે છે કે મને સલામત લાગે.

# Optional, in the patient's own words.
item-better = શું થાય તો અમારું સાથે મળીને કામ વધુ સારું બને?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = સંપૂર્ણપણે અસંમત
option-agree-5-disagree = અસંમત
option-agree-5-neither = ન સંમત, ન અસંમત
option-agree-5-agree = સંમત
option-agree-5-strongly-agree = સંપૂર્ણપણે સંમત
