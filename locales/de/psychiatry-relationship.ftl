# Rapport questionnaire "psychiatry-relationship" 1.0.0: German, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: the polite "Sie" form in the texts addressed to the patient; the questions
# themselves are in the first person, as in English. Latin script; standard German for
# Germany, Austria and Switzerland. "My clinician" is rendered as "die Person, die mich
# behandelt": plain, and it does not mark the clinician's gender. "Medicine" is
# "Medikamente"; "side effects" is "Nebenwirkungen", the words patients use. "I have a say" is
# "ich kann mitreden". No plural forms in this file (CLDR categories for German: one, other).
# Reviewer, please check: "ohne Sorge" for "I feel safe telling"; "Weder noch" for the middle
# of the agreement scale; "Pflegekraft" for "nurse". Plain everyday words, reading age 9 to
# 11, as in English. Not a validated psychometric instrument; no clinical cut-offs. This draft
# has not been through forward and back translation or cognitive debriefing.

instrument-title = Sie und die Person, die Sie behandelt
instrument-intro = In diesen Fragen geht es darum, wie Sie und die Person, die Sie behandelt, bei Ihrer Behandlung zusammenarbeiten. Ihre Antworten helfen Ihrem Behandlungsteam zu sehen, was gut läuft und was besser sein könnte.
instrument-notice = Dies ist kein Test. Es gibt keine richtigen oder falschen Antworten. Diese Fragen wurden nicht in wissenschaftlichen Studien geprüft.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Zuhören und erklären
score-treatment = Entscheidungen über meine Behandlung
score-trust = Vertrauen und Respekt
score-total = Insgesamt: Sie und die Person, die Sie behandelt

item-about-clinician = Mit „die Person, die mich behandelt“ ist hier Ihre Psychiaterin oder Ihr Psychiater, Ihre Ärztin oder Ihr Arzt oder Ihre Pflegekraft gemeint.

# Zuhören und verständlich erklären.
item-part-listening = Zuhören und erklären
item-attention = Die Person, die mich behandelt, schenkt mir ihre volle Aufmerksamkeit.
item-plain-words = Die Person, die mich behandelt, spricht mit mir in Worten, die ich kenne.
# Reverse-scored.
item-rushed = Bei meinen Terminen fühle ich mich gehetzt.

# Gemeinsame Entscheidungen über Behandlung und Medikamente.
item-part-treatment = Entscheidungen über meine Behandlung
item-choices = Die Person, die mich behandelt, erklärt mir, welche Möglichkeiten ich bei der Behandlung habe.
item-my-say = Ich kann bei Entscheidungen über meine Behandlung mitreden.
# Eine Ja-Nein-Frage. Die nächsten zwei Fragen erscheinen nur nach „Ja“.
item-takes-medicine = Ich nehme Medikamente, die mir die Person verschreibt, die mich behandelt.
item-medicine-say = Ich kann bei der Wahl meiner Medikamente mitreden.
item-side-effects = Ich kann der Person, die mich behandelt, ohne Sorge von Nebenwirkungen erzählen.

# Respekt, Verlässlichkeit, Sicherheit, Grenzen und Schweigepflicht.
item-part-trust = Vertrauen und Respekt
item-culture = Die Person, die mich behandelt, respektiert meine Kultur und das, woran ich glaube.
item-worries = Ich kann der Person, die mich behandelt, von meinen Sorgen erzählen.
item-gets-back = Die Person, die mich behandelt, meldet sich wie versprochen bei mir.
item-who-sees = Die Person, die mich behandelt, hat mir gesagt, wer sehen kann, was ich erzähle.
item-feels-safe = Die Person, die mich behandelt, verhält sich so, dass ich mich sicher fühle.

# Freiwillig, in den eigenen Worten der Patientin oder des Patienten.
item-better = Was würde unsere Zusammenarbeit besser machen?

# Die Antwortskala (Zustimmung), von niedrig nach hoch.
option-agree-5-strongly-disagree = Stimme überhaupt nicht zu
option-agree-5-disagree = Stimme nicht zu
option-agree-5-neither = Weder noch
option-agree-5-agree = Stimme zu
option-agree-5-strongly-agree = Stimme voll und ganz zu
