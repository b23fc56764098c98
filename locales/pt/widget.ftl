# Rapport widget strings: Portuguese, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Written in Brazilian Portuguese usage, worded so that patients in Portugal (and in Africa)
# can read it too: third-person verb forms ("verifique", "escolha"), the article before
# possessives ("as suas respostas"), "você" only where a pronoun is needed, and no gerund-only
# or Brazil-only phrasing where a shared one exists. Brazilian spellings and words remain
# ("equipe", not "equipa"; "conexão", not "ligação"). Register: polite but warm, as a clinic
# speaks to adult patients. Latin script. Brazilian quotation marks “ ”; decimal comma (3,5).
# Plurals: CLDR cardinal categories for "pt" are one (0 and 1), many (round millions such as
# 1.000.000; worded like other) and other. Because "one" also covers 0, where the widget can
# show 0 ("0 questions left", "0 characters left") an exact [0] variant comes first, so that
# 0 takes the plural as Portuguese grammar wants ("Faltam 0 perguntas"). Variants always show
# the number through the variable.
# Reviewer, please check first: "equipe de saúde" for "care team" (Portugal: "equipa");
# "(obrigatória)" and "(opcional)" agree with "pergunta".

# The language's own name, shown in the language switcher.
language-name = Português

language-label = Idioma
required-mark = (obrigatória)
optional-mark = (opcional)

# Progress above the questions, e.g. "3 de 12 respondidas".
progress = { $answered } de { $total } respondidas
questions-left = { $count ->
    [0] Faltam { $count } perguntas
    [one] Falta { $count } pergunta
    [many] Faltam { $count } perguntas
   *[other] Faltam { $count } perguntas
}

privacy-note = As suas respostas vão para a sua equipe de saúde. Elas ajudam você e a sua equipe a conversar sobre como vai o trabalho que fazem juntos.

submit = Enviar as minhas respostas
try-again = Tentar de novo
sending = Enviando as suas respostas…
sent-title = Obrigado
sent-body = As suas respostas foram enviadas para a sua equipe de saúde.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = As suas pontuações
score-out-of = { $value } de { $high }
scores-note = Estes números vêm das suas respostas. Não são o resultado de um teste. A sua equipe de saúde também vê estes números, e eles podem ajudar você e a equipe a conversar sobre como vão as coisas.
failed-network = Não conseguimos enviar as suas respostas. Verifique a sua conexão com a internet e tente de novo. As suas respostas continuam aqui.
failed-server = Não conseguimos enviar as suas respostas agora. Tente de novo daqui a pouco. As suas respostas continuam aqui.
failed-rejected = Não foi possível aceitar as suas respostas. Por favor, avise a sua equipe de saúde. As suas respostas continuam aqui.

# Shown while a send waits to be retried; the answers are stored on the device.
queued-offline = As suas respostas estão guardadas neste dispositivo. Vamos enviá-las quando a sua conexão com a internet voltar.
queued-retry = Ainda não conseguimos enviar as suas respostas. Elas estão guardadas neste dispositivo, e vamos tentar de novo em breve.
# Shown after a page reload brought back answers given earlier.
draft-restored = Mantivemos as respostas que já tinha dado, para que possa continuar de onde parou.
# Shown under the privacy note when the widget stores nothing (shared devices).
privacy-none = Nada do que escrever aqui fica guardado neste dispositivo.

error-summary-title = { $count ->
    [one] Por favor, verifique { $count } resposta
    [many] Por favor, verifique { $count } respostas
   *[other] Por favor, verifique { $count } respostas
}

issue-required = Por favor, responda a esta pergunta.
issue-below-min = Por favor, escreva um número de { $min } ou mais.
issue-above-max = Por favor, escreva um número de { $max } ou menos.
issue-too-long = { $max ->
    [one] Por favor, use no máximo { $max } caractere.
    [many] Por favor, use no máximo { $max } caracteres.
   *[other] Por favor, use no máximo { $max } caracteres.
}
issue-too-short = { $min ->
    [one] Por favor, escreva pelo menos { $min } caractere.
    [many] Por favor, escreva pelo menos { $min } caracteres.
   *[other] Por favor, escreva pelo menos { $min } caracteres.
}
issue-no-match = Por favor, verifique esta resposta. Não está escrita como esta pergunta precisa.
issue-no-match-example = Por favor, escreva a resposta assim: { $example }
issue-not-whole-number = Por favor, escreva um número inteiro, como 3.
issue-not-number = Por favor, escreva um número, como 3 ou 3,5.
issue-wrong-type = Por favor, escolha uma das respostas.
issue-not-date = Por favor, escreva uma data completa: dia, mês e ano.
issue-not-time = Por favor, escreva uma hora: horas e minutos.
issue-not-date-time = Por favor, escreva uma data completa e uma hora.
issue-no-unit = Por favor, escreva também a unidade, como dias ou kg.

option-own-words = Outra coisa

characters-left = { $count ->
    [0] Restam { $count } caracteres
    [one] Resta { $count } caractere
    [many] Restam { $count } caracteres
   *[other] Restam { $count } caracteres
}

yes = Sim
no = Não
scale-value = { $value } de { $max }

group-number = { $number } de { $count }
group-add = Adicionar outro
group-remove = Remover este
group-remove-confirm = Remover este e as suas respostas?
group-remove-yes = Sim, remover
group-remove-no = Não, manter

link-new-tab = abre em uma nova aba
calculated-note = Calculado a partir das suas respostas.
calculated-pending = Aparece quando responder às perguntas que usa.
quantity-unit = Unidade

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Desculpe, não é possível mostrar este questionário agora.
config-error-help = Por favor, avise a sua equipe de saúde. Detalhes técnicos para a equipe responsável pelo site da clínica:
