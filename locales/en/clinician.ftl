# Rapport clinician's view: English (the reference locale).
# Status: source (written by the Rapport project; every other locale is translated from this file)
# Licence: CC0-1.0
#
# The pages clinicians see in the receiver at /clinician/. Plain, short words; the clinic's
# staff read them between sessions.

brand = Rapport for clinicians

signed-out-heading = Sign in to see your patients
signed-out-text = Use your clinic account. You will come back here when you have signed in.
sign-in-link = Sign in

signed-in-heading = Signed in
signed-in-text = You are signed in. Your start page opens now.
continue-link = Continue

signed-in-as = Signed in as { $name }
scope-care-team = You see the patients whose care team names you.
scope-whole-clinic = You see every patient of the clinic.
sign-out-button = Sign out

signed-out-done-heading = Signed out
signed-out-done-text = You are signed out of Rapport.

provider-down-heading = Sign-in is not available right now
provider-down-text = The clinic's sign-in service cannot be reached. Try again in a few minutes. If it keeps happening, tell the clinic's IT support.

sign-in-failed-heading = Sign-in did not work
sign-in-failed-text = The answer from the clinic's sign-in service could not be checked, so you are not signed in. Start again.
sign-in-expired-text = This sign-in took too long or was started elsewhere, so you are not signed in. Start again.
sign-in-refused-text = The clinic's sign-in service did not sign you in. Start again, or ask the clinic's IT support.

csrf-heading = This form has expired
csrf-text = Nothing was changed: the form was too old or did not come from this page. Go back to the start page and try again.

storage-heading = Something went wrong on our side
storage-text = The receiver could not reach its database. Try again in a minute.

start-link = Back to the start page

caseload-heading = Your patients
caseload-patient = Patient
caseload-last-answered = Last answered
caseload-scores = Latest scores
caseload-flags = Open alerts
caseload-none = None
caseload-empty = None of your patients has answered yet.
# A questionnaire's main score in the caseload, e.g. "After your session: 14 of 40".
caseload-score-of = { $title }: { $value } of { $high }
# The same for a score without a known range.
caseload-score = { $title }, { $score }: { $value }

## Patient page

patient-not-found-heading = Patient not found
patient-not-found-text = There is no patient at this address that you may see. Go back to your list of patients.
patient-back-link = Back to your patients
patient-empty = This patient has no answers yet.
patient-bundle-link = Download these answers for another health record system (FHIR, JSON)
patient-scores-heading = Scores over time
patient-items-heading = Answers, question by question
patient-flag-key = A diamond marks a session that raised an alert on this score.
patient-numbers = Show the numbers
patient-date = Date
patient-value = Score
patient-flags = Alerts
patient-none = None
patient-not-scored = Not scored (too few answers)
patient-item = Question
patient-trend = Change from first to last
patient-reversed = Counted reversed: a lower answer scores more points.
patient-trend-up = up { $by }
patient-trend-down = down { $by }
patient-trend-same = no change
patient-language = Language answered in
patient-language-status = { $language } ({ $status })
patient-status-source = original
patient-status-reviewed = reviewed translation
patient-status-draft = machine draft, not reviewed
patient-status-definition = the clinic's own text
patient-status-unknown = translation status unknown
patient-yes = Yes
patient-no = No
# Between the answers of a question that takes several (check boxes).
patient-list-separator = { "; " }
patient-chart-summary = { $score }: { $count } sessions, first { $first } on { $first-date }, last { $last } on { $last-date }. Possible range { $low } to { $high }.
patient-chart-empty = { $score }: no value yet.
patient-threshold-below = The line at { $value } marks the alert “{ $flag }”: raised when the score is below { $value }.
patient-threshold-at-or-below = The line at { $value } marks the alert “{ $flag }”: raised when the score is { $value } or lower.
## Exports

exports-heading = Exports
exports-text = Download the answers of your patients, one file per questionnaire, to open in a spreadsheet. The files hold health information: keep them only where the clinic keeps patient records.
exports-csv-link = { $instrument } (spreadsheet, CSV)
export-not-found-heading = Not found
export-not-found-text = There is nothing to export at this address, or it is not for you to see. Go back to the start page and choose again.
## Alerts
# The alerts on the start page: flags the patients' answers raised (as the questionnaire
# defines them) and patients who stopped answering. A prompt to talk, not a diagnosis.

alerts-heading = Open alerts
alerts-intro = Most important first, then the newest. An alert is a prompt to talk with the patient, not a diagnosis. Mark it reviewed when you have looked at it.
alerts-empty = No open alerts.
alert-severity = Importance
alert-severity-high = High
alert-severity-moderate = Moderate
alert-severity-low = Low
alert-detail = { $score }: { $value }. Raised { $rule }.
alert-detail-no-rule = { $score }: { $value }.
alert-no-value = not computed
alert-rule-score-below = when it is below { $threshold }
alert-rule-score-at-or-below = when it is { $threshold } or lower
alert-rule-item-at-or-below = when an answer is { $threshold } or lower
alert-rule-item-at-minimum = when an answer is at the lowest point of its scale
alert-rule-drop = when it drops by { $threshold } or more since the previous answers
alert-quiet = No answers for { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weeks
}
alert-quiet-detail = Answered { $count } times before, last on { $date }.
alert-quiet-reviewed = No answers after { $date }
alert-review-summary = Mark reviewed
alert-note-label = Note (optional)
alert-note-hint = Up to { $max } characters. Colleagues who see this patient can read it.
alert-review-button = Mark reviewed
alert-no-note = No note.
alerts-reviewed-heading = Recently reviewed
alerts-reviewed-empty = No alerts have been reviewed yet.
alert-reviewed-by = Reviewed by { $name } on { $when }
alert-note-too-long-heading = The note is too long
alert-note-too-long-text = Nothing was saved: a note can have up to 2000 characters. Go back, shorten it and try again.
alert-gone-heading = This alert is not open
alert-gone-text = Nothing was saved: the alert is not among your patients' open alerts. Go back to the start page to see them.

# Labels of the bundled questionnaires' flags: flag-<questionnaire>-<flag>.
flag-session-checkin-lowest-point = An answer at the lowest point
flag-session-checkin-dropped = Dropped since last time
flag-working-together-lowest-point = An answer at the lowest point
flag-working-together-dropped = Dropped since last time
flag-psychiatry-relationship-lowest-point = An answer at the lowest point
flag-psychiatry-relationship-dropped = Dropped since last time
