//! The only place where core types meet Leptos's reactivity: the answers, what the patient
//! typed into number fields, the language, the send status and the submission on its way,
//! held in one stored value with a trigger per part (see [`Held`]).
//!
//! It keeps state and tells readers; the rules are the core's, the submission and its
//! sending are [`crate::delivery`]'s. Data flows one way: components → session → delivery.

use rapport_core::strmap::StrMap;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::validate::progress;
use rapport_core::validate::{self, Issue, IssueCode};
use web_sys::HtmlElement;

#[cfg(rapport_split)]
use crate::config::FailCode;
use crate::control;
use crate::delivery::{self, DeliverySettings, Progress, SendStatus, Submission};
use crate::events;
use crate::load::Loaded;
use crate::store;
use crate::text::Strings;

/// Gives the session's definition the instances of repeating groups that a stored draft (its
/// JSON) holds, before the draft is read.
pub type Fit = fn(Session, &serde_json::Value);

/// Reads what the patient typed into a number, date or time field, or the rows of one that
/// repeats (`validate::parse_typed`), with the browser's UTC offset at a local date and time.
/// Handed in by the `controls` chunk, which holds that code: a first render without such a
/// field does not carry it.
pub type ReadTyped = fn(
    &rapport_core::definition::ItemKind,
    &str,
    &dyn Fn(&str) -> i32,
) -> Result<Option<AnswerValue>, IssueCode>;

/// The state of one session, in one stored value, with a [`Trigger`] per part to tell its
/// readers (not a signal per part: docs/size.md, "Rules for the widget's view code"). Read and
/// write it through [`Session`]'s methods.
pub(crate) struct Held {
    loaded: Arc<Loaded>,
    host: HtmlElement,
    /// Where and how answers are delivered.
    delivery: Arc<DeliverySettings>,
    strings: Arc<Strings>,
    answers: Answers,
    /// What the patient typed into number fields, with the reason it is not a number yet.
    typed: StrMap<(String, Option<IssueCode>)>,
    /// Which items `enableWhen` shows, by position: computed once per change of the answers
    /// and read by every item (each item computing it would make an answer cost O(n²)).
    enabled: Vec<bool>,
    /// What is wrong with the answers now, in question order.
    issues: Vec<Issue>,
    /// Whether to show problems (after the first submit attempt).
    show_errors: bool,
    /// Whether answers given earlier were brought back from a draft (and not sent yet).
    restored: bool,
    /// The submission on its way or refused, kept so that "try again" resends the same key.
    pending: Option<Rc<Submission>>,
    status: SendStatus,
}

/// One patient's session with one widget. Cheap to copy (handles only).
#[derive(Clone, Copy)]
pub struct Session {
    held: StoredValue<Rc<RefCell<Held>>, LocalStorage>,
    status_changed: Trigger,
    strings_changed: Trigger,
    answers_changed: Trigger,
    typed_changed: Trigger,
    enabled_changed: Trigger,
    issues_changed: Trigger,
    show_errors_changed: Trigger,
    restored_changed: Trigger,
    structure_changed: Trigger,
}

impl Session {
    /// The state, read through this one non-generic call (not `with_value(|h| …)`). Panics, as
    /// `with_value` would, if the widget is gone (only tasks that outlive it may see that, and
    /// they use [`Session::try_state`]). A borrow is never held across a call into the session.
    fn state(&self) -> Rc<RefCell<Held>> {
        self.held.get_value()
    }

    /// The state, or `None` once the widget is unmounted.
    fn try_state(&self) -> Option<Rc<RefCell<Held>>> {
        self.held.try_get_value()
    }

    pub fn loaded(&self) -> Arc<Loaded> {
        self.state().borrow().loaded.clone()
    }

    pub fn delivery(&self) -> Arc<DeliverySettings> {
        self.state().borrow().delivery.clone()
    }

    pub(crate) fn host(&self) -> HtmlElement {
        self.state().borrow().host.clone()
    }

    /// The submission on its way, refused, or delivered (its scores are the thank-you's).
    pub fn pending(&self) -> Option<Rc<Submission>> {
        self.state().borrow().pending.clone()
    }

    fn set_pending(&self, pending: Option<Rc<Submission>>) {
        self.change(|h| {
            h.pending = pending;
            &[]
        });
    }

    /// The send status; reactive.
    pub fn status(&self) -> SendStatus {
        self.status_changed.track();
        self.status_untracked()
    }

    pub fn status_untracked(&self) -> SendStatus {
        self.try_state()
            .map_or(SendStatus::Idle, |h| h.borrow().status.clone())
    }

    pub fn set_status(&self, status: SendStatus) {
        self.change(|h| {
            h.status = status;
            &[|s| s.status_changed]
        });
    }

    /// (answered, total) of the questions shown now; reactive (it reads the answers). A method,
    /// not a memo: its readers are few and it is cheap.
    pub fn progress(&self) -> (usize, usize) {
        self.answers_changed.track();
        let h = self.state();
        let h = h.borrow();
        progress(&h.loaded.definition, &h.answers)
    }

    pub fn new(
        loaded: Arc<Loaded>,
        strings: Arc<Strings>,
        host: HtmlElement,
        settings: DeliverySettings,
    ) -> Self {
        let answers = Answers::new();
        let typed = StrMap::new();
        let enabled = rapport_core::enable::enabled_items(&loaded.definition, &answers);
        let issues = issues_of(&loaded.definition, &answers, &typed, &enabled);
        Session {
            held: StoredValue::new_local(Rc::new(RefCell::new(Held {
                loaded,
                host,
                delivery: Arc::new(settings),
                strings,
                answers,
                typed,
                enabled,
                issues,
                show_errors: false,
                restored: false,
                pending: None,
                status: SendStatus::Idle,
            }))),
            status_changed: Trigger::new(),
            strings_changed: Trigger::new(),
            answers_changed: Trigger::new(),
            typed_changed: Trigger::new(),
            enabled_changed: Trigger::new(),
            issues_changed: Trigger::new(),
            show_errors_changed: Trigger::new(),
            restored_changed: Trigger::new(),
            structure_changed: Trigger::new(),
        }
    }

    /// Tracks changes of the definition's structure (instances of repeating groups added or
    /// taken out); the positions of items change with it.
    pub fn structure(&self) {
        self.structure_changed.track();
    }

    /// Replaces the definition by `definition`, the one loaded with other instances of its
    /// repeating groups (`definition::instances`), and renames the answers and typed texts by
    /// `rename` (`None`: the instance they were in was taken out). Readers of the structure
    /// draw the items again. The draft is saved when `save` (the patient added or took out an
    /// instance), not when a draft is being brought back (it would be overwritten before it is
    /// read).
    pub fn restructure(
        &self,
        definition: rapport_core::definition::Questionnaire,
        rename: &dyn Fn(&str) -> Option<String>,
        save: bool,
    ) {
        self.change(|h| {
            let mut answers = Answers::new();
            let mut kept = Vec::new();
            for (k, v) in h.answers.iter() {
                if let Some(k) = rename(k) {
                    answers.set(&k, Some(v.clone()));
                }
            }
            // An instance the patient adds starts with the definition's initial values (the
            // items no key of the old instances was renamed to).
            if save {
                kept.extend(
                    h.loaded
                        .definition
                        .items
                        .iter()
                        .filter_map(|i| rename(&i.link_id)),
                );
                for (item, v) in definition.initial_answers() {
                    if !kept.contains(&item.link_id) {
                        answers.set(&item.link_id, Some(v.clone()));
                    }
                }
            }
            let mut loaded = (*h.loaded).clone();
            loaded.definition = Arc::new(definition);
            h.loaded = Arc::new(loaded);
            h.answers = answers;
            let mut typed = StrMap::new();
            for (k, v) in h.typed.iter() {
                if let Some(k) = rename(k) {
                    typed.insert(k, v.clone());
                }
            }
            h.typed = typed;
            &[|s| s.answers_changed, |s| s.typed_changed]
        });
        self.recheck();
        self.structure_changed.notify();
        if save {
            self.save_draft();
        }
    }

    /// Changes the state and tells the readers of the parts that changed (after the change,
    /// so a reader never sees half of it). Nothing happens once the widget is unmounted.
    fn change(&self, f: impl FnOnce(&mut Held) -> &'static [fn(&Session) -> Trigger]) {
        let Some(state) = self.try_state() else {
            return;
        };
        let triggers = f(&mut state.borrow_mut());
        for t in triggers {
            t(self).notify();
        }
    }

    /// After the answers or the typed text changed: which items are shown and what is wrong,
    /// told only to their readers if they changed.
    fn recheck(&self) {
        let Some(state) = self.try_state() else {
            return;
        };
        let (enabled, issues, calculated) = {
            let h = &mut *state.borrow_mut();
            // Calculated items follow the answers (the `expressions` chunk, when loaded).
            let calculated = match crate::components::calculated::get() {
                Some(e) if h.loaded.base.expressions.is_some() => {
                    (e.calculate)(&h.loaded, &mut h.answers)
                }
                _ => false,
            };
            let def = &h.loaded.definition;
            let enabled = rapport_core::enable::enabled_items(def, &h.answers);
            let issues = issues_of(def, &h.answers, &h.typed, &enabled);
            let changed = (enabled != h.enabled, issues != h.issues);
            h.enabled = enabled;
            h.issues = issues;
            (changed.0, changed.1, calculated)
        };
        if calculated {
            self.answers_changed.notify();
        }
        if enabled {
            self.enabled_changed.notify();
        }
        if issues {
            self.issues_changed.notify();
        }
    }

    /// The strings of the language shown; reactive.
    pub fn strings(&self) -> Arc<Strings> {
        self.strings_changed.track();
        self.strings_untracked()
    }

    pub fn strings_untracked(&self) -> Arc<Strings> {
        self.state().borrow().strings.clone()
    }

    pub fn set_strings(&self, strings: Arc<Strings>) {
        self.change(|h| {
            h.strings = strings;
            &[|s| s.strings_changed]
        });
    }

    /// Reads the answers; reactive.
    pub fn with_answers<R>(&self, f: impl FnOnce(&Answers) -> R) -> R {
        self.answers_changed.track();
        f(&self.state().borrow().answers)
    }

    /// Whether the answer to `link_id` is `value` now; not reactive (a radio button's checked
    /// state when it is drawn: the browser keeps it from then on).
    pub fn answer_is(&self, link_id: &str, value: &AnswerValue) -> bool {
        self.state().borrow().answers.get(link_id) == Some(value)
    }

    pub fn answers_untracked(&self) -> Answers {
        self.state().borrow().answers.clone()
    }

    /// Replaces all answers (a draft brought back).
    pub fn set_answers(&self, answers: Answers) {
        self.change(|h| {
            h.answers = answers;
            &[|s| s.answers_changed]
        });
        self.recheck();
    }

    /// The text typed into a number field, if any; reactive.
    pub fn typed_text(&self, link_id: &str) -> Option<String> {
        self.typed_changed.track();
        let h = self.state();
        let text = h.borrow().typed.get(link_id).map(|(text, _)| text.clone());
        text
    }

    /// Every typed text, by link id (for the draft).
    pub fn typed_untracked(&self) -> Vec<(String, String)> {
        let h = self.state();
        let typed = h
            .borrow()
            .typed
            .iter()
            .map(|(id, (text, _))| (id.to_owned(), text.clone()))
            .collect();
        typed
    }

    /// Whether the item at `pos` is shown (`enableWhen`); reactive.
    pub fn is_enabled(&self, pos: usize) -> bool {
        self.enabled_changed.track();
        let h = self.state();
        let enabled = h.borrow().enabled.get(pos).copied().unwrap_or(false);
        enabled
    }

    /// Reads what is wrong with the answers now; reactive.
    pub fn with_issues<R>(&self, f: impl FnOnce(&[Issue]) -> R) -> R {
        self.issues_changed.track();
        f(&self.state().borrow().issues)
    }

    /// Whether problems are shown (after the first submit attempt); reactive.
    pub fn show_errors(&self) -> bool {
        self.show_errors_changed.track();
        self.state().borrow().show_errors
    }

    /// Whether answers were brought back from a draft and not sent yet; reactive.
    pub fn restored(&self) -> bool {
        self.restored_changed.track();
        self.state().borrow().restored
    }

    pub fn set_restored(&self, restored: bool) {
        self.change(|h| {
            h.restored = restored;
            &[|s| s.restored_changed]
        });
    }

    /// Records an answer (or clears it) and tells the host (ids and counts only).
    pub fn set_answer(&self, link_id: &str, value: Option<AnswerValue>) {
        if self.status_untracked().in_flight() {
            return; // frozen until delivered or refused (the inputs are disabled meanwhile)
        }
        self.change(|h| {
            h.answers.set(link_id, value);
            &[|s| s.answers_changed]
        });
        self.recheck();
        // Answers changed after a refused send: the next attempt is a new submission, which
        // supersedes the refused one. Its outbox entry goes too (one is left on the device when
        // the sending chunk itself could not run after a reload), or a later visit would send
        // it beside the new one, under another key. The answers stay in the draft.
        if matches!(self.status_untracked(), SendStatus::Failed(_)) {
            if let Some(old) = self.pending() {
                let settings = self.delivery();
                store::remove(
                    settings.policy,
                    &store::outbox_key(&settings.prefix, &old.key),
                );
            }
            self.set_pending(None);
            self.set_status(SendStatus::Idle);
        }
        self.save_draft();
        let (answered, total) = untrack(|| self.progress());
        events::Detail::new()
            .text(
                "linkId",
                rapport_core::definition::instances::link_id_of(link_id),
            )
            .number("answered", answered as f64)
            .number("total", total as f64)
            .dispatch(&self.host(), "rapport-change");
    }

    /// Records what the patient typed into a number, date or time field. `bad_input`: the
    /// browser's own date or time control holds something unfinished (its value is then
    /// empty), which is said rather than taken for no answer; it is not kept in the draft.
    pub fn set_typed(
        &self,
        link_id: &str,
        kind: &rapport_core::definition::ItemKind,
        text: String,
        bad_input: bool,
        read: ReadTyped,
    ) {
        let parsed = if bad_input {
            Err(validate::not_typed(kind))
        } else {
            // A local date and time gets the browser's offset on that day.
            read(kind, &text, &crate::intl::utc_offset_at)
        };
        // A quantity's number keeps the unit its answer has (chosen, or from the draft), unless
        // the patient writes the unit (it is in the text). The answers are looked at for a
        // quantity only: this runs on every key typed.
        let listed = matches!(kind, rapport_core::definition::ItemKind::Quantity { units } if !units.is_empty());
        let parsed = match parsed {
            Ok(Some(AnswerValue::Quantity {
                value,
                system,
                code,
            })) if listed => {
                let (system, code) = match self.answers_untracked().get(link_id) {
                    Some(AnswerValue::Quantity { system, code, .. }) => {
                        (system.clone(), code.clone())
                    }
                    _ => (system, code),
                };
                Ok(Some(AnswerValue::Quantity {
                    value,
                    system,
                    code,
                }))
            }
            parsed => parsed,
        };
        let issue = parsed.as_ref().err().cloned();
        self.change(|h| {
            h.typed.insert(link_id.to_owned(), (text, issue));
            &[|s| s.typed_changed]
        });
        self.recheck();
        self.set_answer(link_id, parsed.ok().flatten());
    }

    /// The issue to show for an item, if problems are shown.
    pub fn issue_for(&self, link_id: &str) -> Option<IssueCode> {
        if !self.show_errors() {
            return None;
        }
        self.with_issues(|list| {
            list.iter()
                .find(|i| i.link_id == link_id)
                .map(|i| i.code.clone())
        })
    }

