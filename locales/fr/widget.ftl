# Rapport widget strings: French, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "vous" throughout, polite but warm ("Merci de…" rather than the stiffer
# "Veuillez…"). Latin script. Neutral French meant to read well in France, Belgium,
# Switzerland, Quebec and Africa. Plain words, reading age 9 to 11, as in English. Kind and
# neutral. French typography: « » and a no-break space before ":" and "?"; decimal comma (3,5).
# Plurals: CLDR cardinal categories one (0 and 1, so 0 takes the singular, which is correct
# French: "Il reste 0 question"), many (round millions such as 1 000 000; worded like other)
# and other. Variants always show the number through the variable, never a written "1".
# Reviewer, please check first: "équipe soignante" for "care team"; "Réponses : 3 sur 12"
# for the progress line (French cannot say "questions répondues"); "caractères".

# The language's own name, shown in the language switcher.
language-name = Français

language-label = Langue
required-mark = (obligatoire)
optional-mark = (facultatif)

# Progress above the questions, e.g. "Réponses : 3 sur 12".
progress = Réponses : { $answered } sur { $total }
questions-left = { $count ->
    [one] Il reste { $count } question
    [many] Il reste { $count } questions
   *[other] Il reste { $count } questions
}

privacy-note = Vos réponses sont envoyées à votre équipe soignante. Elles vous aident, vous et votre équipe, à parler de la façon dont se passe votre travail ensemble.

submit = Envoyer mes réponses
try-again = Réessayer
sending = Envoi de vos réponses…
sent-title = Merci
sent-body = Vos réponses ont été envoyées à votre équipe soignante.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Vos scores
score-out-of = { $value } sur { $high }
scores-note = Ces chiffres viennent de vos réponses. Ce ne sont pas les résultats d’un test. Votre équipe soignante les voit aussi. Ils peuvent vous aider, vous et votre équipe, à parler ensemble de la façon dont les choses se passent.
failed-network = Nous n’avons pas pu envoyer vos réponses. Vérifiez votre connexion internet, puis réessayez. Vos réponses sont toujours là.
failed-server = Nous n’avons pas pu envoyer vos réponses pour le moment. Merci de réessayer dans un instant. Vos réponses sont toujours là.
failed-rejected = Vos réponses n’ont pas pu être acceptées. Merci d’en parler à votre équipe soignante. Vos réponses sont toujours là.

# Shown while a send waits to be retried; the answers are stored on the device.
queued-offline = Vos réponses sont enregistrées sur cet appareil. Nous les enverrons quand votre connexion internet reviendra.
queued-retry = Nous n’avons pas encore pu envoyer vos réponses. Elles sont enregistrées sur cet appareil, et nous allons bientôt réessayer.
# Shown after a page reload brought back answers given earlier.
draft-restored = Nous avons gardé les réponses que vous aviez déjà données. Vous pouvez continuer là où vous en étiez.
# Shown under the privacy note when the widget stores nothing (shared devices).
privacy-none = Rien de ce que vous écrivez ici n’est enregistré sur cet appareil.

error-summary-title = { $count ->
    [one] Merci de vérifier { $count } réponse
    [many] Merci de vérifier { $count } réponses
   *[other] Merci de vérifier { $count } réponses
}

issue-required = Merci de répondre à cette question.
issue-below-min = Merci d’écrire un nombre égal à { $min } ou plus.
issue-above-max = Merci d’écrire un nombre égal à { $max } ou moins.
issue-too-long = { $max ->
    [one] Merci d’écrire { $max } caractère au maximum.
    [many] Merci d’écrire { $max } caractères au maximum.
   *[other] Merci d’écrire { $max } caractères au maximum.
}
issue-too-short = { $min ->
    [one] Merci d’écrire au moins { $min } caractère.
    [many] Merci d’écrire au moins { $min } caractères.
   *[other] Merci d’écrire au moins { $min } caractères.
}
issue-no-match = Merci de vérifier cette réponse. Elle n’est pas écrite comme cette question le demande.
issue-no-match-example = Merci d’écrire la réponse comme ceci : { $example }
issue-not-whole-number = Merci d’écrire un nombre entier, par exemple 3.
issue-not-number = Merci d’écrire un nombre, par exemple 3 ou 3,5.
issue-wrong-type = Merci de choisir une des réponses.
issue-not-date = Merci d’écrire une date complète : jour, mois et année.
issue-not-time = Merci d’écrire une heure : heures et minutes.
issue-not-date-time = Merci d’écrire une date complète et une heure.
issue-no-unit = Merci d’écrire aussi l’unité, par exemple jours ou kg.

option-own-words = Autre chose

characters-left = { $count ->
    [one] Il reste { $count } caractère
    [many] Il reste { $count } caractères
   *[other] Il reste { $count } caractères
}

yes = Oui
no = Non
scale-value = { $value } sur { $max }

group-number = { $number } sur { $count }
group-add = En ajouter un autre
group-remove = Retirer celui-ci
group-remove-confirm = Retirer celui-ci et ses réponses ?
group-remove-yes = Oui, le retirer
group-remove-no = Non, le garder

link-new-tab = s’ouvre dans un nouvel onglet
calculated-note = Calculé à partir de vos réponses.
calculated-pending = S’affiche quand vous avez répondu aux questions qu’il utilise.
quantity-unit = Unité

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Désolés, ce questionnaire ne peut pas s’afficher pour le moment.
config-error-help = Merci d’en parler à votre équipe soignante. Détails techniques pour l’équipe web de la clinique :
