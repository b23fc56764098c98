# Rapport questionnaire "working-together" 1.0.0: Punjabi, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Gurmukhi. Register: polite "ਤੁਸੀਂ" when speaking to the patient; the questions
# themselves are in the first person, as in English. Plain everyday words, reading age 9 to 11.
# "My clinician" is rendered as "ਮੇਰੇ ਡਾਕਟਰ" (respectful plural), defined in
# item-about-clinician to cover the doctor, therapist or nurse; the respectful plural verb
# (ਦਿੰਦੇ ਹਨ) is the usual generic form and does not mark the clinician as a man. Where the
# patient's own gender would show in a verb and a neutral wording would change the meaning,
# both forms are given with a slash (ਸਕਦਾ/ਸਕਦੀ), as is usual in Punjabi forms. Reviewer please
# check first: "ਮੇਰੇ ਬਾਰੇ ਮਾੜੀ ਰਾਏ ਬਣਾਉਂਦੇ ਹਨ" for "judged"; "ਨਰਮੀ ਨਾਲ ਪੇਸ਼ ਆਉਂਦੇ ਹਨ" for
# "kind"; item-between-sessions is worded "we choose together" (ਅਸੀਂ ਮਿਲ ਕੇ ਚੁਣਦੇ ਹਾਂ) to
# avoid two slashed verbs. CLDR plural categories for Punjabi: one (0 and 1) and other; no
# message here selects on a number. Not a validated psychometric instrument; no clinical
# cut-offs. This draft has not been through forward and back translation or cognitive
# debriefing.

instrument-title = ਮਿਲ ਕੇ ਕੰਮ ਕਰਨਾ
instrument-intro = ਇਹ ਸਵਾਲ ਇਸ ਬਾਰੇ ਹਨ ਕਿ ਤੁਸੀਂ ਅਤੇ ਤੁਹਾਡੇ ਡਾਕਟਰ ਮਿਲ ਕੇ ਕਿਵੇਂ ਕੰਮ ਕਰਦੇ ਹੋ। ਤੁਹਾਡੇ ਜਵਾਬਾਂ ਨਾਲ ਤੁਹਾਡੀ ਇਲਾਜ ਟੀਮ ਨੂੰ ਪਤਾ ਲੱਗਦਾ ਹੈ ਕਿ ਕੀ ਚੰਗਾ ਚੱਲ ਰਿਹਾ ਹੈ ਅਤੇ ਕੀ ਹੋਰ ਵਧੀਆ ਹੋ ਸਕਦਾ ਹੈ।
instrument-notice = ਇਹ ਕੋਈ ਇਮਤਿਹਾਨ ਨਹੀਂ ਹੈ। ਕੋਈ ਵੀ ਜਵਾਬ ਸਹੀ ਜਾਂ ਗ਼ਲਤ ਨਹੀਂ ਹੈ। ਇਹ ਸਵਾਲ ਖੋਜ ਅਧਿਐਨਾਂ ਵਿੱਚ ਪਰਖੇ ਨਹੀਂ ਗਏ ਹਨ।

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = ਭਰੋਸਾ
score-goals = ਸਾਡੇ ਟੀਚੇ
score-tasks = ਅਸੀਂ ਕਿਵੇਂ ਕੰਮ ਕਰਦੇ ਹਾਂ
score-total = ਮਿਲ ਕੇ ਕੰਮ ਕਰਨਾ: ਕੁੱਲ ਮਿਲਾ ਕੇ

item-about-clinician = ਇੱਥੇ “ਮੇਰੇ ਡਾਕਟਰ” ਦਾ ਮਤਲਬ ਹੈ ਉਹ ਡਾਕਟਰ, ਥੈਰੇਪਿਸਟ ਜਾਂ ਨਰਸ ਜਿਨ੍ਹਾਂ ਨੂੰ ਤੁਸੀਂ ਮਿਲਦੇ ਹੋ।

# Trust (bond).
item-part-bond = ਮੇਰੇ ਡਾਕਟਰ ਅਤੇ ਮੈਂ
item-lets-me-finish = ਮੇਰੇ ਡਾਕਟਰ ਮੈਨੂੰ ਆਪਣੀ ਗੱਲ ਪੂਰੀ ਕਰਨ ਦਿੰਦੇ ਹਨ।
item-notices-upset = ਜਦੋਂ ਮੇਰਾ ਮਨ ਪਰੇਸ਼ਾਨ ਹੁੰਦਾ ਹੈ, ਤਾਂ ਮੇਰੇ ਡਾਕਟਰ ਸਮਝ ਜਾਂਦੇ ਹਨ।
item-kind = ਮੇਰੇ ਡਾਕਟਰ ਮੇਰੇ ਨਾਲ ਨਰਮੀ ਨਾਲ ਪੇਸ਼ ਆਉਂਦੇ ਹਨ।
# Reverse-scored.
item-judged = ਮੈਨੂੰ ਲੱਗਦਾ ਹੈ ਕਿ ਮੇਰੇ ਡਾਕਟਰ ਮੇਰੇ ਬਾਰੇ ਮਾੜੀ ਰਾਏ ਬਣਾਉਂਦੇ ਹਨ।

# Shared goals.
item-part-goals = ਸਾਡੇ ਟੀਚੇ
item-asks-what-i-want = ਮੇਰੇ ਡਾਕਟਰ ਪੁੱਛਦੇ ਹਨ ਕਿ ਸਾਡੇ ਕੰਮ ਤੋਂ ਮੈਨੂੰ ਕੀ ਚਾਹੀਦਾ ਹੈ।
item-goals-clear = ਸਾਡੇ ਟੀਚੇ ਕੀ ਹਨ, ਇਹ ਮੈਂ ਆਪਣੇ ਸ਼ਬਦਾਂ ਵਿੱਚ ਦੱਸ ਸਕਦਾ/ਸਕਦੀ ਹਾਂ।
item-what-matters = ਸਾਡਾ ਕੰਮ ਉਹਨਾਂ ਗੱਲਾਂ ਬਾਰੇ ਹੈ ਜੋ ਮੇਰੇ ਲਈ ਸਭ ਤੋਂ ਜ਼ਰੂਰੀ ਹਨ।
item-goals-change = ਜਦੋਂ ਮੇਰੀ ਜ਼ਿੰਦਗੀ ਵਿੱਚ ਕੁਝ ਬਦਲਦਾ ਹੈ, ਤਾਂ ਅਸੀਂ ਮੇਰੇ ਟੀਚਿਆਂ ਨੂੰ ਦੁਬਾਰਾ ਦੇਖਦੇ ਹਾਂ।

# Agreement on how we work (tasks).
item-part-tasks = ਅਸੀਂ ਕਿਵੇਂ ਕੰਮ ਕਰਦੇ ਹਾਂ
item-makes-sense = ਮੈਨੂੰ ਸਮਝ ਆਉਂਦੀ ਹੈ ਕਿ ਅਸੀਂ ਆਪਣੇ ਸੈਸ਼ਨਾਂ ਵਿੱਚ ਜੋ ਕਰਦੇ ਹਾਂ, ਉਹ ਕਿਉਂ ਕਰਦੇ ਹਾਂ।
item-between-sessions = ਸੈਸ਼ਨਾਂ ਦੇ ਵਿਚਕਾਰ ਮੈਂ ਕੀ ਕਰਕੇ ਦੇਖਾਂ, ਇਹ ਅਸੀਂ ਮਿਲ ਕੇ ਚੁਣਦੇ ਹਾਂ।
item-say-not-helping = ਜੇ ਅਸੀਂ ਕੁਝ ਅਜਿਹਾ ਕਰ ਰਹੇ ਹਾਂ ਜਿਸ ਨਾਲ ਮੇਰੀ ਮਦਦ ਨਹੀਂ ਹੋ ਰਹੀ, ਤਾਂ ਮੈਂ ਇਹ ਕਹਿ ਸਕਦਾ/ਸਕਦੀ ਹਾਂ।
item-asks-how-it-goes = ਮੇਰੇ ਡਾਕਟਰ ਮੈਨੂੰ ਪੁੱਛਦੇ ਹਨ ਕਿ ਸਾਡਾ ਕੰਮ ਕਿਵੇਂ ਚੱਲ ਰਿਹਾ ਹੈ।

# The answer scale (how often), lowest to highest.
option-how-often-5-never = ਕਦੇ ਨਹੀਂ
option-how-often-5-rarely = ਬਹੁਤ ਘੱਟ
option-how-often-5-sometimes = ਕਦੇ-ਕਦੇ
option-how-often-5-often = ਅਕਸਰ
option-how-often-5-always = ਹਮੇਸ਼ਾ
