# Rapport widget strings: Gujarati, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Script: Gujarati. Register: polite "તમે" throughout (not the very formal "આપ"), with
# "કૃપા કરીને" for "please". Plain everyday words, reading age 9 to 11, as in English. Kind
# and neutral. Sentences end with a full stop, as is usual in Gujarati. "Care team" is
# "સારવાર ટીમ". "(required)" and "(optional)" are the everyday pair "(ફરજિયાત)" and
# "(મરજિયાત)". Plurals: CLDR gives Gujarati "one" (0 and 1) and "other"; Gujarati nouns
# after a number usually stay the same, so both variants read the same, and every variant
# uses the $variable, never a written "1". Numbers like "3.5" use a full stop. Reviewer
# please check: "પૂર્ણ સંખ્યા" for "whole number"; "પ્રશ્નાવલી" for "questionnaire".

# The language's own name, shown in the language switcher.
language-name = ગુજરાતી

language-label = ભાષા
required-mark = (ફરજિયાત)
optional-mark = (મરજિયાત)

# Progress above the questions, e.g. "12માંથી 3ના જવાબ આપ્યા".
progress = { $total }માંથી { $answered }ના જવાબ આપ્યા
questions-left = { $count ->
    [one] હજી { $count } પ્રશ્ન બાકી છે
   *[other] હજી { $count } પ્રશ્ન બાકી છે
}

privacy-note = તમારા જવાબો તમારી સારવાર ટીમને મળે છે. તમે અને તમારી સારવાર ટીમ સાથે મળીને કેવી રીતે કામ કરો છો, તે વિશે વાત કરવામાં આ જવાબો તમને અને તમારી ટીમને મદદ કરે છે.

submit = મારા જવાબો મોકલો
try-again = ફરી પ્રયત્ન કરો
sending = તમારા જવાબો મોકલી રહ્યા છીએ…
sent-title = આભાર
sent-body = તમારા જવાબો તમારી સારવાર ટીમને મોકલી દેવામાં આવ્યા છે.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = તમારા સ્કોર
score-out-of = { $high }માંથી { $value }
scores-note = આ આંકડા તમારા જવાબો પરથી આવે છે. તે કોઈ પરીક્ષાનું પરિણામ નથી. તમારી સારવાર ટીમ પણ તે જુએ છે, અને બધું કેવું ચાલે છે તે વિશે સાથે મળીને વાત કરવામાં તે તમને અને તમારી ટીમને મદદ કરી શકે છે.
failed-network = અમે તમારા જવાબો મોકલી શક્યા નહીં. કૃપા કરીને તમારું ઇન્ટરનેટ કનેક્શન તપાસો અને ફરી પ્રયત્ન કરો. તમારા જવાબો હજી અહીં જ છે.
failed-server = અત્યારે અમે તમારા જવાબો મોકલી શક્યા નહીં. કૃપા કરીને થોડી વાર પછી ફરી પ્રયત્ન કરો. તમારા જવાબો હજી અહીં જ છે.
failed-rejected = તમારા જવાબો સ્વીકારી શકાયા નહીં. કૃપા કરીને તમારી સારવાર ટીમને જણાવો. તમારા જવાબો હજી અહીં જ છે.

# Shown while answers wait on the device to be sent again (the widget retries by itself).
queued-offline = તમારા જવાબો આ ડિવાઇસમાં સાચવેલા છે. તમે ફરી ઇન્ટરનેટ સાથે જોડાશો ત્યારે અમે તે મોકલી દઈશું.
queued-retry = અમે હજી તમારા જવાબો મોકલી શક્યા નથી. તે આ ડિવાઇસમાં સાચવેલા છે, અને અમે થોડી વારમાં ફરી પ્રયત્ન કરીશું.
# Shown after a page reload brought back answers given earlier.
draft-restored = તમે પહેલાં આપેલા જવાબો અમે સાચવી રાખ્યા છે, જેથી તમે જ્યાં અટક્યા હતા ત્યાંથી આગળ વધી શકો.
# Shown under the privacy note when nothing is stored (shared devices).
privacy-none = તમે અહીં જે કંઈ લખો છો, તે આ ડિવાઇસમાં સાચવવામાં આવતું નથી.

error-summary-title = { $count ->
    [one] કૃપા કરીને { $count } જવાબ ફરી તપાસો
   *[other] કૃપા કરીને { $count } જવાબ ફરી તપાસો
}

issue-required = કૃપા કરીને આ પ્રશ્નનો જવાબ આપો.
issue-below-min = કૃપા કરીને { $min } કે તેથી વધુ સંખ્યા લખો.
issue-above-max = કૃપા કરીને { $max } કે તેથી ઓછી સંખ્યા લખો.
issue-too-long = { $max ->
    [one] કૃપા કરીને { $max } કે તેથી ઓછા અક્ષર વાપરો.
   *[other] કૃપા કરીને { $max } કે તેથી ઓછા અક્ષર વાપરો.
}
issue-too-short = { $min ->
    [one] કૃપા કરીને ઓછામાં ઓછા { $min } અક્ષર લખો.
   *[other] કૃપા કરીને ઓછામાં ઓછા { $min } અક્ષર લખો.
}
issue-no-match = કૃપા કરીને આ જવાબ તપાસો. આ પ્રશ્નને જે રીતે જોઈએ છે તે રીતે તે લખાયેલો નથી.
issue-no-match-example = કૃપા કરીને જવાબ આ રીતે લખો: { $example }
issue-not-whole-number = કૃપા કરીને પૂર્ણ સંખ્યા લખો, જેમ કે 3.
issue-not-number = કૃપા કરીને કોઈ સંખ્યા લખો, જેમ કે 3 અથવા 3.5.
issue-wrong-type = કૃપા કરીને આપેલા જવાબોમાંથી એક પસંદ કરો.
issue-not-date = કૃપા કરીને પૂરી તારીખ લખો: દિવસ, મહિનો અને વર્ષ.
issue-not-time = કૃપા કરીને સમય લખો: કલાક અને મિનિટ.
issue-not-date-time = કૃપા કરીને પૂરી તારીખ અને સમય લખો.
issue-no-unit = કૃપા કરીને એકમ પણ લખો, જેમ કે દિવસ અથવા કિલો.

option-own-words = બીજું કંઈક

characters-left = { $count ->
    [one] હજી { $count } અક્ષર બાકી છે
   *[other] હજી { $count } અક્ષર બાકી છે
}

yes = હા
no = ના
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $max }માંથી { $value }

group-number = { $count } માંથી { $number }
group-add = બીજું ઉમેરો
group-remove = આ દૂર કરો
group-remove-confirm = આ અને તેના જવાબો દૂર કરવા છે?
group-remove-yes = હા, દૂર કરો
group-remove-no = ના, રાખો

link-new-tab = નવા ટૅબમાં ખૂલે છે
calculated-note = તમારા જવાબો પરથી ગણતરી કરેલું.
calculated-pending = તે જે પ્રશ્નો વાપરે છે તેના જવાબ આપો પછી દેખાશે.
quantity-unit = એકમ

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = માફ કરશો, આ પ્રશ્નાવલી અત્યારે બતાવી શકાતી નથી.
config-error-help = કૃપા કરીને તમારી સારવાર ટીમને જણાવો. ક્લિનિકની વેબ ટીમ માટે ટેકનિકલ વિગતો:
