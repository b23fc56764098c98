# Rapport widget strings: Spanish, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "usted" throughout. Neutral wording meant to read well in Latin America and in
# Spain. Plain words, reading age 9 to 11, as in English. Kind and neutral. Numbers go in as
# $variables so that plural forms work (CLDR's Spanish forms: "one", "many" for round millions
# such as 1 000 000, which take "de", and "other").

# The language's own name, shown in the language switcher.
language-name = Español

language-label = Idioma
required-mark = (obligatoria)
optional-mark = (opcional)

# Progress above the questions, e.g. "3 de 12 respondidas".
progress = { $answered } de { $total } respondidas
questions-left = { $count ->
    [one] Queda { $count } pregunta
    [many] Quedan { $count } de preguntas
   *[other] Quedan { $count } preguntas
}

privacy-note = Sus respuestas van a su equipo de atención. Les ayudan a usted y a su equipo a hablar de cómo va el trabajo que hacen en conjunto.

submit = Enviar mis respuestas
try-again = Intentar de nuevo
sending = Enviando sus respuestas…
sent-title = Gracias
sent-body = Sus respuestas se enviaron a su equipo de atención.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Sus puntuaciones
score-out-of = { $value } de { $high }
scores-note = Estos números salen de sus respuestas. No son el resultado de una prueba. Su equipo de atención también los ve, y pueden ayudarles a usted y a su equipo a hablar de cómo van las cosas.
failed-network = No pudimos enviar sus respuestas. Revise su conexión a internet e inténtelo de nuevo. Sus respuestas siguen aquí.
failed-server = No pudimos enviar sus respuestas ahora. Vuelva a intentarlo dentro de un momento. Sus respuestas siguen aquí.
failed-rejected = No se pudieron aceptar sus respuestas. Por favor, avise a su equipo de atención. Sus respuestas siguen aquí.

# Shown while a send waits to be retried; the answers are stored on the device.
queued-offline = Sus respuestas están guardadas en este dispositivo. Las enviaremos cuando vuelva a tener conexión a internet.
queued-retry = Todavía no pudimos enviar sus respuestas. Están guardadas en este dispositivo y volveremos a intentarlo pronto.
# Shown after a page reload brought back answers given earlier.
draft-restored = Guardamos las respuestas que ya había dado, para que pueda seguir donde lo dejó.
# Shown under the privacy note when the widget stores nothing (shared devices).
privacy-none = Nada de lo que escriba aquí se guarda en este dispositivo.

error-summary-title = { $count ->
    [one] Por favor, revise { $count } respuesta
    [many] Por favor, revise { $count } de respuestas
   *[other] Por favor, revise { $count } respuestas
}

issue-required = Por favor, responda esta pregunta.
issue-below-min = Por favor, escriba un número de { $min } o más.
issue-above-max = Por favor, escriba un número de { $max } o menos.
issue-too-long = { $max ->
    [one] Por favor, use { $max } carácter o menos.
    [many] Por favor, use { $max } de caracteres o menos.
   *[other] Por favor, use { $max } caracteres o menos.
}
issue-too-short = { $min ->
    [one] Por favor, escriba al menos { $min } carácter.
    [many] Por favor, escriba al menos { $min } de caracteres.
   *[other] Por favor, escriba al menos { $min } caracteres.
}
issue-no-match = Por favor, revise esta respuesta. No está escrita como esta pregunta lo necesita.
issue-no-match-example = Por favor, escriba la respuesta así: { $example }
issue-not-whole-number = Por favor, escriba un número entero, como 3.
issue-not-number = Por favor, escriba un número, como 3 o 3,5.
issue-wrong-type = Por favor, elija una de las respuestas.
issue-not-date = Por favor, escriba una fecha completa: día, mes y año.
issue-not-time = Por favor, escriba una hora: horas y minutos.
issue-not-date-time = Por favor, escriba una fecha completa y una hora.
issue-no-unit = Por favor, escriba también la unidad, como días o kg.

option-own-words = Otra cosa

characters-left = { $count ->
    [one] Queda { $count } carácter
    [many] Quedan { $count } de caracteres
   *[other] Quedan { $count } caracteres
}

yes = Sí
no = No
scale-value = { $value } de { $max }

group-number = { $number } de { $count }
group-add = Añadir otro
group-remove = Quitar este
group-remove-confirm = ¿Quitar este y sus respuestas?
group-remove-yes = Sí, quitarlo
group-remove-no = No, conservarlo

link-new-tab = se abre en una pestaña nueva
calculated-note = Calculado a partir de sus respuestas.
calculated-pending = Aparece cuando responda las preguntas que usa.
quantity-unit = Unidad

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Lo sentimos, este cuestionario no se puede mostrar en este momento.
config-error-help = Por favor, avise a su equipo de atención. Detalles técnicos para el equipo web de la clínica:
