# Rapport widget strings: Haitian Creole, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "ou" (Kreyòl has one "you"; politeness comes from "tanpri" and a warm tone), as a
# clinic would write to adult patients. Latin script, standard IPN spelling (è ò, short forms
# "m", "n", "k ap" as people write them). Plain words, reading age 9 to 11, as in English.
# Plurals: per the project's table, Haitian Creole has only the CLDR category "other", and
# Kreyòl nouns do not change after a number, so the counted messages are plain messages that
# keep $count / $max (no select expression, so any plural rule the runtime uses is fine).
# Word choices to check: "ekip swen ou" for "your care team", "kesyonè" for "questionnaire",
# "karaktè" for "character", "nimewo" for "number". Decimal separator: comma (3,5), as in
# Haitian schools; a reviewer should confirm this for US Haitian readers.

# The language's own name, shown in the language switcher.
language-name = Kreyòl ayisyen

language-label = Lang
required-mark = (obligatwa)
optional-mark = (si ou vle)

# Progress above the questions, e.g. "Ou reponn 3 kesyon sou 12".
progress = Ou reponn { $answered } kesyon sou { $total }
questions-left = Rete { $count } kesyon

privacy-note = Repons ou yo ale bay ekip swen ou. Yo ede ou menm ak ekip swen ou pale sou kijan travay nou fè ansanm nan ap mache.

submit = Voye repons mwen yo
try-again = Eseye ankò
sending = N ap voye repons ou yo…
sent-title = Mèsi
sent-body = Nou voye repons ou yo bay ekip swen ou.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Pwen ou yo
score-out-of = { $value } sou { $high }
scores-note = Chif sa yo soti nan repons ou yo. Se pa rezilta yon egzamen. Ekip swen ou wè yo tou, epi yo ka ede ou menm ak ekip la pale ansanm sou kijan bagay yo ap mache.
failed-network = Nou pa t kapab voye repons ou yo. Tanpri tcheke koneksyon entènèt ou, epi eseye ankò. Repons ou yo toujou la.
failed-server = Nou pa t kapab voye repons ou yo kounye a. Tanpri eseye ankò nan yon ti moman. Repons ou yo toujou la.
failed-rejected = Yo pa t kapab aksepte repons ou yo. Tanpri di ekip swen ou sa. Repons ou yo toujou la.

# Shown while answers wait on the device to be sent again (the widget retries by itself).
queued-offline = Repons ou yo anrejistre sou aparèy sa a. N ap voye yo lè ou konekte sou entènèt ankò.
queued-retry = Nou poko kapab voye repons ou yo. Yo anrejistre sou aparèy sa a, epi n ap eseye ankò talè.
# Shown after a page reload brought back answers given earlier.
draft-restored = Nou kenbe repons ou te bay anvan yo, konsa ou ka kontinye kote ou te kanpe a.
# Shown under the privacy note when nothing is stored (shared devices).
privacy-none = Anyen ou ekri isit la pa anrejistre sou aparèy sa a.

error-summary-title = Tanpri tcheke { $count } repons

issue-required = Tanpri reponn kesyon sa a.
issue-below-min = Tanpri bay yon nimewo ki { $min } oswa plis.
issue-above-max = Tanpri bay yon nimewo ki { $max } oswa mwens.
issue-too-long = Tanpri pa ekri plis pase { $max } karaktè.
issue-too-short = Tanpri ekri omwen { $min } karaktè.
issue-no-match = Tanpri tcheke repons sa a. Li pa ekri jan kesyon sa a bezwen l.
issue-no-match-example = Tanpri ekri repons lan konsa: { $example }
issue-not-whole-number = Tanpri bay yon nimewo antye, tankou 3.
issue-not-number = Tanpri bay yon nimewo, tankou 3 oswa 3,5.
issue-wrong-type = Tanpri chwazi youn nan repons yo.
issue-not-date = Tanpri bay yon dat konplè: jou, mwa ak ane.
issue-not-time = Tanpri bay yon lè: èdtan ak minit.
issue-not-date-time = Tanpri bay yon dat konplè ak yon lè.
issue-no-unit = Tanpri ekri inite a tou, tankou jou oswa kg.

option-own-words = Yon lòt bagay

characters-left = Rete { $count } karaktè

yes = Wi
no = Non
# What a screen reader says for one number of a 0 to 10 row, e.g. "5 sou 10".
scale-value = { $value } sou { $max }

group-number = { $number } sou { $count }
group-add = Ajoute yon lòt
group-remove = Retire sa a
group-remove-confirm = Retire sa a ak repons li yo?
group-remove-yes = Wi, retire l
group-remove-no = Non, kenbe l

link-new-tab = li louvri nan yon nouvo onglè
calculated-note = Nou kalkile l ak repons ou yo.
calculated-pending = L ap parèt lè ou reponn kesyon li itilize yo.
quantity-unit = Inite

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Padon, nou pa kapab montre kesyonè sa a kounye a.
config-error-help = Tanpri di ekip swen ou sa. Detay teknik pou ekip sit entènèt klinik la:
