# Rapport questionnaire "psychiatry-relationship" 1.0.0: English (the reference).
# Status: source (written by the Rapport project)
# Licence: CC0-1.0
#
# What patients value in psychiatric care: being listened to, plain explanations, shared
# decisions about treatment and medicine, respect for culture and values, reliability and
# follow-up, safety to raise side effects and worries, boundaries and confidentiality.
# Each question is answered on an agreement scale (strongly disagree to strongly agree).
# Plain words, reading age 9 to 11. Written by the Rapport project from its own list of themes;
# no wording is taken from any licensed questionnaire. Not a validated psychometric instrument;
# no clinical cut-offs.

instrument-title = You and your clinician
instrument-intro = These questions are about how you and your clinician work together on your care. Your answers help your care team see what is going well and what could be better.
instrument-notice = This is not a test. There are no right or wrong answers. These questions have not been tested in research studies.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Listening and explaining
score-treatment = Decisions about my treatment
score-trust = Trust and respect
score-total = You and your clinician overall

item-about-clinician = Here, “my clinician” means the psychiatrist, doctor or nurse you see.

# Being listened to and plain explanations.
item-part-listening = Listening and explaining
item-attention = My clinician pays full attention to me.
item-plain-words = My clinician talks to me in words I know.
# Reverse-scored.
item-rushed = I feel rushed during my visits.

# Shared decisions about treatment and medicine.
item-part-treatment = Decisions about my treatment
item-choices = My clinician explains the choices I have for treatment.
item-my-say = I have a say in decisions about my care.
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = I take medicine that my clinician prescribes for me.
item-medicine-say = I have a say in choosing my medicine.
item-side-effects = I feel safe telling my clinician about side effects.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = Trust and respect
item-culture = My clinician respects my culture and my beliefs.
item-worries = I can share my worries with my clinician.
item-gets-back = My clinician gets back to me when they say they will.
item-who-sees = My clinician told me who can see what I share.
item-feels-safe = My clinician acts in a way that feels safe to me.

# Optional, in the patient's own words.
item-better = What would make our work together better?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = Strongly disagree
option-agree-5-disagree = Disagree
option-agree-5-neither = Neither agree nor disagree
option-agree-5-agree = Agree
option-agree-5-strongly-agree = Strongly agree
