//! The parser: phase one reads the text as plain JSON ([`serde_json::Value`]), phase two walks
//! it into the checked [`Questionnaire`], collecting every problem with its JSON pointer and
//! `linkId` rather than stopping at the first.
//!
//! Items, answer options and `enableWhen` are read here; Rapport's score and flag extensions
//! in [`super::scoring`]. Stays out of scoring answers and of locating a pointer in the source
//! text (that is [`crate::json::locate_pointer`], for the linter).

use serde_json::{Map, Value};

use super::error::root_error;
use super::error::{Allowed, ConditionProblem, InitialProblem, Unsupported};
use super::model::{
    AnswerOption, ChoiceLayout, Constraint, EnableBehavior, EnableWhen, Item, ItemKind,
    NumericControl, Operator, Questionnaire, ScoreRule, Text, TextPattern,
};
use super::{DefinitionError, ErrorKind, MAX_BYTES, MAX_DEPTH, MAX_ITEMS, MAX_TEXT_LENGTH};
use crate::answers::AnswerValue;
use crate::json::{depth, join, type_name};
use crate::rich::{Format, Rich};
use crate::strmap::StrMap;
use crate::{
    ext, EXT_CHOICE_ORIENTATION, EXT_ENTRY_FORMAT, EXT_HIDDEN, EXT_ITEM_CONTROL, EXT_ITEM_WEIGHT,
    EXT_MAX_VALUE, EXT_MIN_LENGTH, EXT_MIN_VALUE, EXT_OPEN_LABEL, EXT_ORDINAL_VALUE,
    EXT_QUESTIONNAIRE_CONSTRAINT, EXT_REGEX, EXT_RENDERING_MARKDOWN, EXT_RENDERING_XHTML,
    EXT_SLIDER_STEP, EXT_TARGET_CONSTRAINT, EXT_TRANSLATION, EXT_UNIT, EXT_UNIT_OPTION,
};

impl Questionnaire {
    /// Parses and checks a definition from JSON text. Returns every problem found.
    pub fn from_json(text: &str) -> Result<Questionnaire, Vec<DefinitionError>> {
        if text.len() > MAX_BYTES {
            return Err(vec![root_error(ErrorKind::TooLarge { bytes: text.len() })]);
        }
        // Phase one: plain JSON. serde_json refuses nesting beyond 128 by itself.
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                let (line, column) = (e.line(), e.column());
                let detail = e.to_string();
                let detail = detail
                    .split(" at line")
                    .next()
                    .unwrap_or(&detail)
                    .to_owned();
                return Err(vec![root_error(ErrorKind::NotJson {
                    line,
                    column,
                    detail,
                })]);
            }
        };
        Self::from_value(&value)
    }

    /// The error for text that is not JSON, for callers that parse JSON themselves (the
    /// widget uses the browser's `JSON.parse`). `line` and `column` start at 1; 0 when unknown.
    pub fn not_json(line: usize, column: usize, detail: String) -> Vec<DefinitionError> {
        vec![root_error(ErrorKind::NotJson {
            line,
            column,
            detail,
        })]
    }

    /// The error for text longer than [`MAX_BYTES`], for callers that parse JSON themselves.
    pub fn too_large(bytes: usize) -> Vec<DefinitionError> {
        vec![root_error(ErrorKind::TooLarge { bytes })]
    }

    /// Parses and checks a definition that is already JSON.
    pub fn from_value(value: &Value) -> Result<Questionnaire, Vec<DefinitionError>> {
        Self::from_value_with(value, &[])
    }

    /// Parses and checks a definition whose `answerValueSet`s may name value sets by canonical
    /// URL: `value_sets` gives each one as `(reference, ValueSet)`, the reference exactly as the
    /// definition writes it (a terminology server's `$expand` answer, or a clinic's file); they
    /// are read like contained ones. A canonical reference not given is
    /// [`ErrorKind::ValueSetNeedsServer`], as with [`Questionnaire::from_value`]; the references
    /// to fetch are [`needed_value_sets`] of those errors.
    pub fn from_value_with(
        value: &Value,
        value_sets: &[(String, Value)],
    ) -> Result<Questionnaire, Vec<DefinitionError>> {
        Self::load(value, value_sets, Some(Parser::later))
    }

    /// As [`Questionnaire::from_value_with`], but the answers items start with (`initial`,
    /// `initialSelected`), the patterns of text answers (`regex`) and the constraints
    /// (`targetConstraint`) are left unread, and their problems unfound, until
    /// [`Questionnaire::read_later`]: the widget reads them in a chunk of its own, so that a
    /// first render without them does not carry the code.
    pub fn from_value_read_later(
        value: &Value,
        value_sets: &[(String, Value)],
    ) -> Result<Questionnaire, Vec<DefinitionError>> {
        Self::load(value, value_sets, None)
    }

    /// Reads what [`Questionnaire::from_value_read_later`] left unread (nothing to do
    /// otherwise): every problem in it, located, as [`Questionnaire::from_value`] reports them.
    pub fn read_later(&mut self) -> Result<(), Vec<DefinitionError>> {
        let Some(v) = self.unread_later.take() else {
            return Ok(());
        };
        let mut p = Parser {
            items: std::mem::take(&mut self.items),
            ..Parser::default()
        };
        p.later(&v, &self.scores);
        self.items = p.items;
        self.initial = p.initial;
        self.constraints = p.constraints;
        if p.errors.is_empty() {
            Ok(())
        } else {
            Err(p.errors)
        }
    }

    /// Whether initial values, patterns or constraints are still to be read
    /// ([`Questionnaire::read_later`]).
    pub fn unread_later(&self) -> bool {
        self.unread_later.is_some()
    }

    fn load(
        value: &Value,
        value_sets: &[(String, Value)],
        read_later: Option<ReadLater>,
    ) -> Result<Questionnaire, Vec<DefinitionError>> {
        let d = depth(value);
        if d > MAX_DEPTH {
            return Err(vec![root_error(ErrorKind::TooDeep { depth: d })]);
        }
        // Phase two: walk into the checked model.
        let mut p = Parser {
            read_later,
            ..Parser::default()
        };
        // Kept beside the contained ones: a canonical URL is never a FHIR id (no ':' or '/').
        for (reference, resource) in value_sets {
            if !reference.starts_with('#') {
                p.contained
                    .insert(reference.clone(), (String::new(), resource.clone()));
            }
        }
        let q = p.questionnaire(value);
        if p.errors.is_empty() {
            if let Some(q) = q {
                return Ok(q);
            }
        }
        Err(p.errors)
    }
}

/// The canonical value sets a definition's errors say it needs (each
/// [`ErrorKind::ValueSetNeedsServer`]'s reference once, in order): what to fetch from a
/// terminology server before [`Questionnaire::from_value_with`].
pub fn needed_value_sets(errors: &[DefinitionError]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for e in errors {
        if let ErrorKind::ValueSetNeedsServer { url } = &e.kind {
            if !out.contains(url) {
                out.push(url.clone());
            }
        }
    }
    out
}

/// Whether an element's own extensions hold a FHIRPath (or other) expression.
fn has_expression(v: &Value) -> bool {
    v.get("extension")
        .and_then(Value::as_array)
        .is_some_and(|list| list.iter().any(|e| e.get("valueExpression").is_some()))
}

/// Phase two's state: the problems found so far and the items read so far.
#[derive(Default)]
pub(super) struct Parser {
    /// Whether an item has an expression.
    pub(super) expressions: bool,
    pub(super) errors: Vec<DefinitionError>,
    pub(super) items: Vec<Item>,
    pub(super) index: StrMap<usize>,
    /// Conditions to check once every item is known: (item position, pointer, condition).
    pending: Vec<(usize, String, EnableWhen)>,
    /// The `contained` ValueSets by `id`, with their pointers, read when an item first names
    /// one (`answerValueSet: "#id"`): a broken one that no item uses stops nothing.
    contained: StrMap<(String, Value)>,
    /// The answer options of each contained ValueSet read so far (`None`: it has errors,
    /// already reported once).
    value_sets: StrMap<Option<Vec<AnswerOption>>>,
    /// The `contained` CodeSystems by `url`, with their pointers: a contained ValueSet that
    /// includes one whole lists its concepts (the NCI forms do this).
    code_systems: StrMap<(String, Value)>,
    /// Whether a question gives an answer to start with (`initial`, `initialSelected`), a
    /// pattern its answer must fit (`regex`) or a constraint (`targetConstraint`): what
    /// [`Parser::later`] reads.
    later: bool,
    /// What reads those with the definition; `None`: they are left for
    /// [`Questionnaire::read_later`] (by a function pointer, so that code that defers them
    /// does not carry the reading).
    read_later: Option<ReadLater>,
    /// The answers items start with, read so far.
    initial: Vec<(String, AnswerValue)>,
    /// The constraints on questions, read so far ([`Parser::constraints`]).
    constraints: Vec<Constraint>,
}

/// Reads what items leave for later ([`Parser::later`]).
type ReadLater = fn(&mut Parser, &Value, &[ScoreRule]);

impl Parser {
    pub(super) fn err(
        &mut self,
        pointer: impl Into<String>,
        link_id: Option<&str>,
        kind: ErrorKind,
    ) {
        self.errors.push(DefinitionError {
            pointer: pointer.into(),
            link_id: link_id.map(str::to_owned),
            kind,
        });
    }

    fn questionnaire(&mut self, v: &Value) -> Option<Questionnaire> {
        let Some(obj) = v.as_object() else {
            self.err(
                "",
                None,
                ErrorKind::WrongType {
                    field: "(document)".into(),
                    expected: "a JSON object",
                    found: type_name(v),
                },
            );
            return None;
        };
        match obj.get("resourceType") {
            Some(Value::String(s)) if s == "Questionnaire" => {}
            Some(Value::String(s)) => {
                self.err(
                    "/resourceType",
                    None,
                    ErrorKind::NotAQuestionnaire { found: s.clone() },
                );
                return None;
            }
            Some(other) => {
                self.wrong_type("/resourceType", None, "resourceType", "a string", other);
                return None;
            }
            None => {
                self.err(
                    "/resourceType",
                    None,
                    ErrorKind::Missing {
                        field: "resourceType",
                    },
                );
                return None;
            }
        }
        let url = self.opt_string(obj, "", "url", None);
        let version = self.opt_string(obj, "", "version", None);
        let name = self.opt_string(obj, "", "name", None);
        let language = self
            .opt_string(obj, "", "language", None)
            .unwrap_or_else(|| "en".to_owned());
        let title = self.text(obj, "", "title", None);
        self.collect_contained(obj);
        self.later |= extensions_map(obj, "").iter().any(|(_, e)| {
            e.get("url")
                .and_then(Value::as_str)
                .is_some_and(|u| u.ends_with("onstraint"))
        });
        let mut roots = Vec::new();
        match obj.get("item") {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if let Some(pos) = self.item(item, &join("/item", i), None) {
                        roots.push(pos);
                    }
                }
            }
            Some(other) => self.wrong_type("/item", None, "item", "an array", other),
            None => self.err("/item", None, ErrorKind::Missing { field: "item" }),
        }
        if self.items.len() > MAX_ITEMS {
            self.err("/item", None, ErrorKind::TooManyItems);
        }
        self.check_conditions();
        let (scores, flags) = self.scoring(obj);
        if let (Some(read), true) = (self.read_later, self.later) {
            read(self, v, &scores);
        }
        Some(Questionnaire {
            url,
            version,
            name,
            title,
            language,
            items: std::mem::take(&mut self.items),
            scores,
            flags,
            index: std::mem::take(&mut self.index),
            roots,
            expressions: (self.expressions || has_expression(v)).then(|| Box::new(v.clone())),
            unread_later: (self.later && self.read_later.is_none()).then(|| Box::new(v.clone())),
            initial: std::mem::take(&mut self.initial),
            constraints: std::mem::take(&mut self.constraints),
        })
    }

    /// Reads what items leave for later (see `later` above): the patterns text answers must
    /// fit first, as the answers items start with are checked against them.
    fn later(&mut self, v: &Value, scores: &[ScoreRule]) {
        self.patterns(v);
        self.constraints(v);
        self.initial_values(v, scores);
    }

    /// Reads the constraints answers must meet before the response is complete (SDC
    /// `targetConstraint`, R4 `questionnaire-constraint`) with severity `error`: on a question
    /// the patient answers or a group, with the words (`human`) to show when it is not met; its
    /// FHIRPath is read by [`crate::fhirpath::Program`]. On the questionnaire itself, display
    /// text or an item the patient does not answer it is refused, located (not checked yet:
    /// ignoring it would send as complete a response the form calls incomplete). A `warning`,
    /// which does not stop a response being complete, is read in the same places (its words
    /// shown under the question or the group), and left unread elsewhere.
    fn constraints(&mut self, v: &Value) {
        let Some(root) = v.as_object() else {
            return;
        };
        let mut places = vec![(String::new(), None, false, false, root)];
        for item in &self.items {
            if let Some(obj) = v.pointer(&item.pointer).and_then(Value::as_object) {
                let asked = item.kind.is_question() && item.asked();
                let group = matches!(item.kind, ItemKind::Group);
                let lid = Some(item.link_id.clone());
                places.push((item.pointer.clone(), lid, asked, group, obj));
            }
        }
        for (ptr, lid, asked, group, obj) in places {
            for (p, e) in extensions_map(obj, &ptr) {
                let url = e.get("url").and_then(Value::as_str).unwrap_or_default();
                if url != EXT_TARGET_CONSTRAINT && url != EXT_QUESTIONNAIRE_CONSTRAINT {
                    continue;
                }
                let parts = extensions_map(e, &p);
                let part = |name: &str| {
                    parts
                        .iter()
                        .find(|(_, s)| s.get("url").and_then(Value::as_str) == Some(name))
                };
                let warning = part("severity").and_then(|(_, s)| s.get("valueCode")?.as_str())
                    == Some("warning");
                if warning && !(asked || group) {
                    continue;
                }
                let (Some(link_id), true) = (&lid, asked || group) else {
                    let kind = ErrorKind::UnsupportedElement {
                        field: "targetConstraint",
                        hint: Unsupported::Constraint,
                    };
                    self.err(p, lid.as_deref(), kind);
                    continue;
                };
                let human = part("human").and_then(|(hp, h)| {
                    let (hp, h) = (hp.clone(), *h);
                    self.text(h, &hp, "valueString", Some(link_id))
                });
                let Some(human) = human else {
                    let kind = ErrorKind::Missing {
                        field: "human (valueString)",
                    };
                    self.err(join(&p, "extension"), Some(link_id), kind);
                    continue;
                };
                self.constraints.push(Constraint {
                    link_id: link_id.clone(),
                    pointer: p,
                    human,
                    warning,
                });
            }
        }
    }

    /// Reads each item's `regex` ([`crate::pattern`]): on a `string` or `text` item only, in the
    /// subset the core reads; anything else is a located error.
    fn patterns(&mut self, v: &Value) {
        for pos in 0..self.items.len() {
            let Some(item) = self.items.get(pos) else {
                continue;
            };
            let Some(obj) = v.pointer(&item.pointer).and_then(Value::as_object) else {
                continue;
            };
            let lid = item.link_id.clone();
            let text = matches!(item.kind, ItemKind::String { .. } | ItemKind::Text { .. });
            for (p, e) in extensions_map(obj, &item.pointer) {
                if e.get("url").and_then(Value::as_str) != Some(EXT_REGEX) {
                    continue;
                }
                if !text {
                    let kind = ErrorKind::UnsupportedElement {
                        field: "regex",
                        hint: Unsupported::Regex,
                    };
                    self.err(p, Some(&lid), kind);
                    continue;
                }
                let Some(source) = self.opt_string(e, &p, "valueString", Some(&lid)) else {
                    if e.get("valueString").is_none() {
                        let kind = ErrorKind::Missing {
                            field: "valueString",
                        };
                        self.err(join(&p, "valueString"), Some(&lid), kind);
                    }
                    continue;
                };
                match crate::pattern::Pattern::compile(&source) {
                    Ok(pattern) => {
                        let fits = move |t: &str| pattern.matches_whole(t);
                        if let Some(item) = self.items.get_mut(pos) {
                            item.pattern = Some(TextPattern(std::sync::Arc::new(fits)));
                        }
                    }
                    Err(e) => {
                        let problem = e.to_string();
                        let kind = ErrorKind::BadRegex { problem };
                        self.err(join(&p, "valueString"), Some(&lid), kind);
                    }
                }
            }
        }
    }

    /// Reads each question's answer to start with ([`Parser::initial`]) from the definition
    /// `v`, and refuses one on an item a score counts unless the item says the clinic means it
    /// (Rapport's `initial-scored`).
    fn initial_values(&mut self, v: &Value, scores: &[ScoreRule]) {
        for pos in 0..self.items.len() {
            let Some(item) = self.items.get(pos).cloned() else {
                continue;
            };
            let Some(obj) = v.pointer(&item.pointer).and_then(Value::as_object) else {
                continue;
            };
            let initial = self.initial(obj, &item.pointer, &item);
            let scored = scores.iter().any(|s| s.items.contains(&item.link_id));
            let meant = extensions_map(obj, &item.pointer).iter().any(|(_, e)| {
                e.get("url").and_then(Value::as_str) == Some(ext("initial-scored").as_str())
                    && e.get("valueBoolean") == Some(&Value::Bool(true))
            });
            if initial.is_some() && scored && !meant {
                let why = InitialProblem::Scored;
                self.err(
                    item.pointer,
                    Some(&item.link_id),
                    ErrorKind::BadInitial { why },
                );
            } else if let Some(v) = initial {
                self.initial.push((item.link_id, v));
            }
        }
    }

    pub(super) fn wrong_type(
        &mut self,
        pointer: &str,
        link_id: Option<&str>,
        field: &str,
        expected: &'static str,
        found: &Value,
    ) {
        self.err(
            pointer,
            link_id,
            ErrorKind::WrongType {
                field: field.to_owned(),
                expected,
                found: type_name(found),
            },
        );
    }

    fn opt_string(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        field: &str,
        link_id: Option<&str>,
    ) -> Option<String> {
        match obj.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.wrong_type(&join(base, field), link_id, field, "a string", other);
                None
            }
        }
    }

    fn opt_bool(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        field: &str,
        link_id: Option<&str>,
    ) -> bool {
        match obj.get(field) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.wrong_type(&join(base, field), link_id, field, "true or false", other);
                false
            }
        }
    }

    /// A text field with its `_field` translations.
    pub(super) fn text(
        &mut self,
        obj: &Map<String, Value>,
        base: &str,
        field: &str,
        link_id: Option<&str>,
    ) -> Option<Text> {
        let text = self.opt_string(obj, base, field, link_id)?;
        let mut translations = Vec::new();
        let mut rich = None;
        let under = format!("_{field}");
        if let Some(element) = obj.get(&under) {
            let ptr = join(base, &under);
            for (ext_ptr, e) in extensions(element, &ptr) {
                let url = e.get("url").and_then(Value::as_str);
                let format = match url {
                    Some(EXT_RENDERING_XHTML) => Some((Format::Xhtml, "valueString")),
                    Some(EXT_RENDERING_MARKDOWN) => Some((Format::Markdown, "valueMarkdown")),
                    _ => None,
                };
                if let Some((format, value)) = format {
                    if let Some(source) = self.opt_string(e, &ext_ptr, value, link_id) {
                        rich = Some(Box::new(Rich { format, source }));
                    }
                    continue;
                }
                if url != Some(EXT_TRANSLATION) {
                    continue;
                }
                let mut lang = None;
                let mut content = None;
                for (_, sub) in extensions_map(e, &ext_ptr) {
                    match sub.get("url").and_then(Value::as_str) {
                        Some("lang") => lang = sub.get("valueCode").and_then(Value::as_str),
                        Some("content") => content = sub.get("valueString").and_then(Value::as_str),
                        _ => {}
                    }
                }
                match (lang, content) {
                    (Some(l), Some(c)) => translations.push((l.to_owned(), c.to_owned())),
                    _ => self.err(
                        ext_ptr,
                        link_id,
                        ErrorKind::Missing {
                            field: "translation lang (valueCode) and content (valueString)",
                        },
                    ),
                }
            }
        }
        Some(Text {
            base: text,
            translations,
            rich,
        })
    }

    fn item(&mut self, v: &Value, ptr: &str, parent: Option<usize>) -> Option<usize> {
        let Some(obj) = v.as_object() else {
            self.wrong_type(ptr, None, "item", "an object", v);
            return None;
        };
        let link_id = match obj.get("linkId") {
            // The unit separator names instances of repeating groups (`instances.rs`).
            Some(Value::String(s)) if s.contains(super::instances::SEP) => {
                self.err(
                    join(ptr, "linkId"),
                    None,
                    ErrorKind::BadValue {
                        field: "linkId".into(),
                        value: "…U+001F…".into(),
                        allowed: Allowed::NoUnitSeparator,
                    },
                );
                return None;
            }
            Some(Value::String(s)) if !s.is_empty() => s.clone(),
            Some(Value::String(_)) | None => {
                self.err(
                    join(ptr, "linkId"),
                    None,
                    ErrorKind::Missing { field: "linkId" },
                );
                return None;
            }
            Some(other) => {
                self.wrong_type(&join(ptr, "linkId"), None, "linkId", "a string", other);
                return None;
            }
        };
        // A read-only item (`readOnly`) is shown with its value and sent, never changed; one
        // that can have no value (no `initial`, no options to select: a server's prefill, say)
        // is left out, as drawn here it would be a question the patient could answer, or an
        // empty box (a read-only choice whose options select none is kept and never drawn).
        // A hidden one (`questionnaire-hidden`), which the patient is not to see, is left out
        // likewise, with everything under it, unless its value is worked out or given (sent,
        // never drawn). A read-only or hidden group is left out with everything under it (one
        // that gives an initial value is refused: a group is not answered).
        let extensions_here: Vec<(String, &Map<String, Value>)> =
            extensions(v, ptr).into_iter().collect();
        let (mut calculated, mut hidden, mut enable_expression) = (false, false, false);
        // SDC's `answerExpression` lists a choice's options from the answers (`fhirpath::sdc`).
        let mut listed = false;
        for (_, e) in &extensions_here {
            let url = e.get("url").and_then(Value::as_str).unwrap_or_default();
            // A `regex` or a constraint is read later (`Parser::patterns`, `Parser::constraints`);
            // a constraint's FHIRPath by `crate::fhirpath`.
            let constraint = url.ends_with("onstraint");
            self.later |= url == EXT_REGEX || constraint;
            self.expressions |= constraint;
            calculated |= url.ends_with("calculatedExpression");
            enable_expression |= url.ends_with("enableWhenExpression");
            listed |= url.ends_with("answerExpression");
            hidden |= url == EXT_HIDDEN && e.get("valueBoolean") == Some(&Value::Bool(true));
        }
        let read_only = obj.get("readOnly").and_then(Value::as_bool) == Some(true) || hidden;
        // (An option with `initialSelected` is found when the options are read.)
        let given = obj.contains_key("initial");
        if read_only && !calculated && !given && !obj.contains_key("answerOption") {
            return None;
        }
        // Expressions (SDC `variable`, `calculatedExpression`, `initialExpression`…) are read
        // by `crate::fhirpath`, from the definition kept for it.
        self.expressions |= has_expression(v);
        let lid = Some(link_id.as_str());
        let type_ptr = join(ptr, "type");
        let item_type = match obj.get("type") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => {
                self.wrong_type(&type_ptr, lid, "type", "a string", other);
                return None;
            }
            None => {
                self.err(type_ptr, lid, ErrorKind::Missing { field: "type" });
                return None;
            }
        };
        let text = self.text(obj, ptr, "text", lid);
        let prefix = self.text(obj, ptr, "prefix", lid);
        let required = self.opt_bool(obj, ptr, "required", lid);
        let control = extensions_here.iter().find_map(|(_, e)| {
            (e.get("url").and_then(Value::as_str) == Some(EXT_ITEM_CONTROL))
                .then(|| {
                    e.get("valueCodeableConcept")
                        .and_then(|c| c.get("coding"))
                        .and_then(Value::as_array)
                        .and_then(|c| c.first())
                        .and_then(|c| c.get("code"))
                        .and_then(Value::as_str)
                        .map(str::to_owned)
                })
                .flatten()
        });
        let entry_format = extensions_here
            .iter()
            .find(|(_, e)| e.get("url").and_then(Value::as_str) == Some(EXT_ENTRY_FORMAT))
            .and_then(|(p, e)| self.text(e, p, "valueString", lid));
        // The unit of a number (`questionnaire-unit`, a coding): its `display` (with `_display`
        // translations), else its code, shown after the field. Read for integer and decimal
        // items only (FHIR's context for it besides quantity).
        let unit = extensions_here
            .iter()
            .filter(|_| matches!(item_type.as_str(), "integer" | "decimal"))
            .find(|(_, e)| e.get("url").and_then(Value::as_str) == Some(EXT_UNIT))
            .and_then(|(p, e)| {
                let p = join(p, "valueCoding");
                let coding = e.get("valueCoding").and_then(Value::as_object)?;
                self.text(coding, &p, "display", lid).or_else(|| {
                    self.opt_string(coding, &p, "code", lid).map(|code| Text {
                        base: code,
                        ..Text::default()
                    })
                })
            });
        let reverse_scored = extensions_here.iter().any(|(_, e)| {
            e.get("url").and_then(Value::as_str) == Some(ext("reverse-scored").as_str())
                && e.get("valueBoolean") == Some(&Value::Bool(true))
        });
        let number_ext = |url: &str| {
            extensions_here.iter().find_map(|(p, e)| {
                (e.get("url").and_then(Value::as_str) == Some(url)).then(|| {
                    let v = e
                        .get("valueInteger")
                        .or_else(|| e.get("valueDecimal"))
                        .and_then(Value::as_f64);
                    (p.clone(), v)
                })
            })
        };
        let mut min = number_ext(EXT_MIN_VALUE);
        let mut max = number_ext(EXT_MAX_VALUE);
        let step = number_ext(EXT_SLIDER_STEP);
        // Bounds on a date, dateTime or time item (`valueDate`, …) are not checked yet: refused
        // where they are rather than ignored, as a patient could otherwise send a day the
        // clinic ruled out.
        if matches!(item_type.as_str(), "date" | "dateTime" | "time") {
            for (p, _) in [min.take(), max.take()].into_iter().flatten() {
                self.err(
                    p,
                    lid,
                    ErrorKind::UnsupportedElement {
                        field: "minValue/maxValue",
                        hint: Unsupported::DateLimits,
                    },
                );
            }
        }
        for (p, v) in [&min, &max, &step].into_iter().flatten() {
            if v.is_none_or(|x| !x.is_finite()) {
                self.err(
                    p.clone(),
                    lid,
                    ErrorKind::Missing {
                        field: "valueInteger or valueDecimal",
                    },
                );
            }
        }
        let min = min.and_then(|(_, v)| v);
        let max = max.and_then(|(_, v)| v);
        if let (Some(a), Some(b)) = (min, max) {
            if a > b {
                self.err(ptr, lid, ErrorKind::MinAboveMax);
            }
        }
        let max_length = match obj.get("maxLength") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|n| n > 0) => {
                Some((n.as_u64().unwrap_or(0) as usize).min(MAX_TEXT_LENGTH))
            }
            Some(other) => {
                self.wrong_type(
                    &join(ptr, "maxLength"),
                    lid,
                    "maxLength",
                    "a positive integer",
                    other,
                );
                None
            }
        };
        // The fewest characters of a text answer (`minLength`, on string and text): 0 is no
        // minimum (as real forms write it); no more than maxLength (else no answer could be
        // given).
        let min_length = extensions_here
            .iter()
            .filter(|_| matches!(item_type.as_str(), "string" | "text"))
            .find(|(_, e)| e.get("url").and_then(Value::as_str) == Some(EXT_MIN_LENGTH))
            .and_then(
                |(p, e)| match e.get("valueInteger").and_then(Value::as_u64) {
                    Some(0) => None,
                    Some(n) if max_length.is_none_or(|m| n as usize <= m) => {
                        Some((n as usize).min(MAX_TEXT_LENGTH))
                    }
                    _ => {
                        self.err(
                            join(p, "valueInteger"),
                            lid,
                            ErrorKind::BadValue {
                                field: "minLength".into(),
                                value: e
                                    .get("valueInteger")
                                    .map(crate::json::describe)
                                    .unwrap_or_default(),
                                allowed: Allowed::LengthUpToMax,
                            },
                        );
                        None
                    }
                },
            );
        let kind = match item_type.as_str() {
            "group" => ItemKind::Group,
            "display" => ItemKind::Display,
            "choice" | "open-choice" => {
                // FHIR's open-choice: the options, or words of the patient's own, under the
                // definition's label for them (SDC `openLabel`, translatable like any text).
                let open = (item_type == "open-choice").then(|| {
                    extensions_here
                        .iter()
                        .find(|(_, e)| e.get("url").and_then(Value::as_str) == Some(EXT_OPEN_LABEL))
                        .and_then(|(p, e)| self.text(e, p, "valueString", lid))
                        .unwrap_or_default()
                });
                // A drop-down (or an autocomplete, which a long native list also answers: type
                // to jump) for a choice of one of its options; else the orientation asked for.
                let drop_down = matches!(control.as_deref(), Some("drop-down" | "autocomplete"));
                let horizontal = extensions_here.iter().any(|(_, e)| {
                    e.get("url").and_then(Value::as_str) == Some(EXT_CHOICE_ORIENTATION)
                        && e.get("valueCode").and_then(Value::as_str) == Some("horizontal")
                });
                let repeats = obj.get("repeats") == Some(&Value::Bool(true));
                let layout = match (drop_down && open.is_none() && !repeats, horizontal) {
                    (true, _) => ChoiceLayout::DropDown,
                    (false, true) => ChoiceLayout::Horizontal,
                    (false, false) => ChoiceLayout::Vertical,
                };
                ItemKind::Choice {
                    options: self.options(obj, ptr, lid, open.is_some(), listed),
                    open,
                    layout,
                }
            }
            "integer" => {
                let to_i =
                    |x: Option<f64>| x.map(|x| x.clamp(i64::MIN as f64, i64::MAX as f64) as i64);
                let (min, max) = (to_i(min), to_i(max));
                let wants_slider = control.as_deref() == Some("slider");
                let span = match (min, max) {
                    (Some(a), Some(b)) => b.checked_sub(a),
                    _ => None,
                };
                let control = if wants_slider && span.is_some() {
                    NumericControl::Slider
                } else if span.is_some_and(|s| (0..=10).contains(&s)) {
                    NumericControl::RadioRow
                } else {
                    NumericControl::Input
                };
                let step = to_i(step.and_then(|(_, v)| v))
                    .filter(|s| *s > 0)
                    .unwrap_or(1);
                ItemKind::Integer {
                    min,
                    max,
                    control,
                    step,
                }
            }
            "decimal" => ItemKind::Decimal { min, max },
            "boolean" => ItemKind::Boolean,
            "string" => ItemKind::String { max_length },
            "text" => ItemKind::Text { max_length },
            "quantity" => ItemKind::Quantity {
                units: self.units(&extensions_here, lid),
            },
            "date" => ItemKind::Date,
            "dateTime" => ItemKind::DateTime,
            "time" => ItemKind::Time,
            other => {
                self.err(
                    type_ptr,
                    lid,
                    ErrorKind::UnsupportedType {
                        item_type: other.to_owned(),
                    },
                );
                return None;
            }
        };
        // Several answers to one item: check boxes for a choice (and, on an open-choice, the
        // patient's own words beside the ticks), rows of text, numbers, quantities, dates or
        // times, instances of a repeating group (`instances.rs`); refused elsewhere (a yes/no,
        // display text) rather than ignored, which would lose answers.
        let repeats = match obj.get("repeats") {
            None | Some(Value::Null) | Some(Value::Bool(false)) => false,
            // A quantity whose unit the patient writes in words: one answer (its rows would each
            // need a unit field of their own).
            Some(Value::Bool(true))
                if !matches!(kind, ItemKind::Boolean | ItemKind::Display)
                    && !matches!(&kind, ItemKind::Quantity { units } if units.is_empty()) =>
            {
                true
            }
            Some(Value::Bool(true)) => {
                self.err(
                    join(ptr, "repeats"),
                    lid,
                    ErrorKind::UnsupportedElement {
                        field: "repeats",
                        hint: Unsupported::Repeats,
                    },
                );
                false
            }
            Some(other) => {
                self.wrong_type(
                    &join(ptr, "repeats"),
                    lid,
                    "repeats",
                    "true or false",
                    other,
                );
                false
            }
        };
        let enable_behavior = match obj.get("enableBehavior") {
            None | Some(Value::Null) => EnableBehavior::All,
            Some(Value::String(s)) if s == "all" => EnableBehavior::All,
            Some(Value::String(s)) if s == "any" => EnableBehavior::Any,
            Some(other) => {
                self.err(
                    join(ptr, "enableBehavior"),
                    lid,
                    ErrorKind::BadValue {
                        field: "enableBehavior".into(),
                        value: crate::json::describe(other),
                        allowed: Allowed::AllOrAny,
                    },
                );
                EnableBehavior::All
            }
        };
        let pos = self.items.len();
        if self.index.contains_key(&link_id) {
            self.err(join(ptr, "linkId"), lid, ErrorKind::DuplicateLinkId);
        } else {
            self.index.insert(link_id.clone(), pos);
        }
        self.conditions(obj, ptr, &link_id, pos);
        let item = Item {
            link_id: link_id.clone(),
            pointer: ptr.to_owned(),
            kind: kind.clone(),
            text,
            prefix,
            entry_format,
            unit,
            min_length,
            pattern: None,
            required,
            repeats,
            enable_when: Vec::new(),
            enable_behavior,
            reverse_scored,
            calculated,
            hidden,
            read_only: read_only && !calculated,
            enable_expression,
            parent,
            children: Vec::new(),
        };
        self.later |= given;
        self.items.push(item);
        if self.items.len() > MAX_ITEMS {
            return Some(pos);
        }
        let children = match obj.get("item") {
            Some(Value::Array(items)) => {
                let mut children = Vec::new();
                for (i, child) in items.iter().enumerate() {
                    if let Some(c) = self.item(child, &join(&join(ptr, "item"), i), Some(pos)) {
                        children.push(c);
                    }
                }
                children
            }
            None | Some(Value::Null) => Vec::new(),
            Some(other) => {
                self.wrong_type(&join(ptr, "item"), lid, "item", "an array", other);
                Vec::new()
            }
        };
        // No items, `"item": null` and `"item": []` are all an empty group; a group whose
        // items all failed has its errors already.
        let no_items = match obj.get("item") {
            None | Some(Value::Null) => true,
            Some(Value::Array(items)) => items.is_empty(),
            Some(_) => false,
        };
        if kind == ItemKind::Group && no_items {
            self.err(ptr, lid, ErrorKind::EmptyGroup);
        }
        // FHIR allows items under a question (asked once it is answered, answered inside its
        // answer) and forbids them under display text. Under a question that repeats they would
        // be asked once per answer, which Rapport does not draw: said rather than lose answers.
        if !no_items && (kind == ItemKind::Display || (repeats && kind != ItemKind::Group)) {
            self.err(join(ptr, "item"), lid, ErrorKind::ItemsUnderQuestion);
        }
        if let Some(item) = self.items.get_mut(pos) {
            item.children = children;
        }
        Some(pos)
    }

    /// The answer an item starts with: its `initial` values, or its options with
    /// `initialSelected`, checked like a patient's answer (an option's coding or a unit is
    /// taken as the definition lists it). Each problem is located.
    fn initial(&mut self, obj: &Map<String, Value>, ptr: &str, item: &Item) -> Option<AnswerValue> {
        if let Some(other) = obj.get("initial").filter(|v| !v.is_array() && !v.is_null()) {
            self.wrong_type(
                &join(ptr, "initial"),
                Some(&item.link_id),
                "initial",
                "an array",
                other,
            );
        }
        let listed = |key: &str| {
            let list = obj.get(key).and_then(Value::as_array);
            list.into_iter().flatten().enumerate()
        };
        // Each value where it is written: `initial`'s entries, then the selected options.
        let mut found: Vec<(String, &Value)> = Vec::new();
        for (i, e) in listed("initial") {
            found.push((join(&join(ptr, "initial"), i), e));
        }
        for (i, o) in listed("answerOption") {
            if o.get("initialSelected") == Some(&Value::Bool(true)) {
                found.push((
                    join(&join(&join(ptr, "answerOption"), i), "initialSelected"),
                    o,
                ));
            }
        }
        // A choice whose options could not be read (a value set a server must expand, say)
        // has its error already: its initial values cannot be checked against them yet.
        if matches!(&item.kind, ItemKind::Choice { options, .. } if options.is_empty()) {
            return None;
        }
        let mut values = Vec::new();
        for (n, (p, v)) in found.into_iter().enumerate() {
            let why = match v.as_object().and_then(|o| value_x(o, "value")) {
                _ if item.calculated || !item.kind.is_question() => {
                    Some(InitialProblem::NotAQuestion)
                }
                _ if n > 0 && !item.repeats => Some(InitialProblem::Several),
                None => Some(InitialProblem::NoValue),
                Some(v) => {
                    values.push(as_listed(&item.kind, v));
                    // With the values before it: the same option twice is not two answers.
                    let so_far = match item.repeats {
                        true => AnswerValue::Many(values.clone()),
                        false => values.first()?.clone(),
                    };
                    crate::validate::check_item_answer(item, &so_far)
                        .map(|issue| InitialProblem::NotAnAnswer { issue })
                }
            };
            if let Some(why) = why {
                self.err(p, Some(&item.link_id), ErrorKind::BadInitial { why });
                return None;
            }
        }
        match item.repeats {
            true if !values.is_empty() => Some(AnswerValue::Many(values)),
            _ => values.pop(),
        }
    }

    fn options(
        &mut self,
        obj: &Map<String, Value>,
        ptr: &str,
        lid: Option<&str>,
        open: bool,
        listed: bool,
    ) -> Vec<AnswerOption> {
        let value_set = obj.get("answerValueSet");
        let Some(list) = obj.get("answerOption") else {
            return match value_set {
                Some(Value::String(reference)) => {
                    let vptr = join(ptr, "answerValueSet");
                    self.value_set_options(reference, &vptr, lid)
                }
                Some(other) => {
                    self.wrong_type(
                        &join(ptr, "answerValueSet"),
                        lid,
                        "answerValueSet",
                        "a string",
                        other,
                    );
                    Vec::new()
                }
                None if listed => Vec::new(),
                None => {
                    self.err(ptr, lid, ErrorKind::NoOptions);
                    Vec::new()
                }
            };
        };
        if value_set.is_some() {
            // FHIR's que-4: the answers come from one place.
            self.err(
                join(ptr, "answerValueSet"),
                lid,
                ErrorKind::BadValue {
                    field: "answerValueSet".into(),
                    value: "given with answerOption".into(),
                    allowed: Allowed::OptionsOrValueSet,
                },
            );
        }
        let Some(list) = list.as_array() else {
            self.wrong_type(
                &join(ptr, "answerOption"),
                lid,
                "answerOption",
                "an array",
                list,
            );
            return Vec::new();
        };
        if list.is_empty() {
            self.err(join(ptr, "answerOption"), lid, ErrorKind::NoOptions);
        }
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for (i, opt) in list.iter().enumerate() {
            let optr = join(&join(ptr, "answerOption"), i);
            // The answer to start with (`Parser::initial`).
            self.later |= opt.get("initialSelected").is_some();
            // A text option: its text is the answer and the label. Not on an open-choice,
            // whose own words are text too and would be taken for it.
            if let (Some(Value::String(_)), Some(o), false) =
                (opt.get("valueString"), opt.as_object(), open)
            {
                let holders = [extensions(opt, &optr)];
                let mut text = self.option(o, &optr, None, &holders, lid, &mut seen);
                if let Some(t) = text.as_mut() {
                    t.text = true;
                }
                out.extend(text);
                continue;
            }
            let Some(coding) = opt.get("valueCoding").and_then(Value::as_object) else {
                self.err(
                    optr,
                    lid,
                    ErrorKind::Missing {
                        field: if open {
                            "valueCoding"
                        } else {
                            "valueCoding or valueString"
                        },
                    },
                );
                continue;
            };
            let cptr = join(&optr, "valueCoding");
            let system = self.opt_string(coding, &cptr, "system", lid);
            // ordinalValue / itemWeight may sit on the option or on the coding.
            let holders = [extensions(opt, &optr), extensions_map(coding, &cptr)];
            if let Some(option) = self.option(coding, &cptr, system, &holders, lid, &mut seen) {
                out.push(option);
            }
        }
        out
    }

    /// The units of a `quantity` item: its `questionnaire-unitOption` codings, else its one
    /// `questionnaire-unit`; none when it names none (the patient writes the unit in words). The
    /// SDC extensions that would limit the answer or list the units elsewhere are a located
    /// error (not applied yet: ignoring them would let a patient send what the clinic ruled
    /// out, or nothing they could choose).
    fn units(
        &mut self,
        extensions_here: &[(String, &Map<String, Value>)],
        lid: Option<&str>,
    ) -> Vec<AnswerOption> {
        let mut units = Vec::new();
        let mut seen = Vec::new();
        for want in [EXT_UNIT_OPTION, EXT_UNIT] {
            for (p, e) in extensions_here {
                let url = e.get("url").and_then(Value::as_str).unwrap_or_default();
                if url.ends_with("unitValueSet")
                    || url.ends_with("minQuantity")
                    || url.ends_with("maxQuantity")
                {
                    if want == EXT_UNIT {
                        self.err(
                            p.clone(),
                            lid,
                            ErrorKind::UnsupportedElement {
                                field: "extension",
                                hint: Unsupported::QuantityExtension,
                            },
                        );
                    }
                    continue;
                }
                if url != want || !units.is_empty() && want == EXT_UNIT {
                    continue;
                }
                let cptr = join(p, "valueCoding");
                let Some(coding) = e.get("valueCoding").and_then(Value::as_object) else {
                    self.err(
                        cptr,
                        lid,
                        ErrorKind::Missing {
                            field: "valueCoding",
                        },
                    );
                    continue;
                };
                let system = coding
                    .get("system")
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                if let Some(unit) = self.option(coding, &cptr, system, &[], lid, &mut seen) {
                    units.push(unit);
                }
            }
        }
        units
    }

    /// One answer option from a coding-like object (`valueCoding`, a ValueSet `concept` or an
    /// expansion's `contains`) at `cptr`: its `code`, `display` (with `_display` translations
    /// and, for a ValueSet, `designation`s that name a language), the `system` given, and the
    /// points of an `ordinalValue`/`itemWeight` among `holders`' extensions. `seen` holds the
    /// codes so far (sorted), for duplicates.
    fn option(
        &mut self,
        coding: &Map<String, Value>,
        cptr: &str,
        system: Option<String>,
        holders: &[Vec<(String, &Map<String, Value>)>],
        lid: Option<&str>,
        seen: &mut Vec<String>,
    ) -> Option<AnswerOption> {
        // A text option (no system) is its `valueString`, code and label at once.
        let (code_field, display_field) = match system {
            None if coding.contains_key("valueString") => ("valueString", "valueString"),
            _ => ("code", "display"),
        };
        let Some(code) = coding.get(code_field).and_then(Value::as_str) else {
            self.err(
                join(cptr, code_field),
                lid,
                ErrorKind::Missing { field: "code" },
            );
            return None;
        };
        match seen.binary_search_by(|c| c.as_str().cmp(code)) {
            Ok(_) => self.err(
                join(cptr, "code"),
                lid,
                ErrorKind::DuplicateOption { code: code.into() },
            ),
            Err(at) => seen.insert(at, code.to_owned()),
        }
        let mut display = self.text(coding, cptr, display_field, lid);
        if let (Some(text), Some(Value::Array(designations))) =
            (display.as_mut(), coding.get("designation"))
        {
            for d in designations {
                if let (Some(lang), Some(value)) = (
                    d.get("language").and_then(Value::as_str),
                    d.get("value").and_then(Value::as_str),
                ) {
                    text.translations.push((lang.to_owned(), value.to_owned()));
                }
            }
        }
        let score = holders.iter().find_map(|list| {
            list.iter().find_map(|(_, e)| {
                let url = e.get("url").and_then(Value::as_str)?;
                (url == EXT_ORDINAL_VALUE || url == EXT_ITEM_WEIGHT)
                    .then(|| e.get("valueDecimal").or_else(|| e.get("valueInteger")))
                    .flatten()
                    .and_then(Value::as_f64)
            })
        });
        let not_applicable = holders.iter().any(|list| {
            list.iter().any(|(_, e)| {
                e.get("url").and_then(Value::as_str) == Some(ext("not-applicable").as_str())
                    && e.get("valueBoolean").and_then(Value::as_bool) == Some(true)
            })
        });
        Some(AnswerOption {
            code: code.to_owned(),
            system,
            display,
            score,
            not_applicable,
            text: false,
        })
    }

    /// Keeps the definition's `contained` ValueSets by `id`, to be read when an item names one.
    fn collect_contained(&mut self, obj: &Map<String, Value>) {
        let Some(Value::Array(list)) = obj.get("contained") else {
            return;
        };
        for (i, resource) in list.iter().enumerate() {
            let kind = resource.get("resourceType").and_then(Value::as_str);
            if let (Some("CodeSystem"), Some(url)) =
                (kind, resource.get("url").and_then(Value::as_str))
            {
                if !self.code_systems.contains_key(url) {
                    self.code_systems
                        .insert(url.to_owned(), (join("/contained", i), resource.clone()));
                }
            }
            if let (Some("ValueSet"), Some(id)) = (kind, resource.get("id").and_then(Value::as_str))
            {
                if !self.contained.contains_key(id) {
                    self.contained
                        .insert(id.to_owned(), (join("/contained", i), resource.clone()));
                }
            }
        }
    }

    /// The answer options of `answerValueSet` (at `vptr`): a contained ValueSet (`#id`) read
    /// from its `expansion.contains` or its `compose.include.concept` lists. A canonical URL
    /// would need a terminology server, and a ValueSet that includes codes by filter or a whole
    /// code system cannot be listed offline: both are located errors.
    fn value_set_options(
        &mut self,
        reference: &str,
        vptr: &str,
        lid: Option<&str>,
    ) -> Vec<AnswerOption> {
        // A contained one by `#id`; one given by its canonical URL (see `from_value_with`) by
        // the reference itself, its problems located at the reference.
        let (id, canonical) = match reference.strip_prefix('#') {
            Some(id) => (id, false),
            None => (reference, true),
        };
        if let Some(read) = self.value_sets.get(id) {
            return read.clone().unwrap_or_default();
        }
        let found = self.contained.get(id).cloned();
        let Some((pointer, resource)) = found.filter(|(p, _)| p.is_empty() == canonical) else {
            if canonical {
                self.err(
                    vptr,
                    lid,
                    ErrorKind::ValueSetNeedsServer {
                        url: reference.to_owned(),
                    },
                );
                return Vec::new();
            }
            self.err(
                vptr,
                lid,
                ErrorKind::UnknownValueSet {
                    reference: reference.to_owned(),
                },
            );
            return Vec::new();
        };
        let before = self.errors.len();
        let options = self.read_value_set(&resource, &pointer, reference, lid);
        if canonical {
            // Not in the definition: its problems are placed at the reference that named it.
            for e in self.errors.iter_mut().skip(before) {
                e.pointer = vptr.to_owned();
            }
        }
        let read = (self.errors.len() == before).then_some(options);
        self.value_sets.insert(id.to_owned(), read.clone());
        read.unwrap_or_default()
    }

    fn read_value_set(
        &mut self,
        vs: &Value,
        vptr: &str,
        reference: &str,
        lid: Option<&str>,
    ) -> Vec<AnswerOption> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        let before = self.errors.len();
        if let Some(expansion) = vs.get("expansion") {
            let eptr = join(&join(vptr, "expansion"), "contains");
            match expansion.get("contains") {
                Some(Value::Array(list)) => {
                    self.codes(list, &eptr, "contains", None, lid, &mut seen, &mut out);
                }
                _ => self.err(
                    eptr,
                    lid,
                    ErrorKind::Missing {
                        field: "expansion.contains",
                    },
                ),
            }
        } else {
            let compose = vs.get("compose");
            let not_listed = |why: &'static str| ErrorKind::ValueSetNotListed {
                reference: reference.to_owned(),
                why,
            };
            if compose.and_then(|c| c.get("exclude")).is_some() {
                self.err(
                    join(&join(vptr, "compose"), "exclude"),
                    lid,
                    not_listed("it excludes codes"),
                );
                return out;
            }
            let Some(Value::Array(includes)) = compose.and_then(|c| c.get("include")) else {
                self.err(
                    vptr,
                    lid,
                    ErrorKind::Missing {
                        field: "compose.include or expansion.contains",
                    },
                );
                return out;
            };
            for (i, include) in includes.iter().enumerate() {
                let iptr = join(&join(&join(vptr, "compose"), "include"), i);
                let Some(include) = include.as_object() else {
                    self.wrong_type(&iptr, lid, "include", "an object", include);
                    continue;
                };
                if include.contains_key("filter") || include.contains_key("valueSet") {
                    self.err(
                        iptr,
                        lid,
                        not_listed("it includes codes by a filter or from another value set"),
                    );
                    continue;
                }
                let system = self.opt_string(include, &iptr, "system", lid);
                if let Some(Value::Array(concepts)) = include.get("concept") {
                    let cptr = join(&iptr, "concept");
                    self.codes(
                        concepts,
                        &cptr,
                        "concept",
                        Some(&system),
                        lid,
                        &mut seen,
                        &mut out,
                    );
                    continue;
                }
                // A whole code system: listed when the definition contains all of it.
                let whole = system
                    .as_deref()
                    .and_then(|url| self.code_systems.get(url).cloned())
                    .filter(|(_, cs)| {
                        cs.get("content")
                            .and_then(Value::as_str)
                            .unwrap_or("complete")
                            == "complete"
                    });
                match whole.as_ref().map(|(p, cs)| (p, cs.get("concept"))) {
                    Some((csptr, Some(Value::Array(concepts)))) => {
                        let cptr = join(csptr, "concept");
                        self.codes(concepts, &cptr, "concept", Some(&system), lid, &mut seen, &mut out);
                    }
                    _ => self.err(
                        iptr,
                        lid,
                        not_listed("it includes a whole code system that the definition does not contain in full"),
                    ),
                }
            }
        }
        if out.is_empty() && self.errors.len() == before {
            self.err(vptr, lid, ErrorKind::NoOptions);
        }
        out
    }

    /// The answers of a list of codes: an expansion's `contains` (each with its own `system`;
    /// `nested` is `"contains"`), or a `concept` list (a ValueSet include's or a contained
    /// CodeSystem's, of one `system`; `nested` is `"concept"`). Nested entries are flattened;
    /// headings (`abstract`, `notSelectable`) and retired codes (`inactive`) are not answers.
    #[allow(clippy::too_many_arguments)]
    fn codes(
        &mut self,
        list: &[Value],
        ptr: &str,
        nested: &str,
        system: Option<&Option<String>>,
        lid: Option<&str>,
        seen: &mut Vec<String>,
        out: &mut Vec<AnswerOption>,
    ) {
        for (i, entry) in list.iter().enumerate() {
            let eptr = join(ptr, i);
            let Some(e) = entry.as_object() else {
                self.wrong_type(&eptr, lid, nested, "an object", entry);
                continue;
            };
            let flagged = |f: &str| e.get(f) == Some(&Value::Bool(true));
            let heading = flagged("abstract")
                || flagged("inactive")
                || e.get("property")
                    .and_then(Value::as_array)
                    .is_some_and(|props| {
                        props.iter().any(|p| {
                            p.get("code").and_then(Value::as_str) == Some("notSelectable")
                                && p.get("valueBoolean") == Some(&Value::Bool(true))
                        })
                    });
            if !heading {
                let system = match system {
                    Some(s) => s.clone(),
                    None => self.opt_string(e, &eptr, "system", lid),
                };
                let holders = [extensions_map(e, &eptr)];
                if let Some(o) = self.option(e, &eptr, system, &holders, lid, seen) {
                    out.push(o);
                }
            }
            if let Some(Value::Array(more)) = e.get(nested) {
                self.codes(more, &join(&eptr, nested), nested, system, lid, seen, out);
            }
        }
    }

    fn conditions(&mut self, obj: &Map<String, Value>, ptr: &str, link_id: &str, pos: usize) {
        let lid = Some(link_id);
        let list = match obj.get("enableWhen") {
            None | Some(Value::Null) => return,
            Some(Value::Array(a)) => a,
            Some(other) => {
                self.wrong_type(
                    &join(ptr, "enableWhen"),
                    lid,
                    "enableWhen",
                    "an array",
                    other,
                );
                return;
            }
        };
        for (i, cond) in list.iter().enumerate() {
            let cptr = join(&join(ptr, "enableWhen"), i);
            let Some(c) = cond.as_object() else {
                self.wrong_type(&cptr, lid, "enableWhen", "an object", cond);
                continue;
            };
            let Some(question) = c.get("question").and_then(Value::as_str) else {
                self.err(
                    join(&cptr, "question"),
                    lid,
                    ErrorKind::Missing { field: "question" },
                );
                continue;
            };
            let operator = match c.get("operator").and_then(Value::as_str) {
                Some("exists") => Operator::Exists,
                Some("=") => Operator::Equal,
                Some("!=") => Operator::NotEqual,
                Some(">") => Operator::Greater,
                Some("<") => Operator::Less,
                Some(">=") => Operator::GreaterOrEqual,
                Some("<=") => Operator::LessOrEqual,
                Some(other) => {
                    self.err(
                        join(&cptr, "operator"),
                        lid,
                        ErrorKind::BadValue {
                            field: "operator".into(),
                            value: other.into(),
                            allowed: Allowed::Operator,
                        },
                    );
                    continue;
                }
                None => {
                    self.err(
                        join(&cptr, "operator"),
                        lid,
                        ErrorKind::Missing { field: "operator" },
                    );
                    continue;
                }
            };
            let answer = answer_x(c);
            let Some(answer) = answer else {
                self.err(
                    cptr,
                    lid,
                    ErrorKind::BadCondition {
                        why: ConditionProblem::NoAnswer,
                    },
                );
                continue;
            };
            self.pending.push((
                pos,
                cptr,
                EnableWhen {
                    question: question.to_owned(),
                    operator,
                    answer,
                },
            ));
        }
    }

    /// The positions of the repeating groups at and above `at`.
    pub(super) fn repeating_groups_around(&self, mut at: Option<usize>) -> Vec<usize> {
        let mut groups = Vec::new();
        while let Some((p, item)) = at.and_then(|p| Some((p, self.items.get(p)?))) {
            if item.repeats && item.kind == ItemKind::Group {
                groups.push(p);
            }
            // A parent comes before its children.
            at = item.parent.filter(|&q| q < p);
        }
        groups
    }

    /// Checks conditions once every item is known: the question exists, comes earlier, and the
    /// answer type fits the operator and the question.
    fn check_conditions(&mut self) {
        for (pos, cptr, cond) in std::mem::take(&mut self.pending) {
            let link_id = self.items.get(pos).map(|i| i.link_id.clone());
            let lid = link_id.as_deref();
            let Some(&target) = self.index.get(&cond.question) else {
                self.err(
                    join(&cptr, "question"),
                    lid,
                    ErrorKind::UnknownQuestion {
                        question: cond.question.clone(),
                    },
                );
                continue;
            };
            if target >= pos {
                self.err(
                    join(&cptr, "question"),
                    lid,
                    ErrorKind::QuestionNotEarlier {
                        question: cond.question.clone(),
                    },
                );
                continue;
            }
            // Which instance's answer would count is unclear for a question inside a repeating
            // group the item is not in: said, not guessed.
            let mine = self.repeating_groups_around(Some(pos));
            if self
                .repeating_groups_around(Some(target))
                .iter()
                .any(|g| !mine.contains(g))
            {
                self.err(
                    join(&cptr, "question"),
                    lid,
                    ErrorKind::OutsideRepeatingGroup {
                        question: cond.question.clone(),
                    },
                );
                continue;
            }
            let target_kind = self.items.get(target).map(|i| i.kind.clone());
            let problem = condition_problem(&cond, target_kind.as_ref());
            if let Some(why) = problem {
                self.err(cptr, lid, ErrorKind::BadCondition { why });
                continue;
            }
            if let Some(item) = self.items.get_mut(pos) {
                item.enable_when.push(cond);
            }
        }
    }
}

