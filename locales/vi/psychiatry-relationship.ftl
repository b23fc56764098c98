# Rapport questionnaire "psychiatry-relationship" 1.0.0: Vietnamese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "quý vị" when speaking to the patient (polite, warm, gender- and age-neutral); the
# questions themselves are in the first person ("tôi"), and "we" (patient and clinician) is
# "chúng tôi". Script: Latin with Vietnamese diacritics; “ ” quotes. Plurals: Vietnamese has
# only CLDR's "other" category (no number messages here). Plain everyday words, reading age 9
# to 11, as in English. Not a validated psychometric instrument; no clinical cut-offs. This
# draft has not been through forward and back translation or cognitive debriefing.
# For a reviewer: "my clinician" is "người điều trị cho tôi"; "psychiatrist, doctor or nurse"
# is "bác sĩ tâm thần, bác sĩ khác hoặc y tá" ("khác" added so the list does not read as a
# repeat); "medicine" is "thuốc" ("dùng thuốc" for "take medicine"); "prescribes" is "kê toa"
# (southern and US usage; "kê đơn" in the north); "side effects" is "tác dụng phụ"; "I have a
# say" is "tôi có tiếng nói"; "visits" is "buổi hẹn"; the middle answer is "Không đồng ý cũng
# không phản đối".

instrument-title = Quý vị và người điều trị cho quý vị
instrument-intro = Những câu hỏi này nói về cách quý vị và người điều trị cho quý vị cùng nhau làm việc trong việc chăm sóc sức khỏe của quý vị. Câu trả lời của quý vị giúp nhóm chăm sóc biết điều gì đang tốt và điều gì có thể tốt hơn.
instrument-notice = Đây không phải là bài kiểm tra. Không có câu trả lời đúng hay sai. Các câu hỏi này chưa được kiểm chứng trong các nghiên cứu.

# Score names, shown to the patient only if the portal chooses to show scores.
score-listening = Lắng nghe và giải thích
score-treatment = Quyết định về việc điều trị của tôi
score-trust = Tin tưởng và tôn trọng
score-total = Nhìn chung về quý vị và người điều trị cho quý vị

item-about-clinician = Ở đây, “người điều trị cho tôi” là bác sĩ tâm thần, bác sĩ khác hoặc y tá mà quý vị gặp.

# Being listened to and plain explanations.
item-part-listening = Lắng nghe và giải thích
item-attention = Người điều trị cho tôi hoàn toàn chú tâm vào tôi.
item-plain-words = Người điều trị cho tôi nói với tôi bằng những từ tôi hiểu.
# Reverse-scored.
item-rushed = Trong các buổi hẹn, tôi cảm thấy bị hối thúc.

# Shared decisions about treatment and medicine.
item-part-treatment = Quyết định về việc điều trị của tôi
item-choices = Người điều trị cho tôi giải thích cho tôi những lựa chọn điều trị mà tôi có.
item-my-say = Tôi có tiếng nói trong các quyết định về việc chăm sóc sức khỏe của tôi.
# A yes or no question. The next two questions are shown only after "Yes".
item-takes-medicine = Tôi đang dùng thuốc do người điều trị cho tôi kê toa.
item-medicine-say = Tôi có tiếng nói trong việc chọn thuốc cho mình.
item-side-effects = Tôi cảm thấy yên tâm khi nói với người điều trị cho tôi về tác dụng phụ.

# Respect, reliability, safety, boundaries and privacy.
item-part-trust = Tin tưởng và tôn trọng
item-culture = Người điều trị cho tôi tôn trọng văn hóa và niềm tin của tôi.
item-worries = Tôi có thể chia sẻ những lo lắng của mình với người điều trị cho tôi.
item-gets-back = Người điều trị cho tôi liên lạc lại với tôi đúng lúc như đã nói.
item-who-sees = Người điều trị cho tôi đã cho tôi biết ai có thể xem những gì tôi chia sẻ.
item-feels-safe = Cách người điều trị cho tôi cư xử làm tôi cảm thấy an toàn.

# Optional, in the patient's own words.
item-better = Điều gì sẽ giúp việc chúng tôi làm cùng nhau tốt hơn?

# The answer scale (agreement), lowest to highest.
option-agree-5-strongly-disagree = Hoàn toàn không đồng ý
option-agree-5-disagree = Không đồng ý
option-agree-5-neither = Không đồng ý cũng không phản đối
option-agree-5-agree = Đồng ý
option-agree-5-strongly-agree = Hoàn toàn đồng ý
