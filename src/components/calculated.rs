//! Calculated items (SDC `calculatedExpression`: a total, a BMI, a risk figure): worked out
//! from the other answers by the core's FHIRPath ([`rapport_core::fhirpath`]) after every
//! change and sent (drawn read-only by [`super::read_only`]). Also `initialExpression` (a value
//! an empty item starts with), constraints, and a choice's options that an `answerExpression`
//! lists from the answers. The code and the core's evaluator are a WebAssembly chunk of
//! their own (`expressions`), fetched by [`load`] only for a definition that has expressions:
//! a bundled questionnaire's first render does not pay for them.

use std::cell::{Cell, RefCell};

use rapport_core::answers::Answers;
use rapport_core::definition::{AnswerOption, ErrorKind, Item, Questionnaire};
use rapport_core::fhirpath::{Clock, Program};

use crate::load::Loaded;

/// What the `expressions` chunk does, by function pointer (set once per page).
pub struct Expressions {
    /// Reads a definition's expressions and keeps them for it; `Err`: the developer's message
    /// for the ones Rapport cannot evaluate, each located.
    pub compile: fn(&Questionnaire) -> Result<(), String>,
    /// Works out the calculated items in `answers`, what `enableWhenExpression`s show and which
    /// constraints the answers break; `true` when any of them changed.
    pub calculate: fn(&Loaded, &mut Answers) -> bool,
    /// Gives unanswered items their `initialExpression` values.
    pub initial: fn(&Loaded, &mut Answers),
    /// Draws a choice whose options an `answerExpression` lists.
    pub(super) listed_choice: fn(&super::question::Field<'_>, &Item) -> leptos::prelude::AnyView,
    /// Draws the words of the warning (a constraint of severity `warning`) the answers to the
    /// item at a position break, while they do (`None`: the item has no warning).
    /// With `true`, a group's issue (its constraint of severity `error`), drawn under its title.
    pub(super) warning:
        fn(crate::session::Session, usize, bool) -> Option<leptos::prelude::AnyView>,
    /// The option an `answerExpression` lists for the answers that has the code of the one given.
    listed: fn(&Loaded, &Answers, &Item, &AnswerOption) -> Option<AnswerOption>,
}

thread_local! {
    /// The chunk's functions, once loaded (a plain cell: cheaper in the first render's code
    /// than a `OnceLock`; the widget has one thread).
    static EXPRESSIONS: Cell<Option<&'static Expressions>> = const { Cell::new(None) };
    /// Each definition's expressions, read, by the definition's address (a loaded definition
    /// lives in an `Arc` and never moves). Kept in the chunk, so that the first render's code
    /// neither holds nor drops them.
    static PROGRAMS: RefCell<Vec<(usize, Program)>> = const { RefCell::new(Vec::new()) };
}

/// The chunk, once loaded.
pub fn get() -> Option<&'static Expressions> {
    EXPRESSIONS.with(Cell::get)
}

/// Fetches the chunk (once per page) for a definition with expressions, then reads them: the
/// page's message when the chunk does not load; the developer's message when an expression
/// cannot be evaluated.
pub async fn load(q: &Questionnaire) -> Result<(), Result<&'static str, String>> {
    let e = match get() {
        Some(e) => e,
        None => {
            #[cfg(rapport_split)]
            let e = expressions().await;
            #[cfg(not(rapport_split))]
            let e = expressions();
            let e: &'static Expressions = Box::leak(e.map_err(|_| Ok("a part of the widget this questionnaire needs did not load (pkg/split_expressions…); serve the whole dist/ folder next to rapport.js"))?);
            EXPRESSIONS.with(|c| c.set(Some(e)));
            e
        }
    };
    (e.compile)(q).map_err(Err)
}

