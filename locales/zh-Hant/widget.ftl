# Rapport widget strings: Traditional Chinese, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "您" for the patient throughout, in plain, warm everyday Chinese.
# Script: Traditional Chinese characters; word choices follow Taiwan usage (網路, 資訊, 送出)
# while staying readable in Hong Kong. Full-width punctuation, 「」 quotes.
# Plurals: Chinese has only CLDR's "other" category, so the number messages are plain messages
# that keep the English $variables. Decimal example "3.5" keeps the point.
# For a reviewer: "care team" is "醫療團隊"; "character" is "字" (everyday) rather than the
# technical "字元"; a Hong Kong edition would prefer 網絡, 資料 and 提交.

# The language's own name, shown in the language switcher.
language-name = 繁體中文

language-label = 語言
required-mark = （必填）
optional-mark = （選填）

# Progress above the questions, e.g. "已回答 3 題，共 12 題".
progress = 已回答 { $answered } 題，共 { $total } 題
questions-left = 還剩 { $count } 個問題

privacy-note = 您的回答會傳送給您的醫療團隊。這能幫助您和醫療團隊一起聊聊你們合作得怎麼樣。

submit = 送出我的回答
try-again = 再試一次
sending = 正在傳送您的回答…
sent-title = 謝謝您
sent-body = 您的回答已經傳送給您的醫療團隊了。
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = 您的分數
score-out-of = { $value } 分，滿分 { $high } 分
scores-note = 這些數字是根據您的回答算出來的。它們不是測驗結果。您的醫療團隊也會看到這些數字，它們可以幫助您和醫療團隊一起聊聊現在情況怎麼樣。
failed-network = 我們無法傳送您的回答。請檢查您的網路連線，然後再試一次。您的回答還在這裡。
failed-server = 我們現在無法傳送您的回答。請稍等一下再試一次。您的回答還在這裡。
failed-rejected = 您的回答無法被接收。請告訴您的醫療團隊。您的回答還在這裡。

# Shown while a send waits to be retried; the answers are stored on the device. The widget retries by itself.
queued-offline = 您的回答已經儲存在這台裝置上。等您重新連上網路，我們就會傳送。
queued-retry = 我們暫時還無法傳送您的回答。回答已經儲存在這台裝置上，我們很快會再試一次。
# Shown after a page reload brought back answers given earlier.
draft-restored = 我們保留了您之前填寫的回答，您可以從上次停下的地方繼續填寫。
# Shown under the privacy note when the portal asked the widget to store nothing (shared devices).
privacy-none = 您在這裡輸入的內容都不會儲存在這台裝置上。

error-summary-title = 請檢查 { $count } 個回答

issue-required = 請回答這個問題。
issue-below-min = 請填寫 { $min } 或更大的數字。
issue-above-max = 請填寫 { $max } 或更小的數字。
issue-too-long = 請不要超過 { $max } 個字。
issue-too-short = 請至少寫 { $min } 個字。
issue-no-match = 請檢查這個回答。它的寫法不符合這個問題的要求。
issue-no-match-example = 請按這樣的格式填寫：{ $example }
issue-not-whole-number = 請填寫整數，例如 3。
issue-not-number = 請填寫數字，例如 3 或 3.5。
issue-wrong-type = 請選擇其中一個答案。
issue-not-date = 請填寫完整日期：年、月、日。
issue-not-time = 請填寫時間：小時和分鐘。
issue-not-date-time = 請填寫完整的日期和時間。
issue-no-unit = 請同時填寫單位，例如天或公斤。

option-own-words = 其他

characters-left = 還可以寫 { $count } 個字

yes = 是
no = 否
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $value } 分，滿分 { $max } 分

group-number = 第 { $number } 個，共 { $count } 個
group-add = 再新增一個
group-remove = 刪除此項
group-remove-confirm = 刪除這一項及其回答嗎？
group-remove-yes = 是，刪除
group-remove-no = 不，保留

link-new-tab = 在新分頁中開啟
calculated-note = 根據您的回答計算得出。
calculated-pending = 回答所需的問題後會顯示。
quantity-unit = 單位

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = 很抱歉，這份問卷現在無法顯示。
config-error-help = 請告訴您的醫療團隊。以下是給診所網站團隊的技術資訊：
