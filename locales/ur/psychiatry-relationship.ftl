# Rapport questionnaire "psychiatry-relationship" 1.0.0: Urdu, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "آپ", warm and everyday. "My clinician" is "میرے معالج", with the respectful
# plural verb Urdu speakers use for a doctor; grammatically masculine, used as the generic form.
# The first-person questions are worded so that no verb marks the patient's gender, except
# item-takes-medicine, which uses "لیتا/لیتی ہوں" because every neutral wording changed the
# meaning. "Psychiatrist" and "side effects" are kept as the English loanwords patients use,
# with an Urdu gloss in brackets. Script: Urdu in Arabic script (Nastaliq font), right to left.
# No plural selectors in this file (Urdu has the CLDR categories one and other). Plain everyday
# words, reading age 9 to 11. Not a validated psychometric instrument; no clinical cut-offs.
# This draft has not been through forward and back translation or cognitive debriefing.
# Reviewer: "لیتا/لیتی ہوں"; "محفوظ لگتا ہے" for "feel safe"; "بھروسا اور عزت" for "trust and
# respect"; "سب کچھ جلدی جلدی میں ہو رہا ہے" for "I feel rushed".

instrument-title = آپ اور آپ کے معالج
instrument-intro = یہ سوالات اس بارے میں ہیں کہ آپ اور آپ کے معالج آپ کے علاج پر مل کر کیسے کام کرتے ہیں۔ آپ کے جوابات سے آپ کی دیکھ بھال کرنے والی ٹیم کو پتا چلتا ہے کہ کیا اچھا چل رہا ہے اور کیا بہتر ہو سکتا ہے۔
instrument-notice = یہ کوئی امتحان نہیں ہے۔ کوئی جواب صحیح یا غلط نہیں ہوتا۔ ان سوالوں کو تحقیقی مطالعوں میں نہیں جانچا گیا۔

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = سننا اور سمجھانا
score-treatment = میرے علاج کے بارے میں فیصلے
score-trust = بھروسا اور عزت
score-total = مجموعی طور پر آپ اور آپ کے معالج

item-about-clinician = یہاں “میرے معالج” سے مراد وہ سائیکاٹرسٹ (نفسیاتی امراض کے ڈاکٹر)، ڈاکٹر یا نرس ہیں جو آپ کا علاج کرتے ہیں۔

# Being listened to and plain explanations.
item-part-listening = سننا اور سمجھانا
item-attention = میرے معالج مجھ پر پوری توجہ دیتے ہیں۔
item-plain-words = میرے معالج مجھ سے ایسے الفاظ میں بات کرتے ہیں جو مجھے سمجھ آتے ہیں۔
# Reverse-scored.
item-rushed = اپنی ملاقاتوں کے دوران مجھے لگتا ہے کہ سب کچھ جلدی جلدی میں ہو رہا ہے۔

# Shared decisions about treatment and medicine.
item-part-treatment = میرے علاج کے بارے میں فیصلے
item-choices = میرے معالج مجھے سمجھاتے ہیں کہ علاج کے لیے میرے پاس کون کون سے راستے ہیں۔
item-my-say = میرے علاج کے فیصلوں میں میری رائے بھی شامل ہوتی ہے۔
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = میں وہ دوا لیتا/لیتی ہوں جو میرے معالج میرے لیے لکھتے ہیں۔
item-medicine-say = اپنی دوا کے انتخاب میں میری رائے بھی شامل ہوتی ہے۔
item-side-effects = مجھے اپنے معالج کو سائیڈ ایفیکٹس (دوا کے مضر اثرات) کے بارے میں بتانا محفوظ لگتا ہے۔

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = بھروسا اور عزت
item-culture = میرے معالج میری ثقافت اور میرے عقائد کا احترام کرتے ہیں۔
item-worries = مجھے اپنی فکریں اپنے معالج کو بتانے میں جھجک نہیں ہوتی۔
item-gets-back = میرے معالج جب کہتے ہیں کہ مجھ سے رابطہ کریں گے، تو اسی وقت رابطہ کرتے ہیں۔
item-who-sees = میرے معالج نے مجھے بتایا ہے کہ میری بتائی ہوئی باتیں کون کون دیکھ سکتا ہے۔
item-feels-safe = میرے معالج کے رویے سے مجھے تحفظ کا احساس ہوتا ہے۔

# Optional, in the patient's own words.
item-better = کس چیز سے ہمارا مل کر کام کرنا بہتر ہو سکتا ہے؟

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = بالکل متفق نہیں
option-agree-5-disagree = متفق نہیں
option-agree-5-neither = نہ متفق، نہ غیر متفق
option-agree-5-agree = متفق
option-agree-5-strongly-agree = پوری طرح متفق
