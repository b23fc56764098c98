# Rapport questionnaire "working-together" 1.0.0: Gujarati, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Gujarati. Register: polite "તમે" when speaking to the patient; the questions
# themselves are in the first person, as in English. Plain everyday words, reading age 9 to
# 11. "My clinician" is rendered as "મારા ડૉક્ટર" (respectful form), defined in
# item-about-clinician to cover the doctor, therapist or nurse; the present-tense verbs used
# (આપે છે, પૂછે છે) do not mark gender. "We" is the exclusive "અમે" (the patient and the
# clinician). CLDR plural categories for Gujarati: one (0 and 1) and other; no message here
# selects on a number. Reviewer please check first: "મારા વિશે ખરાબ અભિપ્રાય બાંધે છે" for
# "judged"; "પરેશાન" for "upset"; "માયાળુ" for "kind". Not a validated psychometric
# instrument; no clinical cut-offs. This draft has not been through forward and back
# translation or cognitive debriefing.

instrument-title = સાથે મળીને કામ
instrument-intro = આ પ્રશ્નો એ વિશે છે કે તમે અને તમારા ડૉક્ટર સાથે મળીને કેવી રીતે કામ કરો છો. તમારા જવાબોથી તમારી સારવાર ટીમને ખબર પડે છે કે શું સારું ચાલે છે અને શું વધુ સારું થઈ શકે.
instrument-notice = આ કોઈ પરીક્ષા નથી. કોઈ જવાબ સાચો કે ખોટો નથી. આ પ્રશ્નો સંશોધન અભ્યાસોમાં ચકાસાયેલા નથી.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = વિશ્વાસ
score-goals = અમારાં લક્ષ્યો
score-tasks = અમે કેવી રીતે કામ કરીએ છીએ
score-total = એકંદરે સાથે મળીને કામ

item-about-clinician = અહીં “મારા ડૉક્ટર” એટલે તમે જે ડૉક્ટર, થેરાપિસ્ટ કે નર્સને મળો છો તે.

# Trust (bond).
item-part-bond = મારા ડૉક્ટર અને હું
item-lets-me-finish = મારા ડૉક્ટર મને મારી વાત પૂરી કરવા દે છે.
item-notices-upset = હું પરેશાન હોઉં ત્યારે મારા ડૉક્ટર તે સમજી જાય છે.
item-kind = મારા ડૉક્ટર મારી સાથે માયાળુ રીતે વર્તે છે.
# Reverse-scored.
item-judged = મને લાગે છે કે મારા ડૉક્ટર મારા વિશે ખરાબ અભિપ્રાય બાંધે છે.

# Shared goals.
item-part-goals = અમારાં લક્ષ્યો
item-asks-what-i-want = અમારા કામમાંથી મારે શું મેળવવું છે, તે મારા ડૉક્ટર મને પૂછે છે.
item-goals-clear = અમારાં લક્ષ્યો શું છે, તે હું મારા પોતાના શબ્દોમાં કહી શકું છું.
item-what-matters = અમારું કામ એ વાતો વિશે છે, જે મારા માટે સૌથી મહત્ત્વની છે.
item-goals-change = મારા જીવનમાં કંઈ બદલાય ત્યારે અમે મારાં લક્ષ્યો ફરી જોઈએ છીએ.

# Agreement on how we work (tasks).
item-part-tasks = અમે કેવી રીતે કામ કરીએ છીએ
item-makes-sense = અમારા સેશનમાં અમે જે કરીએ છીએ, તે શા માટે કરીએ છીએ એ હું સમજું છું.
item-between-sessions = બે સેશન વચ્ચે હું શું અજમાવીશ, તે પસંદ કરવામાં હું પણ મદદ કરું છું.
item-say-not-helping = અમે જે કરીએ છીએ તેમાંથી કંઈ મદદરૂપ ન થતું હોય, તો હું તે કહી શકું છું.
item-asks-how-it-goes = અમારું કામ કેવું ચાલે છે, તે મારા ડૉક્ટર મને પૂછે છે.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = ક્યારેય નહીં
option-how-often-5-rarely = ભાગ્યે જ
option-how-often-5-sometimes = ક્યારેક
option-how-often-5-often = ઘણી વાર
option-how-often-5-always = હંમેશાં
