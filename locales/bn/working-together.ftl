# Rapport questionnaire "working-together" 1.0.0: Bengali, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Bengali (Bangla). Register: polite "আপনি" when speaking to the patient; the
# questions themselves are in the first person, as in English. Plain standard colloquial
# Bengali, reading age 9 to 11. "My clinician" is rendered as "আমার চিকিৎসক" (the one who
# treats me), defined in item-about-clinician to cover the doctor, therapist or nurse; the
# clinician's verbs take the respectful form (দেন, করেন), which does not mark gender.
# CLDR plural categories for Bengali: one (0 and 1) and other; no message here selects on a
# number. Reviewer please check first: "খারাপ চোখে দেখেন" for "judged" ("বিচার করেন" sounds
# like a court); "মন খারাপ থাকলে" for "upset"; "সদয় ব্যবহার করেন" for "kind". Not a
# validated psychometric instrument; no clinical cut-offs. This draft has not been through
# forward and back translation or cognitive debriefing.

instrument-title = একসাথে কাজ করা
instrument-intro = আপনি ও আপনার চিকিৎসক কীভাবে একসাথে কাজ করেন, এই প্রশ্নগুলো তা নিয়ে। আপনার উত্তর থেকে আপনার চিকিৎসা দল বুঝতে পারে কী ভালো চলছে আর কী আরও ভালো হতে পারে।
instrument-notice = এটি কোনো পরীক্ষা নয়। কোনো উত্তরই ঠিক বা ভুল নয়। এই প্রশ্নগুলো গবেষণায় যাচাই করে দেখা হয়নি।

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = আস্থা
score-goals = আমাদের লক্ষ্য
score-tasks = আমরা কীভাবে কাজ করি
score-total = সব মিলিয়ে একসাথে কাজ করা

item-about-clinician = এখানে “আমার চিকিৎসক” মানে আপনি যে ডাক্তার, থেরাপিস্ট বা নার্সের কাছে যান।

# Trust (bond).
item-part-bond = আমার চিকিৎসক আর আমি
item-lets-me-finish = আমার চিকিৎসক আমাকে কথা শেষ করতে দেন।
item-notices-upset = আমার মন খারাপ থাকলে আমার চিকিৎসক তা বুঝতে পারেন।
item-kind = আমার চিকিৎসক আমার সাথে সদয় ব্যবহার করেন।
# Reverse-scored.
item-judged = আমার মনে হয়, আমার চিকিৎসক আমাকে খারাপ চোখে দেখেন।

# Shared goals.
item-part-goals = আমাদের লক্ষ্য
item-asks-what-i-want = আমাদের কাজ থেকে আমি কী পেতে চাই, আমার চিকিৎসক তা জানতে চান।
item-goals-clear = আমাদের লক্ষ্যগুলো কী, তা আমি নিজের ভাষায় বলতে পারি।
item-what-matters = আমাদের কাজ সেইসব বিষয় নিয়েই, যা আমার কাছে সবচেয়ে গুরুত্বপূর্ণ।
item-goals-change = আমার জীবনে কিছু বদলালে আমরা আমার লক্ষ্যগুলো আবার দেখে নিই।

# Agreement on how we work (tasks).
item-part-tasks = আমরা কীভাবে কাজ করি
item-makes-sense = আমাদের সেশনে আমরা যা করি, তা কেন করি, আমি বুঝি।
item-between-sessions = দুই সেশনের মাঝের সময়ে আমি কী চেষ্টা করে দেখব, তা বেছে নিতে আমিও সাহায্য করি।
item-say-not-helping = আমরা যা করছি তার কোনোটা কাজে না এলে, আমি তা বলতে পারি।
item-asks-how-it-goes = আমাদের কাজ কেমন চলছে, আমার চিকিৎসক আমাকে তা জিজ্ঞেস করেন।

# The answer scale (how often), lowest to highest.
option-how-often-5-never = কখনও না
option-how-often-5-rarely = খুব কম
option-how-often-5-sometimes = মাঝে মাঝে
option-how-often-5-often = প্রায়ই
option-how-often-5-always = সবসময়
