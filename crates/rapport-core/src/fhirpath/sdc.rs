//! SDC's expressions tied to a questionnaire's items: `variable` (on the questionnaire or an
//! item; visible to that element and everything under it), `calculatedExpression` (an item's
//! value, worked out from other answers: a read-only value the patient sees and the response
//! carries), `enableWhenExpression` (the item is shown only while it gives `true`) and
//! `initialExpression` (a value an item starts with, `today()` say).
//!
//! [`Program::compile`] reads every expression when the definition loads: one outside the
//! subset is a located [`DefinitionError`], except an `initialExpression` that needs the EHR's
//! launch context (`%patient`…), which is left out: the patient types that answer.
//! `answerExpression` (FHIRPath only: an `x-fhir-query` needs a FHIR server) lists a choice's
//! options from the answers ([`Program::options`]): Codings and texts; an answer no longer among
//! them is taken out by [`Program::calculate`], and the receiver refuses one that is not. A constraint (`targetConstraint`, with
//! severity `error`, on a question) must not give `false`: [`Program::calculate`] records the
//! first one each item breaks ([`Answers::broken`]), which validation reports; one with severity
//! `warning` (on a question or a group) likewise ([`Answers::warned`]), which the patient is
//! told and which stops nothing. [`Program::calculate`] works the
//! calculated values and what the conditions show out from the answers, over the
//! QuestionnaireResponse the answers make (every enabled item, answered or not, so that
//! `%context` always has a place); [`shown_for`] does the second for answers read back from a
//! response (the receiver).

use std::sync::Arc;

use serde_json::{Map, Value};

use super::eval::{Coll, Env, V};
use super::syntax::{parse, Node};
use super::{ExprError, Problem};
use crate::answers::{AnswerValue, Answers};
use crate::definition::instances::link_id_of;
use crate::definition::{AnswerOption, DefinitionError, ErrorKind, Item, ItemKind, Questionnaire};
use crate::enable::enabled_items;
use crate::json::join;

const EXT_VARIABLE: &str = "http://hl7.org/fhir/StructureDefinition/variable";
const SDC: &str = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-";
const FHIRPATH: &str = "text/fhirpath";

/// The most passes [`Program::calculate`] makes (it makes one per calculated value or condition,
/// and one more, when there are fewer).
const MAX_PASSES: usize = 64;

/// Names FHIRPath and SDC give every expression.
const BUILT_IN: [&str; 7] = [
    "resource",
    "rootResource",
    "context",
    "questionnaire",
    "ucum",
    "loinc",
    "sct",
];
/// SDC's launch context names: the EHR gives them, a patient portal's widget does not.
const LAUNCH: [&str; 6] = [
    "patient",
    "user",
    "encounter",
    "location",
    "study",
    "practitioner",
];

/// An SDC `variable`: its name and expression, or why it cannot be evaluated here.
#[derive(Clone, Debug)]
struct Var {
    name: String,
    expr: Result<Node, Problem>,
}

#[derive(Clone, Debug)]
struct ItemProgram {
    /// The item's `linkId` (every instance of a repeating group shares it).
    link_id: String,
    /// Position of the item in the questionnaire as loaded (for its ancestors).
    pos: usize,
    vars: Vec<Var>,
    calculated: Option<Node>,
    initial: Option<Node>,
    enable: Option<Node>,
    /// The item's constraints (`targetConstraint`): each one's index in
    /// [`Questionnaire::constraints`] and its FHIRPath, which must not give `false`.
    constraints: Vec<(usize, Node)>,
    /// A choice's `answerExpression`: its options.
    options: Option<Node>,
}

/// A questionnaire's expressions, read and checked.
#[derive(Clone, Debug)]
pub struct Program {
    definition: Arc<Value>,
    root: Vec<Var>,
    items: Vec<ItemProgram>,
}

/// The clock an evaluation reads (the core has none).
#[derive(Clone, Copy, Debug)]
pub struct Clock<'c> {
    /// `today()`: `YYYY-MM-DD` in the patient's time zone.
    pub today: &'c str,
    /// `now()`: RFC 3339.
    pub now: &'c str,
}

/// What [`Program::calculate`] worked out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Computed {
    /// Calculated items (by key) whose expression stopped with an error: left empty.
    pub failed: Vec<String>,
}

impl Program {
    /// Reads every expression of `q` (from the definition it was loaded from). `Ok(None)`
    /// when it has none.
    pub fn compile(q: &Questionnaire) -> Result<Option<Program>, Vec<DefinitionError>> {
        let Some(definition) = q.expressions.as_deref().map(|v| Arc::new(v.clone())) else {
            return Ok(None);
        };
        let mut errors = Vec::new();
        let launch = launch_names(&definition);
        let root = variables(&definition, "", None, &[], &launch, &mut errors);
        let mut items: Vec<ItemProgram> = Vec::new();
        for (pos, item) in q.items.iter().enumerate() {
            if link_id_of(&item.link_id) != item.link_id {
                continue;
            }
            let Some(node) = definition.pointer(&item.pointer) else {
                continue;
            };
            // What this item sees: the questionnaire's variables, then its ancestors'.
            let mut scope: Vec<&Var> = root.iter().collect();
            let mut chain = Vec::new();
            let mut up = item.parent;
            while let Some(p) = up {
                chain.push(p);
                up = q.items.get(p).and_then(|i| i.parent);
            }
            for p in chain.iter().rev() {
                if let Some(ip) = items.iter().find(|ip| ip.pos == *p) {
                    scope.extend(ip.vars.iter());
                }
            }
            let lid = Some(item.link_id.as_str());
            let vars = variables(node, &item.pointer, lid, &scope, &launch, &mut errors);
            scope.extend(vars.iter());
            let mut calculated = None;
            let mut initial = None;
            let mut enable = None;
            let mut options = None;
            for (i, ext) in extensions(node).enumerate() {
                let Some(url) = ext.get("url").and_then(Value::as_str) else {
                    continue;
                };
                let Some(kind) = url.strip_prefix(SDC) else {
                    continue;
                };
                let ptr = join(&join(&item.pointer, "extension"), i);
                let at = join(&ptr, "valueExpression");
                match kind {
                    "calculatedExpression" => {
                        match compiled(ext, &scope, &launch).and_then(|n| steady(n, &scope)) {
                            Ok(n) => calculated = Some(n),
                            Err(e) => errors.push(bad(at, lid, "calculatedExpression", &e)),
                        }
                    }
                    "initialExpression" => match compiled(ext, &scope, &launch) {
                        Ok(n) => initial = Some(n),
                        // No launch context, or a variable the questionnaire that would
                        // include this one as a module defines: the patient types this answer.
                        Err(ExprError {
                            problem:
                                Problem::NeedsLaunchContext { .. } | Problem::UnknownVariable { .. },
                            ..
                        }) => {}
                        Err(e) => errors.push(bad(at, lid, "initialExpression", &e)),
                    },
                    "enableWhenExpression" => {
                        match compiled(ext, &scope, &launch).and_then(|n| steady(n, &scope)) {
                            Ok(n) => enable = Some(n),
                            Err(e) => errors.push(bad(at, lid, "enableWhenExpression", &e)),
                        }
                    }
                    // Only where the parser found no other list of options.
                    "answerExpression" => match &item.kind {
                        // An answer to start with could not be checked against options
                        // that the answers make.
                        ItemKind::Choice { options: o, .. }
                            if o.is_empty() && node.get("initial").is_some() =>
                        {
                            errors.push(bad(
                                join(&item.pointer, "initial"),
                                lid,
                                "answerExpression",
                                &ExprError::new(
                                    0,
                                    Problem::Unsupported("initial values beside an answerExpression"),
                                ),
                            ))
                        }
                        ItemKind::Choice { options: o, .. } if o.is_empty() => {
                            match compiled(ext, &scope, &launch).and_then(|n| steady(n, &scope)) {
                                Ok(n) => options = Some(n),
                                Err(e) => errors.push(bad(at, lid, "answerExpression", &e)),
                            }
                        }
                        _ => errors.push(bad(
                            ptr,
                            lid,
                            "answerExpression",
                            &ExprError::new(
                                0,
                                Problem::Unsupported(
                                    "answerExpressions beside answerOption or answerValueSet, or on an item that is not a choice,",
                                ),
                            ),
                        )),
                    },
                    _ => {}
                }
            }
            // The constraints the parser read (`Questionnaire::constraints`), each one's
            // FHIRPath from its `expression` part (`valueExpression`; R4's `valueString`).
            let mut constraints = Vec::new();
            for (index, c) in q.constraints.iter().enumerate() {
                if c.link_id != item.link_id {
                    continue;
                }
                let part = definition
                    .pointer(&c.pointer)
                    .into_iter()
                    .flat_map(extensions)
                    .find(|e| e.get("url").and_then(Value::as_str) == Some("expression"));
                let r4 = part
                    .and_then(|e| e.get("valueString"))
                    .map(|x| serde_json::json!({ "language": FHIRPATH, "expression": x }));
                let written = match (part, r4) {
                    (Some(_), Some(e)) => Some(Map::from_iter([("valueExpression".to_owned(), e)])),
                    (Some(e), None) => Some(e.clone()),
                    (None, _) => None,
                };
                let at = join(&c.pointer, "extension");
                let node = written
                    .ok_or_else(|| ExprError::new(0, Problem::Syntax("its \"expression\" part")))
                    .and_then(|e| compiled(&e, &scope, &launch))
                    .and_then(|n| steady(n, &scope));
                match node {
                    Ok(n) => constraints.push((index, n)),
                    Err(e) => errors.push(bad(at, lid, "targetConstraint", &e)),
                }
            }
            if !vars.is_empty()
                || calculated.is_some()
                || initial.is_some()
                || enable.is_some()
                || !constraints.is_empty()
                || options.is_some()
            {
                items.push(ItemProgram {
                    link_id: item.link_id.clone(),
                    pos,
                    vars,
                    calculated,
                    initial,
                    enable,
                    constraints,
                    options,
                });
            }
        }
        if errors.is_empty() {
            Ok(Some(Program {
                definition,
                root,
                items,
            }))
        } else {
            Err(errors)
        }
    }

