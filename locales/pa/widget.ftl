# Rapport widget strings: Punjabi, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Gurmukhi. Register: polite "ਤੁਸੀਂ" throughout, with "ਕਿਰਪਾ ਕਰਕੇ" for "please".
# Plain everyday words, reading age 9 to 11, as in English. Kind and neutral. Sentences end
# with the danda (।). "Care team" is "ਇਲਾਜ ਟੀਮ". Everyday loanwords patients use are kept
# (ਇੰਟਰਨੈੱਟ, ਕਨੈਕਸ਼ਨ, ਟੀਮ, ਕਲੀਨਿਕ). Plurals: CLDR gives Punjabi "one" (0 and 1) and "other";
# every variant uses the $variable, never a written "1". Numbers like "3.5" use a full stop.
# Reviewer please check: "(ਜ਼ਰੂਰੀ ਨਹੀਂ)" for "(optional)"; "ਪੂਰਾ ਨੰਬਰ" for "whole number".

# The language's own name, shown in the language switcher.
language-name = ਪੰਜਾਬੀ

language-label = ਭਾਸ਼ਾ
required-mark = (ਜ਼ਰੂਰੀ)
optional-mark = (ਜ਼ਰੂਰੀ ਨਹੀਂ)

# Progress above the questions, e.g. "12 ਵਿੱਚੋਂ 3 ਦੇ ਜਵਾਬ ਦਿੱਤੇ".
progress = { $total } ਵਿੱਚੋਂ { $answered } ਦੇ ਜਵਾਬ ਦਿੱਤੇ
questions-left = { $count ->
    [one] { $count } ਸਵਾਲ ਬਾਕੀ ਹੈ
   *[other] { $count } ਸਵਾਲ ਬਾਕੀ ਹਨ
}

privacy-note = ਤੁਹਾਡੇ ਜਵਾਬ ਤੁਹਾਡੀ ਇਲਾਜ ਟੀਮ ਕੋਲ ਜਾਂਦੇ ਹਨ। ਇਹਨਾਂ ਦੀ ਮਦਦ ਨਾਲ ਤੁਸੀਂ ਅਤੇ ਤੁਹਾਡੀ ਇਲਾਜ ਟੀਮ ਇਸ ਬਾਰੇ ਗੱਲ ਕਰ ਸਕਦੇ ਹੋ ਕਿ ਤੁਹਾਡਾ ਮਿਲ ਕੇ ਕੰਮ ਕਿਵੇਂ ਚੱਲ ਰਿਹਾ ਹੈ।

submit = ਮੇਰੇ ਜਵਾਬ ਭੇਜੋ
try-again = ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ
sending = ਤੁਹਾਡੇ ਜਵਾਬ ਭੇਜੇ ਜਾ ਰਹੇ ਹਨ…
sent-title = ਧੰਨਵਾਦ
sent-body = ਤੁਹਾਡੇ ਜਵਾਬ ਤੁਹਾਡੀ ਇਲਾਜ ਟੀਮ ਨੂੰ ਭੇਜ ਦਿੱਤੇ ਗਏ ਹਨ।
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = ਤੁਹਾਡੇ ਸਕੋਰ
score-out-of = { $high } ਵਿੱਚੋਂ { $value }
scores-note = ਇਹ ਨੰਬਰ ਤੁਹਾਡੇ ਜਵਾਬਾਂ ਤੋਂ ਆਉਂਦੇ ਹਨ। ਇਹ ਕਿਸੇ ਇਮਤਿਹਾਨ ਦੇ ਨਤੀਜੇ ਨਹੀਂ ਹਨ। ਤੁਹਾਡੀ ਇਲਾਜ ਟੀਮ ਵੀ ਇਹਨਾਂ ਨੂੰ ਦੇਖਦੀ ਹੈ, ਅਤੇ ਇਹਨਾਂ ਦੀ ਮਦਦ ਨਾਲ ਤੁਸੀਂ ਅਤੇ ਤੁਹਾਡੀ ਟੀਮ ਮਿਲ ਕੇ ਗੱਲ ਕਰ ਸਕਦੇ ਹੋ ਕਿ ਸਭ ਕੁਝ ਕਿਵੇਂ ਚੱਲ ਰਿਹਾ ਹੈ।
failed-network = ਅਸੀਂ ਤੁਹਾਡੇ ਜਵਾਬ ਨਹੀਂ ਭੇਜ ਸਕੇ। ਕਿਰਪਾ ਕਰਕੇ ਆਪਣਾ ਇੰਟਰਨੈੱਟ ਕਨੈਕਸ਼ਨ ਚੈੱਕ ਕਰੋ ਅਤੇ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ। ਤੁਹਾਡੇ ਜਵਾਬ ਅਜੇ ਵੀ ਇੱਥੇ ਹਨ।
failed-server = ਅਸੀਂ ਇਸ ਵੇਲੇ ਤੁਹਾਡੇ ਜਵਾਬ ਨਹੀਂ ਭੇਜ ਸਕੇ। ਕਿਰਪਾ ਕਰਕੇ ਥੋੜ੍ਹੀ ਦੇਰ ਬਾਅਦ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰੋ। ਤੁਹਾਡੇ ਜਵਾਬ ਅਜੇ ਵੀ ਇੱਥੇ ਹਨ।
failed-rejected = ਤੁਹਾਡੇ ਜਵਾਬ ਸਵੀਕਾਰ ਨਹੀਂ ਕੀਤੇ ਜਾ ਸਕੇ। ਕਿਰਪਾ ਕਰਕੇ ਆਪਣੀ ਇਲਾਜ ਟੀਮ ਨੂੰ ਦੱਸੋ। ਤੁਹਾਡੇ ਜਵਾਬ ਅਜੇ ਵੀ ਇੱਥੇ ਹਨ।

# Shown while answers wait on the device to be sent again (the widget retries by itself).
queued-offline = ਤੁਹਾਡੇ ਜਵਾਬ ਇਸ ਡਿਵਾਈਸ ਉੱਤੇ ਸੰਭਾਲੇ ਹੋਏ ਹਨ। ਜਦੋਂ ਤੁਸੀਂ ਦੁਬਾਰਾ ਇੰਟਰਨੈੱਟ ਨਾਲ ਜੁੜੋਗੇ, ਅਸੀਂ ਇਹਨਾਂ ਨੂੰ ਭੇਜ ਦੇਵਾਂਗੇ।
queued-retry = ਅਸੀਂ ਅਜੇ ਤੁਹਾਡੇ ਜਵਾਬ ਨਹੀਂ ਭੇਜ ਸਕੇ। ਇਹ ਇਸ ਡਿਵਾਈਸ ਉੱਤੇ ਸੰਭਾਲੇ ਹੋਏ ਹਨ, ਅਤੇ ਅਸੀਂ ਜਲਦੀ ਹੀ ਦੁਬਾਰਾ ਕੋਸ਼ਿਸ਼ ਕਰਾਂਗੇ।
# Shown after a page reload brought back answers given earlier.
draft-restored = ਤੁਸੀਂ ਪਹਿਲਾਂ ਜੋ ਜਵਾਬ ਦਿੱਤੇ ਸਨ, ਅਸੀਂ ਉਹ ਸੰਭਾਲ ਕੇ ਰੱਖੇ ਹਨ, ਤਾਂ ਜੋ ਤੁਸੀਂ ਜਿੱਥੇ ਰੁਕੇ ਸੀ, ਉੱਥੋਂ ਅੱਗੇ ਜਾਰੀ ਰੱਖ ਸਕੋ।
# Shown under the privacy note when nothing is stored (shared devices).
privacy-none = ਤੁਸੀਂ ਇੱਥੇ ਜੋ ਵੀ ਲਿਖਦੇ ਹੋ, ਉਹ ਇਸ ਡਿਵਾਈਸ ਉੱਤੇ ਸੰਭਾਲਿਆ ਨਹੀਂ ਜਾਂਦਾ।

error-summary-title = { $count ->
    [one] ਕਿਰਪਾ ਕਰਕੇ { $count } ਜਵਾਬ ਦੁਬਾਰਾ ਦੇਖੋ
   *[other] ਕਿਰਪਾ ਕਰਕੇ { $count } ਜਵਾਬ ਦੁਬਾਰਾ ਦੇਖੋ
}

