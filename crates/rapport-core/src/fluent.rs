//! Formatting Fluent messages: a small parser (`fluent/syntax.rs`) and a resolver over its AST.
//!
//! Why not `fluent-bundle`: it chooses plural forms with `intl_pluralrules`, whose generated
//! rules drop the modulo in `n % 10` and `n % 100` conditions, so Arabic, Lithuanian and
//! Romanian get the wrong form for numbers such as 22–29 (see `shared/research/i18n.md`); and
//! its CLDR tables, number formatting and number parsing cost the widget about 35 KB of gzip
//! WebAssembly (measured). Here the plural category and the digits of a number come from a
//! [`NumberRules`] the caller provides: the widget asks the browser's `Intl.PluralRules` and
//! `Intl.NumberFormat` (current CLDR data, no bytes shipped), and native code uses
//! [`PlainNumbers`].
//!
//! Why not `fluent-syntax` either (this resolver used to walk its AST): its generic parser and
//! full AST made the widget about 9 KB larger (3 KB gzip, measured) than `fluent/syntax.rs`,
//! which reads the same language the same way into an AST that keeps only what is resolved
//! below (see there for the one difference, a nesting limit). `tests/fluent_differential.rs`
//! checks that every message of every shipped file, and many tricky and random sources,
//! resolve to the same text as with `fluent-syntax`.
//!
//! What is resolved, as in Fluent's specification and `fluent-bundle`: text; placeables with
//! variables, string and number literals, message and attribute references, term references
//! with literal arguments, `NUMBER($var)`; select expressions on numbers (exact number keys,
//! then CLDR plural categories) and on strings; Unicode isolation (U+2068…U+2069) around
//! placeables in patterns of more than one element, except around message, term and string
//! literal placeables. Anything else (another function, a missing variable or message, a
//! reference cycle, more than [`MAX_PLACEABLES`] placeables) writes `{…}` in its place, as
//! `fluent-bundle` does; [`crate::i18n::Localizer::format`] never fails or panics.

mod syntax;

use crate::strmap::StrMap;
pub use syntax::MAX_NESTING;
use syntax::{Element, Entry, Expr, Item, Key, Pattern};

/// Most placeables one `format` call resolves, counting nested ones: bounds the work of a
/// hostile file (the "billion laughs" of message references). Same limit as `fluent-bundle`.
pub const MAX_PLACEABLES: usize = 100;

/// A CLDR cardinal plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`
    Other,
}

