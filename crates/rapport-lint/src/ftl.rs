//! Fluent helpers on source text: syntax errors with line and column, messages with their
//! lines, the `$variables` each uses, and their plain text. Shared with the core's tests.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast;
use rapport_core::json::line_col;

/// A Fluent syntax error, located.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// One message (or attribute, `id.attr`) of a Fluent file.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// `id`, or `id.attribute` for an attribute.
    pub id: String,
    /// Line of the definition (from 1).
    pub line: usize,
    /// The `$variables` used.
    pub variables: BTreeSet<String>,
    /// The text with placeables left out (`None` for a message with attributes only).
    pub text: Option<String>,
    /// Its plural selects: the variable selected on, and the category keys of the variants
    /// (a select is plural when every identifier key is a CLDR category name).
    pub plurals: Vec<(String, BTreeSet<String>)>,
}

/// A parsed Fluent file: its messages and attributes in file order, and its syntax errors.
#[derive(Clone, Debug, Default)]
pub struct FtlFile {
    pub messages: Vec<Message>,
    pub errors: Vec<SyntaxError>,
}

impl FtlFile {
    /// The message (or `id.attr`) with this id.
    pub fn get(&self, id: &str) -> Option<&Message> {
        self.messages.iter().find(|m| m.id == id)
    }

    /// The ids, in file order.
    pub fn ids(&self) -> Vec<String> {
        self.messages.iter().map(|m| m.id.clone()).collect()
    }

    /// Each id with its `$variables`.
    pub fn variables(&self) -> BTreeMap<String, BTreeSet<String>> {
        self.messages
            .iter()
            .map(|m| (m.id.clone(), m.variables.clone()))
            .collect()
    }
}

/// Parses Fluent source. Messages are located by their definition lines (`id =` at the start of
/// a line; `.attr =` indented after it); terms (`-x`) are left out.
pub fn parse(source: &str) -> FtlFile {
    let (resource, errors) = match fluent_syntax::parser::parse(source) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e),
    };
    let errors = errors
        .into_iter()
        .map(|e| {
            let (line, column) = line_col(source, e.pos.start);
            SyntaxError {
                line,
                column,
                message: e.kind.to_string(),
            }
        })
        .collect();
    // Definition lines: `id =` at column 1, attributes `.name =` indented below.
    let mut lines: Vec<(String, usize)> = Vec::new();
    let mut current: Option<String> = None;
    for (n, l) in source.lines().enumerate() {
        if let Some((head, _)) = l.split_once('=') {
            let name = head.trim();
            let ident = |s: &str| {
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            };
            if !l.starts_with([' ', '\t', '#', '-', '.']) && ident(name) {
                lines.push((name.to_owned(), n + 1));
                current = Some(name.to_owned());
                continue;
            }
            if let (Some(attr), Some(id)) = (name.strip_prefix('.'), &current) {
                if l.starts_with([' ', '\t']) && ident(attr) {
                    lines.push((format!("{id}.{attr}"), n + 1));
                }
            }
        } else if !l.starts_with([' ', '\t']) && !l.trim().is_empty() {
            current = None;
        }
    }
    let mut used = vec![false; lines.len()];
    let mut line_of = |id: &str| {
        for (i, (name, line)) in lines.iter().enumerate() {
            if !used[i] && name == id {
                used[i] = true;
                return *line;
            }
        }
        1
    };
    let mut messages = Vec::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut variables = BTreeSet::new();
            if let Some(v) = &m.value {
                pattern_vars(v, &mut variables);
            }
            let mut plurals = Vec::new();
            if let Some(v) = &m.value {
                pattern_plurals(v, &mut plurals);
            }
            messages.push(Message {
                id: m.id.name.to_owned(),
                line: line_of(m.id.name),
                variables,
                text: m.value.as_ref().map(pattern_text),
                plurals,
            });
            for a in &m.attributes {
                let id = format!("{}.{}", m.id.name, a.id.name);
                let mut variables = BTreeSet::new();
                pattern_vars(&a.value, &mut variables);
                let mut plurals = Vec::new();
                pattern_plurals(&a.value, &mut plurals);
                messages.push(Message {
                    line: line_of(&id),
                    id,
                    variables,
                    text: Some(pattern_text(&a.value)),
                    plurals,
                });
            }
        }
    }
    FtlFile { messages, errors }
}

/// CLDR's plural category names.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The cardinal plural categories of a language, from CLDR's `plurals.xml` (CLDR 46), by
/// primary language subtag. `None` for a language not listed here (not checked). Haitian
/// Creole has no CLDR plural rules, so it has only `other`, like the root locale.
pub fn plural_categories(tag: &str) -> Option<&'static [&'static str]> {
    let language = tag
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    const OTHER: &[&str] = &["other"];
    const ONE: &[&str] = &["one", "other"];
    const ONE_MANY: &[&str] = &["one", "many", "other"];
    const SLAVIC: &[&str] = &["one", "few", "many", "other"];
    Some(match language.as_str() {
        "zh" | "ja" | "ko" | "vi" | "ht" | "th" | "id" | "ms" | "yue" => OTHER,
        "en" | "de" | "nl" | "sv" | "tr" | "fa" | "ur" | "pa" | "bn" | "gu" | "hi" | "tl"
        | "fil" | "so" | "am" | "el" | "fi" | "da" | "nb" | "no" | "hu" | "ka" | "sw" => ONE,
        "es" | "fr" | "it" | "pt" | "ca" => ONE_MANY,
        "ru" | "uk" | "pl" | "lt" | "be" => SLAVIC,
        "ro" | "mo" => &["one", "few", "other"],
        "cs" | "sk" => &["one", "few", "many", "other"],
        "he" => &["one", "two", "other"],
        "ar" => &CATEGORIES,
        _ => return None,
    })
}

fn pattern_plurals(p: &ast::Pattern<&str>, out: &mut Vec<(String, BTreeSet<String>)>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expr_plurals(expression, out);
        }
    }
}

fn expr_plurals(e: &ast::Expression<&str>, out: &mut Vec<(String, BTreeSet<String>)>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            let keys: BTreeSet<String> = variants
                .iter()
                .filter_map(|v| match v.key {
                    ast::VariantKey::Identifier { name } => Some(name.to_owned()),
                    ast::VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            let plural = !keys.is_empty() && keys.iter().all(|k| CATEGORIES.contains(&k.as_str()));
            if let (true, ast::InlineExpression::VariableReference { id }) = (plural, selector) {
                out.push((id.name.to_owned(), keys));
            }
            for v in variants {
                pattern_plurals(&v.value, out);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            expr_plurals(expression, out)
        }
        ast::Expression::Inline(_) => {}
    }
}

/// The text of a pattern with its placeables left out (the words a reader sees around them).
fn pattern_text(p: &ast::Pattern<&str>) -> String {
    p.elements
        .iter()
        .map(|e| match e {
            ast::PatternElement::TextElement { value } => *value,
            ast::PatternElement::Placeable { .. } => "",
        })
        .collect()
}

fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expr_vars(expression, out);
        }
    }
}

fn expr_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, out),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => args_vars(arguments, out),
        ast::InlineExpression::TermReference {
            arguments: Some(a), ..
        } => args_vars(a, out),
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, out),
        _ => {}
    }
}

fn args_vars(a: &ast::CallArguments<&str>, out: &mut BTreeSet<String>) {
    for p in &a.positional {
        inline_vars(p, out);
    }
    for n in &a.named {
        inline_vars(&n.value, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_attributes_lines_and_variables() {
        let src = "# c\nhello = Hi { $name }!\n    .title = T { $n }\n\n-term = x\nbye =\n    Bye { NUMBER($count) }\n";
        let f = parse(src);
        assert!(f.errors.is_empty());
        assert_eq!(f.ids(), ["hello", "hello.title", "bye"]);
        assert_eq!(f.get("hello").unwrap().line, 2);
        assert_eq!(f.get("hello.title").unwrap().line, 3);
        assert_eq!(f.get("bye").unwrap().line, 6);
        assert_eq!(f.get("hello").unwrap().text.as_deref(), Some("Hi !"));
        assert!(f.get("bye").unwrap().variables.contains("count"));
    }

    #[test]
    fn syntax_errors_are_located() {
        let f = parse("ok = fine\nbad { = x\n");
        assert_eq!(f.errors.len(), 1);
        assert_eq!((f.errors[0].line, f.errors[0].column), (2, 5));
        assert_eq!(line_col("añb\nc", 5), (2, 1));
    }
}