    /// Writes the draft (answers and unfinished number text) under the storage policy.
    fn save_draft(&self) {
        let (settings, loaded) = (self.delivery(), self.loaded());
        store::save_draft(
            settings.policy,
            &store::draft_key(&settings.prefix, &loaded.instrument_id, &settings.instance),
            &loaded.definition,
            &self.answers_untracked(),
            &self.typed_untracked(),
        );
    }

    /// On mount: brings back a draft, and resumes this widget's undelivered submission.
    /// `fit` gives the definition with the instances of repeating groups a draft holds (from
    /// the `controls` chunk, loaded whenever a group repeats).
    pub fn resume(&self, fit: Option<Fit>, read: Option<ReadTyped>) {
        let (settings, loaded) = (self.delivery(), self.loaded());
        let key = store::draft_key(&settings.prefix, &loaded.instrument_id, &settings.instance);
        let draft = store::load_draft(settings.policy, &key, settings.draft_expiry_ms);
        if let (Some(fit), Some(d)) = (fit, &draft) {
            fit(*self, d);
        }
        let loaded = self.loaded();
        let q = &loaded.definition;
        if let Some((answers, typed)) = draft
            .as_ref()
            .and_then(|d| rapport_core::delivery::draft_from_json(q, d))
        {
            let any = !answers.is_empty() || !typed.is_empty();
            self.set_answers(answers);
            for (id, text) in typed {
                if let (Some(item), Some(read)) =
                    (q.position(&id).and_then(|p| q.items.get(p)), read)
                {
                    self.set_typed(&id, &item.kind, text, false, read);
                }
            }
            if any {
                self.set_restored(true);
            }
        }
        // The definition's initial values on a first visit, and a read-only one always (it is
        // the definition's, not the patient's); then the expressions' (`initialExpression`)
        // and the calculated items worked out (`set_answers` rechecks).
        let mut answers = self.answers_untracked();
        let given = crate::components::question::give_initial(q, &mut answers, draft.is_none());
        let expressions =
            crate::components::calculated::get().filter(|_| loaded.base.expressions.is_some());
        if let Some(e) = expressions.filter(|_| draft.is_none()) {
            (e.initial)(&loaded, &mut answers);
        }
        if given || expressions.is_some() {
            self.set_answers(answers);
        }
        if let Some(entry) = delivery::outbox_entry(&settings, &loaded.instrument_id) {
            let submission = Rc::new(Submission::from_outbox(&entry));
            self.set_pending(Some(submission.clone()));
            self.send(entry, submission);
        }
    }

    /// Submits: shows the problems if there are any, otherwise hands the submission (made once,
    /// then kept for "try again") to [`delivery::send`]. Returns `false` when there were
    /// problems to show.
    pub fn submit(&self) -> bool {
        match self.status_untracked() {
            // A double tap: the first one is already on its way.
            SendStatus::Sending | SendStatus::Sent => return true,
            // "Try again" while waiting for a retry: retry now.
            SendStatus::Queued { .. } => {
                control::wake_all();
                return true;
            }
            SendStatus::Idle | SendStatus::Failed(_) | SendStatus::NoKey => {}
        }
        if !self.state().borrow().issues.is_empty() {
            self.change(|h| {
                h.show_errors = true;
                &[|s| s.show_errors_changed]
            });
            return false;
        }
        let submission = match self.pending() {
            Some(p) => p,
            None => {
                // Making the key and building the envelope are in a chunk fetched after first
                // render (normally already here). "Sending" until it runs, so a double tap
                // waits; if it cannot be loaded, [`sending_loaded`] waits for the network, the
                // answers untouched (only in the draft: the submission is made by the chunk).
                let session = *self;
                #[cfg(rapport_split)]
                leptos::task::spawn_local(async move {
                    if sending_loaded(session, false).await
                        && build_and_send(session).await.is_err()
                    {
                        session.set_status(SendStatus::Failed(delivery::FailKind::Network));
                    }
                });
                #[cfg(not(rapport_split))]
                let _ = build_and_send(session);
                return true;
            }
        };
        let (settings, loaded) = (self.delivery(), self.loaded());
        let entry = submission.outbox_entry(&settings, &loaded.instrument_id);
        self.send(entry, submission);
        true
    }