issue-required = ਕਿਰਪਾ ਕਰਕੇ ਇਸ ਸਵਾਲ ਦਾ ਜਵਾਬ ਦਿਓ।
issue-below-min = ਕਿਰਪਾ ਕਰਕੇ { $min } ਜਾਂ ਉਸ ਤੋਂ ਵੱਡਾ ਨੰਬਰ ਲਿਖੋ।
issue-above-max = ਕਿਰਪਾ ਕਰਕੇ { $max } ਜਾਂ ਉਸ ਤੋਂ ਛੋਟਾ ਨੰਬਰ ਲਿਖੋ।
issue-too-long = { $max ->
    [one] ਕਿਰਪਾ ਕਰਕੇ { $max } ਜਾਂ ਉਸ ਤੋਂ ਘੱਟ ਅੱਖਰ ਵਰਤੋ।
   *[other] ਕਿਰਪਾ ਕਰਕੇ { $max } ਜਾਂ ਉਸ ਤੋਂ ਘੱਟ ਅੱਖਰ ਵਰਤੋ।
}
issue-too-short = { $min ->
    [one] ਕਿਰਪਾ ਕਰਕੇ ਘੱਟੋ-ਘੱਟ { $min } ਅੱਖਰ ਲਿਖੋ।
   *[other] ਕਿਰਪਾ ਕਰਕੇ ਘੱਟੋ-ਘੱਟ { $min } ਅੱਖਰ ਲਿਖੋ।
}
issue-no-match = ਕਿਰਪਾ ਕਰਕੇ ਇਹ ਜਵਾਬ ਜਾਂਚੋ। ਇਹ ਉਸ ਤਰ੍ਹਾਂ ਨਹੀਂ ਲਿਖਿਆ ਗਿਆ ਜਿਵੇਂ ਇਸ ਸਵਾਲ ਨੂੰ ਚਾਹੀਦਾ ਹੈ।
issue-no-match-example = ਕਿਰਪਾ ਕਰਕੇ ਜਵਾਬ ਇਸ ਤਰ੍ਹਾਂ ਲਿਖੋ: { $example }
issue-not-whole-number = ਕਿਰਪਾ ਕਰਕੇ ਪੂਰਾ ਨੰਬਰ ਲਿਖੋ, ਜਿਵੇਂ 3।
issue-not-number = ਕਿਰਪਾ ਕਰਕੇ ਕੋਈ ਨੰਬਰ ਲਿਖੋ, ਜਿਵੇਂ 3 ਜਾਂ 3.5।
issue-wrong-type = ਕਿਰਪਾ ਕਰਕੇ ਜਵਾਬਾਂ ਵਿੱਚੋਂ ਇੱਕ ਚੁਣੋ।
issue-not-date = ਕਿਰਪਾ ਕਰਕੇ ਪੂਰੀ ਤਾਰੀਖ਼ ਲਿਖੋ: ਦਿਨ, ਮਹੀਨਾ ਅਤੇ ਸਾਲ।
issue-not-time = ਕਿਰਪਾ ਕਰਕੇ ਸਮਾਂ ਲਿਖੋ: ਘੰਟੇ ਅਤੇ ਮਿੰਟ।
issue-not-date-time = ਕਿਰਪਾ ਕਰਕੇ ਪੂਰੀ ਤਾਰੀਖ਼ ਅਤੇ ਸਮਾਂ ਲਿਖੋ।
issue-no-unit = ਕਿਰਪਾ ਕਰਕੇ ਇਕਾਈ ਵੀ ਲਿਖੋ, ਜਿਵੇਂ ਦਿਨ ਜਾਂ ਕਿਲੋ।

option-own-words = ਕੁਝ ਹੋਰ

characters-left = { $count ->
    [one] { $count } ਅੱਖਰ ਬਾਕੀ ਹੈ
   *[other] { $count } ਅੱਖਰ ਬਾਕੀ ਹਨ
}

yes = ਹਾਂ
no = ਨਹੀਂ
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $max } ਵਿੱਚੋਂ { $value }

group-number = { $count } ਵਿੱਚੋਂ { $number }
group-add = ਇੱਕ ਹੋਰ ਜੋੜੋ
group-remove = ਇਸਨੂੰ ਹਟਾਓ
group-remove-confirm = ਕੀ ਇਹ ਅਤੇ ਇਸਦੇ ਜਵਾਬ ਹਟਾਉਣੇ ਹਨ?
group-remove-yes = ਹਾਂ, ਹਟਾਓ
group-remove-no = ਨਹੀਂ, ਰੱਖੋ

link-new-tab = ਨਵੀਂ ਟੈਬ ਵਿੱਚ ਖੁੱਲ੍ਹਦਾ ਹੈ
calculated-note = ਤੁਹਾਡੇ ਜਵਾਬਾਂ ਤੋਂ ਗਿਣਿਆ ਗਿਆ।
calculated-pending = ਜਿਨ੍ਹਾਂ ਸਵਾਲਾਂ ਦੀ ਇਸਨੂੰ ਲੋੜ ਹੈ, ਉਹਨਾਂ ਦੇ ਜਵਾਬ ਦੇਣ ਤੋਂ ਬਾਅਦ ਦਿਖੇਗਾ।
quantity-unit = ਇਕਾਈ

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = ਮਾਫ਼ ਕਰਨਾ, ਇਹ ਪ੍ਰਸ਼ਨਾਵਲੀ ਇਸ ਵੇਲੇ ਦਿਖਾਈ ਨਹੀਂ ਜਾ ਸਕਦੀ।
config-error-help = ਕਿਰਪਾ ਕਰਕੇ ਆਪਣੀ ਇਲਾਜ ਟੀਮ ਨੂੰ ਦੱਸੋ। ਕਲੀਨਿਕ ਦੀ ਵੈੱਬ ਟੀਮ ਲਈ ਤਕਨੀਕੀ ਜਾਣਕਾਰੀ:
