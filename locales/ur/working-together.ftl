# Rapport questionnaire "working-together" 1.0.0: Urdu, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "آپ", warm and everyday. "My clinician" is "میرے معالج", with the respectful
# plural verb (دیتے ہیں) that Urdu speakers use for a doctor; this is grammatically masculine,
# used as the generic form. The first-person questions are worded so that no verb marks the
# patient's gender (e.g. "مجھے لگتا ہے", "مجھے … جھجک نہیں ہوتی"). "Therapist" is "تھراپسٹ" as
# patients say it. Script: Urdu in Arabic script (Nastaliq font), right to left. No plural
# selectors in this file (Urdu has the CLDR categories one and other). Plain everyday words,
# reading age 9 to 11. Not a validated psychometric instrument; no clinical cut-offs. This
# draft has not been through forward and back translation or cognitive debriefing.
# Reviewer: "معالج" as the general word; "میرے بارے میں بُری رائے قائم کرتے ہیں" for "judged";
# "مجھے یہ کہنے میں جھجک نہیں ہوتی" for "I can say"; "میری کیا امیدیں ہیں" for "what I want
# to get out of".

instrument-title = مل کر کام کرنا
instrument-intro = یہ سوالات اس بارے میں ہیں کہ آپ اور آپ کے معالج مل کر کیسے کام کرتے ہیں۔ آپ کے جوابات سے آپ کی دیکھ بھال کرنے والی ٹیم کو پتا چلتا ہے کہ کیا اچھا چل رہا ہے اور کیا بہتر ہو سکتا ہے۔
instrument-notice = یہ کوئی امتحان نہیں ہے۔ کوئی جواب صحیح یا غلط نہیں ہوتا۔ ان سوالوں کو تحقیقی مطالعوں میں نہیں جانچا گیا۔

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = بھروسا
score-goals = ہمارے مقاصد
score-tasks = ہم کیسے کام کرتے ہیں
score-total = مجموعی طور پر مل کر کام کرنا

item-about-clinician = یہاں “میرے معالج” سے مراد وہ ڈاکٹر، تھراپسٹ یا نرس ہیں جو آپ کا علاج کرتے ہیں۔

# Trust (bond).
item-part-bond = میں اور میرے معالج
item-lets-me-finish = میرے معالج مجھے اپنی بات پوری کرنے دیتے ہیں۔
item-notices-upset = جب میں پریشان ہوں تو میرے معالج سمجھ جاتے ہیں۔
item-kind = میرے معالج میرے ساتھ مہربانی سے پیش آتے ہیں۔
# Reverse-scored.
item-judged = مجھے لگتا ہے کہ میرے معالج میرے بارے میں بُری رائے قائم کرتے ہیں۔

# Shared goals.
item-part-goals = ہمارے مقاصد
item-asks-what-i-want = میرے معالج مجھ سے پوچھتے ہیں کہ ہمارے کام سے میری کیا امیدیں ہیں۔
item-goals-clear = ہمارے مقاصد میرے لیے اتنے واضح ہیں کہ میں انہیں اپنے الفاظ میں بتا سکوں۔
item-what-matters = ہمارا کام اُن باتوں پر ہوتا ہے جو میرے لیے سب سے زیادہ اہم ہیں۔
item-goals-change = جب میری زندگی بدلتی ہے تو ہم میرے مقاصد کو دوبارہ دیکھتے ہیں۔

# Agreement on how we work (tasks).
item-part-tasks = ہم کیسے کام کرتے ہیں
item-makes-sense = مجھے سمجھ آتی ہے کہ ہم اپنے سیشنز میں جو کرتے ہیں، وہ کیوں کرتے ہیں۔
item-between-sessions = سیشنز کے درمیان مجھے کیا آزمانا ہے، یہ چننے میں میری رائے بھی شامل ہوتی ہے۔
item-say-not-helping = اگر ہمارا کوئی کام میری مدد نہ کر رہا ہو، تو مجھے یہ کہنے میں جھجک نہیں ہوتی۔
item-asks-how-it-goes = میرے معالج مجھ سے پوچھتے ہیں کہ ہمارا کام کیسا چل رہا ہے۔

# The answer scale (how often), lowest to highest.
option-how-often-5-never = کبھی نہیں
option-how-often-5-rarely = بہت کم
option-how-often-5-sometimes = کبھی کبھی
option-how-often-5-often = اکثر
option-how-often-5-always = ہمیشہ
