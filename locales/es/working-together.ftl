# Rapport questionnaire "working-together" 1.0.0: Spanish, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "usted" throughout (the questions themselves are in the first person). Neutral
# wording meant to read well in Latin America and in Spain. "My clinician" is rendered as
# "la persona que me atiende", which is everyday Spanish and avoids marking the clinician's
# gender. Plain everyday words, reading age 9 to 11, as in English. Not a validated
# psychometric instrument; no clinical cut-offs. This draft has not been through forward and
# back translation or cognitive debriefing.

instrument-title = Cómo trabajamos en equipo
instrument-intro = Estas preguntas son sobre cómo trabajan en equipo usted y la persona que le atiende. Sus respuestas ayudan a su equipo de atención a ver qué va bien y qué se puede mejorar.
instrument-notice = Esto no es un examen. No hay respuestas correctas ni incorrectas. Estas preguntas no se han probado en estudios de investigación.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Confianza
score-goals = Nuestras metas
score-tasks = Cómo trabajamos
score-total = Cómo trabajamos en equipo, en general

item-about-clinician = Aquí, «la persona que me atiende» es su médico, terapeuta o personal de enfermería.

# Confianza (bond).
item-part-bond = La persona que me atiende y yo
item-lets-me-finish = La persona que me atiende me deja terminar lo que digo.
item-notices-upset = La persona que me atiende se da cuenta cuando me siento mal.
item-kind = La persona que me atiende me trata con amabilidad.
# Reverse-scored.
item-judged = Siento que la persona que me atiende me juzga.

# Metas compartidas (goals).
item-part-goals = Nuestras metas
item-asks-what-i-want = La persona que me atiende me pregunta qué quiero lograr con nuestro trabajo.
item-goals-clear = Podría decir con mis propias palabras cuáles son nuestras metas.
item-what-matters = Nuestro trabajo se centra en lo que más me importa.
item-goals-change = Cuando mi vida cambia, volvemos a revisar mis metas.

# Acuerdo sobre cómo trabajamos (tasks).
item-part-tasks = Cómo trabajamos
item-makes-sense = Entiendo por qué hacemos lo que hacemos en las sesiones.
item-between-sessions = Ayudo a elegir lo que voy a intentar entre sesiones.
item-say-not-helping = Puedo decir cuándo algo que hacemos no me ayuda.
item-asks-how-it-goes = La persona que me atiende me pregunta cómo va nuestro trabajo.

# La escala de respuesta (con qué frecuencia), de menos a más.
option-how-often-5-never = Nunca
option-how-often-5-rarely = Pocas veces
option-how-often-5-sometimes = A veces
option-how-often-5-often = Muchas veces
option-how-often-5-always = Siempre
