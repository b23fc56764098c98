# Rapport widget strings: Simplified Chinese, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite "您" for the patient throughout, in plain, warm everyday mainland Chinese.
# Script: Simplified Chinese characters (mainland usage), full-width punctuation, “ ” quotes.
# Plurals: Chinese has only CLDR's "other" category, so the number messages are plain messages
# that keep the English $variables. Decimal example "3.5" keeps the point, as used in China.
# For a reviewer: "care team" is "医护团队"; "character" is "字" (everyday) rather than the
# technical "字符"; "whole number" is "整数".

# The language's own name, shown in the language switcher.
language-name = 简体中文

language-label = 语言
required-mark = （必填）
optional-mark = （选填）

# Progress above the questions, e.g. "已回答 3 题，共 12 题".
progress = 已回答 { $answered } 题，共 { $total } 题
questions-left = 还剩 { $count } 个问题

privacy-note = 您的回答会发给您的医护团队。这能帮助您和医护团队一起聊聊你们合作得怎么样。

submit = 提交我的回答
try-again = 再试一次
sending = 正在发送您的回答…
sent-title = 谢谢您
sent-body = 您的回答已经发给您的医护团队了。
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = 您的分数
score-out-of = { $value } 分，满分 { $high } 分
scores-note = 这些数字是根据您的回答算出来的。它们不是测试结果。您的医护团队也会看到这些数字，它们可以帮助您和医护团队一起聊聊现在情况怎么样。
failed-network = 我们没能发送您的回答。请检查您的网络连接，然后再试一次。您的回答还在这里。
failed-server = 我们现在没能发送您的回答。请稍等一下再试一次。您的回答还在这里。
failed-rejected = 您的回答没能被接收。请告诉您的医护团队。您的回答还在这里。

# Shown while a send waits to be retried; the answers are stored on the device. The widget retries by itself.
queued-offline = 您的回答已经保存在这台设备上。等您重新连上网络，我们就会发送。
queued-retry = 我们暂时还没能发送您的回答。回答已经保存在这台设备上，我们很快会再试一次。
# Shown after a page reload brought back answers given earlier.
draft-restored = 我们保留了您之前填写的回答，您可以从上次停下的地方接着填。
# Shown under the privacy note when the portal asked the widget to store nothing (shared devices).
privacy-none = 您在这里输入的内容都不会保存在这台设备上。

error-summary-title = 请检查 { $count } 个回答

issue-required = 请回答这个问题。
issue-below-min = 请填写 { $min } 或更大的数字。
issue-above-max = 请填写 { $max } 或更小的数字。
issue-too-long = 请不要超过 { $max } 个字。
issue-too-short = 请至少写 { $min } 个字。
issue-no-match = 请检查这个回答。它的写法不符合这个问题的要求。
issue-no-match-example = 请按这样的格式填写：{ $example }
issue-not-whole-number = 请填写整数，比如 3。
issue-not-number = 请填写数字，比如 3 或 3.5。
issue-wrong-type = 请选择其中一个答案。
issue-not-date = 请填写完整日期：年、月、日。
issue-not-time = 请填写时间：小时和分钟。
issue-not-date-time = 请填写完整的日期和时间。
issue-no-unit = 请同时填写单位，比如天或千克。

option-own-words = 其他

characters-left = 还可以写 { $count } 个字

yes = 是
no = 否
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $value } 分，满分 { $max } 分

group-number = 第 { $number } 个，共 { $count } 个
group-add = 再添加一个
group-remove = 删除此项
group-remove-confirm = 删除这一项及其回答吗？
group-remove-yes = 是，删除
group-remove-no = 不，保留

link-new-tab = 在新标签页中打开
calculated-note = 根据您的回答计算得出。
calculated-pending = 回答所需的问题后会显示。
quantity-unit = 单位

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = 抱歉，这份问卷现在无法显示。
config-error-help = 请告诉您的医护团队。以下是给诊所网站团队的技术信息：