    /// Hands `entry` to [`delivery::send`], which is in the `sending` chunk (see
    /// [`build_and_send`]), once [`sending_loaded`]: after a reload offline, the outbox entry
    /// waits for the network like any other.
    fn send(&self, entry: rapport_core::delivery::OutboxEntry, submission: Rc<Submission>) {
        #[cfg(rapport_split)]
        let saved = {
            let settings = self.delivery();
            settings.policy != store::Policy::None
                && store::get(
                    settings.policy,
                    &store::outbox_key(&settings.prefix, &entry.key),
                )
                .is_some()
        };
        let job = Box::new((entry, submission, self.loaded().version.clone()));
        let session = *self;
        #[cfg(rapport_split)]
        leptos::task::spawn_local(async move {
            if sending_loaded(session, saved).await && send_now(session, job).await.is_err() {
                session.set_status(SendStatus::Failed(delivery::FailKind::Network));
            }
        });
        #[cfg(not(rapport_split))]
        let _ = send_now(session, job);
    }

    /// A new submission of the answers now, with `key`.
    fn new_submission(&self, key: &str) -> Submission {
        let (settings, loaded, strings) =
            (self.delivery(), self.loaded(), self.strings_untracked());
        let q = &loaded.definition;
        let now: String = js_sys::Date::new_0().to_iso_string().into();
        let answers = self.answers_untracked();
        let display = |item: &rapport_core::definition::Item,
                       opt: &rapport_core::definition::AnswerOption| {
            // A choice whose options an `answerExpression` lists: the words of the option shown.
            let listed;
            let opt = match &item.kind {
                rapport_core::definition::ItemKind::Choice { options, .. }
                    if options.is_empty() =>
                {
                    listed = crate::components::calculated::listed(&loaded, &answers, item, opt)?;
                    &listed
                }
                _ => opt,
            };
            Some(rapport_core::i18n::strip_isolation(&strings.option(q, opt)))
        };
        Submission::build(
            q,
            &answers,
            &rapport_core::envelope::EnvelopeMeta {
                idempotency_key: key,
                instrument_id: &loaded.instrument_id,
                version: &loaded.version,
                language: &strings.tag,
                translation_status: &strings.status,
                submitted_at: &now,
                previous_scores: &settings.previous_scores,
                context: &settings.context,
                // The claims put the subject into the QuestionnaireResponse; the token itself
                // is put in just before each attempt (never stored).
                subject: settings.subject.as_ref().map(|claims| ("", claims)),
                // The workspace's version, the same one the loader shows as `version`.
                widget_version: Some(env!("CARGO_PKG_VERSION")),
            },
            &display,
        )
    }
}

/// The sending loop reports here: the status, and once delivered, no "answers kept" note.
impl Progress for Session {
    fn element(&self) -> Option<HtmlElement> {
        Some(self.try_state()?.borrow().host.clone())
    }

    fn settings(&self) -> Option<Arc<DeliverySettings>> {
        Some(self.try_state()?.borrow().delivery.clone())
    }

    fn report(&self, status: SendStatus) {
        if status == SendStatus::Sent {
            self.set_restored(false);
        }
        self.set_status(status);
    }
}

/// What is wrong with `answers`: the core's checks, where a number the patient typed that is not
/// a number yet wins over "required".
fn issues_of(
    def: &rapport_core::definition::Questionnaire,
    answers: &Answers,
    typed: &StrMap<(String, Option<IssueCode>)>,
    enabled: &[bool],
) -> Vec<Issue> {
    let mut issues = validate::validate(def, answers);
    for (pos, item) in def.items.iter().enumerate() {
        if !enabled.get(pos).copied().unwrap_or(false) {
            continue;
        }
        if let Some((_, Some(code))) = typed.get(&item.link_id) {
            issues.retain(|i| i.link_id != item.link_id);
            let at = issues
                .iter()
                .position(|i| def.position(&i.link_id).unwrap_or(0) > pos)
                .unwrap_or(issues.len());
            issues.insert(
                at,
                Issue {
                    link_id: item.link_id.clone(),
                    code: code.clone(),
                },
            );
        }
    }
    issues
}