impl PluralCategory {
    /// The category's CLDR name, as written in variant keys (`[few]`).
    pub fn name(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// The category named `name` (as `Intl.PluralRules.prototype.select` returns it).
    pub fn from_name(name: &str) -> Option<PluralCategory> {
        Some(match name {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            "other" => PluralCategory::Other,
            _ => return None,
        })
    }
}

/// The number rules of a language: which plural form a number takes, and how it is written.
pub trait NumberRules: Send + Sync {
    /// The CLDR cardinal plural category of `n` in the language `lang` (a BCP 47 tag).
    fn plural(&self, lang: &str, n: f64) -> PluralCategory;
    /// `n` written for readers of `lang`, in that language's digits.
    fn format(&self, lang: &str, n: f64) -> String;
}

/// English-like rules for native code and tests: `one` for exactly 1, else `other`; ASCII digits.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlainNumbers;

impl NumberRules for PlainNumbers {
    fn plural(&self, _lang: &str, n: f64) -> PluralCategory {
        if n == 1.0 {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    }

    fn format(&self, _lang: &str, n: f64) -> String {
        crate::number::format_plain(n)
    }
}

/// A value passed to a message, or produced while resolving one.
#[derive(Clone, Debug)]
pub enum Arg {
    /// A number (plural selection works on numbers only).
    Number(f64),
    /// Text.
    Text(String),
}

/// The messages and terms of one language.
#[derive(Debug, Default)]
pub struct Bundle {
    messages: StrMap<Entry>,
    terms: StrMap<Entry>,
}

/// A problem with a Fluent source, by byte range in the source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceProblem {
    /// Byte offset where the problem starts.
    pub offset: usize,
    /// What is wrong, in English, for developers.
    pub message: String,
}

impl Bundle {
    /// An empty bundle.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the messages and terms of one FTL source. Syntax errors (where the error was found;
    /// the broken entry is skipped up to the next line that starts with a letter, `-` or `#`)
    /// and duplicate ids (at the second definition) are returned in source order; every valid
    /// entry is kept (a duplicate keeps the first definition). Only the offset is given for a
    /// syntax error: the words for it would cost the widget bytes, and `rapport-lint` says
    /// what is wrong.
    pub fn add_source(&mut self, source: &str) -> Vec<SourceProblem> {
        let mut problems = Vec::new();
        syntax::parse(source, |offset, item| {
            let (map, dash, id, entry) = match item {
                Item::Message(id, entry) => (&mut self.messages, "", id, entry),
                Item::Term(id, entry) => (&mut self.terms, "-", id, entry),
                Item::Junk => {
                    problems.push(SourceProblem {
                        offset,
                        message:
                            "this entry is not valid Fluent syntax (run rapport-lint for details)"
                                .into(),
                    });
                    return;
                }
            };
            if map.contains_key(id) {
                problems.push(SourceProblem {
                    offset,
                    message: format!("`{dash}{id}` is defined twice; the first definition is used"),
                });
            } else {
                map.insert(id.to_owned(), entry);
            }
        });
        problems
    }

    /// Whether the bundle has a message with this id.
    pub fn has_message(&self, id: &str) -> bool {
        self.messages.contains_key(id)
    }

    /// Formats message `id` (or its attribute `attr`). `None` when the bundle has no such
    /// message, the message has no value, or no such attribute.
    pub fn format(
        &self,
        id: &str,
        attr: Option<&str>,
        args: &[(&str, Arg)],
        lang: &str,
        rules: &dyn NumberRules,
    ) -> Option<String> {
        let pattern = entry_pattern(self.messages.get(id)?, attr)?;
        let mut scope = Scope {
            bundle: self,
            args,
            lang,
            rules,
            placeables: 0,
            depth: 0,
        };
        let mut out = String::new();
        scope.pattern(pattern, &mut out);
        Some(out)
    }
}

/// The value of a message or term, or one of its attributes.
fn entry_pattern<'m>(e: &'m Entry, attr: Option<&str>) -> Option<&'m Pattern> {
    match attr {
        None => e.value.as_ref(),
        Some(a) => e.attributes.iter().find(|(n, _)| n == a).map(|(_, p)| p),
    }
}

/// Most nested message and term references followed at once (a cycle stops here).
const MAX_DEPTH: usize = 16;

struct Scope<'a> {
    bundle: &'a Bundle,
    args: &'a [(&'a str, Arg)],
    lang: &'a str,
    rules: &'a dyn NumberRules,
    placeables: usize,
    depth: usize,
}

impl Scope<'_> {
    fn pattern(&mut self, p: &Pattern, out: &mut String) {
        let isolate = p.len() > 1;
        for el in p {
            match el {
                Element::Text(text) => out.push_str(text),
                Element::Placeable(e) => {
                    self.placeables += 1;
                    if self.placeables > MAX_PLACEABLES {
                        out.push_str("{…}");
                        return;
                    }
                    let isolate = isolate
                        && !matches!(e, Expr::Message { .. } | Expr::Term { .. } | Expr::Str(_));
                    if isolate {
                        out.push('\u{2068}');
                    }
                    self.expr(e, out);
                    if isolate {
                        out.push('\u{2069}');
                    }
                }
            }
        }
    }

    fn matches(&self, value: &Option<Arg>, key: &Key) -> bool {
        match (value, key) {
            (Some(Arg::Text(s)), Key::Name(name)) => s == name,
            (Some(Arg::Number(n)), Key::Number(k)) => *k == Some(*n),
            (Some(Arg::Number(n)), Key::Name(name)) => {
                self.rules.plural(self.lang, *n).name() == name
            }
            _ => false,
        }
    }

    /// The value of an expression where a value is needed (a selector, an argument).
    fn value(&mut self, e: &Expr) -> Option<Arg> {
        match e {
            Expr::Var(name) => self.arg(name).cloned(),
            Expr::Num(raw) => crate::number::parse_decimal(raw).map(Arg::Number),
            Expr::Str(s) => Some(Arg::Text(s.clone())),
            Expr::Function { id, first } if id == "NUMBER" => {
                match self.value(first.as_deref()?)? {
                    Arg::Number(n) => Some(Arg::Number(n)),
                    Arg::Text(t) => crate::number::parse_decimal(&t).map(Arg::Number),
                }
            }
            Expr::Function { .. } => None,
            other => {
                let mut s = String::new();
                self.expr(other, &mut s);
                Some(Arg::Text(s))
            }
        }
    }

    fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    fn expr(&mut self, e: &Expr, out: &mut String) {
        match e {
            Expr::Str(s) => out.push_str(s),
            Expr::Num(raw) => out.push_str(raw),
            Expr::Var(name) => match self.arg(name) {
                Some(Arg::Text(t)) => out.push_str(t),
                Some(Arg::Number(n)) => out.push_str(&self.rules.format(self.lang, *n)),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Expr::Function { id, .. } => match self.value(e) {
                Some(Arg::Number(n)) => out.push_str(&self.rules.format(self.lang, n)),
                Some(Arg::Text(t)) => out.push_str(&t),
                _ => {
                    out.push('{');
                    out.push_str(id);
                    out.push_str("()}");
                }
            },
            Expr::Message { id, attr } => {
                let pattern = self
                    .bundle
                    .messages
                    .get(id)
                    .and_then(|m| entry_pattern(m, attr.as_deref()));
                match pattern {
                    Some(p) if self.depth < MAX_DEPTH => {
                        self.depth += 1;
                        self.pattern(p, out);
                        self.depth -= 1;
                    }
                    _ => {
                        out.push('{');
                        out.push_str(id);
                        out.push('}');
                    }
                }
            }
            Expr::Term { id, attr, named } => {
                let pattern = self
                    .bundle
                    .terms
                    .get(id)
                    .and_then(|t| entry_pattern(t, attr.as_deref()));
                match pattern {
                    Some(p) if self.depth < MAX_DEPTH => {
                        // A term sees only the arguments written in its call.
                        let mut term_args: Vec<(&str, Arg)> = Vec::new();
                        for (name, value) in named {
                            if let Some(v) = self.value(value) {
                                term_args.push((name, v));
                            }
                        }
                        let mut inner = Scope {
                            bundle: self.bundle,
                            args: &term_args,
                            lang: self.lang,
                            rules: self.rules,
                            placeables: self.placeables,
                            depth: self.depth + 1,
                        };
                        inner.pattern(p, out);
                        self.placeables = inner.placeables;
                    }
                    _ => {
                        out.push_str("{-");
                        out.push_str(id);
                        out.push('}');
                    }
                }
            }
            Expr::Placeable(inner) => self.expr(inner, out),
            Expr::Select { selector, variants } => {
                let value = self.value(selector);
                let chosen = variants
                    .iter()
                    .find(|v| self.matches(&value, &v.key))
                    .or_else(|| variants.iter().find(|v| v.default));
                if let Some(v) = chosen {
                    self.pattern(&v.value, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// CLDR rules for the few languages these tests use (the widget asks the browser).
    struct TestRules;
    impl NumberRules for TestRules {
        fn plural(&self, lang: &str, n: f64) -> PluralCategory {
            let i = n as u64;
            match lang {
                "lt" if n.fract() != 0.0 => PluralCategory::Many,
                "lt" if i % 10 == 1 && !(11..=19).contains(&(i % 100)) => PluralCategory::One,
                "lt" if (2..=9).contains(&(i % 10)) && !(11..=19).contains(&(i % 100)) => {
                    PluralCategory::Few
                }
                "lt" => PluralCategory::Other,
                _ => PlainNumbers.plural(lang, n),
            }
        }
        fn format(&self, lang: &str, n: f64) -> String {
            let s = crate::number::format_plain(n);
            if lang == "fa" {
                s.chars()
                    .map(|c| match c.to_digit(10) {
                        Some(d) => char::from_u32(0x06F0 + d).unwrap_or(c),
                        None => c,
                    })
                    .collect()
            } else {
                s
            }
        }
    }

    fn bundle(src: &str) -> Bundle {
        let mut b = Bundle::new();
        assert_eq!(b.add_source(src), vec![]);
        b
    }

    fn fmt(b: &Bundle, id: &str, lang: &str, args: &[(&str, Arg)]) -> String {
        crate::i18n::strip_isolation(&b.format(id, None, args, lang, &TestRules).unwrap())
    }

    #[test]
    fn plural_categories_come_from_the_rules() {
        let b = bundle(
            "left = { $count ->\n    [one] { $count } klausimas\n    [few] { $count } klausimai\n    [many] { $count } klausimo\n   *[other] { $count } klausimų\n}\n",
        );
        let n = |v: f64| fmt(&b, "left", "lt", &[("count", Arg::Number(v))]);
        assert_eq!(n(1.0), "1 klausimas");
        assert_eq!(n(21.0), "21 klausimas");
        assert_eq!(
            n(22.0),
            "22 klausimai",
            "the case intl_pluralrules gets wrong"
        );
        assert_eq!(n(11.0), "11 klausimų");
        assert_eq!(n(2.5), "2.5 klausimo");
    }

    #[test]
    fn exact_number_keys_win_over_categories_in_order() {
        let b = bundle("m = { $n ->\n    [0] none\n    [one] one\n   *[other] { $n } many\n}\n");
        assert_eq!(fmt(&b, "m", "en", &[("n", Arg::Number(0.0))]), "none");
        assert_eq!(fmt(&b, "m", "en", &[("n", Arg::Number(1.0))]), "one");
        assert_eq!(fmt(&b, "m", "en", &[("n", Arg::Number(7.0))]), "7 many");
    }

    #[test]
    fn numbers_use_the_language_digits() {
        let b = bundle("p = { $a } of { $b }\n");
        let out = b
            .format(
                "p",
                None,
                &[("a", Arg::Number(3.0)), ("b", Arg::Number(12.0))],
                "fa",
                &TestRules,
            )
            .unwrap();
        assert_eq!(
            out, "\u{2068}۳\u{2069} of \u{2068}۱۲\u{2069}",
            "isolated placeables"
        );
    }

    #[test]
    fn references_terms_strings_and_attributes() {
        let b = bundle(
            "-brand = Rapport\n-thing = { $case ->\n   *[nom] clinic\n    [gen] clinic's\n}\nhello = Hi from { -brand }, { \"quoted \\u0041\" }\n    .title = { hello } ({ -thing(case: \"gen\") })\nstr = { $who ->\n    [me] mine\n   *[other] theirs\n}\n",
        );
        assert_eq!(fmt(&b, "hello", "en", &[]), "Hi from Rapport, quoted A");
        let title = b
            .format("hello", Some("title"), &[], "en", &TestRules)
            .unwrap();
        assert_eq!(title, "Hi from Rapport, quoted A (clinic's)");
        assert_eq!(
            fmt(&b, "str", "en", &[("who", Arg::Text("me".into()))]),
            "mine"
        );
        assert_eq!(
            fmt(&b, "str", "en", &[("who", Arg::Text("x".into()))]),
            "theirs"
        );
    }

    #[test]
    fn missing_things_show_braces_and_cycles_stop() {
        let b = bundle("a = { $x } { nope } { b }\nb = { a }\nf = { OTHER($x) }\n");
        let out = fmt(&b, "a", "en", &[]);
        assert!(out.starts_with("{$x} {nope} "), "{out}");
        assert_eq!(fmt(&b, "f", "en", &[]), "{OTHER()}");
        assert!(b.format("missing", None, &[], "en", &TestRules).is_none());
        assert!(b.format("a", Some("nope"), &[], "en", &TestRules).is_none());
    }

    #[test]
    fn billion_laughs_is_bounded() {
        let mut src = String::from("l0 = ha\n");
        for i in 1..30 {
            let p = i - 1;
            src.push_str(&format!(
                "l{i} = {{ l{p} }}{{ l{p} }}{{ l{p} }}{{ l{p} }}\n"
            ));
        }
        let b = bundle(&src);
        let out = fmt(&b, "l29", "en", &[]);
        assert!(out.len() < 10_000, "{}", out.len());
    }

    /// The worst cases for the stack: chains of [`MAX_DEPTH`] message references, each at the
    /// bottom of placeables nested [`MAX_NESTING`] deep, as bare `{ { … } }` (which do not count
    /// towards [`MAX_PLACEABLES`]) or as selects (which do, so that limit stops them first).
    /// Run on a 512 KiB stack in a debug build (the widget has 1 MiB, and release frames are
    /// smaller).
    #[test]
    fn deepest_nesting_times_deepest_references_fits_the_stack() {
        for (open, close, end) in [("{ ", " }", "{m17}"), ("{ $x ->\n *[a] ", "\n}", "{…}")] {
            let mut src = String::new();
            for i in 0..=MAX_DEPTH + 1 {
                // The outer placeable, the nested ones, the innermost reference.
                let levels = MAX_NESTING - 2;
                src.push_str(&format!(
                    "m{i} = {{ {}{{ m{} }}{} }}\n",
                    open.repeat(levels),
                    i + 1,
                    close.repeat(levels)
                ));
            }
            let b = bundle(&src);
            let out = std::thread::Builder::new()
                .stack_size(512 * 1024)
                .spawn(move || b.format("m0", None, &[], "en", &TestRules))
                .and_then(|t| t.join().map_err(|_| std::io::Error::other("overflow")));
            assert!(
                matches!(out, Ok(Some(ref s)) if s.ends_with(end)),
                "{out:?}"
            );
        }
    }

    #[test]
    fn syntax_errors_and_duplicates_are_reported_and_the_rest_kept() {
        let mut b = Bundle::new();
        let problems = b.add_source("ok = fine\nbroken = {}\nlater = yes\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(fmt(&b, "ok", "en", &[]), "fine");
        assert_eq!(fmt(&b, "later", "en", &[]), "yes");
        let problems = b.add_source("ok = again\n");
        assert!(
            problems[0].message.contains("`ok` is defined twice"),
            "{problems:?}"
        );
        assert_eq!(fmt(&b, "ok", "en", &[]), "fine");
    }

    #[test]
    fn string_literal_escapes() {
        let b = bundle(concat!(
            r#"a = { "q\"b\\c" }"#,
            "\n",
            r#"b = { "\u00e9\U01F600\u0041x" }"#,
            "\n",
            r#"c = { "\{" } { "\uD800" } { "\U110000" } { "" }"#,
            "\n",
        ));
        assert_eq!(fmt(&b, "a", "en", &[]), "q\"b\\c");
        assert_eq!(fmt(&b, "b", "en", &[]), "é😀Ax");
        assert_eq!(fmt(&b, "c", "en", &[]), r"\{ \uD800 \U110000 ");
        let mut b = Bundle::new();
        for bad in [r#"{ "\uZZ" }"#, r#"{ "\x" }"#, r#"{ "x\"#, "{ \"x\ny\" }"] {
            assert!(!b.add_source(&format!("m = {bad}\n")).is_empty(), "{bad}");
        }
        assert!(!b.has_message("m"));
    }
}
