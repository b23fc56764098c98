# Rapport questionnaire "working-together" 1.0.0: Turkish, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "siz" when the text speaks to the patient; the questions themselves are in
# the first person. Latin script. Plain everyday words, reading age 9 to 11, as in English.
# No plural selection in this file (CLDR categories for Turkish: one, other).
# "My clinician" is rendered as "beni tedavi eden kişi" (the person who treats me): everyday
# Turkish that covers a doctor, a therapist or a nurse ("doktorum" would leave out therapists
# and nurses). A reviewer should check that it reads naturally when repeated, and the scale
# words ("Nadiren" for "Rarely", "Sık sık" for "Often").
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.

instrument-title = Birlikte çalışmak
instrument-intro = Bu sorular, sizin ve sizi tedavi eden kişinin birlikte nasıl çalıştığınızla ilgilidir. Yanıtlarınız, tedavi ekibinizin neyin iyi gittiğini ve neyin daha iyi olabileceğini görmesine yardımcı olur.
instrument-notice = Bu bir sınav değildir. Doğru ya da yanlış yanıt yoktur. Bu sorular araştırma çalışmalarında denenmemiştir.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Güven
score-goals = Hedeflerimiz
score-tasks = Nasıl çalışıyoruz
score-total = Genel olarak birlikte çalışmak

item-about-clinician = Burada “beni tedavi eden kişi”, görüştüğünüz doktor, terapist veya hemşire demektir.

# Güven (bond).
item-part-bond = Beni tedavi eden kişi ve ben
item-lets-me-finish = Beni tedavi eden kişi, sözümü bitirmeme izin verir.
item-notices-upset = Beni tedavi eden kişi, üzgün olduğumu anlayabilir.
item-kind = Beni tedavi eden kişi bana nazik davranır.
# Reverse-scored.
item-judged = Beni tedavi eden kişinin beni yargıladığını hissediyorum.

# Ortak hedefler (goals).
item-part-goals = Hedeflerimiz
item-asks-what-i-want = Beni tedavi eden kişi, birlikte çalışmamızdan ne elde etmek istediğimi sorar.
item-goals-clear = Hedeflerimizin ne olduğunu kendi sözlerimle anlatabilirim.
item-what-matters = Çalışmamız, benim için en önemli olan şeylerle ilgilidir.
item-goals-change = Hayatımda bir şey değiştiğinde hedeflerime yeniden bakarız.

# Nasıl çalıştığımız konusunda anlaşma (tasks).
item-part-tasks = Nasıl çalışıyoruz
item-makes-sense = Seanslarda yaptığımız şeyleri neden yaptığımızı anlıyorum.
item-between-sessions = Seanslar arasında ne deneyeceğimi seçmeye ben de katılırım.
item-say-not-helping = Yaptığımız bir şey bana yardımcı olmadığında bunu söyleyebilirim.
item-asks-how-it-goes = Beni tedavi eden kişi, çalışmamızın nasıl gittiğini bana sorar.

# Yanıt ölçeği (ne sıklıkla), en azdan en çoğa.
option-how-often-5-never = Hiçbir zaman
option-how-often-5-rarely = Nadiren
option-how-often-5-sometimes = Bazen
option-how-often-5-often = Sık sık
option-how-often-5-always = Her zaman
