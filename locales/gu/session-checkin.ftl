# Rapport questionnaire "session-checkin" 1.0.0: Gujarati, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Gujarati. Register: polite "તમે" when speaking to the patient; the questions
# themselves are in the first person, as in English. Plain everyday words, reading age 9 to
# 11. "We" is the exclusive "અમે" (the patient and the clinician). Gujarati marks the
# speaker's gender in some past-tense verbs; item-say-my-mind gives both forms with a slash
# (શક્યો/શકી), as is usual in Gujarati forms. "Session" is kept as the loanword "સેશન", which
# patients in therapy hear. "Test" is "પરીક્ષા", the everyday word for an exam. CLDR plural
# categories for Gujarati: one (0 and 1) and other; no message here selects on a number.
# Reviewer please check: "લેખે લાગ્યો" for "worth my time". Not a validated psychometric
# instrument; no clinical cut-offs. This draft has not been through forward and back
# translation or cognitive debriefing.

instrument-title = તમારા સેશન પછી
instrument-intro = આજના સેશન વિશે ચાર નાના પ્રશ્નો. તમારા જવાબોથી તમારી સારવાર ટીમને તમારા સેશન તમારા માટે સારી રીતે કામ કરે તેવા બનાવવામાં મદદ મળે છે.
instrument-notice = આ કોઈ પરીક્ષા નથી. આ પ્રશ્નો સંશોધન અભ્યાસોમાં ચકાસાયેલા નથી.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = એકંદરે આ સેશન

item-say-my-mind = આજે મારા મનમાં જે હતું તે હું કહી શક્યો/શકી.
item-say-my-mind-low = બિલકુલ નહીં
item-say-my-mind-high = પૂરેપૂરું

item-what-matters = આજે અમે અમારો સમય એ વાતો પર ગાળ્યો, જે મારા માટે સૌથી મહત્ત્વની છે.
item-what-matters-low = બિલકુલ નહીં
item-what-matters-high = પૂરેપૂરું

item-way-we-worked = આજે અમે જે રીતે કામ કર્યું, તે મને યોગ્ય લાગ્યું.
item-way-we-worked-low = બિલકુલ નહીં
item-way-we-worked-high = પૂરેપૂરું

item-worth-my-time = આ સેશનમાં આપેલો સમય મારા માટે લેખે લાગ્યો.
item-worth-my-time-low = બિલકુલ નહીં
item-worth-my-time-high = પૂરેપૂરું