    /// Whether any item has a calculated value.
    pub fn calculates(&self) -> bool {
        self.items.iter().any(|i| i.calculated.is_some())
    }

    /// Whether any item is shown by an `enableWhenExpression`.
    pub fn shows(&self) -> bool {
        self.items.iter().any(|i| i.enable.is_some())
    }

    /// Whether any item has a constraint (`targetConstraint`).
    pub fn constrains(&self) -> bool {
        self.items.iter().any(|i| !i.constraints.is_empty())
    }

    /// Whether any choice lists its options with an `answerExpression`.
    pub fn lists(&self) -> bool {
        self.items.iter().any(|i| i.options.is_some())
    }

    /// The options the `answerExpression` of the item `key` gives for `answers`, in order,
    /// each once: a Coding (its `system`, `code` and `display`, answered as `valueCoding`) or a
    /// text (answered as `valueString`); other values are left out. Empty when the item has
    /// none or the expression stops.
    pub fn options(
        &self,
        q: &Questionnaire,
        answers: &Answers,
        key: &str,
        clock: Clock<'_>,
    ) -> Vec<AnswerOption> {
        let view = View::new(q, answers, &self.definition);
        self.options_in(q, &view, key, clock)
    }

    fn options_in(
        &self,
        q: &Questionnaire,
        view: &View,
        key: &str,
        clock: Clock<'_>,
    ) -> Vec<AnswerOption> {
        let lid = link_id_of(key);
        let (Some(item), Some(ip)) = (q.item(key), self.items.iter().find(|ip| ip.link_id == lid))
        else {
            return Vec::new();
        };
        let Some(node) = &ip.options else {
            return Vec::new();
        };
        let mut out: Vec<AnswerOption> = Vec::new();
        for v in self.run(q, view, ip, item, node, clock).unwrap_or_default() {
            let option = match v {
                V::Node(n) => {
                    let Some(code) = n.get("code").and_then(Value::as_str) else {
                        continue;
                    };
                    let text = |k: &str| n.get(k).and_then(Value::as_str).map(str::to_owned);
                    AnswerOption {
                        code: code.to_owned(),
                        system: text("system"),
                        display: text("display").map(|base| crate::definition::Text {
                            base,
                            ..Default::default()
                        }),
                        ..Default::default()
                    }
                }
                V::String(t) if !t.trim().is_empty() => AnswerOption {
                    code: t.into_owned(),
                    text: true,
                    ..Default::default()
                },
                _ => continue,
            };
            if !out.iter().any(|o| o.answer() == option.answer()) {
                out.push(option);
            }
        }
        out
    }

    /// Takes out of `answers` the values of choices that the options their `answerExpression`
    /// gives no longer hold (the patient changed what the list is made from).
    fn drop_unlisted(&self, q: &Questionnaire, answers: &mut Answers, clock: Clock<'_>) {
        if !self.lists() {
            return;
        }
        let mut changes = Vec::new();
        {
            let view = View::new(q, answers, &self.definition);
            for (key, _, _) in self.targets(q, |ip| ip.options.as_ref()) {
                let Some(answer) = answers.get(&key) else {
                    continue;
                };
                let listed: Vec<AnswerValue> = self
                    .options_in(q, &view, &key, clock)
                    .iter()
                    .map(AnswerOption::answer)
                    .collect();
                let kept: Vec<AnswerValue> = answer
                    .values()
                    .iter()
                    .filter(|v| listed.contains(v))
                    .cloned()
                    .collect();
                if kept.len() != answer.values().len() {
                    let value = match (kept.len(), answer) {
                        (0, _) => None,
                        (_, AnswerValue::Many(_)) => Some(AnswerValue::Many(kept)),
                        _ => kept.into_iter().next(),
                    };
                    changes.push((key, value));
                }
            }
        }
        for (key, value) in changes {
            answers.set(&key, value);
        }
    }

