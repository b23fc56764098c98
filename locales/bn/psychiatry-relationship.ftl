# Rapport questionnaire "psychiatry-relationship" 1.0.0: Bengali, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Bengali (Bangla). Register: polite "আপনি" when speaking to the patient; the
# questions themselves are in the first person, as in English. Plain standard colloquial
# Bengali, reading age 9 to 11. "My clinician" is rendered as "আমার চিকিৎসক" (the one who
# treats me), defined in item-about-clinician to cover the psychiatrist, doctor or nurse; the
# clinician's verbs take the respectful form, which does not mark gender. "Psychiatrist" is
# the loanword "সাইকিয়াট্রিস্ট" with the plain gloss "মানসিক স্বাস্থ্যের ডাক্তার" (mental
# health doctor) rather than "মনোরোগ" (which names illness). "Take medicine" is "ওষুধ নিই",
# which also covers injections ("ওষুধ খাই" would mean tablets). "Side effects" gives both
# "সাইড এফেক্ট" and "পার্শ্বপ্রতিক্রিয়া". CLDR plural categories for Bengali: one (0 and 1)
# and other; no message here selects on a number. Reviewer please check first: the
# "neither" option wording; "নির্ভয়ে বলতে পারি" for "feel safe telling". Not a validated
# psychometric instrument; no clinical cut-offs. This draft has not been through forward and
# back translation or cognitive debriefing.

instrument-title = আপনি ও আপনার চিকিৎসক
instrument-intro = আপনার চিকিৎসার ব্যাপারে আপনি ও আপনার চিকিৎসক কীভাবে একসাথে কাজ করেন, এই প্রশ্নগুলো তা নিয়ে। আপনার উত্তর থেকে আপনার চিকিৎসা দল বুঝতে পারে কী ভালো চলছে আর কী আরও ভালো হতে পারে।
instrument-notice = এটি কোনো পরীক্ষা নয়। কোনো উত্তরই ঠিক বা ভুল নয়। এই প্রশ্নগুলো গবেষণায় যাচাই করে দেখা হয়নি।

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = শোনা ও বুঝিয়ে বলা
score-treatment = আমার চিকিৎসা নিয়ে সিদ্ধান্ত
score-trust = আস্থা ও সম্মান
score-total = সব মিলিয়ে আপনি ও আপনার চিকিৎসক

item-about-clinician = এখানে “আমার চিকিৎসক” মানে আপনি যে সাইকিয়াট্রিস্ট (মানসিক স্বাস্থ্যের ডাক্তার), ডাক্তার বা নার্সের কাছে যান।

# Being listened to and plain explanations.
item-part-listening = শোনা ও বুঝিয়ে বলা
item-attention = আমার চিকিৎসক আমার দিকে পুরো মনোযোগ দেন।
item-plain-words = আমার চিকিৎসক আমার সাথে এমন শব্দে কথা বলেন, যা আমি জানি।
# Reverse-scored.
item-rushed = চিকিৎসকের সাথে দেখা করার সময় আমার মনে হয়, সবকিছু তাড়াহুড়ো করে সারা হচ্ছে।

# Shared decisions about treatment and medicine.
item-part-treatment = আমার চিকিৎসা নিয়ে সিদ্ধান্ত
item-choices = চিকিৎসার জন্য আমার সামনে কী কী পথ আছে, আমার চিকিৎসক তা বুঝিয়ে বলেন।
item-my-say = আমার চিকিৎসা নিয়ে সিদ্ধান্তে আমার মতামতও গুরুত্ব পায়।
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = আমার চিকিৎসক আমাকে যে ওষুধ লিখে দেন, আমি তা নিই।
item-medicine-say = কোন ওষুধ নেব, তা বেছে নেওয়ায় আমার মতামতও গুরুত্ব পায়।
item-side-effects = ওষুধের সাইড এফেক্ট বা পার্শ্বপ্রতিক্রিয়ার কথা আমি নির্ভয়ে আমার চিকিৎসককে বলতে পারি।

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = আস্থা ও সম্মান
item-culture = আমার চিকিৎসক আমার সংস্কৃতি ও আমার বিশ্বাসকে সম্মান করেন।
item-worries = আমার দুশ্চিন্তার কথা আমি আমার চিকিৎসককে খুলে বলতে পারি।
item-gets-back = আমার চিকিৎসক আমার সাথে যোগাযোগ করবেন বললে, কথামতো সময়েই যোগাযোগ করেন।
item-who-sees = আমি যা বলি, তা কে কে দেখতে পারে, আমার চিকিৎসক আমাকে তা জানিয়েছেন।
item-feels-safe = আমার চিকিৎসকের আচরণে আমি নিরাপদ বোধ করি।

# Optional, in the patient's own words.
item-better = কী হলে আমাদের একসাথে কাজ আরও ভালো হবে?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = একেবারেই একমত নই
option-agree-5-disagree = একমত নই
option-agree-5-neither = একমতও নই, দ্বিমতও নই
option-agree-5-agree = একমত
option-agree-5-strongly-agree = পুরোপুরি একমত
