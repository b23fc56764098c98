# Rapport widget strings: Urdu, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "آپ" with "براہِ کرم", warm and everyday (as in a clinic in Pakistan or
# among Urdu speakers abroad); common English loanwords patients use are kept (انٹرنیٹ،
# کلینک). Script: Urdu in Arabic script (meant to be shown in a Nastaliq font), right to left,
# with the Urdu full stop "۔". No bidi control characters (the widget isolates placeables).
# Numbers in examples are ASCII digits with "." as the decimal mark (3.5).
# Plurals: CLDR categories one (exactly 1) and other; every variant uses { $count } / { $max }.
# "Care team" = "آپ کی دیکھ بھال کرنے والی ٹیم". Progress uses a "label: numbers" form so that
# it reads right for any number. Reviewer: "حرف / حروف" for "character(s)"; "پورا عدد" for
# "whole number".

# The language's own name, shown in the language switcher.
language-name = اردو

language-label = زبان
required-mark = (ضروری)
optional-mark = (اختیاری)

# Progress above the questions, e.g. "3 of 12 answered".
progress = جواب دیے گئے: { $total } میں سے { $answered }
questions-left = { $count ->
    [one] { $count } سوال باقی ہے
   *[other] { $count } سوال باقی ہیں
}

privacy-note = آپ کے جوابات آپ کی دیکھ بھال کرنے والی ٹیم کو جاتے ہیں۔ ان سے آپ کو اور آپ کی ٹیم کو یہ بات کرنے میں مدد ملتی ہے کہ آپ کا مل کر کام کیسا چل رہا ہے۔

submit = میرے جوابات بھیجیں
try-again = دوبارہ کوشش کریں
sending = آپ کے جوابات بھیجے جا رہے ہیں…
sent-title = شکریہ
sent-body = آپ کے جوابات آپ کی دیکھ بھال کرنے والی ٹیم کو بھیج دیے گئے ہیں۔
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = آپ کے اسکور
score-out-of = { $high } میں سے { $value }
scores-note = یہ نمبر آپ کے جوابات سے بنے ہیں۔ یہ کسی ٹیسٹ کا نتیجہ نہیں ہیں۔ آپ کی دیکھ بھال کرنے والی ٹیم بھی انہیں دیکھتی ہے، اور یہ آپ کو اور آپ کی ٹیم کو مل کر یہ بات کرنے میں مدد دے سکتے ہیں کہ سب کچھ کیسا چل رہا ہے۔
failed-network = ہم آپ کے جوابات نہیں بھیج سکے۔ براہِ کرم اپنا انٹرنیٹ کنکشن چیک کریں اور دوبارہ کوشش کریں۔ آپ کے جوابات ابھی بھی یہیں موجود ہیں۔
failed-server = ہم اس وقت آپ کے جوابات نہیں بھیج سکے۔ براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں۔ آپ کے جوابات ابھی بھی یہیں موجود ہیں۔
failed-rejected = آپ کے جوابات قبول نہیں ہو سکے۔ براہِ کرم اپنی دیکھ بھال کرنے والی ٹیم کو بتائیں۔ آپ کے جوابات ابھی بھی یہیں موجود ہیں۔

# Shown while a send waits to be retried; the answers are stored on this device.
queued-offline = آپ کے جوابات اس ڈیوائس پر محفوظ ہیں۔ جب آپ کا انٹرنیٹ دوبارہ چلے گا تو ہم انہیں بھیج دیں گے۔
queued-retry = ہم ابھی تک آپ کے جوابات نہیں بھیج سکے۔ یہ اس ڈیوائس پر محفوظ ہیں، اور ہم جلد دوبارہ کوشش کریں گے۔
# Shown after a page reload brought back answers given earlier.
draft-restored = آپ نے پہلے جو جوابات دیے تھے، وہ ہم نے سنبھال کر رکھے ہیں، تاکہ آپ وہیں سے آگے چل سکیں جہاں آپ نے چھوڑا تھا۔
# Shown under the privacy note when the widget stores nothing (shared devices).
privacy-none = یہاں لکھی گئی کوئی بھی بات اس ڈیوائس پر محفوظ نہیں ہوتی۔

error-summary-title = { $count ->
    [one] براہِ کرم { $count } جواب دوبارہ دیکھیں
   *[other] براہِ کرم { $count } جوابات دوبارہ دیکھیں
}

issue-required = براہِ کرم اس سوال کا جواب دیں۔
issue-below-min = براہِ کرم { $min } یا اس سے بڑا عدد لکھیں۔
issue-above-max = براہِ کرم { $max } یا اس سے چھوٹا عدد لکھیں۔
issue-too-long = { $max ->
    [one] براہِ کرم { $max } حرف یا اس سے کم لکھیں۔
   *[other] براہِ کرم { $max } حروف یا اس سے کم لکھیں۔
}
issue-too-short = { $min ->
    [one] براہِ کرم کم از کم { $min } حرف لکھیں۔
   *[other] براہِ کرم کم از کم { $min } حروف لکھیں۔
}
issue-no-match = براہِ کرم یہ جواب دیکھ لیں۔ یہ اس طرح نہیں لکھا گیا جیسے اس سوال کو چاہیے۔
issue-no-match-example = براہِ کرم جواب اس طرح لکھیں: { $example }
issue-not-whole-number = براہِ کرم پورا عدد لکھیں، جیسے 3۔
issue-not-number = براہِ کرم کوئی عدد لکھیں، جیسے 3 یا 3.5۔
issue-wrong-type = براہِ کرم دیے گئے جوابات میں سے ایک چنیں۔
issue-not-date = براہِ کرم پوری تاریخ لکھیں: دن، مہینہ اور سال۔
issue-not-time = براہِ کرم وقت لکھیں: گھنٹے اور منٹ۔
issue-not-date-time = براہِ کرم پوری تاریخ اور وقت لکھیں۔
issue-no-unit = براہِ کرم اکائی بھی لکھیں، جیسے دن یا کلو۔

option-own-words = کچھ اور

characters-left = { $count ->
    [one] { $count } حرف باقی ہے
   *[other] { $count } حروف باقی ہیں
}

yes = ہاں
no = نہیں
# What a screen reader says for one number of a 0 to 10 row, e.g. "10 میں سے 5".
scale-value = { $max } میں سے { $value }

group-number = { $count } میں سے { $number }
group-add = ایک اور شامل کریں
group-remove = اسے ہٹائیں
group-remove-confirm = کیا اسے اور اس کے جوابات ہٹا دیں؟
group-remove-yes = ہاں، ہٹا دیں
group-remove-no = نہیں، رہنے دیں

link-new-tab = نئے ٹیب میں کھلتا ہے
calculated-note = آپ کے جوابات سے حساب کیا گیا۔
calculated-pending = جن سوالوں کی اسے ضرورت ہے، ان کے جواب دینے کے بعد نظر آئے گا۔
quantity-unit = اکائی

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = معذرت، یہ سوال نامہ اس وقت نہیں دکھایا جا سکتا۔
config-error-help = براہِ کرم اپنی دیکھ بھال کرنے والی ٹیم کو بتائیں۔ کلینک کی ویب ٹیم کے لیے تکنیکی تفصیلات:
