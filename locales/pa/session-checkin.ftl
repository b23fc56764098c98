# Rapport questionnaire "session-checkin" 1.0.0: Punjabi, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Gurmukhi. Register: polite "ਤੁਸੀਂ" when speaking to the patient; the questions
# themselves are in the first person, as in English. Plain everyday words, reading age 9 to 11.
# Punjabi marks the speaker's gender on some verbs; where a neutral wording would change the
# meaning, both forms are given with a slash (ਸਕਿਆ/ਸਕੀ), as is usual in Punjabi forms.
# "Session" is kept as the loanword "ਸੈਸ਼ਨ", which patients in therapy hear; a reviewer may prefer
# "ਮੁਲਾਕਾਤ". "Test" is "ਇਮਤਿਹਾਨ" (an exam), so it is not read as a medical test. CLDR
# plural categories for Punjabi: one (0 and 1) and other; no message here selects on a
# number. Not a validated psychometric instrument; no clinical cut-offs. This draft has not
# been through forward and back translation or cognitive debriefing.

instrument-title = ਤੁਹਾਡੇ ਸੈਸ਼ਨ ਤੋਂ ਬਾਅਦ
instrument-intro = ਅੱਜ ਦੇ ਸੈਸ਼ਨ ਬਾਰੇ ਚਾਰ ਛੋਟੇ ਸਵਾਲ। ਤੁਹਾਡੇ ਜਵਾਬਾਂ ਨਾਲ ਤੁਹਾਡੀ ਇਲਾਜ ਟੀਮ ਤੁਹਾਡੇ ਸੈਸ਼ਨਾਂ ਨੂੰ ਤੁਹਾਡੇ ਲਈ ਵਧੀਆ ਬਣਾ ਸਕਦੀ ਹੈ।
instrument-notice = ਇਹ ਕੋਈ ਇਮਤਿਹਾਨ ਨਹੀਂ ਹੈ। ਇਹ ਸਵਾਲ ਖੋਜ ਅਧਿਐਨਾਂ ਵਿੱਚ ਪਰਖੇ ਨਹੀਂ ਗਏ ਹਨ।

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = ਇਹ ਸੈਸ਼ਨ: ਕੁੱਲ ਮਿਲਾ ਕੇ

item-say-my-mind = ਅੱਜ ਮੇਰੇ ਮਨ ਵਿੱਚ ਜੋ ਸੀ, ਉਹ ਮੈਂ ਕਹਿ ਸਕਿਆ/ਸਕੀ।
item-say-my-mind-low = ਬਿਲਕੁਲ ਨਹੀਂ
item-say-my-mind-high = ਪੂਰੀ ਤਰ੍ਹਾਂ

item-what-matters = ਅੱਜ ਅਸੀਂ ਆਪਣਾ ਸਮਾਂ ਉਹਨਾਂ ਗੱਲਾਂ ਉੱਤੇ ਲਾਇਆ ਜੋ ਮੇਰੇ ਲਈ ਸਭ ਤੋਂ ਜ਼ਰੂਰੀ ਹਨ।
item-what-matters-low = ਬਿਲਕੁਲ ਨਹੀਂ
item-what-matters-high = ਪੂਰੀ ਤਰ੍ਹਾਂ

item-way-we-worked = ਅੱਜ ਸਾਡਾ ਕੰਮ ਕਰਨ ਦਾ ਤਰੀਕਾ ਮੈਨੂੰ ਸਹੀ ਲੱਗਿਆ।
item-way-we-worked-low = ਬਿਲਕੁਲ ਨਹੀਂ
item-way-we-worked-high = ਪੂਰੀ ਤਰ੍ਹਾਂ

item-worth-my-time = ਇਸ ਸੈਸ਼ਨ ਉੱਤੇ ਲਾਇਆ ਸਮਾਂ ਮੇਰੇ ਲਈ ਫ਼ਾਇਦੇਮੰਦ ਰਿਹਾ।
item-worth-my-time-low = ਬਿਲਕੁਲ ਨਹੀਂ
item-worth-my-time-high = ਪੂਰੀ ਤਰ੍ਹਾਂ