    /// Sets every calculated item's answer in `answers` from the other answers (`None` where
    /// the expression gives nothing, or stops with an error: then its key is in
    /// [`Computed::failed`]), and whether each item with an `enableWhenExpression` is shown
    /// (only when it gives `true`; not when it stops). Values that depend on other calculated
    /// values, or on what is shown, settle within a few passes.
    pub fn calculate(
        &self,
        q: &Questionnaire,
        answers: &mut Answers,
        clock: Clock<'_>,
    ) -> Computed {
        // One pass per value that could wait for another, and one to see nothing changes.
        let targets = self.targets(q, |ip| ip.calculated.as_ref()).len()
            + self.targets(q, |ip| ip.enable.as_ref()).len();
        let passes = (targets + 2).min(MAX_PASSES);
        let mut failed = Vec::new();
        let mut stuck: Vec<String> = Vec::new();
        for round in 0..passes {
            failed.clear();
            let (changed, shown) = self.pass(q, answers, clock, &stuck, &mut failed);
            if changed.is_empty() && shown.is_empty() {
                break;
            }
            // Still changing when every chain would have settled: it depends on itself (a
            // total that counts its own value, say). Left empty (not shown) rather than a
            // number that means nothing, and the rest worked out once more without it.
            let give_up = round + 2 == passes;
            for (key, value) in changed {
                if give_up {
                    answers.set(&key, None);
                    stuck.push(key);
                } else {
                    answers.set(&key, value);
                }
            }
            for (key, on) in shown {
                answers.set_shown_by_expression(&key, on && !give_up);
                if give_up {
                    stuck.push(key);
                }
            }
        }
        failed.extend(stuck);
        self.drop_unlisted(q, answers, clock);
        self.check_constraints(q, answers, clock);
        Computed { failed }
    }

    /// Records in `answers` the first constraint of severity `error` each shown item's answer
    /// breaks, and the first of severity `warning`: one whose FHIRPath gives `false` (nothing,
    /// or an evaluation that stops, breaks none: the patient could not mend it).
    fn check_constraints(&self, q: &Questionnaire, answers: &mut Answers, clock: Clock<'_>) {
        if !self.constrains() {
            return;
        }
        let enabled = enabled_items(q, answers);
        let view = View::new(q, answers, &self.definition);
        let mut broken = Vec::new();
        for (pos, item) in q.items.iter().enumerate() {
            let lid = link_id_of(&item.link_id);
            let Some(ip) = self.items.iter().find(|ip| ip.link_id == lid) else {
                continue;
            };
            if ip.constraints.is_empty() {
                continue;
            }
            let shown = enabled.get(pos).copied().unwrap_or(false);
            // The first error it breaks, and the first warning.
            let first = |warning: bool| {
                ip.constraints
                    .iter()
                    .find(|(i, node)| {
                        shown
                            && q.constraints.get(*i).is_some_and(|c| c.warning == warning)
                            && self
                                .run(q, &view, ip, item, node, clock)
                                .is_ok_and(|c| matches!(c.as_slice(), [V::Bool(false)]))
                    })
                    .map(|(i, _)| *i)
            };
            broken.push((item.link_id.clone(), first(false), first(true)));
        }
        for (key, error, warning) in broken {
            answers.set_broken(&key, error);
            answers.set_warned(&key, warning);
        }
    }

    /// One pass over the calculated items and the conditions, each worked out from `answers` as
    /// they stand (but those in `skip`): what changes.
    #[allow(clippy::type_complexity)]
    fn pass(
        &self,
        q: &Questionnaire,
        answers: &Answers,
        clock: Clock<'_>,
        skip: &[String],
        failed: &mut Vec<String>,
    ) -> (Vec<(String, Option<AnswerValue>)>, Vec<(String, bool)>) {
        let mut changed = Vec::new();
        let mut shown = Vec::new();
        let view = View::new(q, answers, &self.definition);
        for (key, ip, node) in self.targets(q, |ip| ip.calculated.as_ref()) {
            let Some(item) = q.item(&key).filter(|_| !skip.contains(&key)) else {
                continue;
            };
            let value = match self.run(q, &view, ip, item, node, clock) {
                Ok(c) => to_answer(item, c),
                Err(()) => {
                    failed.push(key.clone());
                    None
                }
            };
            if answers.get(&key) != value.as_ref() {
                changed.push((key, value));
            }
        }
        for (key, ip, node) in self.targets(q, |ip| ip.enable.as_ref()) {
            let Some(item) = q.item(&key).filter(|_| !skip.contains(&key)) else {
                continue;
            };
            let on = match self.run(q, &view, ip, item, node, clock) {
                Ok(c) => matches!(c.as_slice(), [V::Bool(true)]),
                Err(()) => {
                    failed.push(key.clone());
                    false
                }
            };
            if answers.shown_by_expression(&key) != on {
                shown.push((key, on));
            }
        }
        (changed, shown)
    }

    /// The values items start with (`initialExpression`), for items that have no answer yet.
    pub fn initial(
        &self,
        q: &Questionnaire,
        answers: &Answers,
        clock: Clock<'_>,
    ) -> Vec<(String, AnswerValue)> {
        let view = View::new(q, answers, &self.definition);
        let mut out = Vec::new();
        for (key, ip, node) in self.targets(q, |ip| ip.initial.as_ref()) {
            if answers.get(&key).is_some() {
                continue;
            }
            // A read-only item's value is its `initial` one, which the receiver checks.
            let Some(item) = q.item(&key).filter(|i| !i.read_only) else {
                continue;
            };
            if let Ok(c) = self.run(q, &view, ip, item, node, clock) {
                if let Some(v) = to_answer(item, c) {
                    out.push((key, v));
                }
            }
        }
        out
    }

