# Rapport questionnaire "psychiatry-relationship" 1.0.0: Punjabi, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Gurmukhi. Register: polite "ਤੁਸੀਂ" when speaking to the patient; the questions
# themselves are in the first person, as in English. Plain everyday words, reading age 9 to 11.
# "My clinician" is rendered as "ਮੇਰੇ ਡਾਕਟਰ" (respectful plural), defined in
# item-about-clinician to cover the psychiatrist, doctor or nurse; the respectful plural verb
# is the usual generic form and does not mark the clinician as a man. "Psychiatrist" is the
# loanword "ਸਾਈਕਾਇਟ੍ਰਿਸਟ" with a plain gloss "ਮਾਨਸਿਕ ਸਿਹਤ ਦੇ ਡਾਕਟਰ" (mental health doctor),
# avoiding "ਮਨੋਰੋਗ" (which names illness). Where the patient's own gender would show in a verb
# and a neutral wording would change the meaning, both forms are given with a slash
# (ਲੈਂਦਾ/ਲੈਂਦੀ), as is usual in Punjabi forms. "Side effects" is the loanword "ਸਾਈਡ ਇਫੈਕਟ",
# which patients say. Reviewer please check first: "ਸਭ ਕੁਝ ਕਾਹਲੀ ਵਿੱਚ ਹੁੰਦਾ ਹੈ" for "I feel rushed";
# "ਇਲਾਜ ਦੇ ਰਾਹ" for treatment "choices". CLDR plural categories for Punjabi: one (0 and 1)
# and other; no message here selects on a number. Not a validated psychometric instrument;
# no clinical cut-offs. This draft has not been through forward and back translation or
# cognitive debriefing.

instrument-title = ਤੁਸੀਂ ਅਤੇ ਤੁਹਾਡੇ ਡਾਕਟਰ
instrument-intro = ਇਹ ਸਵਾਲ ਇਸ ਬਾਰੇ ਹਨ ਕਿ ਤੁਸੀਂ ਅਤੇ ਤੁਹਾਡੇ ਡਾਕਟਰ ਤੁਹਾਡੇ ਇਲਾਜ ਲਈ ਮਿਲ ਕੇ ਕਿਵੇਂ ਕੰਮ ਕਰਦੇ ਹੋ। ਤੁਹਾਡੇ ਜਵਾਬਾਂ ਨਾਲ ਤੁਹਾਡੀ ਇਲਾਜ ਟੀਮ ਨੂੰ ਪਤਾ ਲੱਗਦਾ ਹੈ ਕਿ ਕੀ ਚੰਗਾ ਚੱਲ ਰਿਹਾ ਹੈ ਅਤੇ ਕੀ ਹੋਰ ਵਧੀਆ ਹੋ ਸਕਦਾ ਹੈ।
instrument-notice = ਇਹ ਕੋਈ ਇਮਤਿਹਾਨ ਨਹੀਂ ਹੈ। ਕੋਈ ਵੀ ਜਵਾਬ ਸਹੀ ਜਾਂ ਗ਼ਲਤ ਨਹੀਂ ਹੈ। ਇਹ ਸਵਾਲ ਖੋਜ ਅਧਿਐਨਾਂ ਵਿੱਚ ਪਰਖੇ ਨਹੀਂ ਗਏ ਹਨ।

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = ਸੁਣਨਾ ਅਤੇ ਸਮਝਾਉਣਾ
score-treatment = ਮੇਰੇ ਇਲਾਜ ਬਾਰੇ ਫ਼ੈਸਲੇ
score-trust = ਭਰੋਸਾ ਅਤੇ ਇੱਜ਼ਤ
score-total = ਤੁਸੀਂ ਅਤੇ ਤੁਹਾਡੇ ਡਾਕਟਰ: ਕੁੱਲ ਮਿਲਾ ਕੇ

item-about-clinician = ਇੱਥੇ “ਮੇਰੇ ਡਾਕਟਰ” ਦਾ ਮਤਲਬ ਹੈ ਉਹ ਸਾਈਕਾਇਟ੍ਰਿਸਟ (ਮਾਨਸਿਕ ਸਿਹਤ ਦੇ ਡਾਕਟਰ), ਡਾਕਟਰ ਜਾਂ ਨਰਸ ਜਿਨ੍ਹਾਂ ਨੂੰ ਤੁਸੀਂ ਮਿਲਦੇ ਹੋ।

# Being listened to and plain explanations.
item-part-listening = ਸੁਣਨਾ ਅਤੇ ਸਮਝਾਉਣਾ
item-attention = ਮੇਰੇ ਡਾਕਟਰ ਮੇਰੇ ਵੱਲ ਪੂਰਾ ਧਿਆਨ ਦਿੰਦੇ ਹਨ।
item-plain-words = ਮੇਰੇ ਡਾਕਟਰ ਮੇਰੇ ਨਾਲ ਅਜਿਹੇ ਸ਼ਬਦਾਂ ਵਿੱਚ ਗੱਲ ਕਰਦੇ ਹਨ ਜੋ ਮੈਨੂੰ ਸਮਝ ਆਉਂਦੇ ਹਨ।
# Reverse-scored.
item-rushed = ਮੁਲਾਕਾਤ ਵੇਲੇ ਮੈਨੂੰ ਲੱਗਦਾ ਹੈ ਕਿ ਸਭ ਕੁਝ ਕਾਹਲੀ ਵਿੱਚ ਹੁੰਦਾ ਹੈ।

# Shared decisions about treatment and medicine.
item-part-treatment = ਮੇਰੇ ਇਲਾਜ ਬਾਰੇ ਫ਼ੈਸਲੇ
item-choices = ਮੇਰੇ ਡਾਕਟਰ ਮੈਨੂੰ ਸਮਝਾਉਂਦੇ ਹਨ ਕਿ ਇਲਾਜ ਦੇ ਕਿਹੜੇ-ਕਿਹੜੇ ਰਾਹ ਮੇਰੇ ਕੋਲ ਹਨ।
item-my-say = ਮੇਰੇ ਇਲਾਜ ਬਾਰੇ ਫ਼ੈਸਲਿਆਂ ਵਿੱਚ ਮੇਰੀ ਰਾਏ ਵੀ ਸ਼ਾਮਲ ਹੁੰਦੀ ਹੈ।
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = ਮੈਂ ਉਹ ਦਵਾਈ ਲੈਂਦਾ/ਲੈਂਦੀ ਹਾਂ ਜੋ ਮੇਰੇ ਡਾਕਟਰ ਮੈਨੂੰ ਲਿਖ ਕੇ ਦਿੰਦੇ ਹਨ।
item-medicine-say = ਆਪਣੀ ਦਵਾਈ ਚੁਣਨ ਵਿੱਚ ਮੇਰੀ ਰਾਏ ਵੀ ਸ਼ਾਮਲ ਹੁੰਦੀ ਹੈ।
item-side-effects = ਆਪਣੇ ਡਾਕਟਰ ਨੂੰ ਦਵਾਈ ਦੇ ਸਾਈਡ ਇਫੈਕਟਾਂ ਬਾਰੇ ਦੱਸਣਾ ਮੈਨੂੰ ਸੁਰੱਖਿਅਤ ਲੱਗਦਾ ਹੈ।

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = ਭਰੋਸਾ ਅਤੇ ਇੱਜ਼ਤ
item-culture = ਮੇਰੇ ਡਾਕਟਰ ਮੇਰੇ ਸੱਭਿਆਚਾਰ ਅਤੇ ਮੇਰੇ ਵਿਸ਼ਵਾਸਾਂ ਦੀ ਇੱਜ਼ਤ ਕਰਦੇ ਹਨ।
item-worries = ਮੈਂ ਆਪਣੀਆਂ ਚਿੰਤਾਵਾਂ ਆਪਣੇ ਡਾਕਟਰ ਨਾਲ ਸਾਂਝੀਆਂ ਕਰ ਸਕਦਾ/ਸਕਦੀ ਹਾਂ।
item-gets-back = ਮੇਰੇ ਡਾਕਟਰ ਜਦੋਂ ਕਹਿੰਦੇ ਹਨ ਕਿ ਉਹ ਮੇਰੇ ਨਾਲ ਦੁਬਾਰਾ ਸੰਪਰਕ ਕਰਨਗੇ, ਤਾਂ ਉਹ ਸਮੇਂ ਸਿਰ ਸੰਪਰਕ ਕਰਦੇ ਹਨ।
item-who-sees = ਮੇਰੇ ਡਾਕਟਰ ਨੇ ਮੈਨੂੰ ਦੱਸਿਆ ਹੈ ਕਿ ਮੇਰੀਆਂ ਦੱਸੀਆਂ ਗੱਲਾਂ ਕੌਣ-ਕੌਣ ਦੇਖ ਸਕਦਾ ਹੈ।
item-feels-safe = ਮੇਰੇ ਡਾਕਟਰ ਦੇ ਵਰਤਾਅ ਨਾਲ ਮੈਨੂੰ ਸੁਰੱਖਿਅਤ ਮਹਿਸੂਸ ਹੁੰਦਾ ਹੈ।

# Optional, in the patient's own words.
item-better = ਕੀ ਹੋਵੇ ਤਾਂ ਸਾਡਾ ਮਿਲ ਕੇ ਕੰਮ ਹੋਰ ਵਧੀਆ ਹੋ ਜਾਵੇ?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = ਪੂਰੀ ਤਰ੍ਹਾਂ ਅਸਹਿਮਤ
option-agree-5-disagree = ਅਸਹਿਮਤ
option-agree-5-neither = ਨਾ ਸਹਿਮਤ, ਨਾ ਅਸਹਿਮਤ
option-agree-5-agree = ਸਹਿਮਤ
option-agree-5-strongly-agree = ਪੂਰੀ ਤਰ੍ਹਾਂ ਸਹਿਮਤ