/// The first send of a submission: making its idempotency key and building the envelope
/// (response, scores, JSON) are split off the main WebAssembly (`xtask/src/split.rs`), into the
/// chunk `sending`, fetched after the first render. `fallible`: a chunk that cannot be loaded
/// is an `Err` (tried again on the next call), not a trap.
#[cfg_attr(rapport_split, wasm_split_helpers::wasm_split(sending, fallible))]
fn build_and_send(session: Session) -> Result<(), wasm_split_helpers::SplitLoaderError> {
    let Some(key) = delivery::new_idempotency_key() else {
        // Said loudly, nothing sent; the answers stay here and in the draft.
        let e = delivery::no_key_error();
        events::config_failed(&session.host(), e.code(), &e.message);
        session.set_status(SendStatus::NoKey);
        return Ok(());
    };
    let p = Rc::new(session.new_submission(&key));
    session.set_pending(Some(p.clone()));
    let (settings, loaded) = (session.delivery(), session.loaded());
    let entry = p.outbox_entry(&settings, &loaded.instrument_id);
    delivery::send(session, entry, p, &loaded.version);
    Ok(())
}

/// Loads the `sending` chunk, waiting for the network like the delivery loop does: a chunk
/// that cannot be fetched (offline, a network or HTTP error) is tried again after the loop's
/// backoff, or at once when the browser comes back online or the patient taps "try again"
/// ([`control::wake_all`]); meanwhile the submission shows as queued (`saved`: its outbox entry
/// is on the device). `false` when it will not be loaded: the widget is gone, or the chunk was
/// altered (`integrity-failed`; it never runs, the answers stay, "try again" fetches it anew).
#[cfg(rapport_split)]
async fn sending_loaded(session: Session, saved: bool) -> bool {
    control::listen_online();
    session.set_status(SendStatus::Sending);
    let mut tries = 0;
    while load_sending().await.is_err() {
        let Some(host) = session.element() else {
            return false;
        };
        if let crate::net::NetError::Integrity(message) = crate::net::chunk_failure() {
            session.set_status(SendStatus::Failed(delivery::FailKind::Rejected));
            events::config_failed(&host, FailCode::IntegrityFailed.code(), &message);
            return false;
        }
        tries += 1;
        session.set_status(SendStatus::Queued {
            kind: delivery::FailKind::Network,
            saved,
        });
        let delay = rapport_core::delivery::backoff_ms(tries, js_sys::Math::random(), None);
        control::wait(Some(delay)).await;
        if session.element().is_none() {
            return false;
        }
        session.set_status(SendStatus::Sending);
    }
    true
}

/// [`delivery::send`] (the attempts, retries, events and host mode), in the same chunk.
/// `load_sending` loads the chunk without running anything ([`sending_loaded`]).
#[cfg_attr(
    rapport_split,
    wasm_split_helpers::wasm_split(sending, fallible, preload(load_sending))
)]
#[allow(clippy::type_complexity, clippy::boxed_local)]
fn send_now(
    session: Session,
    job: Box<(rapport_core::delivery::OutboxEntry, Rc<Submission>, String)>,
) -> Result<(), wasm_split_helpers::SplitLoaderError> {
    let (entry, mut submission, version) = *job;
    // Read back from the outbox after a reload: its scores and flags are read here, in the
    // chunk, before the first attempt (a submission without any is read again, harmlessly).
    if submission.scores.is_empty() && submission.flags.is_empty() {
        submission = Rc::new(submission.read_back());
        session.set_pending(Some(submission.clone()));
    }
    delivery::send(session, entry, submission, &version);
    Ok(())
}
