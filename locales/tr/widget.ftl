# Rapport widget strings: Turkish, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "siz" throughout (Lütfen ... -in), warm and plain, as a clinic in Turkey
# would write to adult patients. Latin script, standard Turkish spelling (ç ğ ı İ ö ş ü).
# Plain words, reading age 9 to 11, as in English. Kind and neutral.
# Plurals: CLDR cardinal categories for Turkish are "one" and "other". Turkish puts the noun in
# the singular after a number ("{ $count } soru kaldı"), so both variants read the same; they
# always use the $variable, never a written digit.
# Word choices to check: "tedavi ekibi" for "care team" (more natural than "bakım ekibi"),
# "anket" for "questionnaire", "yanıt" (not "cevap") for "answer", "karakter" for "character".
# Decimal separator is a comma (3,5).

# The language's own name, shown in the language switcher.
language-name = Türkçe

language-label = Dil
required-mark = (zorunlu)
optional-mark = (isteğe bağlı)

# Progress above the questions, e.g. "12 sorudan 3 tanesi yanıtlandı".
progress = { $total } sorudan { $answered } tanesi yanıtlandı
questions-left = { $count ->
    [one] { $count } soru kaldı
   *[other] { $count } soru kaldı
}

privacy-note = Yanıtlarınız tedavi ekibinize gider. Bu yanıtlar, birlikte çalışmanızın nasıl gittiğini tedavi ekibinizle konuşmanıza yardımcı olur.

submit = Yanıtlarımı gönder
try-again = Tekrar dene
sending = Yanıtlarınız gönderiliyor…
sent-title = Teşekkür ederiz
sent-body = Yanıtlarınız tedavi ekibinize gönderildi.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Puanlarınız
score-out-of = { $high } üzerinden { $value }
scores-note = Bu sayılar yanıtlarınızdan hesaplanır. Bir test sonucu değildir. Tedavi ekibiniz de bu sayıları görür. Bu sayılar, işlerin nasıl gittiğini tedavi ekibinizle birlikte konuşmanıza yardımcı olabilir.
failed-network = Yanıtlarınızı gönderemedik. Lütfen internet bağlantınızı kontrol edip tekrar deneyin. Yanıtlarınız hâlâ burada.
failed-server = Yanıtlarınızı şu anda gönderemedik. Lütfen biraz sonra tekrar deneyin. Yanıtlarınız hâlâ burada.
failed-rejected = Yanıtlarınız kabul edilemedi. Lütfen tedavi ekibinize haber verin. Yanıtlarınız hâlâ burada.

# Shown while answers wait on the device to be sent again (the widget retries by itself).
queued-offline = Yanıtlarınız bu cihazda kayıtlı. İnternete yeniden bağlandığınızda onları göndereceğiz.
queued-retry = Yanıtlarınızı henüz gönderemedik. Yanıtlarınız bu cihazda kayıtlı ve birazdan tekrar deneyeceğiz.
# Shown after a page reload brought back answers given earlier.
draft-restored = Daha önce verdiğiniz yanıtları sakladık. Böylece kaldığınız yerden devam edebilirsiniz.
# Shown under the privacy note when nothing is stored (shared devices).
privacy-none = Buraya yazdığınız hiçbir şey bu cihaza kaydedilmez.

error-summary-title = { $count ->
    [one] Lütfen { $count } yanıtı kontrol edin
   *[other] Lütfen { $count } yanıtı kontrol edin
}

issue-required = Lütfen bu soruyu yanıtlayın.
issue-below-min = Lütfen { $min } veya daha büyük bir sayı yazın.
issue-above-max = Lütfen { $max } veya daha küçük bir sayı yazın.
issue-too-long = { $max ->
    [one] Lütfen en fazla { $max } karakter kullanın.
   *[other] Lütfen en fazla { $max } karakter kullanın.
}
issue-too-short = { $min ->
    [one] Lütfen en az { $min } karakter yazın.
   *[other] Lütfen en az { $min } karakter yazın.
}
issue-no-match = Lütfen bu yanıtı kontrol edin. Bu sorunun istediği biçimde yazılmamış.
issue-no-match-example = Lütfen yanıtı şöyle yazın: { $example }
issue-not-whole-number = Lütfen 3 gibi tam bir sayı yazın.
issue-not-number = Lütfen 3 veya 3,5 gibi bir sayı yazın.
issue-wrong-type = Lütfen yanıtlardan birini seçin.
issue-not-date = Lütfen tam bir tarih yazın: gün, ay ve yıl.
issue-not-time = Lütfen bir saat yazın: saat ve dakika.
issue-not-date-time = Lütfen tam bir tarih ve saat yazın.
issue-no-unit = Lütfen gün veya kg gibi birimi de yazın.

option-own-words = Başka bir şey

characters-left = { $count ->
    [one] { $count } karakter kaldı
   *[other] { $count } karakter kaldı
}

yes = Evet
no = Hayır
# What a screen reader says for one number of a 0 to 10 row, e.g. "10 üzerinden 5".
scale-value = { $max } üzerinden { $value }

group-number = { $number } / { $count }
group-add = Bir tane daha ekle
group-remove = Bunu kaldır
group-remove-confirm = Bu kayıt ve yanıtları kaldırılsın mı?
group-remove-yes = Evet, kaldır
group-remove-no = Hayır, kalsın

link-new-tab = yeni sekmede açılır
calculated-note = Yanıtlarınızdan hesaplandı.
calculated-pending = Gereken soruları yanıtladığınızda görünür.
quantity-unit = Birim

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Üzgünüz, bu anket şu anda gösterilemiyor.
config-error-help = Lütfen tedavi ekibinize haber verin. Kliniğin web ekibi için teknik bilgiler:
