# Rapport widget strings: Vietnamese, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: "quý vị" for the patient throughout (polite, warm, gender- and age-neutral, as in
# US clinic materials); "Vui lòng" for "please"; "chúng tôi" for the clinic. Script: Latin
# with Vietnamese diacritics (precomposed Unicode). Plurals: Vietnamese has only CLDR's
# "other" category, so the number messages are plain messages that keep the English
# $variables. Decimal example uses a comma ("3,5"), as is usual in Vietnamese.
# For a reviewer: "care team" is "nhóm chăm sóc"; "character" is "ký tự"; "whole number" is
# "số nguyên"; "could not be accepted" is "không thể tiếp nhận".

# The language's own name, shown in the language switcher.
language-name = Tiếng Việt

language-label = Ngôn ngữ
required-mark = (bắt buộc)
optional-mark = (không bắt buộc)

# Progress above the questions, e.g. "Đã trả lời 3 trong 12 câu".
progress = Đã trả lời { $answered } trong { $total } câu
questions-left = Còn { $count } câu hỏi

privacy-note = Câu trả lời của quý vị sẽ được gửi đến nhóm chăm sóc của quý vị. Những câu trả lời này giúp quý vị và nhóm chăm sóc nói chuyện về việc hai bên đang cùng làm việc ra sao.

submit = Gửi câu trả lời của tôi
try-again = Thử lại
sending = Đang gửi câu trả lời của quý vị…
sent-title = Cảm ơn quý vị
sent-body = Câu trả lời của quý vị đã được gửi đến nhóm chăm sóc của quý vị.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = Điểm số của quý vị
score-out-of = { $value } trên { $high }
scores-note = Những con số này được tính từ câu trả lời của quý vị. Đây không phải là kết quả của một bài kiểm tra. Nhóm chăm sóc của quý vị cũng xem được những con số này. Chúng có thể giúp quý vị và nhóm chăm sóc cùng nói chuyện về việc mọi thứ đang diễn ra thế nào.
failed-network = Chúng tôi không gửi được câu trả lời của quý vị. Vui lòng kiểm tra kết nối internet rồi thử lại. Câu trả lời của quý vị vẫn còn ở đây.
failed-server = Lúc này chúng tôi chưa gửi được câu trả lời của quý vị. Vui lòng thử lại sau một lát. Câu trả lời của quý vị vẫn còn ở đây.
failed-rejected = Không thể tiếp nhận câu trả lời của quý vị. Vui lòng báo cho nhóm chăm sóc của quý vị. Câu trả lời của quý vị vẫn còn ở đây.

# Shown while a send waits to be retried; the answers are stored on the device. The widget retries by itself.
queued-offline = Câu trả lời của quý vị đã được lưu trên thiết bị này. Chúng tôi sẽ gửi đi khi quý vị có kết nối internet trở lại.
queued-retry = Chúng tôi chưa gửi được câu trả lời của quý vị. Câu trả lời đã được lưu trên thiết bị này, và chúng tôi sẽ sớm thử gửi lại.
# Shown after a page reload brought back answers given earlier.
draft-restored = Chúng tôi đã giữ lại những câu trả lời quý vị điền trước đó, để quý vị có thể tiếp tục từ chỗ đã dừng lại.
# Shown under the privacy note when the portal asked the widget to store nothing (shared devices).
privacy-none = Những gì quý vị nhập ở đây sẽ không được lưu trên thiết bị này.

error-summary-title = Vui lòng kiểm tra { $count } câu trả lời

issue-required = Vui lòng trả lời câu hỏi này.
issue-below-min = Vui lòng nhập một con số bằng { $min } hoặc lớn hơn.
issue-above-max = Vui lòng nhập một con số bằng { $max } hoặc nhỏ hơn.
issue-too-long = Vui lòng viết không quá { $max } ký tự.
issue-too-short = Vui lòng viết ít nhất { $min } ký tự.
issue-no-match = Vui lòng kiểm tra câu trả lời này. Câu trả lời chưa được viết theo cách câu hỏi này cần.
issue-no-match-example = Vui lòng viết câu trả lời như sau: { $example }
issue-not-whole-number = Vui lòng nhập số nguyên, ví dụ 3.
issue-not-number = Vui lòng nhập một con số, ví dụ 3 hoặc 3,5.
issue-wrong-type = Vui lòng chọn một trong các câu trả lời.
issue-not-date = Vui lòng nhập ngày đầy đủ: ngày, tháng và năm.
issue-not-time = Vui lòng nhập giờ: giờ và phút.
issue-not-date-time = Vui lòng nhập ngày đầy đủ và giờ.
issue-no-unit = Vui lòng nhập cả đơn vị, ví dụ ngày hoặc kg.

option-own-words = Điều khác

characters-left = Còn { $count } ký tự

yes = Có
no = Không
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $value } trên { $max }

group-number = { $number } trên { $count }
group-add = Thêm một mục nữa
group-remove = Xóa mục này
group-remove-confirm = Xóa mục này và các câu trả lời của nó?
group-remove-yes = Có, xóa
group-remove-no = Không, giữ lại

link-new-tab = mở trong thẻ mới
calculated-note = Được tính từ câu trả lời của quý vị.
calculated-pending = Sẽ hiện ra khi quý vị trả lời các câu hỏi cần thiết.
quantity-unit = Đơn vị

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = Xin lỗi, lúc này không thể hiển thị bảng câu hỏi này.
config-error-help = Vui lòng báo cho nhóm chăm sóc của quý vị. Thông tin kỹ thuật dành cho nhóm phụ trách trang web của phòng khám:
