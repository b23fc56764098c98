# Rapport questionnaire "working-together" 1.0.0: Portuguese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Written in Brazilian Portuguese usage, worded so that patients in Portugal can read it too
# (third-person verb forms, article before possessives, shared words where they exist;
# Brazilian pronoun placement such as "me deixa" is kept). Register: polite but warm; the
# questions themselves are in the first person, as in English. Latin script. "My clinician"
# is rendered as "a pessoa que me atende": everyday Portuguese, and it does not mark the
# clinician's gender. Sentences are built so that nothing agrees with the patient's gender
# ("Sinto que … me julga", "quando não estou bem"). No plural forms in this file (CLDR
# categories for "pt": one, many, other). Reviewer, please check: "percebe quando não estou
# bem" for "can tell when I am upset" ("chateado/chateada" would mark gender). Plain everyday
# words, reading age 9 to 11, as in English. Not a validated psychometric instrument; no
# clinical cut-offs. This draft has not been through forward and back translation or
# cognitive debriefing.

instrument-title = Trabalhar juntos
instrument-intro = Estas perguntas são sobre como você e a pessoa que faz o seu atendimento trabalham juntos. As suas respostas ajudam a sua equipe de saúde a ver o que vai bem e o que pode melhorar.
instrument-notice = Isto não é um teste. Não há respostas certas ou erradas. Estas perguntas não foram testadas em estudos científicos.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Confiança
score-goals = Os nossos objetivos
score-tasks = Como trabalhamos
score-total = Trabalhar juntos, no geral

item-about-clinician = Aqui, “a pessoa que me atende” é quem atende você: médico ou médica, terapeuta, enfermeiro ou enfermeira.

# Confiança (bond).
item-part-bond = A pessoa que me atende e eu
item-lets-me-finish = A pessoa que me atende me deixa terminar de falar.
item-notices-upset = A pessoa que me atende percebe quando não estou bem.
item-kind = A pessoa que me atende é gentil comigo.
# Reverse-scored.
item-judged = Sinto que a pessoa que me atende me julga.

# Objetivos em comum (goals).
item-part-goals = Os nossos objetivos
item-asks-what-i-want = A pessoa que me atende me pergunta o que eu quero conseguir com o nosso trabalho.
item-goals-clear = Eu conseguiria dizer com as minhas palavras quais são os nossos objetivos.
item-what-matters = O nosso trabalho é sobre o que é mais importante para mim.
item-goals-change = Quando a minha vida muda, voltamos a olhar para os meus objetivos.

# Acordo sobre como trabalhamos (tasks).
item-part-tasks = Como trabalhamos
item-makes-sense = Eu entendo por que fazemos o que fazemos nas sessões.
item-between-sessions = Eu ajudo a escolher o que vou tentar fazer entre as sessões.
item-say-not-helping = Eu posso dizer quando algo que fazemos não me ajuda.
item-asks-how-it-goes = A pessoa que me atende me pergunta como vai o nosso trabalho.

# A escala de resposta (com que frequência), da mais baixa à mais alta.
option-how-often-5-never = Nunca
option-how-often-5-rarely = Raramente
option-how-often-5-sometimes = Às vezes
option-how-often-5-often = Muitas vezes
option-how-often-5-always = Sempre
