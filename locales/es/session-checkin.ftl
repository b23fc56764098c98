# Rapport questionnaire "session-checkin" 1.0.0: Spanish, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "usted" throughout (the questions themselves are in the first person). Neutral
# wording meant to read well in Latin America and in Spain. Plain everyday words, reading age
# 9 to 11, as in English. Not a validated psychometric instrument; no clinical cut-offs. This
# draft has not been through forward and back translation or cognitive debriefing.

instrument-title = Después de su sesión
instrument-intro = Cuatro preguntas rápidas sobre la sesión de hoy. Sus respuestas ayudan a su equipo de atención a mejorar sus sesiones.
instrument-notice = Esto no es un examen. Estas preguntas no se han probado en estudios de investigación.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = Esta sesión, en general

item-say-my-mind = Hoy pude decir lo que tenía en mente.
item-say-my-mind-low = Nada
item-say-my-mind-high = Totalmente

item-what-matters = Hoy dedicamos el tiempo a lo que más me importa.
item-what-matters-low = Nada
item-what-matters-high = Totalmente

item-way-we-worked = Hoy me sentí bien con nuestra forma de trabajar.
item-way-we-worked-low = Nada
item-way-we-worked-high = Totalmente

item-worth-my-time = Esta sesión valió la pena para mí.
item-worth-my-time-low = Nada
item-worth-my-time-high = Totalmente
