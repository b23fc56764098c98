//! Values the patient reads but does not change, drawn in the `controls` chunk: a calculated
//! item's (SDC `calculatedExpression`, worked out by [`super::calculated`]) and a read-only
//! item's (FHIR `readOnly` with an `initial` value, given by the definition). Both are sent.

use leptos::prelude::*;
use rapport_core::answers::AnswerValue;
use rapport_core::definition::{ItemKind, Questionnaire};
use wasm_bindgen::JsValue;

use super::{adopt_sheet, attr, label_dom_id};
use crate::session::Session;

/// A value the patient reads but does not change: a calculated item's (an `output`, which
/// screen readers announce as it changes, with a note that it is worked out from the answers)
/// or a read-only item's (the definition's, shown once it has one). A hidden item is never
/// drawn.
pub fn view(s: Session, pos: usize) -> AnyView {
    adopt_sheet(s, &SHEET, STYLES);
    let loaded = s.loaded();
    let q = loaded.definition.clone();
    let Some(item) = q.items.get(pos).filter(|i| !i.hidden) else {
        return ().into_any();
    };
    let label = s.strings_untracked().item(&q, item);
    let link_id = item.link_id.clone();
    let calculated = item.calculated;
    let testid = format!(
        "{}-{link_id}",
        if calculated {
            "calculated"
        } else {
            "read-only"
        }
    );
    // The value, and under a calculated one a note: that it is worked out from the answers,
    // or (until the answers it needs are given, when there is no value) that it will show then.
    let value = {
        let link_id = link_id.clone();
        move || {
            let strings = s.strings();
            s.with_answers(|a| a.get(&link_id).map(|v| shown(&strings, &q, pos, v)))
                .unwrap_or_default()
        }
    };
    let answered = {
        let link_id = link_id.clone();
        move || s.with_answers(|a| a.get(&link_id).is_some())
    };
    let note = {
        let answered = answered.clone();
        move || {
            s.strings().t(if answered() {
                "calculated-note"
            } else {
                "calculated-pending"
            })
        }
    };
    let row = move || {
        view! {
            <div class="calculated" {attr("part", "calculated")} data-testid=testid.clone()>
                <span class="legend-text" {attr("id", label_dom_id(pos))}>{label.clone()}</span>
                <output class="calculated-value" {attr("aria-labelledby", label_dom_id(pos))}>{value.clone()}</output>
                {calculated.then(|| view! { <span class="calculated-note">{note.clone()}</span> })}
            </div>
        }
    };
    // A read-only value with nothing to show (a draft from before the definition gave one)
    // is not an empty box.
    (move || (calculated || answered()).then(row.clone())).into_any()
}

/// A value as the patient reads it: numbers in their language's digits, a choice
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
                // None listed: the unit in words the definition gives with the value, if any.
                match unit.or_else(|| (units.is_empty() && !code.is_empty()).then(|| code.clone()))
                {
                    Some(u) => format!("{} {u}", strings.number(*value)),
                    None => strings.number(*value),
                }
            }
            (_, AnswerValue::Integer(i)) => strings.number(*i as f64),
            (_, AnswerValue::Decimal(d)) => strings.number(*d),
            (_, AnswerValue::Boolean(b)) => strings.t(if *b { "yes" } else { "no" }),
            (_, AnswerValue::Date(t)) => {
                moment(&strings.tag, &format!("{t}T00:00:00Z"), t, Style::Day)
            }
            (_, AnswerValue::DateTime(t)) => moment(&strings.tag, t, t, Style::DayAndTime),
            (_, AnswerValue::Time(t)) => {
                moment(&strings.tag, &format!("1970-01-01T{t}Z"), t, Style::Time)
            }
            (_, AnswerValue::String(t)) => t.clone(),
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

/// What of a moment to write.
enum Style {
    /// The calendar day (a `date`, written for UTC: the day as given).
    Day,
    /// The day and the time, in the patient's own zone (a `dateTime` carries its offset).
    DayAndTime,
    /// The time of day (a `time`, written for UTC: the time as given).
    Time,
}

/// A date or time as the patient's language writes it (the browser's `Intl`: "30 November
/// 2026", "٣٠ نوفمبر ٢٠٢٦"), from `iso`, a moment JavaScript reads; `given` as written when
/// it is not whole (a partial date JavaScript would misread).
fn moment(tag: &str, iso: &str, given: &str, style: Style) -> String {
    use rapport_core::dates;
    let whole = match style {
        Style::Day => dates::is_date(given),
        Style::DayAndTime => dates::is_date_time(given),
        Style::Time => dates::is_time(given),
    };
    if !whole {
        return given.to_owned();
    }
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    if !matches!(style, Style::DayAndTime) {
        set("timeZone", "UTC");
    }
    if !matches!(style, Style::Time) {
        set("dateStyle", "long");
    }
    if !matches!(style, Style::Day) {
        set("timeStyle", "short");
    }
    date.to_locale_string(tag, &options).into()
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
