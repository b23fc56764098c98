//! Numbers through the browser's own `Intl`: plural categories (`Intl.PluralRules`), digits
//! (`Intl.NumberFormat`) and JSON number text (`String(n)`).
//!
//! The browser carries current CLDR data, so the widget ships none: no plural tables, no float
//! printer or parser in the WebAssembly (see `rapport_core::fluent` and `rapport_core::number`).
//! The `Intl` objects are made once per language and kept.

use rapport_core::fluent::{NumberRules, PluralCategory};
use serde_json::Value;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    #[derive(Clone)]
    type JsPluralRules;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "PluralRules", catch)]
    fn new(locale: &str) -> Result<JsPluralRules, JsValue>;
    #[wasm_bindgen(method)]
    fn select(this: &JsPluralRules, n: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    #[derive(Clone)]
    type JsNumberFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "NumberFormat", catch)]
    fn new(locale: &str) -> Result<JsNumberFormat, JsValue>;
    #[wasm_bindgen(method)]
    fn format(this: &JsNumberFormat, n: f64) -> String;

    /// `String(n)`: the shortest text that reads back as the same double.
    #[wasm_bindgen(js_name = String)]
    fn number_text(n: f64) -> String;
}

struct Formatters {
    lang: String,
    plural: Option<JsPluralRules>,
    number: Option<JsNumberFormat>,
}

thread_local! {
    static CACHE: RefCell<Vec<Formatters>> = const { RefCell::new(Vec::new()) };
}

/// The formatters of `lang` (handles to the cached JavaScript objects). Not generic over a
/// closure, so the cache's access code is compiled once.
fn formatters(lang: &str) -> (Option<JsPluralRules>, Option<JsNumberFormat>) {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let f = match cache.iter().position(|x| x.lang == lang) {
            Some(i) => &cache[i],
            None => {
                // An unknown or malformed tag makes the constructors throw; then the
                // English-like fallback below applies.
                cache.push(Formatters {
                    lang: lang.to_owned(),
                    plural: JsPluralRules::new(lang).ok(),
                    number: JsNumberFormat::new(lang).ok(),
                });
                &cache[cache.len() - 1]
            }
        };
        (f.plural.clone(), f.number.clone())
    })
}

/// Plural categories and digits from the browser.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserNumbers;

impl NumberRules for BrowserNumbers {
    fn plural(&self, lang: &str, n: f64) -> PluralCategory {
        match formatters(lang).0 {
            Some(p) => PluralCategory::from_name(&p.select(n)).unwrap_or(PluralCategory::Other),
            None if n == 1.0 => PluralCategory::One,
            None => PluralCategory::Other,
        }
    }

    fn format(&self, lang: &str, n: f64) -> String {
        match formatters(lang).1 {
            Some(nf) => nf.format(n),
            None => number_text(n),
        }
    }
}

/// `n` as JSON or an input's value would have it (ASCII digits, shortest exact form).
pub fn plain_number(n: f64) -> String {
    number_text(n)
}

/// The browser's UTC offset in minutes east of UTC at a local date and time
/// (`YYYY-MM-DDThh:mm`, seconds optional, read as local time by `new Date`): with daylight saving time it
/// depends on the day, so it is taken for the moment the patient entered, not for now.
pub fn utc_offset_at(local: &str) -> i32 {
    let behind = js_sys::Date::new(&JsValue::from_str(local)).get_timezone_offset();
    if behind.is_finite() {
        -(behind as i32)
    } else {
        0
    }
}

/// Compact JSON text of `v`, with the browser printing the non-integer numbers.
pub fn json_text(v: &Value) -> String {
    rapport_core::json::to_string(v, &plain_number)
}