    /// Each item of `q` (every instance) with an expression `pick` gives.
    fn targets<'p>(
        &'p self,
        q: &Questionnaire,
        pick: impl Fn(&ItemProgram) -> Option<&Node>,
    ) -> Vec<(String, &'p ItemProgram, &'p Node)> {
        let mut out = Vec::new();
        for item in &q.items {
            let lid = link_id_of(&item.link_id);
            if let Some(ip) = self.items.iter().find(|ip| ip.link_id == lid) {
                if let Some(node) = pick(ip) {
                    // `pick` borrows from `ip`, which lives in `self`.
                    let node: &'p Node = node;
                    out.push((item.link_id.clone(), ip, node));
                }
            }
        }
        out
    }

    fn run<'v>(
        &self,
        q: &Questionnaire,
        view: &'v View,
        ip: &ItemProgram,
        item: &Item,
        node: &Node,
        clock: Clock<'_>,
    ) -> Result<Coll<'v>, ()> {
        let Some(pos) = q.position(&item.link_id) else {
            return Err(());
        };
        let resource: Coll<'v> = vec![V::Node(&view.json)];
        let questionnaire: Coll<'v> = vec![V::Node(&view.definition)];
        let context_of = |p: usize| -> Coll<'v> { view.node(p).map(V::Node).into_iter().collect() };
        let weight = |node: &Value| weight_of(q, view, node);
        let mut vars: Vec<(&str, Coll<'v>)> = vec![
            ("resource", resource.clone()),
            ("rootResource", resource.clone()),
            ("questionnaire", questionnaire),
            ("ucum", vec![V::String("http://unitsofmeasure.org".into())]),
            ("loinc", vec![V::String("http://loinc.org".into())]),
            ("sct", vec![V::String("http://snomed.info/sct".into())]),
            ("context", resource.clone()),
        ];
        // The questionnaire's variables, then each ancestor's, then the item's own, each
        // evaluated on its element's place in the response.
        let mut levels: Vec<(Option<usize>, &[Var])> = vec![(None, &self.root)];
        let mut chain = Vec::new();
        let mut up = q.items.get(pos).and_then(|i| i.parent);
        while let Some(p) = up {
            chain.push(p);
            up = q.items.get(p).and_then(|i| i.parent);
        }
        for p in chain.iter().rev() {
            let lid = q.items.get(*p).map(|i| link_id_of(&i.link_id));
            if let Some(a) = self.items.iter().find(|a| Some(a.link_id.as_str()) == lid) {
                levels.push((Some(*p), &a.vars));
            }
        }
        levels.push((Some(pos), &ip.vars));
        let mut values: Vec<(String, Coll<'v>)> = Vec::new();
        for (at, list) in levels {
            let this = at.map_or_else(|| resource.clone(), context_of);
            for var in list {
                let value = {
                    let mut all: Vec<(&str, Coll<'v>)> = vars.clone();
                    all.extend(values.iter().map(|(n, v)| (n.as_str(), v.clone())));
                    all.push(("context", this.clone()));
                    let env = Env::new(&all, clock.today, clock.now, &weight);
                    match &var.expr {
                        Ok(n) => env.evaluate(n, &this).map_err(|_| ())?,
                        Err(_) => Vec::new(),
                    }
                };
                values.push((var.name.clone(), value));
            }
        }
        let this = context_of(pos);
        vars.extend(values.iter().map(|(n, v)| (n.as_str(), v.clone())));
        vars.push(("context", this.clone()));
        let env = Env::new(&vars, clock.today, clock.now, &weight);
        env.evaluate(node, &this).map_err(|_| ())
    }
}

/// Records in `answers` (read back from a response `authored` then) which items with an
/// `enableWhenExpression` are shown, as the widget worked it out: the receiver's check of what
/// may be answered. The answers themselves are left as sent.
pub fn shown_for(q: &Questionnaire, answers: &mut Answers, authored: &str) {
    let Ok(Some(program)) = Program::compile(q) else {
        return;
    };
    let fitted = q.fitting(answers);
    // `authored` is in UTC; the patient's day (`today()`) may be the one before or after: an
    // item shown on any of them may have been answered.
    let utc_day = authored.get(..10).unwrap_or_default();
    let mut shown: Vec<String> = Vec::new();
    for day in [0, -1, 1]
        .iter()
        .filter_map(|&d| crate::dates::shift_date(utc_day, d))
    {
        let mut worked = answers.clone();
        let clock = Clock {
            today: &day,
            now: authored,
        };
        program.calculate(&fitted, &mut worked, clock);
        for item in fitted.items.iter().filter(|i| i.enable_expression) {
            if worked.shown_by_expression(&item.link_id) && !shown.contains(&item.link_id) {
                shown.push(item.link_id.clone());
            }
        }
    }
    for item in fitted.items.iter().filter(|i| i.enable_expression) {
        answers.set_shown_by_expression(&item.link_id, shown.contains(&item.link_id));
    }
}

/// The QuestionnaireResponse the answers make, for expressions to read: every enabled item,
/// answered or not; each item's place in it by position.
struct View {
    json: Value,
    definition: Arc<Value>,
    places: Vec<Option<String>>,
    /// Each answer's value (by its address in `json`) and the position of the item it answers,
    /// for `weight()`.
    values: Vec<(usize, usize)>,
}

impl View {
    fn new(q: &Questionnaire, answers: &Answers, definition: &Arc<Value>) -> View {
        let enabled = enabled_items(q, answers);
        let mut places = vec![None; q.items.len()];
        let mut items = Vec::new();
        for pos in q
            .roots()
            .filter_map(|i| q.position(&i.link_id))
            .collect::<Vec<_>>()
        {
            let ptr = format!("/item/{}", items.len());
            if let Some(v) = view_item(q, pos, answers, &enabled, &ptr, &mut places) {
                items.push(v);
            }
        }
        let mut qr = Map::new();
        qr.insert("resourceType".into(), Value::from("QuestionnaireResponse"));
        qr.insert("status".into(), Value::from("in-progress"));
        qr.insert("item".into(), Value::Array(items));
        let mut view = View {
            json: Value::Object(qr),
            definition: Arc::clone(definition),
            places,
            values: Vec::new(),
        };
        let mut values = Vec::new();
        for pos in 0..q.items.len() {
            let answers = view
                .node(pos)
                .and_then(|n| n.get("answer"))
                .and_then(Value::as_array);
            for answer in answers.into_iter().flatten().filter_map(Value::as_object) {
                if let Some((_, v)) = answer.iter().find(|(k, _)| k.starts_with("value")) {
                    values.push((std::ptr::from_ref(v) as usize, pos));
                }
            }
        }
        view.values = values;
        view
    }

    fn node(&self, pos: usize) -> Option<&Value> {
        let ptr = self.places.get(pos)?.as_deref()?;
        self.json.pointer(ptr)
    }
}

fn view_item(
    q: &Questionnaire,
    pos: usize,
    answers: &Answers,
    enabled: &[bool],
    ptr: &str,
    places: &mut Vec<Option<String>>,
) -> Option<Value> {
    if !enabled.get(pos).copied().unwrap_or(false) {
        return None;
    }
    let item = q.items.get(pos)?;
    let mut out = Map::new();
    out.insert("linkId".into(), Value::from(link_id_of(&item.link_id)));
    if let Some(slot) = places.get_mut(pos) {
        *slot = Some(ptr.to_owned());
    }
    let children_at = |base: String, places: &mut Vec<Option<String>>| {
        let mut list = Vec::new();
        for &c in &item.children {
            let p = format!("{base}/{}", list.len());
            if let Some(v) = view_item(q, c, answers, enabled, &p, places) {
                list.push(v);
            }
        }
        list
    };
    if item.kind.is_question() {
        let display = |_: &Item, o: &crate::definition::AnswerOption| {
            o.display.as_ref().map(|t| t.base.clone())
        };
        let mut list: Vec<Value> = answers
            .get(&item.link_id)
            .map(|a| {
                a.values()
                    .iter()
                    .filter_map(|v| crate::response::answer_value(item, &item.kind, v, &display))
                    .collect()
            })
            .unwrap_or_default();
        let children = children_at(format!("{ptr}/answer/0/item"), places);
        if !children.is_empty() {
            if list.is_empty() {
                list.push(Value::Object(Map::new()));
            }
            if let Some(Value::Object(first)) = list.first_mut() {
                first.insert("item".into(), Value::Array(children));
            }
        }
        if !list.is_empty() {
            out.insert("answer".into(), Value::Array(list));
        }
    } else {
        let children = children_at(format!("{ptr}/item"), places);
        if !children.is_empty() {
            out.insert("item".into(), Value::Array(children));
        }
    }
    Some(Value::Object(out))
}

/// `weight()` of an answer's value: the weight of the option of the item it answers (a coding
/// by code and system, a text option by its text); of a coding that answers nothing (one of
/// the questionnaire's own options, say), the first option anywhere with that code.
fn weight_of(q: &Questionnaire, view: &View, node: &Value) -> Option<f64> {
    fn options(item: &Item) -> Option<&Vec<AnswerOption>> {
        match &item.kind {
            ItemKind::Choice { options, .. } => Some(options),
            _ => None,
        }
    }
    let matches = |o: &&AnswerOption| match node {
        Value::Object(c) => {
            c.get("code").and_then(Value::as_str) == Some(o.code.as_str())
                && match (c.get("system").and_then(Value::as_str), o.system.as_deref()) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        }
        Value::String(t) => o.text && &o.code == t,
        _ => false,
    };
    let at = std::ptr::from_ref(node) as usize;
    if let Some(&(_, pos)) = view.values.iter().find(|(a, _)| *a == at) {
        return q
            .items
            .get(pos)
            .and_then(options)?
            .iter()
            .find(matches)?
            .score;
    }
    if !node.is_object() {
        return None;
    }
    q.items
        .iter()
        .filter_map(options)
        .flatten()
        .find(matches)
        .and_then(|o| o.score)
}

/// A result as the item's answer, when it is one the item takes.
fn to_answer(item: &Item, c: Coll<'_>) -> Option<AnswerValue> {
    let mut values = Vec::new();
    for v in c {
        values.push(one_answer(&item.kind, v)?);
    }
    match values.len() {
        0 => None,
        1 => values.pop(),
        _ if item.repeats => Some(AnswerValue::Many(values)),
        _ => None,
    }
}

fn one_answer(kind: &ItemKind, v: V<'_>) -> Option<AnswerValue> {
    let number = match &v {
        V::Integer(i) => Some(*i as f64),
        V::Decimal(d) if d.is_finite() => Some(*d),
        _ => None,
    };
    Some(match (kind, v) {
        (ItemKind::Integer { .. }, V::Integer(i)) => AnswerValue::Integer(i),
        (ItemKind::Integer { .. }, V::Decimal(d)) => {
            (d.fract() == 0.0 && d.abs() < 9.0e15).then_some(AnswerValue::Integer(d as i64))?
        }
        (ItemKind::Decimal { .. }, _) => AnswerValue::Decimal(number?),
        (ItemKind::Quantity { units }, _) => AnswerValue::Quantity {
            value: number?,
            system: units.first().and_then(|u| u.system.clone()),
            code: units.first().map(|u| u.code.clone()).unwrap_or_default(),
        },
        (ItemKind::Boolean, V::Bool(b)) => AnswerValue::Boolean(b),
        (ItemKind::String { .. } | ItemKind::Text { .. }, V::String(t)) => {
            AnswerValue::String(t.into_owned())
        }
        (ItemKind::Date, V::Date(t) | V::String(t)) if crate::dates::is_date(&t) => {
            AnswerValue::Date(t.into_owned())
        }
        (ItemKind::Choice { options, .. }, V::Node(n)) => {
            let code = n.get("code").and_then(Value::as_str)?;
            let system = n.get("system").and_then(Value::as_str);
            let o = options
                .iter()
                .find(|o| o.code == code && (system.is_none() || o.system.as_deref() == system))?;
            o.answer()
        }
        _ => return None,
    })
}

fn extensions(v: &Value) -> impl Iterator<Item = &Map<String, Value>> {
    v.get("extension")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

/// Names a server or the EHR would give: SDC's launch context names, the questionnaire's own
/// `launchContext` names, and every variable or population context read by a query.
fn launch_names(definition: &Value) -> Vec<String> {
    let mut out: Vec<String> = LAUNCH.iter().map(|s| (*s).to_owned()).collect();
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                if let Some(e) = o.get("valueExpression") {
                    let lang = e.get("language").and_then(Value::as_str);
                    let url = o.get("url").and_then(Value::as_str).unwrap_or_default();
                    if lang != Some(FHIRPATH)
                        || url.ends_with("itemPopulationContext")
                        || url.ends_with("candidateExpression")
                        || url.ends_with("itemExtractionContext")
                        || url.ends_with("contextExpression")
                    {
                        if let Some(n) = e.get("name").and_then(Value::as_str) {
                            out.push(n.to_owned());
                        }
                    }
                }
                if o.get("url")
                    .and_then(Value::as_str)
                    .is_some_and(|u| u.ends_with("launchContext"))
                {
                    for sub in o
                        .get("extension")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        if sub.get("url").and_then(Value::as_str) == Some("name") {
                            if let Some(c) = sub
                                .get("valueCoding")
                                .and_then(|c| c.get("code"))
                                .and_then(Value::as_str)
                                .or_else(|| sub.get("valueId").and_then(Value::as_str))
                            {
                                out.push(c.to_owned());
                            }
                        }
                    }
                }
                o.values().for_each(|v| walk(v, out));
            }
            Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    walk(definition, &mut out);
    out
}

