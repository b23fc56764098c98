# Rapport questionnaire "working-together" 1.0.0: Vietnamese, translated from the English reference.
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "quý vị" when speaking to the patient (polite, warm, gender- and age-neutral); the
# questions themselves are in the first person ("tôi"), and "we" (patient and clinician) is
# "chúng tôi". Script: Latin with Vietnamese diacritics; “ ” quotes. Plurals: Vietnamese has
# only CLDR's "other" category (no number messages here). Plain everyday words, reading age 9
# to 11, as in English. Not a validated psychometric instrument; no clinical cut-offs. This
# draft has not been through forward and back translation or cognitive debriefing.
# For a reviewer: "my clinician" is "người điều trị cho tôi" (gender-neutral; covers doctor,
# therapist and nurse); "therapist" is "nhà trị liệu"; "nurse" is "y tá" (usual in the US
# community; "điều dưỡng" in Vietnam); "session" is "buổi gặp"; "upset" is "buồn phiền";
# "judged" is "phán xét".

instrument-title = Cùng nhau làm việc
instrument-intro = Những câu hỏi này nói về cách quý vị và người điều trị cho quý vị cùng nhau làm việc. Câu trả lời của quý vị giúp nhóm chăm sóc biết điều gì đang tốt và điều gì có thể tốt hơn.
instrument-notice = Đây không phải là bài kiểm tra. Không có câu trả lời đúng hay sai. Các câu hỏi này chưa được kiểm chứng trong các nghiên cứu.

# Score names, shown to the patient only if the portal chooses to show scores.
score-bond = Tin tưởng
score-goals = Mục tiêu của chúng tôi
score-tasks = Cách chúng tôi làm việc
score-total = Nhìn chung về việc cùng nhau làm việc

item-about-clinician = Ở đây, “người điều trị cho tôi” là bác sĩ, nhà trị liệu hoặc y tá mà quý vị gặp.

# Trust (bond).
item-part-bond = Tôi và người điều trị cho tôi
item-lets-me-finish = Người điều trị cho tôi để tôi nói hết ý của mình.
item-notices-upset = Người điều trị cho tôi nhận ra khi tôi buồn phiền.
item-kind = Người điều trị cho tôi đối xử tử tế với tôi.
# Reverse-scored.
item-judged = Tôi cảm thấy người điều trị cho tôi phán xét tôi.

# Shared goals.
item-part-goals = Mục tiêu của chúng tôi
item-asks-what-i-want = Người điều trị cho tôi hỏi tôi muốn đạt được gì từ việc chúng tôi làm cùng nhau.
item-goals-clear = Tôi có thể nói bằng lời của mình mục tiêu của chúng tôi là gì.
item-what-matters = Việc chúng tôi làm cùng nhau tập trung vào những điều quan trọng nhất với tôi.
item-goals-change = Khi cuộc sống của tôi thay đổi, chúng tôi xem lại các mục tiêu của tôi.

# Agreement on how we work (tasks).
item-part-tasks = Cách chúng tôi làm việc
item-makes-sense = Tôi hiểu vì sao chúng tôi làm những việc chúng tôi làm trong các buổi gặp.
item-between-sessions = Tôi cùng chọn những việc tôi sẽ thử làm giữa các buổi gặp.
item-say-not-helping = Tôi có thể nói ra khi một việc chúng tôi làm không giúp ích cho tôi.
item-asks-how-it-goes = Người điều trị cho tôi hỏi tôi thấy việc chúng tôi làm cùng nhau đang diễn ra thế nào.

# The answer scale (how often), lowest to highest.
option-how-often-5-never = Không bao giờ
option-how-often-5-rarely = Hiếm khi
option-how-often-5-sometimes = Thỉnh thoảng
option-how-often-5-often = Thường xuyên
option-how-often-5-always = Luôn luôn
