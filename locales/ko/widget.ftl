# Rapport widget strings: Korean, translated from the English reference (locales/en/widget.ftl).
# Status: draft (machine-assisted; not yet reviewed by a qualified translator)
# Licence: CC0-1.0
#
# Register: polite, warm 해요체 (e.g. "답해 주세요", "보내지 못했어요"), with 합니다 only in
# "감사합니다". No word for "you": Korean leaves it out, which reads more natural and polite.
# Script: Hangul. Plurals: Korean has only CLDR's "other" category, so the number messages are
# plain messages that keep the English $variables (counters 개 and 자).
# For a reviewer: "care team" is "진료팀"; "clinic" is "병원"; "whole number" is
# "소수점이 없는 숫자" (plainer than 정수); "could not be accepted" is "접수되지 않았어요".

# The language's own name, shown in the language switcher.
language-name = 한국어

language-label = 언어
required-mark = (필수)
optional-mark = (선택)

# Progress above the questions, e.g. "12개 중 3개 답변함".
progress = { $total }개 중 { $answered }개 답변함
questions-left = 남은 질문 { $count }개

privacy-note = 답변은 진료팀에 전달돼요. 진료팀과 함께 지금의 치료가 어떻게 되어 가고 있는지 이야기 나누는 데 도움이 돼요.

submit = 답변 보내기
try-again = 다시 시도하기
sending = 답변을 보내는 중이에요…
sent-title = 감사합니다
sent-body = 답변이 진료팀에 전달되었어요.
# Shown after sending only when the portal chose to show patients their scores (show-scores).
# $value is the score and $high the top of its scale, e.g. "4.2 out of 5".
your-scores = 내 점수
score-out-of = { $high }점 만점에 { $value }점
scores-note = 이 숫자는 작성하신 답변에서 나온 거예요. 검사 결과가 아니에요. 진료팀도 이 숫자를 봐요. 진료팀과 함께 지금의 치료가 어떻게 되어 가고 있는지 이야기 나눌 때 도움이 될 수 있어요.
failed-network = 답변을 보내지 못했어요. 인터넷 연결을 확인하고 다시 시도해 주세요. 작성하신 답변은 그대로 남아 있어요.
failed-server = 지금은 답변을 보내지 못했어요. 잠시 후에 다시 시도해 주세요. 작성하신 답변은 그대로 남아 있어요.
failed-rejected = 답변이 접수되지 않았어요. 진료팀에 알려 주세요. 작성하신 답변은 그대로 남아 있어요.

# Shown while a send waits to be retried; the answers are stored on the device. The widget retries by itself.
queued-offline = 답변이 이 기기에 저장되어 있어요. 인터넷에 다시 연결되면 보낼게요.
queued-retry = 아직 답변을 보내지 못했어요. 답변은 이 기기에 저장되어 있고, 곧 다시 보내 볼게요.
# Shown after a page reload brought back answers given earlier.
draft-restored = 전에 작성하신 답변을 남겨 두었어요. 멈춘 곳부터 이어서 작성하시면 돼요.
# Shown under the privacy note when the portal asked the widget to store nothing (shared devices).
privacy-none = 여기에 입력하신 내용은 이 기기에 저장되지 않아요.

error-summary-title = 답변 { $count }개를 확인해 주세요

issue-required = 이 질문에 답해 주세요.
issue-below-min = { $min } 이상의 숫자를 써 주세요.
issue-above-max = { $max } 이하의 숫자를 써 주세요.
issue-too-long = { $max }자 이하로 써 주세요.
issue-too-short = { $min }자 이상 써 주세요.
issue-no-match = 이 답을 확인해 주세요. 이 질문에 맞는 방식으로 쓰이지 않았어요.
issue-no-match-example = 답을 이렇게 써 주세요: { $example }
issue-not-whole-number = 3처럼 소수점이 없는 숫자를 써 주세요.
issue-not-number = 3이나 3.5처럼 숫자를 써 주세요.
issue-wrong-type = 답 중에서 하나를 골라 주세요.
issue-not-date = 날짜를 연도, 월, 일까지 모두 써 주세요.
issue-not-time = 시간을 시와 분까지 써 주세요.
issue-not-date-time = 날짜와 시간을 모두 써 주세요.
issue-no-unit = 일이나 kg처럼 단위도 써 주세요.

option-own-words = 다른 답

characters-left = { $count }자 남음

yes = 예
no = 아니요
# What a screen reader says for one number of a 0 to 10 row (the number is shown alone).
scale-value = { $max }점 만점에 { $value }점

group-number = { $count }개 중 { $number }번째
group-add = 하나 더 추가
group-remove = 이 항목 삭제
group-remove-confirm = 이 항목과 답변을 삭제할까요?
group-remove-yes = 예, 삭제합니다
group-remove-no = 아니요, 그대로 둡니다

link-new-tab = 새 탭에서 열림
calculated-note = 답변을 바탕으로 계산했습니다.
calculated-pending = 필요한 질문에 답하면 나타납니다.
quantity-unit = 단위

# Shown when the questionnaire could not be loaded. The technical detail below it is in
# English, for the clinic's web team.
config-error-title = 죄송해요. 지금은 이 설문지를 보여 드릴 수 없어요.
config-error-help = 진료팀에 알려 주세요. 병원 웹사이트 담당자를 위한 기술 정보:
