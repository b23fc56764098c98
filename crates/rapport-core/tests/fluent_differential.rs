//! The core's own Fluent parser (`src/fluent/syntax.rs`) against `fluent-syntax`, its
//! reference. The core used to resolve messages over `fluent-syntax`'s AST; that resolver is
//! kept below, unchanged but for its map type ([`reference`]), and every source here is loaded
//! into both. They must agree on:
//!
//! - every message, attribute and term (through a probe message) resolved with many argument
//!   sets (each variable as 0, 1, 2, 3, 5, 11, 21, 100, 1.5, as a text and as each variant key
//!   of the source, or missing), under two plural rule sets (English, and an Arabic-like table
//!   with its own digits);
//! - which ids are messages (every identifier-like word of the source is asked);
//! - where syntax errors are (byte offsets of the junk entries) and which ids are duplicates.
//!
//! Sources: every shipped `locales/*/*.ftl` (each alone, and each locale's files together),
//! hand-written tricky snippets (each also with CRLF line ends), and random sources (pieces of
//! Fluent and noise; shipped files with random edits).
//!
//! Why an oracle of this size (a whole resolver, ~330 lines): the core's parse tree is private
//! (making it API would grow what the widget links), so the parsers can only be compared through
//! what comes out of them: resolved text, message ids, error offsets. Ids and offsets alone would
//! miss what a Fluent parser most often gets wrong (indentation and blank lines of multi-line
//! patterns, CRLF, escapes, variant keys, term arguments), which shows only in the resolved text.
//! Resolving `fluent-syntax`'s AST needs a resolver with exactly the core's rules: `{$x}` for a
//! missing variable, `{…}` past `MAX_PLACEABLES`, the depth limit, `NUMBER` without options,
//! bidi isolation, plural categories and digits from the caller's `NumberRules`. `fluent-bundle`
//! is not that resolver (CLDR tables compiled in instead of `NumberRules`, so the Arabic-like
//! table below could not be used; its own number formatting and over-limit output), so each of
//! its differences would be a false alarm. The resolver below is the one the core shipped over
//! `fluent-syntax` before it had its own parser, so it also pins that the switch changed nothing
//! a patient sees. It changes only together with the core's resolution rules.

// Test code may stop loudly; the core's no-panic lints (its Cargo.toml) are for src/.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::indexing_slicing, clippy::string_slice)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use proptest::prelude::*;
use rapport_core::fluent::{Arg, Bundle, NumberRules, PlainNumbers, PluralCategory, MAX_NESTING};

mod support;
use support::proptest_config;

/// The resolver the core had over `fluent-syntax`'s AST, moved here unchanged (apart from
/// `HashMap` for the core's `StrMap`): the behaviour the new parser must keep.
mod reference {
    use fluent_syntax::ast;
    use rapport_core::fluent::{Arg, NumberRules, MAX_PLACEABLES};
    use std::collections::hash_map::Entry;
    use std::collections::HashMap;

    #[derive(Default)]
    pub struct Bundle {
        messages: HashMap<String, ast::Message<String>>,
        terms: HashMap<String, ast::Term<String>>,
    }

    impl Bundle {
        /// The byte offsets of the syntax errors, and the duplicate ids (`-id` for terms).
        pub fn add_source(&mut self, source: &str) -> (Vec<usize>, Vec<String>) {
            let (resource, errors) = match fluent_syntax::parser::parse(source.to_owned()) {
                Ok(r) => (r, Vec::new()),
                Err((r, e)) => (r, e),
            };
            let errors = errors.iter().map(|e| e.pos.start).collect();
            let mut duplicates = Vec::new();
            for entry in resource.body {
                match entry {
                    ast::Entry::Message(m) => match self.messages.entry(m.id.name.clone()) {
                        Entry::Occupied(e) => duplicates.push(e.key().clone()),
                        Entry::Vacant(e) => {
                            e.insert(m);
                        }
                    },
                    ast::Entry::Term(t) => match self.terms.entry(t.id.name.clone()) {
                        Entry::Occupied(e) => duplicates.push(format!("-{}", e.key())),
                        Entry::Vacant(e) => {
                            e.insert(t);
                        }
                    },
                    _ => {}
                }
            }
            (errors, duplicates)
        }

        pub fn has_message(&self, id: &str) -> bool {
            self.messages.contains_key(id)
        }

        /// Message ids with their attribute names, and term ids with theirs.
        #[allow(clippy::type_complexity)]
        pub fn ids(&self) -> (Vec<(String, Vec<String>)>, Vec<(String, Vec<String>)>) {
            let attrs =
                |a: &[ast::Attribute<String>]| a.iter().map(|x| x.id.name.clone()).collect();
            (
                self.messages
                    .iter()
                    .map(|(k, m)| (k.clone(), attrs(&m.attributes)))
                    .collect(),
                self.terms
                    .iter()
                    .map(|(k, t)| (k.clone(), attrs(&t.attributes)))
                    .collect(),
            )
        }

        pub fn format(
            &self,
            id: &str,
            attr: Option<&str>,
            args: &[(&str, Arg)],
            lang: &str,
            rules: &dyn NumberRules,
        ) -> Option<String> {
            let pattern = message_pattern(self.messages.get(id)?, attr)?;
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

    fn message_pattern<'m>(
        m: &'m ast::Message<String>,
        attr: Option<&str>,
    ) -> Option<&'m ast::Pattern<String>> {
        match attr {
            None => m.value.as_ref(),
            Some(a) => m
                .attributes
                .iter()
                .find(|x| x.id.name == a)
                .map(|x| &x.value),
        }
    }

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
        fn pattern(&mut self, p: &ast::Pattern<String>, out: &mut String) {
            let isolate = p.elements.len() > 1;
            for el in &p.elements {
                match el {
                    ast::PatternElement::TextElement { value } => out.push_str(value),
                    ast::PatternElement::Placeable { expression } => {
                        self.placeables += 1;
                        if self.placeables > MAX_PLACEABLES {
                            out.push_str("{…}");
                            return;
                        }
                        let isolate = isolate
                            && !matches!(
                                expression,
                                ast::Expression::Inline(
                                    ast::InlineExpression::MessageReference { .. }
                                        | ast::InlineExpression::TermReference { .. }
                                        | ast::InlineExpression::StringLiteral { .. }
                                )
                            );
                        if isolate {
                            out.push('\u{2068}');
                        }
                        self.expression(expression, out);
                        if isolate {
                            out.push('\u{2069}');
                        }
                    }
                }
            }
        }

        fn expression(&mut self, e: &ast::Expression<String>, out: &mut String) {
            match e {
                ast::Expression::Inline(inline) => self.inline(inline, out),
                ast::Expression::Select { selector, variants } => {
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

        fn matches(&self, value: &Option<Arg>, key: &ast::VariantKey<String>) -> bool {
            match (value, key) {
                (Some(Arg::Text(s)), ast::VariantKey::Identifier { name }) => s == name,
                (Some(Arg::Number(n)), ast::VariantKey::NumberLiteral { value }) => {
                    rapport_core::number::parse_decimal(value) == Some(*n)
                }
                (Some(Arg::Number(n)), ast::VariantKey::Identifier { name }) => {
                    self.rules.plural(self.lang, *n).name() == name
                }
                _ => false,
            }
        }

        fn value(&mut self, e: &ast::InlineExpression<String>) -> Option<Arg> {
            match e {
                ast::InlineExpression::VariableReference { id } => self.arg(&id.name).cloned(),
                ast::InlineExpression::NumberLiteral { value } => {
                    rapport_core::number::parse_decimal(value).map(Arg::Number)
                }
                ast::InlineExpression::StringLiteral { value } => Some(Arg::Text(unescape(value))),
                ast::InlineExpression::FunctionReference { id, arguments }
                    if id.name == "NUMBER" =>
                {
                    let first = arguments.positional.first()?;
                    match self.value(first)? {
                        Arg::Number(n) => Some(Arg::Number(n)),
                        Arg::Text(t) => rapport_core::number::parse_decimal(&t).map(Arg::Number),
                    }
                }
                ast::InlineExpression::FunctionReference { .. } => None,
                other => {
                    let mut s = String::new();
                    self.inline(other, &mut s);
                    Some(Arg::Text(s))
                }
            }
        }

        fn arg(&self, name: &str) -> Option<&Arg> {
            self.args.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
        }

        fn inline(&mut self, e: &ast::InlineExpression<String>, out: &mut String) {
            match e {
                ast::InlineExpression::StringLiteral { value } => out.push_str(&unescape(value)),
                ast::InlineExpression::NumberLiteral { value } => out.push_str(value),
                ast::InlineExpression::VariableReference { id } => match self.arg(&id.name) {
                    Some(Arg::Text(t)) => out.push_str(t),
                    Some(Arg::Number(n)) => out.push_str(&self.rules.format(self.lang, *n)),
                    None => {
                        out.push_str("{$");
                        out.push_str(&id.name);
                        out.push('}');
                    }
                },
                ast::InlineExpression::FunctionReference { id, .. } => match self.value(e) {
                    Some(Arg::Number(n)) => out.push_str(&self.rules.format(self.lang, n)),
                    Some(Arg::Text(t)) => out.push_str(&t),
                    _ => {
                        out.push('{');
                        out.push_str(&id.name);
                        out.push_str("()}");
                    }
                },
                ast::InlineExpression::MessageReference { id, attribute } => {
                    let pattern = self.bundle.messages.get(&id.name).and_then(|m| {
                        message_pattern(m, attribute.as_ref().map(|a| a.name.as_str()))
                    });
                    match pattern {
                        Some(p) if self.depth < MAX_DEPTH => {
                            self.depth += 1;
                            self.pattern(p, out);
                            self.depth -= 1;
                        }
                        _ => {
                            out.push('{');
                            out.push_str(&id.name);
                            out.push('}');
                        }
                    }
                }
                ast::InlineExpression::TermReference {
                    id,
                    attribute,
                    arguments,
                } => {
                    let term = self.bundle.terms.get(&id.name);
                    let pattern = term.and_then(|t| match attribute {
                        None => Some(&t.value),
                        Some(a) => t
                            .attributes
                            .iter()
                            .find(|x| x.id.name == a.name)
                            .map(|x| &x.value),
                    });
                    match pattern {
                        Some(p) if self.depth < MAX_DEPTH => {
                            let mut term_args: Vec<(&str, Arg)> = Vec::new();
                            if let Some(call) = arguments {
                                for named in &call.named {
                                    if let Some(v) = self.value(&named.value) {
                                        term_args.push((named.name.name.as_str(), v));
                                    }
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
                            out.push_str(&id.name);
                            out.push('}');
                        }
                    }
                }
                ast::InlineExpression::Placeable { expression } => self.expression(expression, out),
            }
        }
    }

    fn unescape(raw: &str) -> String {
        if !raw.contains('\\') {
            return raw.to_owned();
        }
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some(q @ ('\\' | '"')) => out.push(q),
                Some(u @ ('u' | 'U')) => {
                    let len = if u == 'u' { 4 } else { 6 };
                    let hex: String = chars.clone().take(len).collect();
                    match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        Some(ch) if hex.len() == len => {
                            out.push(ch);
                            for _ in 0..len {
                                chars.next();
                            }
                        }
                        _ => {
                            out.push('\\');
                            out.push(u);
                        }
                    }
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        }
        out
    }
}

/// Arabic-like plural rules from a table, and Arabic-Indic digits: categories that differ from
/// English for most numbers, and digits that show a number went through the rules.
struct TableRules;

impl NumberRules for TableRules {
    fn plural(&self, _lang: &str, n: f64) -> PluralCategory {
        if n.fract() != 0.0 || n < 0.0 {
            return PluralCategory::Other;
        }
        let i = n as u64;
        match (i, i % 100) {
            (0, _) => PluralCategory::Zero,
            (1, _) => PluralCategory::One,
            (2, _) => PluralCategory::Two,
            (_, 3..=10) => PluralCategory::Few,
            (_, 11..=99) => PluralCategory::Many,
            _ => PluralCategory::Other,
        }
    }

    fn format(&self, lang: &str, n: f64) -> String {
        PlainNumbers
            .format(lang, n)
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0x0660 + d).unwrap_or(c),
                None => c,
            })
            .collect()
    }
}

