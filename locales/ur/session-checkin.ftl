# Rapport questionnaire "session-checkin" 1.0.0: Urdu, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "آپ", warm and everyday; "سیشن" is kept as patients say it. The questions
# are in the first person and are worded so that no verb marks the patient's gender (e.g.
# "مجھے … موقع ملا", "ہم نے … لگایا"). Script: Urdu in Arabic script (Nastaliq font), right to
# left. No plural selectors in this file (Urdu has the CLDR categories one and other). Plain
# everyday words, reading age 9 to 11. Not a validated psychometric instrument; no clinical
# cut-offs. This draft has not been through forward and back translation or cognitive debriefing.
# Reviewer: "مجھے اپنے دل کی بات کہنے کا موقع ملا" for "I could say what was on my mind";
# "میرا وقت اچھی طرح استعمال ہوا" for "worth my time".

instrument-title = آپ کے سیشن کے بعد
instrument-intro = آج کے سیشن کے بارے میں چار مختصر سوال۔ آپ کے جوابات آپ کی دیکھ بھال کرنے والی ٹیم کی مدد کرتے ہیں تاکہ آپ کے سیشن آپ کے لیے اچھی طرح چلیں۔
instrument-notice = یہ کوئی امتحان نہیں ہے۔ ان سوالوں کو تحقیقی مطالعوں میں نہیں جانچا گیا۔

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = مجموعی طور پر یہ سیشن

item-say-my-mind = آج مجھے اپنے دل کی بات کہنے کا موقع ملا۔
item-say-my-mind-low = بالکل نہیں
item-say-my-mind-high = پوری طرح

item-what-matters = آج ہم نے اپنا وقت اُن باتوں پر لگایا جو میرے لیے سب سے زیادہ اہم ہیں۔
item-what-matters-low = بالکل نہیں
item-what-matters-high = پوری طرح

item-way-we-worked = آج ہم نے جس طرح کام کیا، وہ مجھے ٹھیک لگا۔
item-way-we-worked-low = بالکل نہیں
item-way-we-worked-high = پوری طرح

item-worth-my-time = اس سیشن میں میرا وقت اچھی طرح استعمال ہوا۔
item-worth-my-time-low = بالکل نہیں
item-worth-my-time-high = پوری طرح
