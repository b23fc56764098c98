//! Calculated items (SDC `calculatedExpression`: a total, a BMI, a risk figure): worked out
//! from the other answers by the core's FHIRPath ([`rapport_core::fhirpath`]) after every
//! change, shown read-only beside the questions, and sent. Also `initialExpression` (a value
//! an empty item starts with). The code, the core's evaluator and the styles are a
//! WebAssembly chunk of their own (`expressions`), fetched by [`load`] only for a definition
//! that has expressions: a bundled questionnaire's first render does not pay for them.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use rapport_core::answers::{AnswerValue, Answers};
use rapport_core::definition::{ErrorKind, ItemKind, Questionnaire};
use rapport_core::fhirpath::{Clock, Program};

use super::{adopt_sheet, attr, label_dom_id};
use crate::load::Loaded;
use crate::session::Session;

/// What the `expressions` chunk does, by function pointer (set once per page).
pub struct Expressions {
    /// Reads a definition's expressions and keeps them for it; `Err`: the developer's message
    /// for the ones Rapport cannot evaluate, each located.
    pub compile: fn(&Questionnaire) -> Result<(), String>,
    /// Works out the calculated items in `answers`, and what `enableWhenExpression`s show;
    /// `true` when either changed.
    pub calculate: fn(&Loaded, &mut Answers) -> bool,
    /// Gives unanswered items their `initialExpression` values.
    pub initial: fn(&Loaded, &mut Answers),
    /// Draws the calculated item at a position.
    pub view: fn(Session, usize) -> AnyView,
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
        view,
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
        if !p.calculates() && !p.shows() {
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

/// A calculated item: its words and its value, read-only (an `output`, which screen readers
/// announce as it changes), and a note that it is worked out from the answers.
fn view(s: Session, pos: usize) -> AnyView {
    adopt_sheet(s, &SHEET, STYLES);
    let loaded = s.loaded();
    let q = loaded.definition.clone();
    let Some(item) = q.items.get(pos).filter(|i| !i.hidden) else {
        return ().into_any();
    };
    let label = s.strings_untracked().item(&q, item);
    let link_id = item.link_id.clone();
    let testid = format!("calculated-{link_id}");
    // The value, and under it a note: that it is worked out from the answers, or (until the
    // answers it needs are given, when there is no value) that it will show then.
    let value = {
        let link_id = link_id.clone();
        move || {
            let strings = s.strings();
            s.with_answers(|a| a.get(&link_id).map(|v| shown(&strings, &q, pos, v)))
                .unwrap_or_default()
        }
    };
    let note = move || {
        let answered = s.with_answers(|a| a.get(&link_id).is_some());
        s.strings().t(if answered {
            "calculated-note"
        } else {
            "calculated-pending"
        })
    };
    view! {
        <div class="calculated" {attr("part", "calculated")} data-testid=testid>
            <span class="legend-text" {attr("id", label_dom_id(pos))}>{label}</span>
            <output class="calculated-value" {attr("aria-labelledby", label_dom_id(pos))}>{value}</output>
            <span class="calculated-note">{note}</span>
        </div>
    }
    .into_any()
}

/// A calculated value as the patient reads it: numbers in their language's digits, a choice
/// by its option's words, a quantity with its unit.
fn shown(strings: &crate::text::Strings, q: &Questionnaire, pos: usize, v: &AnswerValue) -> String {
    let item = q.items.get(pos);
    let words: Vec<String> = v
        .values()
        .iter()
        .map(|v| match (item.map(|i| &i.kind), v) {
            (Some(ItemKind::Choice { options, .. }), AnswerValue::Coding { code, .. }) => options
                .iter()
                .find(|o| &o.code == code)
                .map(|o| strings.option(q, o))
                .unwrap_or_else(|| code.clone()),
            (Some(ItemKind::Quantity { units }), AnswerValue::Quantity { value, code, .. }) => {
                let unit = units
                    .iter()
                    .find(|u| &u.code == code)
                    .map(|u| strings.option(q, u));
                match unit {
                    Some(u) => format!("{} {u}", strings.number(*value)),
                    None => strings.number(*value),
                }
            }
            (_, AnswerValue::Integer(i)) => strings.number(*i as f64),
            (_, AnswerValue::Decimal(d)) => strings.number(*d),
            (_, AnswerValue::Boolean(b)) => strings.t(if *b { "yes" } else { "no" }),
            (
                _,
                AnswerValue::String(t)
                | AnswerValue::Date(t)
                | AnswerValue::DateTime(t)
                | AnswerValue::Time(t),
            ) => t.clone(),
            _ => String::new(),
        })
        .collect();
    let mut out = words.join(", ");
    if let Some(unit) = item.and_then(|i| i.unit.as_ref()) {
        out.push(' ');
        out.push_str(&strings.words(q, unit));
    }
    out
}

thread_local! {
    static SHEET: std::cell::OnceCell<web_sys::CssStyleSheet> = const { std::cell::OnceCell::new() };
}

/// The read-only row: calm, in the question's own type, the value set apart from the words.
const STYLES: &str = "\
.calculated{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 16px;border:1px solid var(--_border);border-radius:var(--_radius);margin:0 0 16px;padding:12px 16px;background:var(--_surface-2)}\
.calculated .legend-text{flex:1 1 12em;font-weight:600;font-size:calc(1.05 * var(--_size))}\
.calculated-value{margin-inline-start:auto;font-variant-numeric:tabular-nums;font-weight:600;font-size:calc(1.05 * var(--_size))}\
.calculated-note{flex-basis:100%;color:var(--_muted);font-size:calc(0.875 * var(--_size))}";
