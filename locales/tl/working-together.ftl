# Rapport questionnaire "working-together" 1.0.0: Tagalog (Filipino), translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "kayo / ninyo / inyo" when the text speaks to the patient; the questions
# themselves are in the first person, with "namin" (exclusive "we": the patient and the
# clinician). Latin script. Everyday Taglish where patients in the US use it. Plain words,
# reading age 9 to 11. No plural selection in this file (CLDR categories for Tagalog: one, other).
# "My clinician" is rendered as "provider ko", the word US patients hear for the doctor,
# therapist or nurse they see; it is defined in item-about-clinician. Tagalog pronouns
# ("niya") do not mark gender. A reviewer should check "provider ko" first (alternatives:
# "ang tumitingin sa akin", "doktor ko"), then "masama ang loob" for "upset" and "layunin"
# for "goals".
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.

instrument-title = Pagtutulungan
instrument-intro = Ang mga tanong na ito ay tungkol sa kung paano kayo nagtutulungan ng inyong provider. Tinutulungan ng mga sagot ninyo ang inyong care team na makita kung ano ang maayos at kung ano ang puwede pang pagbutihin.
instrument-notice = Hindi ito pagsusulit. Walang tama o maling sagot. Hindi nasubok sa mga research study ang mga tanong na ito.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Tiwala
score-goals = Ang mga layunin namin
score-tasks = Paano kami nagtutulungan
score-total = Pagtutulungan sa kabuuan

item-about-clinician = Dito, ang ibig sabihin ng “provider ko” ay ang doktor, therapist o nurse na kinokonsulta ninyo.

# Tiwala (bond).
item-part-bond = Ako at ang provider ko
item-lets-me-finish = Hinahayaan ako ng provider ko na tapusin ang sinasabi ko.
item-notices-upset = Napapansin ng provider ko kapag masama ang loob ko.
item-kind = Mabait sa akin ang provider ko.
# Reverse-scored.
item-judged = Pakiramdam ko hinuhusgahan ako ng provider ko.

# Magkaparehong layunin (goals).
item-part-goals = Ang mga layunin namin
item-asks-what-i-want = Tinatanong ako ng provider ko kung ano ang gusto kong makuha sa pagtutulungan namin.
item-goals-clear = Kaya kong sabihin sa sarili kong salita kung ano ang mga layunin namin.
item-what-matters = Ang pagtutulungan namin ay tungkol sa mga bagay na pinakamahalaga sa akin.
item-goals-change = Kapag may nagbabago sa buhay ko, binabalikan namin ang mga layunin ko.

# Pagkakasundo sa paraan ng pagtutulungan (tasks).
item-part-tasks = Paano kami nagtutulungan
item-makes-sense = Naiintindihan ko kung bakit namin ginagawa ang mga ginagawa namin sa mga session.
item-between-sessions = Tumutulong ako sa pagpili ng susubukan ko sa pagitan ng mga session.
item-say-not-helping = Nasasabi ko kapag hindi nakakatulong ang isang bagay na ginagawa namin.
item-asks-how-it-goes = Tinatanong ako ng provider ko kung kumusta ang pagtutulungan namin.

# Ang sukatan ng sagot (gaano kadalas), mula pinakamababa hanggang pinakamataas.
option-how-often-5-never = Hindi kailanman
option-how-often-5-rarely = Bihira
option-how-often-5-sometimes = Minsan
option-how-often-5-often = Madalas
option-how-often-5-always = Palagi