/// The `expressions` chunk's entry.
#[cfg_attr(rapport_split, wasm_split_helpers::wasm_split(expressions, fallible))]
fn expressions() -> Result<Box<Expressions>, wasm_split_helpers::SplitLoaderError> {
    Ok(Box::new(Expressions {
        compile,
        calculate,
        initial,
        listed_choice: super::question::listed_choice,
        warning: super::question::warning,
        listed: |loaded, answers, item, picked| {
            options(loaded, answers, &item.link_id)
                .into_iter()
                .find(|o| o.code == picked.code && o.system == picked.system)
        },
    }))
}

fn compile(q: &Questionnaire) -> Result<(), String> {
    match Program::compile(q) {
        Ok(Some(p)) => {
            let key = std::ptr::from_ref(q) as usize;
            PROGRAMS.with(|list| list.borrow_mut().push((key, p)));
            Ok(())
        }
        Ok(None) => Ok(()),
        Err(errors) => {
            let mut message = format!(
                "the questionnaire definition has {} problem(s) in its FHIRPath expressions:",
                errors.len()
            );
            // Written here rather than with the `problems` chunk's words (`DefinitionError`'s
            // Display): code shared by two chunks is a chunk of its own, one more file.
            for e in &errors {
                if let ErrorKind::BadExpression { extension, problem } = &e.kind {
                    message.push_str("\n at ");
                    message.push_str(&e.pointer);
                    message.push_str(": the FHIRPath of ");
                    message.push_str(extension);
                    message.push_str(" cannot be evaluated: ");
                    message.push_str(problem);
                }
            }
            message.push_str("\nfix: write each in the FHIRPath subset docs/fhir-support.md lists, or declare a total with Rapport's score extension");
            Err(message)
        }
    }
}

/// Runs `f` with the expressions of the definition `loaded` was loaded from, if read.
fn with_program<R>(loaded: &Loaded, f: impl FnOnce(&Program) -> R) -> Option<R> {
    let key = std::sync::Arc::as_ptr(&loaded.base) as usize;
    PROGRAMS.with(|list| {
        let list = list.borrow();
        list.iter().find(|(k, _)| *k == key).map(|(_, p)| f(p))
    })
}

/// The patient's day (local) and the moment, from the browser's clock.
fn with_clock<R>(f: impl FnOnce(Clock<'_>) -> R) -> R {
    // The local day: the moment shifted by the zone's offset, read as UTC (no more of the
    // browser's Date API in the first render's imports).
    let at = js_sys::Date::now();
    let d = js_sys::Date::new(&at.into());
    let now: String = d.to_iso_string().into();
    let shifted = at - d.get_timezone_offset() * 60_000.0;
    let local: String = js_sys::Date::new(&shifted.into()).to_iso_string().into();
    let today = local.get(..10).unwrap_or_default().to_owned();
    f(Clock {
        today: &today,
        now: &now,
    })
}

fn calculate(loaded: &Loaded, answers: &mut Answers) -> bool {
    with_program(loaded, |p| {
        if !p.calculates() && !p.shows() && !p.constrains() && !p.lists() {
            return false;
        }
        let before = answers.clone();
        with_clock(|clock| p.calculate(&loaded.definition, answers, clock));
        *answers != before
    })
    .unwrap_or(false)
}

fn initial(loaded: &Loaded, answers: &mut Answers) {
    let found = with_program(loaded, |p| {
        with_clock(|clock| p.initial(&loaded.definition, answers, clock))
    });
    for (key, value) in found.unwrap_or_default() {
        answers.set(&key, Some(value));
    }
}

/// The option of the item's `answerExpression` list (for `answers`) that was picked, with its
/// words (none before the chunk is loaded; it is before such a question is drawn).
pub fn listed(
    loaded: &Loaded,
    answers: &Answers,
    item: &Item,
    picked: &AnswerOption,
) -> Option<AnswerOption> {
    (get()?.listed)(loaded, answers, item, picked)
}

/// The options the `answerExpression` of the item `key` lists for `answers` (none before its
/// definition's expressions are read).
pub fn options(loaded: &Loaded, answers: &Answers, key: &str) -> Vec<AnswerOption> {
    with_program(loaded, |p| {
        with_clock(|clock| p.options(&loaded.definition, answers, key, clock))
    })
    .unwrap_or_default()
}
