# Rapport questionnaire "working-together" 1.0.0: German, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: the polite "Sie" form in the texts addressed to the patient; the questions
# themselves are in the first person, as in English. Latin script; standard German for
# Germany, Austria and Switzerland. "My clinician" is rendered as "die Person, die mich
# behandelt": plain, and it does not mark the clinician's gender (the alternative
# "meine Behandlerin / mein Behandler" is shorter but doubles every sentence). The patient's
# own gender never shows in German here. No plural forms in this file (CLDR categories for
# German: one, other). Reviewer, please check: "aufgewühlt" for "upset"; "verurteilt" for
# "judged"; "Pflegekraft" for "nurse". Plain everyday words, reading age 9 to 11, as in
# English. Not a validated psychometric instrument; no clinical cut-offs. This draft has not
# been through forward and back translation or cognitive debriefing.

instrument-title = Zusammenarbeit
instrument-intro = In diesen Fragen geht es darum, wie Sie und die Person, die Sie behandelt, zusammenarbeiten. Ihre Antworten helfen Ihrem Behandlungsteam zu sehen, was gut läuft und was besser sein könnte.
instrument-notice = Dies ist kein Test. Es gibt keine richtigen oder falschen Antworten. Diese Fragen wurden nicht in wissenschaftlichen Studien geprüft.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Vertrauen
score-goals = Unsere Ziele
score-tasks = Wie wir arbeiten
score-total = Zusammenarbeit insgesamt

item-about-clinician = Mit „die Person, die mich behandelt“ ist hier Ihre Ärztin oder Ihr Arzt, Ihre Therapeutin oder Ihr Therapeut oder Ihre Pflegekraft gemeint.

# Vertrauen (bond).
item-part-bond = Die Person, die mich behandelt, und ich
item-lets-me-finish = Die Person, die mich behandelt, lässt mich ausreden.
item-notices-upset = Die Person, die mich behandelt, merkt, wenn ich aufgewühlt bin.
item-kind = Die Person, die mich behandelt, ist freundlich zu mir.
# Reverse-scored.
item-judged = Ich fühle mich von der Person, die mich behandelt, verurteilt.

# Gemeinsame Ziele (goals).
item-part-goals = Unsere Ziele
item-asks-what-i-want = Die Person, die mich behandelt, fragt mich, was ich durch unsere Arbeit erreichen möchte.
item-goals-clear = Ich könnte mit meinen eigenen Worten sagen, was unsere Ziele sind.
item-what-matters = In unserer Arbeit geht es um das, was mir am wichtigsten ist.
item-goals-change = Wenn sich mein Leben ändert, schauen wir uns meine Ziele noch einmal an.

# Einigkeit darüber, wie wir arbeiten (tasks).
item-part-tasks = Wie wir arbeiten
item-makes-sense = Ich verstehe, warum wir in den Sitzungen tun, was wir tun.
item-between-sessions = Ich entscheide mit, was ich zwischen den Sitzungen ausprobiere.
item-say-not-helping = Ich kann sagen, wenn mir etwas, das wir tun, nicht hilft.
item-asks-how-it-goes = Die Person, die mich behandelt, fragt mich, wie unsere Arbeit läuft.

# Die Antwortskala (wie oft), von niedrig nach hoch.
option-how-often-5-never = Nie
option-how-often-5-rarely = Selten
option-how-often-5-sometimes = Manchmal
option-how-often-5-often = Oft
option-how-often-5-always = Immer