/// The `variable`s on the element at `ptr`, read in order (each sees those before it).
fn variables(
    element: &Value,
    ptr: &str,
    lid: Option<&str>,
    outer: &[&Var],
    launch: &[String],
    errors: &mut Vec<DefinitionError>,
) -> Vec<Var> {
    let mut out: Vec<Var> = Vec::new();
    for (i, ext) in extensions(element).enumerate() {
        if ext.get("url").and_then(Value::as_str) != Some(EXT_VARIABLE) {
            continue;
        }
        let ptr = join(&join(ptr, "extension"), i);
        let err = |problem: Problem, at: usize, errors: &mut Vec<DefinitionError>| {
            errors.push(DefinitionError {
                pointer: join(&ptr, "valueExpression"),
                link_id: lid.map(str::to_owned),
                kind: ErrorKind::BadExpression {
                    extension: "variable",
                    problem: ExprError::new(at, problem).to_string(),
                },
            });
        };
        let e = ext.get("valueExpression");
        let Some(name) = e
            .and_then(|e| e.get("name"))
            .and_then(Value::as_str)
            .filter(|n| !n.is_empty())
        else {
            err(Problem::VariableName, 0, errors);
            continue;
        };
        if out.iter().any(|v| v.name == name) {
            err(Problem::VariableName, 0, errors);
            continue;
        }
        let language = e
            .and_then(|e| e.get("language"))
            .and_then(Value::as_str)
            .unwrap_or_default();
        let expr = if language != FHIRPATH {
            // A query (`application/x-fhir-query`) runs on a FHIR server: the variable is
            // what the EHR would give.
            Err(Problem::NeedsLaunchContext {
                name: name.to_owned(),
            })
        } else {
            let source = e
                .and_then(|e| e.get("expression"))
                .and_then(Value::as_str)
                .unwrap_or_default();
            let mut scope: Vec<&Var> = outer.to_vec();
            scope.extend(out.iter());
            match parse(source).and_then(|n| check_vars(&n, &scope, launch).map(|()| n)) {
                Ok(n) => Ok(n),
                Err(ExprError {
                    problem: p @ Problem::NeedsLaunchContext { .. },
                    ..
                }) => Err(p),
                Err(ExprError {
                    problem: Problem::UnknownVariable { name: v },
                    ..
                }) => {
                    // A module's variable that its host questionnaire defines
                    // (`%linkIdPrefix`): unusable on its own, an error only if used.
                    Err(Problem::NeedsLaunchContext { name: v })
                }
                Err(e) => {
                    err(e.problem, e.at, errors);
                    continue;
                }
            }
        };
        out.push(Var {
            name: name.to_owned(),
            expr,
        });
    }
    out
}

/// The expression of an SDC expression extension, read and its variables checked.
fn compiled(
    ext: &Map<String, Value>,
    scope: &[&Var],
    launch: &[String],
) -> Result<Node, ExprError> {
    let e = ext.get("valueExpression");
    let language = e
        .and_then(|e| e.get("language"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    if language != FHIRPATH {
        return Err(ExprError::new(
            0,
            Problem::Language {
                language: language.to_owned(),
            },
        ));
    }
    let source = e
        .and_then(|e| e.get("expression"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    let node = parse(source)?;
    check_vars(&node, scope, launch)?;
    Ok(node)
}

/// The located error for an expression's problem.
fn bad(
    pointer: String,
    lid: Option<&str>,
    extension: &'static str,
    e: &ExprError,
) -> DefinitionError {
    DefinitionError {
        pointer,
        link_id: lid.map(str::to_owned),
        kind: ErrorKind::BadExpression {
            extension,
            problem: e.to_string(),
        },
    }
}

/// `node`, unless it (or a variable it reads) asks for `now()`: a value worked out from the
/// moment changes before it is sent and could not be checked by the receiver (`today()` can).
fn steady(node: Node, scope: &[&Var]) -> Result<Node, ExprError> {
    let mut seen: Vec<String> = Vec::new();
    let mut todo: Vec<&Node> = vec![&node];
    let mut now = false;
    while let Some(n) = todo.pop() {
        visit(n, &mut |x| match x {
            Node::Call(_, super::Func::Now, _) => now = true,
            Node::Variable(name) => {
                if let Some(Var { expr: Ok(e), .. }) = scope.iter().rev().find(|v| &v.name == name)
                {
                    if !seen.contains(name) {
                        seen.push(name.clone());
                        todo.push(e);
                    }
                }
            }
            _ => {}
        });
    }
    if now {
        return Err(ExprError::new(
            0,
            Problem::Unsupported(
                "now() in a value that is sent or decides a question (use today())",
            ),
        ));
    }
    Ok(node)
}

/// Every `%name` in `node` is built in, or a usable variable in `scope`.
fn check_vars(node: &Node, scope: &[&Var], launch: &[String]) -> Result<(), ExprError> {
    let mut result = Ok(());
    visit(node, &mut |n| {
        if let (Node::Variable(name), Ok(())) = (n, &result) {
            if BUILT_IN.contains(&name.as_str()) {
                return;
            }
            match scope.iter().rev().find(|v| &v.name == name) {
                Some(Var { expr: Ok(_), .. }) => {}
                Some(Var { expr: Err(p), .. }) => result = Err(ExprError::new(0, p.clone())),
                None if launch.iter().any(|l| l == name) => {
                    result = Err(ExprError::new(
                        0,
                        Problem::NeedsLaunchContext { name: name.clone() },
                    ))
                }
                None => {
                    result = Err(ExprError::new(
                        0,
                        Problem::UnknownVariable { name: name.clone() },
                    ))
                }
            }
        }
    });
    result
}

fn visit(node: &Node, f: &mut dyn FnMut(&Node)) {
    f(node);
    match node {
        Node::Member(Some(a), _) | Node::Negate(a) => visit(a, f),
        Node::Indexer(a, b) | Node::Binary(_, a, b) => {
            visit(a, f);
            visit(b, f);
        }
        Node::Call(focus, _, args) => {
            if let Some(a) = focus {
                visit(a, f);
            }
            args.iter().for_each(|a| visit(a, f));
        }
        _ => {}
    }
}
