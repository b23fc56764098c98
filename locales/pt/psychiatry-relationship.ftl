# Rapport questionnaire "psychiatry-relationship" 1.0.0: Portuguese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Written in Brazilian Portuguese usage, worded so that patients in Portugal can read it too
# (third-person verb forms, article before possessives, shared words where they exist;
# Brazilian pronoun placement such as "me explica" is kept). Register: polite but warm; the
# questions themselves are in the first person, as in English. Latin script. "My clinician"
# is rendered as "a pessoa que me atende": everyday Portuguese, and it does not mark the
# clinician's gender. Sentences are built so that nothing agrees with the patient's gender
# ("fico à vontade", "me dá segurança"). "Medicine" is "remédios" and "side effects" is
# "efeitos colaterais", the words Brazilian patients use (Portugal: "medicamentos", "efeitos
# secundários"; both are understood). No plural forms in this file (CLDR categories for "pt":
# one, many, other). Reviewer, please check: "fico à vontade para falar" for "I feel safe
# telling" (at ease, rather than literally safe); "me responde quando diz que vai responder"
# for "gets back to me when they say they will". Plain everyday words, reading age 9 to 11,
# as in English. Not a validated psychometric instrument; no clinical cut-offs. This draft has
# not been through forward and back translation or cognitive debriefing.

instrument-title = Você e a pessoa que faz o seu atendimento
instrument-intro = Estas perguntas são sobre como você e a pessoa que faz o seu atendimento trabalham juntos no seu tratamento. As suas respostas ajudam a sua equipe de saúde a ver o que vai bem e o que pode melhorar.
instrument-notice = Isto não é um teste. Não há respostas certas ou erradas. Estas perguntas não foram testadas em estudos científicos.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Ouvir e explicar
score-treatment = Decisões sobre o meu tratamento
score-trust = Confiança e respeito
score-total = Você e a pessoa que faz o seu atendimento, no geral

item-about-clinician = Aqui, “a pessoa que me atende” é quem atende você: psiquiatra, médico ou médica, enfermeiro ou enfermeira.

# Ser ouvido e receber explicações simples.
item-part-listening = Ouvir e explicar
item-attention = A pessoa que me atende me dá toda a atenção.
item-plain-words = A pessoa que me atende fala comigo com palavras que eu conheço.
# Reverse-scored.
item-rushed = Nas minhas consultas, sinto que tudo é feito com pressa.

# Decisões compartilhadas sobre o tratamento e os remédios.
item-part-treatment = Decisões sobre o meu tratamento
item-choices = A pessoa que me atende me explica quais são as minhas opções de tratamento.
item-my-say = A minha opinião conta nas decisões sobre os meus cuidados.
# Pergunta de sim ou não. As duas perguntas seguintes só aparecem depois de “Sim”.
item-takes-medicine = Eu tomo remédios receitados pela pessoa que me atende.
item-medicine-say = A minha opinião conta na escolha dos meus remédios.
item-side-effects = Fico à vontade para falar dos efeitos colaterais com a pessoa que me atende.

# Respeito, cumprimento, segurança, limites e privacidade.
item-part-trust = Confiança e respeito
item-culture = A pessoa que me atende respeita a minha cultura e as minhas crenças.
item-worries = Eu posso falar das minhas preocupações com a pessoa que me atende.
item-gets-back = A pessoa que me atende me responde quando diz que vai responder.
item-who-sees = A pessoa que me atende me disse quem pode ver o que eu conto.
item-feels-safe = A forma como a pessoa que me atende age me dá segurança.

# Opcional, com as palavras da própria pessoa.
item-better = O que poderia melhorar o nosso trabalho juntos?

# A escala de resposta (concordância), da mais baixa à mais alta.
option-agree-5-strongly-disagree = Discordo totalmente
option-agree-5-disagree = Discordo
option-agree-5-neither = Nem concordo nem discordo
option-agree-5-agree = Concordo
option-agree-5-strongly-agree = Concordo totalmente