const NUMBERS: &[f64] = &[0.0, 1.0, 2.0, 3.0, 5.0, 11.0, 21.0, 100.0, 1.5];

/// Words of the source that could be ids, variables or variant keys.
fn words(src: &str) -> BTreeSet<String> {
    src.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(|w| w.trim_start_matches('-'))
        .filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic()))
        .map(str::to_owned)
        .collect()
}

/// The argument sets: no arguments; every variable as each of [`NUMBERS`]; as a text; as each
/// variant key (`[key]`) of the source.
fn arg_sets(src: &str) -> Vec<Vec<(String, Arg)>> {
    let vars: BTreeSet<String> = src
        .split('$')
        .skip(1)
        .map(|s| {
            s.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        })
        .filter(|v: &String| v.starts_with(|c: char| c.is_ascii_alphabetic()))
        .collect();
    let keys: BTreeSet<String> = src
        .split('[')
        .skip(1)
        .filter_map(|s| s.split_once(']').map(|(k, _)| k.trim().to_owned()))
        .filter(|k| !k.is_empty() && k.len() < 30)
        .collect();
    let all = |a: Arg| vars.iter().map(|v| (v.clone(), a.clone())).collect();
    let mut sets = vec![Vec::new()];
    sets.extend(NUMBERS.iter().map(|n| all(Arg::Number(*n))));
    sets.push(all(Arg::Text("text".into())));
    sets.extend(keys.iter().map(|k| all(Arg::Text(k.clone()))));
    sets
}

/// Loads `sources` into both bundles and compares everything; returns how many formatted
/// strings were compared.
fn compare(sources: &[&str]) -> Result<usize, String> {
    let mut ours = Bundle::new();
    let mut theirs = reference::Bundle::default();
    for src in sources {
        let problems = ours.add_source(src);
        let (errors, duplicates) = theirs.add_source(src);
        let syntax: Vec<usize> = problems
            .iter()
            .filter(|p| p.message.contains("not valid Fluent"))
            .map(|p| p.offset)
            .collect();
        if syntax != errors {
            return Err(format!(
                "syntax errors at {syntax:?}, fluent-syntax at {errors:?} in {src:?}"
            ));
        }
        let ours_dup: Vec<String> = problems
            .iter()
            .filter_map(|p| {
                p.message
                    .strip_suffix("` is defined twice; the first definition is used")
            })
            .map(|m| m.trim_start_matches('`').to_owned())
            .collect();
        if ours_dup != duplicates {
            return Err(format!(
                "duplicates {ours_dup:?}, fluent-syntax {duplicates:?} in {src:?}"
            ));
        }
    }
    let all_text = sources.concat();
    let words = words(&all_text);
    // Terms are resolved through probe messages: plainly, with the arguments of each set, and
    // (their attributes, which only selectors can read) as selectors over every word.
    let (messages, terms) = theirs.ids();
    let sets = arg_sets(&all_text);
    let mut probe = String::new();
    let mut probe_ids = Vec::new();
    for (term, attrs) in &terms {
        for (i, set) in sets.iter().enumerate() {
            let named: Vec<String> = set
                .iter()
                .filter_map(|(k, v)| match v {
                    Arg::Number(n) => Some(format!("{k}: {}", PlainNumbers.format("", *n))),
                    Arg::Text(t) if !t.contains(['"', '\\', '\n', '\r']) => {
                        Some(format!("{k}: \"{t}\""))
                    }
                    Arg::Text(_) => None,
                })
                .collect();
            let id = format!("zz-probe-{term}-{i}");
            probe.push_str(&format!("{id} = {{ -{term}({}) }}\n", named.join(", ")));
            probe_ids.push(id);
        }
        let id = format!("zz-probe-{term}");
        probe.push_str(&format!("{id} = {{ -{term} }}\n"));
        probe_ids.push(id);
        for attr in attrs {
            let id = format!("zz-probe-{term}-{attr}");
            probe.push_str(&format!("{id} = {{ -{term}.{attr} ->\n"));
            for w in &words {
                probe.push_str(&format!("    [{w}] {w}\n"));
            }
            probe.push_str("   *[zz-none] none\n}\n");
            probe_ids.push(id);
        }
    }
    if !probe.is_empty() {
        let problems = ours.add_source(&probe);
        let (errors, duplicates) = theirs.add_source(&probe);
        if problems.len() != errors.len() + duplicates.len() {
            return Err(format!("probe {probe:?}: {problems:?} / {errors:?}"));
        }
    }
    for w in words.iter().chain(&probe_ids) {
        if ours.has_message(w) != theirs.has_message(w) {
            return Err(format!("has_message({w:?}) differs"));
        }
    }
    let mut targets: Vec<(String, Option<String>)> = Vec::new();
    for (id, attrs) in &messages {
        targets.push((id.clone(), None));
        for a in attrs {
            targets.push((id.clone(), Some(a.clone())));
        }
        targets.push((id.clone(), Some("zz-missing".into())));
    }
    targets.extend(probe_ids.iter().map(|id| (id.clone(), None)));
    let mut compared = 0;
    for (id, attr) in &targets {
        for set in &sets {
            let args: Vec<(&str, Arg)> = set.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            for (lang, rules) in [
                ("en", &PlainNumbers as &dyn NumberRules),
                ("ar", &TableRules as &dyn NumberRules),
            ] {
                let a = ours.format(id, attr.as_deref(), &args, lang, rules);
                let b = theirs.format(id, attr.as_deref(), &args, lang, rules);
                if a != b {
                    return Err(format!(
                        "{id}{} with {set:?} ({lang}):\n  ours   {a:?}\n  theirs {b:?}\nin {all_text:?}",
                        attr.as_deref().map(|a| format!(".{a}")).unwrap_or_default()
                    ));
                }
                compared += 1;
            }
        }
    }
    Ok(compared)
}

/// Compares `src` as written and with CRLF line ends.
fn compare_both_line_ends(src: &str) -> usize {
    let mut n = 0;
    for s in [src.to_owned(), src.replace('\n', "\r\n")] {
        match compare(&[&s]) {
            Ok(k) => n += k,
            Err(e) => panic!("{e}"),
        }
    }
    n
}

fn locale_files() -> Vec<(String, Vec<(PathBuf, String)>)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("locales/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .expect("locale dir")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
                .collect();
            files.sort();
            let tag = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let files = files
                .into_iter()
                .map(|p| {
                    let text = std::fs::read_to_string(&p).expect("readable FTL");
                    (p, text)
                })
                .collect();
            (tag, files)
        })
        .collect()
}

#[test]
fn every_shipped_file_resolves_the_same() {
    let locales = locale_files();
    let mut files = 0;
    let mut compared = 0;
    for (tag, list) in &locales {
        for (path, text) in list {
            files += 1;
            compared += compare(&[text]).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            // CRLF, as a file saved on Windows would be.
            compared += compare(&[&text.replace('\n', "\r\n")])
                .unwrap_or_else(|e| panic!("{} (CRLF): {e}", path.display()));
        }
        let texts: Vec<&str> = list.iter().map(|(_, t)| t.as_str()).collect();
        compared += compare(&texts).unwrap_or_else(|e| panic!("locale {tag}: {e}"));
    }
    assert!(files >= 90, "only {files} FTL files found");
    assert!(compared > 50_000, "only {compared} strings compared");
    eprintln!("{files} files, {compared} formatted strings compared");
}

