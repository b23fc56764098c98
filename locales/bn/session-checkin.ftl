# Rapport questionnaire "session-checkin" 1.0.0: Bengali, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Bengali (Bangla). Register: polite "আপনি" when speaking to the patient; the
# questions themselves are in the first person, as in English. Plain standard colloquial
# Bengali, reading age 9 to 11. "Session" is kept as the loanword "সেশন", which patients in
# therapy hear. "Test" is "পরীক্ষা", the everyday word for an exam. CLDR plural categories for
# Bengali: one (0 and 1) and other; no message here selects on a number. Reviewer please
# check: "সময়টা আমার কাজে লেগেছে" for "worth my time". Not a validated psychometric
# instrument; no clinical cut-offs. This draft has not been through forward and back
# translation or cognitive debriefing.

instrument-title = আপনার সেশনের পরে
instrument-intro = আজকের সেশন নিয়ে চারটি ছোট প্রশ্ন। আপনার সেশনগুলো যেন আপনার জন্য ভালোভাবে কাজে আসে, সেজন্য আপনার উত্তর আপনার চিকিৎসা দলকে সাহায্য করে।
instrument-notice = এটি কোনো পরীক্ষা নয়। এই প্রশ্নগুলো গবেষণায় যাচাই করে দেখা হয়নি।

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = সব মিলিয়ে এই সেশন

item-say-my-mind = আজ আমি মনের কথা বলতে পেরেছি।
item-say-my-mind-low = একদমই না
item-say-my-mind-high = পুরোপুরি

item-what-matters = আজ আমরা আমার কাছে সবচেয়ে গুরুত্বপূর্ণ বিষয়গুলো নিয়েই সময় কাটিয়েছি।
item-what-matters-low = একদমই না
item-what-matters-high = পুরোপুরি

item-way-we-worked = আজ আমরা যেভাবে কাজ করেছি, তা আমার কাছে ঠিক মনে হয়েছে।
item-way-we-worked-low = একদমই না
item-way-we-worked-high = পুরোপুরি

item-worth-my-time = এই সেশনে দেওয়া সময়টা আমার কাজে লেগেছে।
item-worth-my-time-low = একদমই না
item-worth-my-time-high = পুরোপুরি
