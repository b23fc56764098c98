# Rapport questionnaire "working-together" 1.0.0: English (the reference).
# Status: source (written by the Rapport project)
# Licence: CC0-1.0
#
# How the patient and the clinician work together: trust (bond), shared goals and agreement on
# how to work (tasks). Each question is answered on a how-often scale (never to always).
# Plain words, reading age 9 to 11. Written by the Rapport project from its own list of themes;
# no wording is taken from any licensed questionnaire. Not a validated psychometric instrument;
# no clinical cut-offs.

instrument-title = Working together
instrument-intro = These questions are about how you and your clinician work together. Your answers help your care team see what is going well and what could be better.
instrument-notice = This is not a test. There are no right or wrong answers. These questions have not been tested in research studies.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Trust
score-goals = Our goals
score-tasks = How we work
score-total = Working together overall

item-about-clinician = Here, “my clinician” means the doctor, therapist or nurse you see.

# Trust (bond).
item-part-bond = My clinician and me
item-lets-me-finish = My clinician lets me finish what I am saying.
item-notices-upset = My clinician can tell when I am upset.
item-kind = My clinician is kind to me.
# Reverse-scored.
item-judged = I feel judged by my clinician.

# Shared goals.
item-part-goals = Our goals
item-asks-what-i-want = My clinician asks what I want to get out of our work.
item-goals-clear = I could say in my own words what our goals are.
item-what-matters = Our work is about what matters most to me.
item-goals-change = When my life changes, we look at my goals again.

# Agreement on how we work (tasks).
item-part-tasks = How we work
item-makes-sense = I understand why we do what we do in our sessions.
item-between-sessions = I help choose what I will try between sessions.
item-say-not-helping = I can say when something we do is not helping.
item-asks-how-it-goes = My clinician asks me how our work is going.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = Never
option-how-often-5-rarely = Rarely
option-how-often-5-sometimes = Sometimes
option-how-often-5-often = Often
option-how-often-5-always = Always
