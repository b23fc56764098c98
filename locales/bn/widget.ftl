# Rapport widget strings: Bengali, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Bengali (Bangla). Register: polite "আপনি" throughout, with "দয়া করে" for "please"
# (warmer and more everyday than "অনুগ্রহ করে"). Plain standard colloquial Bengali meant to
# read well in Bangladesh and West Bengal; reading age 9 to 11, as in English. Kind and
# neutral. Sentences end with the dari (।). "Care team" is "চিকিৎসা দল". "Questionnaire" is
# "প্রশ্নমালা", not "প্রশ্নপত্র" (which suggests an exam paper). Counted nouns take the
# classifier "টি" after the number. Plurals: CLDR gives Bengali "one" (0 and 1) and "other";
# Bengali nouns do not change after a number, so both variants read the same, and every
# variant uses the $variable, never a written "1". Numbers like "3.5" use a full stop.
# Reviewer please check: "(আবশ্যক)" and "(ঐচ্ছিক)" for "(required)" and "(optional)".

# The language's own name, shown in the language switcher.
language-name = বাংলা

language-label = ভাষা
required-mark = (আবশ্যক)
optional-mark = (ঐচ্ছিক)

# Progress above the questions, e.g. "12টির মধ্যে 3টির উত্তর দেওয়া হয়েছে".
progress = { $total }টির মধ্যে { $answered }টির উত্তর দেওয়া হয়েছে
questions-left = { $count ->
    [one] আর { $count }টি প্রশ্ন বাকি
   *[other] আর { $count }টি প্রশ্ন বাকি
}

privacy-note = আপনার উত্তর আপনার চিকিৎসা দলের কাছে যায়। আপনারা একসাথে কেমন কাজ করছেন, তা নিয়ে কথা বলতে এই উত্তর আপনাকে ও আপনার চিকিৎসা দলকে সাহায্য করে।

submit = আমার উত্তর পাঠান
try-again = আবার চেষ্টা করুন
sending = আপনার উত্তর পাঠানো হচ্ছে…
sent-title = ধন্যবাদ
sent-body = আপনার উত্তর আপনার চিকিৎসা দলের কাছে পাঠানো হয়েছে।
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = আপনার স্কোর
score-out-of = { $high }-এর মধ্যে { $value }
scores-note = এই সংখ্যাগুলো আপনার উত্তর থেকে এসেছে। এগুলো কোনো পরীক্ষার ফল নয়। আপনার চিকিৎসা দলও এগুলো দেখে, আর সবকিছু কেমন চলছে তা নিয়ে একসাথে কথা বলতে এগুলো আপনাদের সাহায্য করতে পারে।
failed-network = আমরা আপনার উত্তর পাঠাতে পারিনি। দয়া করে আপনার ইন্টারনেট সংযোগ দেখে নিয়ে আবার চেষ্টা করুন। আপনার উত্তর এখনও এখানেই আছে।
failed-server = এই মুহূর্তে আমরা আপনার উত্তর পাঠাতে পারিনি। দয়া করে একটু পরে আবার চেষ্টা করুন। আপনার উত্তর এখনও এখানেই আছে।
failed-rejected = আপনার উত্তর গ্রহণ করা যায়নি। দয়া করে আপনার চিকিৎসা দলকে জানান। আপনার উত্তর এখনও এখানেই আছে।

# Shown while answers wait on the device to be sent again (the widget retries by itself).
queued-offline = আপনার উত্তর এই ডিভাইসে সেভ করা আছে। আপনি আবার ইন্টারনেটে যুক্ত হলে আমরা সেগুলো পাঠিয়ে দেব।
queued-retry = আমরা এখনও আপনার উত্তর পাঠাতে পারিনি। উত্তরগুলো এই ডিভাইসে সেভ করা আছে, আর আমরা একটু পরেই আবার চেষ্টা করব।
# Shown after a page reload brought back answers given earlier.
draft-restored = আপনি আগে যে উত্তরগুলো দিয়েছিলেন, আমরা সেগুলো রেখে দিয়েছি, যাতে আপনি যেখানে থেমেছিলেন সেখান থেকেই আবার শুরু করতে পারেন।
# Shown under the privacy note when nothing is stored (shared devices).
privacy-none = আপনি এখানে যা লেখেন, তার কিছুই এই ডিভাইসে সেভ করা হয় না।

error-summary-title = { $count ->
    [one] দয়া করে { $count }টি উত্তর আবার দেখে নিন
   *[other] দয়া করে { $count }টি উত্তর আবার দেখে নিন
}

issue-required = দয়া করে এই প্রশ্নের উত্তর দিন।
issue-below-min = দয়া করে { $min } বা তার বেশি কোনো সংখ্যা লিখুন।
issue-above-max = দয়া করে { $max } বা তার কম কোনো সংখ্যা লিখুন।
issue-too-long = { $max ->
    [one] দয়া করে { $max }টি বা তার কম অক্ষর ব্যবহার করুন।
   *[other] দয়া করে { $max }টি বা তার কম অক্ষর ব্যবহার করুন।
}
issue-too-short = { $min ->
    [one] দয়া করে অন্তত { $min }টি অক্ষর লিখুন।
   *[other] দয়া করে অন্তত { $min }টি অক্ষর লিখুন।
}
issue-no-match = দয়া করে এই উত্তরটি দেখে নিন। এই প্রশ্নে যেভাবে লেখা দরকার, এটি সেভাবে লেখা হয়নি।
issue-no-match-example = দয়া করে উত্তরটি এভাবে লিখুন: { $example }
issue-not-whole-number = দয়া করে একটি পূর্ণ সংখ্যা লিখুন, যেমন 3।
issue-not-number = দয়া করে একটি সংখ্যা লিখুন, যেমন 3 বা 3.5।
issue-wrong-type = দয়া করে উত্তরগুলোর মধ্যে একটি বেছে নিন।
issue-not-date = দয়া করে পুরো তারিখ লিখুন: দিন, মাস ও বছর।
issue-not-time = দয়া করে একটি সময় লিখুন: ঘণ্টা ও মিনিট।
issue-not-date-time = দয়া করে পুরো তারিখ ও একটি সময় লিখুন।
issue-no-unit = দয়া করে এককটিও লিখুন, যেমন দিন বা কেজি।

option-own-words = অন্য কিছু

characters-left = { $count ->
    [one] আর { $count }টি অক্ষর বাকি
   *[other] আর { $count }টি অক্ষর বাকি
}

yes = হ্যাঁ
no = না
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $max }-এর মধ্যে { $value }

group-number = { $count }টির মধ্যে { $number }
group-add = আরেকটি যোগ করুন
group-remove = এটি সরান
group-remove-confirm = এটি এবং এর উত্তরগুলো সরিয়ে দেবেন?
group-remove-yes = হ্যাঁ, সরিয়ে দিন
group-remove-no = না, রেখে দিন

link-new-tab = নতুন ট্যাবে খোলে
calculated-note = আপনার উত্তর থেকে হিসাব করা।
calculated-pending = যে প্রশ্নগুলো এটি ব্যবহার করে, সেগুলোর উত্তর দিলে দেখা যাবে।
quantity-unit = একক

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = দুঃখিত, এই প্রশ্নমালাটি এখন দেখানো যাচ্ছে না।
config-error-help = দয়া করে আপনার চিকিৎসা দলকে জানান। ক্লিনিকের ওয়েব টিমের জন্য প্রযুক্তিগত তথ্য:
