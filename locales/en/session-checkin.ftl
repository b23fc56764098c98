# Rapport questionnaire "session-checkin" 1.0.0: English (the reference).
# Status: source (written by the Rapport project)
# Licence: CC0-1.0
#
# A very short check-in after a session: four questions, each answered on a row of 0 to 10.
# Plain words, reading age 9 to 11. Written by the Rapport project from its own list of themes;
# no wording is taken from any licensed questionnaire. Not a validated psychometric instrument;
# no clinical cut-offs.

instrument-title = After your session
instrument-intro = Four quick questions about today's session. Your answers help your care team make your sessions work well for you.
instrument-notice = This is not a test. These questions have not been tested in research studies.

# The score name, shown to the patient only if the portal chooses to show scores.
score-total = This session overall

item-say-my-mind = Today I could say what was on my mind.
item-say-my-mind-low = Not at all
item-say-my-mind-high = Completely

item-what-matters = Today we spent our time on what matters most to me.
item-what-matters-low = Not at all
item-what-matters-high = Completely

item-way-we-worked = Today the way we worked felt right for me.
item-way-we-worked-low = Not at all
item-way-we-worked-high = Completely

item-worth-my-time = This session was worth my time.
item-worth-my-time-low = Not at all
item-worth-my-time-high = Completely
