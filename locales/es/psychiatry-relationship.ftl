# Rapport questionnaire "psychiatry-relationship" 1.0.0: Spanish, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "usted" throughout (the questions themselves are in the first person). Neutral
# wording meant to read well in Latin America and in Spain. "My clinician" is rendered as
# "la persona que me atiende", which is everyday Spanish and avoids marking the clinician's
# gender. Plain everyday words, reading age 9 to 11, as in English. Not a validated
# psychometric instrument; no clinical cut-offs. This draft has not been through forward and
# back translation or cognitive debriefing.

instrument-title = Usted y la persona que le atiende
instrument-intro = Estas preguntas son sobre cómo trabajan en equipo usted y la persona que le atiende en su cuidado. Sus respuestas ayudan a su equipo de atención a ver qué va bien y qué se puede mejorar.
instrument-notice = Esto no es un examen. No hay respuestas correctas ni incorrectas. Estas preguntas no se han probado en estudios de investigación.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Escuchar y explicar
score-treatment = Decisiones sobre mi tratamiento
score-trust = Confianza y respeto
score-total = Usted y la persona que le atiende, en general

item-about-clinician = Aquí, «la persona que me atiende» es su psiquiatra, médico o personal de enfermería.

# Escuchar y explicar.
item-part-listening = Escuchar y explicar
item-attention = La persona que me atiende me presta toda su atención.
item-plain-words = La persona que me atiende me habla con palabras que conozco.
# Reverse-scored.
item-rushed = En mis citas, siento que todo va con prisa.

# Decisiones compartidas sobre el tratamiento y los medicamentos.
item-part-treatment = Decisiones sobre mi tratamiento
item-choices = La persona que me atiende me explica las opciones de tratamiento que tengo.
item-my-say = Mi opinión cuenta en las decisiones sobre mi atención.
# Pregunta de sí o no. Las dos preguntas siguientes solo aparecen después de «Sí».
item-takes-medicine = Tomo medicamentos que me receta la persona que me atiende.
item-medicine-say = Mi opinión cuenta al elegir mis medicamentos.
item-side-effects = Puedo contarle sin miedo los efectos secundarios que tengo.

# Respeto, cumplimiento, seguridad, límites y privacidad.
item-part-trust = Confianza y respeto
item-culture = La persona que me atiende respeta mi cultura y mis creencias.
item-worries = Puedo contarle mis preocupaciones a la persona que me atiende.
item-gets-back = La persona que me atiende me responde cuando dice que lo hará.
item-who-sees = La persona que me atiende me explicó quién puede ver lo que le cuento.
item-feels-safe = La forma en que me trata la persona que me atiende me da seguridad.

# Opcional, con sus propias palabras.
item-better = ¿Qué podría mejorar nuestro trabajo en equipo?

# La escala de respuesta (acuerdo), de menos a más.
option-agree-5-strongly-disagree = Totalmente en desacuerdo
option-agree-5-disagree = En desacuerdo
option-agree-5-neither = Ni de acuerdo ni en desacuerdo
option-agree-5-agree = De acuerdo
option-agree-5-strongly-agree = Totalmente de acuerdo