/// Sources that exercise each rule of the syntax, valid and not.
const SNIPPETS: &[&str] = &[
    // Multi-line text and indentation.
    "a = Hello\n    World\n",
    "a =\n    Hello\n      indented\n    back\n",
    "a =\n\n\n    starts two lines down\n",
    "a =\n    first\n\n    after a blank line\n\n\n    after two\n",
    "a =\n    first\n          \n    after a line of spaces\n",
    "a =\n      deeper first\n    shallower\n",
    "a = same line\n      indented more\n    less\n",
    "a = x\n  \n\n",
    "a = trailing spaces   \nb = x\n",
    "a = tab\there and\n\tnot a continuation\n",
    "a = with { $x }   \n",
    "a =\n  { $x }\n  text\n",
    "a =\n{ $x } at column zero\n",
    "a =\n    text\n{ $x }\n    more\n",
    "a = x\n.b = attribute at column zero\n",
    "a = x\r lone carriage return\n",
    "a = { $x }\r",
    "a = ends without newline",
    "a = text\n    # not a comment\n",
    // Placeables.
    "a = { $x }\n",
    "a = {$x}{$y}\n",
    "a = before { $x } after\n",
    "a = { { { $x } } } and { { \"lit\" } }\n",
    "a = { b } { b.title } { -t } { \"s\" } { 5 } text\n",
    "b = B\n    .title = T { $x }\n-t = T\n",
    "a = { msg .attr }\nmsg = M\n    .attr = A\n",
    "a = { $x\n   }\n",
    "a = {\n    $x\n}\n",
    // String and number literals.
    "a = { \"\\\"\" } { \"\\\\\" } { \"\\u00A0\" } { \"\\U01F600\" } { \"{\" } { \"\\{\" }\n",
    "a = { \"\\uD800\" } { \"\\U110000\" } { \"\\u00e9x\" } { \"\" }\n",
    "a = { \"\\x\" }\nb = ok\n",
    "a = { \"\\u00\" }\nb = ok\n",
    "a = { \"unterminated\nb = ok\n",
    "a = { 3 } { -3.50 } { 007 } { 1. }\nb = ok\n",
    "a = { - }\nb = { -1 }\n",
    // Select expressions.
    "a = { $n ->\n    [0] zero\n    [1] exactly one\n    [one] one\n    [two] two\n    [few] few\n    [many] many\n   *[other] { $n } other\n}\n",
    "a = text { $x ->\n    [one] one\n   *[other] other\n} more\n",
    "a = { $x ->\n *[a] A\n [b] B\n}\n",
    "a = { $x ->\n    [a]\n        A on the next line\n   *[b]   B\n}\n",
    "a = { $x ->\n    [a] A\n        continued\n\n        after blank\n   *[b] B\n}\n",
    "a = { $g ->\n    [f] { $n ->\n        [one] she one\n       *[other] she { $n }\n    }\n   *[m] he\n}\n",
    "a = { NUMBER($n) ->\n    [one] 1\n   *[other] o\n}\n",
    "a = { \"x\" ->\n    [x] X\n   *[y] Y\n}\nb = { 2 ->\n    [2] two\n   *[other] o\n}\n",
    "a = { -1.5 ->\n    [-1.5] minus\n   *[other] o\n}\n",
    "a = { $x ->\n    [a] A\n   *[b] B\n   *[c] C\n}\nb = ok\n",
    "a = { $x ->\n    [a] A\n}\nb = ok\n",
    "a = { $x -> [a] A *[b] B }\nb = ok\n",
    "a = { $x ->\n   *[b]\n}\nb = ok\n",
    "a = { $x ->\n   *}\nb = ok\n",
    "a = { b ->\n   *[x] X\n}\nc = ok\n",
    "a = { { $x } ->\n   *[x] X\n}\nc = ok\n",
    "a = { $x ->\n    [ spaced ] S\n   *[ other ] O\n}\n",
    // Terms.
    "-brand = Rapport\n    .gender = masculine\nm = { -brand.gender ->\n    [masculine] he\n   *[other] they\n}\n",
    "-thing = { $case ->\n   *[nom] clinic\n    [gen] clinic's\n}\nx = { -thing(case: \"gen\") } { -thing } { -thing(case: gen) } { -thing(1, case: \"gen\") }\ngen = GEN\n",
    "-t = T\na = { -t.attr }\nb = ok\n",
    "-t = T\na = { -t ->\n   *[x] X\n}\nb = ok\n",
    "-t =\nm = x\n",
    "-t = \n    .a = 1\nm = x\n",
    "-t = T\n    .a = A\nm = { -t(x: -1) }\nn = ok\n",
    "-t = T { $x }\nm = { -t(x: $y) }\nn = { -t(x: { 1 }) }\no = ok\n",
    "-t = { $x }\nm = { -t(x: 5) }{ -t(x: \"s\") }{ -t(x: ref) }{ -t(x: NUMBER(4)) }\nref = R\n",
    // Functions.
    "a = {NUMBER($n)} {NUMBER(\"3\")} {NUMBER(5, minimumFractionDigits: 2)} {OTHER($n)} {NUMBER()} {NUMBER(x: 1)}\n",
    "a = { NUMBER(NUMBER($n)) } { NUMBER(\"x\") } { NUMBER(m) } { NUMBER(-t) }\nm = 7\n-t = 8\n",
    "a = { F(1 2 x: 3 y: \"s\") }\n",
    "a = { F(x: 1, 2) }\nb = ok\n",
    "a = { F(x: 1, x: 2) }\nb = ok\n",
    "a = { lower() }\nb = ok\n",
    "a = { F (1) }\nb = { F\n(1) }\n",
    "a = { F(1\nb = ok\n",
    // Messages, attributes and references.
    "m =\n    .title = T\n    .other = O { $x }\n",
    "a = x\n    .b =\n    .c = C\nd = ok\n",
    "a = x\n    .b = B\n\n    .c = C after a blank line\n",
    "a = { b }\nb = { a }\n",
    "a = { missing } { missing.attr } { -missing } { $missing }\n",
    "a = { b.nope }\nb = B\n",
    // Comments.
    "# c\n## g\n### r\nm = v\n",
    "#bad\nn = w\n",
    "# a\n#b\no = x\n",
    "# a\n## b\np = x\n",
    "#### four\nq = x\n",
    "#\n#\nr = x\n# end",
    "# one\n\n\nm = after blank lines\n",
    // Junk and recovery.
    "ok = fine\nbroken = {}\nlater = yes\n",
    "a = }\nb = ok\n",
    "a = { }\nb = ok\n",
    "a =\nb = ok\n",
    "a\nb = ok\n",
    "  indented = junk\nb = ok\n",
    "= nothing\n\n-\n#\nb = ok\n",
    "broken = {\nlater = swallowed\n\nnext = kept\n",
    "ключ = x\nb = ok\n",
    "\u{FEFF}a = bom\nb = ok\n",
    "a = ключ { $n } ・ text\n",
    "a = 1\na = 2\n-t = 1\n-t = 2\n",
    "",
    "\n\n\n",
    "a",
    "-",
    "a = { $",
    "a = {",
    "a = { \"",
    "a = { F(",
    "a = { $x ->\n",
    "a = { $x ->\n   *[",
];

#[test]
fn tricky_snippets_resolve_the_same() {
    let mut compared = 0;
    for s in SNIPPETS {
        compared += compare_both_line_ends(s);
    }
    // All together (later duplicates, references across snippets).
    compared += compare(SNIPPETS).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "{} snippets, {compared} formatted strings compared",
        SNIPPETS.len()
    );
}

#[test]
fn billion_laughs_resolves_the_same() {
    let mut src = String::from("l0 = ha\n");
    for i in 1..30 {
        let p = i - 1;
        src.push_str(&format!(
            "l{i} = {{ l{p} }}{{ l{p} }}{{ l{p} }}{{ l{p} }}\n"
        ));
    }
    compare_both_line_ends(&src);
}

#[test]
fn nesting_up_to_the_limit_resolves_the_same_and_deeper_is_junk() {
    let nested = |n: usize| format!("a = {}$x{}\nb = ok\n", "{ ".repeat(n), " }".repeat(n));
    compare_both_line_ends(&nested(MAX_NESTING));
    // One level deeper: `fluent-syntax` would accept it (and overflow the stack a few thousand
    // levels further); here it is junk, and the next entry still loads.
    let mut b = Bundle::new();
    let problems = b.add_source(&nested(MAX_NESTING + 1));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(!b.has_message("a"));
    assert!(b.has_message("b"));
    let calls = |n: usize| format!("a = {{ {}1{} }}\nb = ok\n", "F(".repeat(n), ")".repeat(n));
    compare_both_line_ends(&calls(MAX_NESTING - 1));
    let mut b = Bundle::new();
    assert_eq!(b.add_source(&calls(MAX_NESTING)).len(), 1);
    assert!(b.has_message("b"));
}

// ---------------------------------------------------------------------------------------------
// Random sources
// ---------------------------------------------------------------------------------------------

/// Fluent pieces and noise, joined.
fn ftl() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("hello = Hello\n".to_owned()),
        Just("msg = { $name } has { $count ->\n    [one] one item\n   *[other] { $count } items\n}\n".to_owned()),
        Just("-term = Rapport\n    .g = f\nuses = Uses { -term }\n".to_owned()),
        Just("withattr = Value\n    .title = Title { $x }\n".to_owned()),
        Just("sel = { -term.g ->\n    [f] F\n   *[m] M\n}\n".to_owned()),
        Just("ml =\n    one\n\n      two\n    three\n".to_owned()),
        Just("str = { \"a\\u0041\\\\\\\"\" }\n".to_owned()),
        Just("num = { NUMBER($n, minimumFractionDigits: 2) } { 1.50 }\n".to_owned()),
        Just("# Status: draft\n".to_owned()),
        Just("\n".to_owned()),
        Just("    ".to_owned()),
        "[a-z][a-z0-9-]{0,6} = [^{}\n]{0,12}\n",
        "[ {}$*\\[\\]=.\\-#a-z0-9\n\r\"\\\\()>:,]{0,40}",
        "\\PC{0,20}",
    ];
    prop::collection::vec(piece, 0..10).prop_map(|v| v.concat())
}

/// A shipped file with a few random edits (characters Fluent gives meaning to, inserted,
/// deleted or replaced at character boundaries).
fn mutated(text: &str, edits: &[(usize, u8, usize)]) -> String {
    const SYNTAX: &[char] = &[
        '{', '}', '[', ']', '*', '.', '-', '#', '$', '"', '\\', '\n', '\r', ' ', '=', '(', ')',
        ':', ',', '>', 'a', '1',
    ];
    let mut chars: Vec<char> = text.chars().collect();
    for &(pos, op, c) in edits {
        if chars.is_empty() {
            break;
        }
        let at = pos % chars.len();
        let c = SYNTAX[c % SYNTAX.len()];
        match op % 3 {
            0 => chars.insert(at, c),
            1 => {
                chars.remove(at);
            }
            _ => chars[at] = c,
        }
    }
    chars.into_iter().collect()
}

fn shipped_texts() -> &'static Vec<String> {
    static TEXTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    TEXTS.get_or_init(|| {
        locale_files()
            .into_iter()
            .flat_map(|(_, files)| files.into_iter().map(|(_, t)| t))
            .collect()
    })
}

proptest! {
    #![proptest_config(proptest_config(1500))]

    #[test]
    fn random_sources_resolve_the_same(a in ftl(), b in ftl()) {
        if let Err(e) = compare(&[&a, &b]) {
            prop_assert!(false, "{}", e);
        }
    }
}

proptest! {
    #![proptest_config(proptest_config(300))]

    #[test]
    fn edited_shipped_files_resolve_the_same(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<usize>()), 1..6),
    ) {
        let texts = shipped_texts();
        let text = which.get(texts);
        let edited = mutated(text, &edits);
        if let Err(e) = compare(&[&edited]) {
            prop_assert!(false, "{}", e);
        }
    }
}

#[test]
fn arg_sets_cover_numbers_texts_and_keys() {
    let sets = arg_sets("a = { $n ->\n    [one] x\n   *[other] y\n}\n");
    assert_eq!(sets.len(), 1 + NUMBERS.len() + 1 + 2);
    assert!(sets.iter().skip(1).all(|s| s.len() == 1 && s[0].0 == "n"));
}