fn condition_problem(cond: &EnableWhen, target: Option<&ItemKind>) -> Option<ConditionProblem> {
    if cond.operator == Operator::Exists {
        if !matches!(cond.answer, AnswerValue::Boolean(_)) {
            return Some(ConditionProblem::ExistsNeedsBoolean);
        }
        // A group or display item is never answered: the condition would be constant.
        if !target.is_some_and(ItemKind::is_question) {
            return Some(ConditionProblem::ExistsNeedsQuestion);
        }
        return None;
    }
    // Full precision only: FHIR leaves "2026-05" against "2026-05-14" undecided, and text
    // comparison is right only between full values of one type.
    let partial = match &cond.answer {
        AnswerValue::Date(d) => !crate::dates::is_date(d),
        AnswerValue::DateTime(d) => !crate::dates::is_date_time(d),
        AnswerValue::Time(t) => !crate::dates::is_time(t),
        _ => false,
    };
    if partial {
        return Some(ConditionProblem::NotInFull);
    }
    let ordered = !matches!(cond.operator, Operator::Equal | Operator::NotEqual);
    let fits = match (target, &cond.answer) {
        (Some(ItemKind::Choice { .. }), AnswerValue::Coding { .. }) => !ordered,
        (Some(ItemKind::Boolean), AnswerValue::Boolean(_)) => !ordered,
        (Some(ItemKind::Integer { .. } | ItemKind::Decimal { .. }), a) => a.as_number().is_some(),
        (Some(ItemKind::String { .. } | ItemKind::Text { .. }), AnswerValue::String(_)) => true,
        // An open-choice's own words, or a choice's text option (with = and != only, like
        // its codings).
        (Some(kind @ ItemKind::Choice { .. }), a @ AnswerValue::String(_)) => {
            !ordered && crate::response::value_fits(kind, a)
        }
        (Some(ItemKind::Date), AnswerValue::Date(_))
        | (Some(ItemKind::DateTime), AnswerValue::DateTime(_))
        | (Some(ItemKind::Time), AnswerValue::Time(_)) => true,
        _ => false,
    };
    (!fits).then(|| ConditionProblem::DoesNotFit {
        answer: cond.answer.kind_name(),
        operator: cond.operator,
    })
}

/// An answer as the item lists it: a coding with its option's system, a quantity with its
/// unit's (an `initial` value may leave the system out, as an answer read back may).
fn as_listed(kind: &ItemKind, v: AnswerValue) -> AnswerValue {
    match (kind, &v) {
        (ItemKind::Choice { options, .. }, AnswerValue::Coding { system, code }) => options
            .iter()
            .find(|o| !o.text && &o.code == code && (system.is_none() || &o.system == system))
            .map_or(v.clone(), AnswerOption::answer),
        (
            ItemKind::Quantity { units },
            AnswerValue::Quantity {
                value,
                system: None,
                code,
            },
        ) => match units.iter().find(|u| &u.code == code) {
            Some(u) => AnswerValue::Quantity {
                value: *value,
                system: u.system.clone(),
                code: code.clone(),
            },
            None => v.clone(),
        },
        _ => v,
    }
}

/// Reads `answer[x]` (as in `enableWhen`) or `value[x]` from an object.
fn answer_x(c: &Map<String, Value>) -> Option<AnswerValue> {
    value_x(c, "answer")
}

/// Reads a FHIR `<prefix>[x]` choice value (Boolean, Integer, Decimal, String, Coding, Date,
/// DateTime, Time). Date and time text is taken as written: validation checks its form.
pub fn value_x(c: &Map<String, Value>, prefix: &str) -> Option<AnswerValue> {
    let get = |suffix: &str| c.get(&format!("{prefix}{suffix}"));
    if let Some(b) = get("Boolean").and_then(Value::as_bool) {
        return Some(AnswerValue::Boolean(b));
    }
    if let Some(i) = get("Integer").and_then(Value::as_i64) {
        return Some(AnswerValue::Integer(i));
    }
    if let Some(d) = get("Decimal")
        .and_then(Value::as_f64)
        .filter(|d| d.is_finite())
    {
        return Some(AnswerValue::Decimal(d));
    }
    if let Some(s) = get("String").and_then(Value::as_str) {
        return Some(AnswerValue::String(s.to_owned()));
    }
    if let Some(s) = get("Date").and_then(Value::as_str) {
        return Some(AnswerValue::Date(s.to_owned()));
    }
    if let Some(s) = get("DateTime").and_then(Value::as_str) {
        return Some(AnswerValue::DateTime(s.to_owned()));
    }
    if let Some(s) = get("Time").and_then(Value::as_str) {
        return Some(AnswerValue::Time(s.to_owned()));
    }
    if let Some(quantity) = get("Quantity").and_then(Value::as_object) {
        let value = quantity
            .get("value")
            .and_then(Value::as_f64)
            .filter(|v| v.is_finite())?;
        return Some(AnswerValue::Quantity {
            value,
            system: quantity
                .get("system")
                .and_then(Value::as_str)
                .map(str::to_owned),
            // No code: the unit in the patient's words (`unit`, for an item that names no unit),
            // or a calculated quantity with no unit (a total).
            code: quantity
                .get("code")
                .or_else(|| {
                    quantity
                        .get("unit")
                        .filter(|_| !quantity.contains_key("system"))
                })
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
        });
    }
    if let Some(coding) = get("Coding").and_then(Value::as_object) {
        let code = coding.get("code").and_then(Value::as_str)?;
        let system = coding
            .get("system")
            .and_then(Value::as_str)
            .map(str::to_owned);
        return Some(AnswerValue::Coding {
            system,
            code: code.to_owned(),
        });
    }
    None
}

/// The extensions of an element, each with its pointer. Non-object entries are skipped.
fn extensions<'a>(element: &'a Value, ptr: &str) -> Vec<(String, &'a Map<String, Value>)> {
    element
        .as_object()
        .map(|m| extensions_map(m, ptr))
        .unwrap_or_default()
}

/// The extensions of an object, each with its pointer.
pub(super) fn extensions_map<'a>(
    element: &'a Map<String, Value>,
    ptr: &str,
) -> Vec<(String, &'a Map<String, Value>)> {
    element
        .get("extension")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .enumerate()
                .filter_map(|(i, e)| e.as_object().map(|o| (join(&join(ptr, "extension"), i), o)))
                .collect()
        })
        .unwrap_or_default()
}
