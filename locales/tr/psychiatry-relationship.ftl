# Rapport questionnaire "psychiatry-relationship" 1.0.0: Turkish, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "siz" when the text speaks to the patient; the questions themselves are in
# the first person. Latin script. Plain everyday words, reading age 9 to 11, as in English.
# No plural selection in this file (CLDR categories for Turkish: one, other).
# "My clinician" is rendered as "beni tedavi eden kişi" (the person who treats me), which covers
# a psychiatrist, a doctor or a nurse. Word choices to check: "ilaç yazmak" for "prescribe",
# "randevu" for "visit", "aceleye getirilmek" for "feel rushed", "çekinmeden" for "feel safe
# telling", "söz hakkım var" for "I have a say", "geri dönüş yapmak" for "get back to me".
# Not a validated psychometric instrument; no clinical cut-offs. This draft has not been
# through forward and back translation or cognitive debriefing.

instrument-title = Siz ve sizi tedavi eden kişi
instrument-intro = Bu sorular, sizin ve sizi tedavi eden kişinin tedaviniz için birlikte nasıl çalıştığınızla ilgilidir. Yanıtlarınız, tedavi ekibinizin neyin iyi gittiğini ve neyin daha iyi olabileceğini görmesine yardımcı olur.
instrument-notice = Bu bir sınav değildir. Doğru ya da yanlış yanıt yoktur. Bu sorular araştırma çalışmalarında denenmemiştir.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Dinlemek ve açıklamak
score-treatment = Tedavimle ilgili kararlar
score-trust = Güven ve saygı
score-total = Genel olarak siz ve sizi tedavi eden kişi

item-about-clinician = Burada “beni tedavi eden kişi”, görüştüğünüz psikiyatrist, doktor veya hemşire demektir.

# Dinlemek ve açıklamak.
item-part-listening = Dinlemek ve açıklamak
item-attention = Beni tedavi eden kişi bana tüm dikkatini verir.
item-plain-words = Beni tedavi eden kişi benimle bildiğim kelimelerle konuşur.
# Reverse-scored.
item-rushed = Randevularımda aceleye getirildiğimi hissediyorum.

# Tedavi ve ilaçlar hakkında ortak kararlar.
item-part-treatment = Tedavimle ilgili kararlar
item-choices = Beni tedavi eden kişi, tedavi için hangi seçeneklerim olduğunu açıklar.
item-my-say = Tedavimle ilgili kararlarda benim de söz hakkım var.
# Evet ya da hayır sorusu. Sonraki iki soru yalnızca "Evet" yanıtından sonra gösterilir.
item-takes-medicine = Beni tedavi eden kişinin bana yazdığı ilaçları kullanıyorum.
item-medicine-say = İlacımı seçerken benim de söz hakkım var.
item-side-effects = Yan etkileri beni tedavi eden kişiye çekinmeden söyleyebilirim.

# Saygı, güvenilirlik, güvenlik, sınırlar ve gizlilik.
item-part-trust = Güven ve saygı
item-culture = Beni tedavi eden kişi kültürüme ve inançlarıma saygı gösterir.
item-worries = Endişelerimi beni tedavi eden kişiyle paylaşabilirim.
item-gets-back = Beni tedavi eden kişi, bana söylediği zamanda geri dönüş yapar.
item-who-sees = Beni tedavi eden kişi, paylaştıklarımı kimlerin görebileceğini bana söyledi.
item-feels-safe = Beni tedavi eden kişinin davranışları, kendimi güvende hissetmemi sağlar.

# İsteğe bağlı, hastanın kendi sözleriyle.
item-better = Birlikte çalışmamızı ne daha iyi hâle getirir?

# Yanıt ölçeği (katılma), en düşükten en yükseğe.
option-agree-5-strongly-disagree = Kesinlikle katılmıyorum
option-agree-5-disagree = Katılmıyorum
option-agree-5-neither = Ne katılıyorum ne katılmıyorum
option-agree-5-agree = Katılıyorum
option-agree-5-strongly-agree = Kesinlikle katılıyorum
