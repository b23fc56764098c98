//! Maps answers to a FHIR R4 QuestionnaireResponse, and a QuestionnaireResponse back to answers
//! (the receiver re-checks what it is sent). Performs no I/O.

use serde_json::{Map, Value};

use crate::answers::{AnswerValue, Answers};
use crate::definition::{value_x, AnswerOption, Item, ItemKind, Questionnaire};
use crate::enable::enabled_items;
use crate::json::{join, object};

/// What a response needs besides the answers.
pub struct ResponseMeta<'a> {
    /// The language the patient answered in (BCP 47).
    pub language: &'a str,
    /// When the patient submitted, as an RFC 3339 date-time (the widget passes the browser's
    /// clock; the core has no clock).
    pub authored: &'a str,
}

/// Builds a `completed` QuestionnaireResponse. Only enabled, answered items appear, nested
/// under their groups as in the definition. `display` gives the text of a chosen option in
/// the patient's language (for a choice whose options an `answerExpression` lists, it is given
/// the coding answered, without words: `None` leaves its display out).
pub fn build(
    q: &Questionnaire,
    answers: &Answers,
    meta: &ResponseMeta<'_>,
    display: &dyn Fn(&Item, &AnswerOption) -> Option<String>,
) -> Value {
    let enabled = enabled_items(q, answers);
    let items: Vec<Value> = q
        .roots()
        .filter_map(|item| response_item(q, item, answers, &enabled, display))
        .collect();
    let mut qr = Map::new();
    qr.insert("resourceType".into(), Value::from("QuestionnaireResponse"));
    if let Some(c) = q.canonical() {
        qr.insert("questionnaire".into(), Value::from(c));
    }
    qr.insert("status".into(), Value::from("completed"));
    qr.insert("language".into(), Value::from(meta.language));
    qr.insert("authored".into(), Value::from(meta.authored));
    if !items.is_empty() {
        qr.insert("item".into(), Value::Array(items));
    }
    Value::Object(qr)
}

fn response_item(
    q: &Questionnaire,
    item: &Item,
    answers: &Answers,
    enabled: &[bool],
    display: &dyn Fn(&Item, &AnswerOption) -> Option<String>,
) -> Option<Value> {
    let pos = q.position(&item.link_id)?;
    if !enabled.get(pos).copied().unwrap_or(false) {
        return None;
    }
    let mut out = Map::new();
    out.insert(
        "linkId".into(),
        Value::from(crate::definition::instances::link_id_of(&item.link_id)),
    );
    match &item.kind {
        ItemKind::Group => {
            let children: Vec<Value> = q
                .children(item)
                .filter_map(|c| response_item(q, c, answers, enabled, display))
                .collect();
            if children.is_empty() {
                return None;
            }
            out.insert("item".into(), Value::Array(children));
        }
        ItemKind::Display => return None,
        kind => {
            let mut list = Vec::new();
            for answer in answers.get(&item.link_id)?.values() {
                list.push(answer_value(item, kind, answer, display)?);
            }
            // Items nested under a question go inside its answer (FHIR); such a question
            // never repeats, so there is one answer to hold them.
            let children: Vec<Value> = q
                .children(item)
                .filter_map(|c| response_item(q, c, answers, enabled, display))
                .collect();
            if let (false, Some(Value::Object(first))) = (children.is_empty(), list.first_mut()) {
                first.insert("item".into(), Value::Array(children));
            }
            out.insert("answer".into(), Value::Array(list));
        }
    }
    Some(Value::Object(out))
}

/// One value of an answer as a response's `answer` entry (a choice's coding with its option's
/// system and display); `None` for a value the item does not take.
pub(crate) fn answer_value(
    item: &Item,
    kind: &ItemKind,
    answer: &AnswerValue,
    display: &dyn Fn(&Item, &AnswerOption) -> Option<String>,
) -> Option<Value> {
    Some(match (kind, answer) {
        // One of its options; with none, an `answerExpression` listed it: as answered.
        (ItemKind::Choice { options, .. }, AnswerValue::Coding { code, system }) => {
            let opt = options.iter().find(|o| &o.code == code);
            if opt.is_none() && !options.is_empty() {
                return None;
            }
            // Listed by an `answerExpression`: `display` is given the coding as answered (the
            // widget finds its words in the list it showed).
            let listed = AnswerOption {
                code: code.clone(),
                system: system.clone(),
                ..AnswerOption::default()
            };
            let opt = opt.or(options.is_empty().then_some(&listed));
            let mut coding = Map::new();
            if let Some(s) = opt.and_then(|o| o.system.as_ref()) {
                coding.insert("system".into(), Value::from(s.as_str()));
            }
            coding.insert("code".into(), Value::from(code.as_str()));
            if let Some(d) = opt.and_then(|o| display(item, o)) {
                coding.insert("display".into(), Value::from(d));
            }
            object([("valueCoding", Value::Object(coding))])
        }
        // FHIR's Quantity: the number, the unit's words (its display, as for a coding) and
        // its coding.
        // A calculated quantity with no unit: the number alone; one whose unit the patient
        // writes: with those words as its `unit` (no coding).
        (ItemKind::Quantity { units }, AnswerValue::Quantity { value, code, .. })
            if units.is_empty() =>
        {
            let mut quantity = Map::new();
            quantity.insert("value".into(), Value::from(*value));
            if !code.is_empty() {
                quantity.insert("unit".into(), Value::from(code.as_str()));
            }
            object([("valueQuantity", Value::Object(quantity))])
        }
        (ItemKind::Quantity { units }, AnswerValue::Quantity { value, code, .. }) => {
            let unit = units.iter().find(|u| &u.code == code)?;
            let mut quantity = Map::new();
            quantity.insert("value".into(), Value::from(*value));
            quantity.insert(
                "unit".into(),
                Value::from(display(item, unit).unwrap_or_else(|| unit.code.clone())),
            );
            if let Some(s) = &unit.system {
                quantity.insert("system".into(), Value::from(s.as_str()));
            }
            quantity.insert("code".into(), Value::from(unit.code.as_str()));
            object([("valueQuantity", Value::Object(quantity))])
        }
        (_, AnswerValue::Boolean(b)) => object([("valueBoolean", Value::from(*b))]),
        (_, AnswerValue::Integer(i)) => object([("valueInteger", Value::from(*i))]),
        (_, AnswerValue::Decimal(d)) => object([("valueDecimal", Value::from(*d))]),
        (_, AnswerValue::String(s)) => object([("valueString", Value::from(s.as_str()))]),
        (_, AnswerValue::Date(s)) => object([("valueDate", Value::from(s.as_str()))]),
        (_, AnswerValue::DateTime(s)) => object([("valueDateTime", Value::from(s.as_str()))]),
        (_, AnswerValue::Time(s)) => object([("valueTime", Value::from(s.as_str()))]),
        _ => return None,
    })
}

/// What kind of problem a QuestionnaireResponse has: one variant per stable code.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResponseErrorKind {
    /// Not a JSON object.
    NotAnObject,
    /// `resourceType` is not `QuestionnaireResponse`.
    WrongResourceType,
    /// `questionnaire` is not this definition's `url|version`.
    WrongQuestionnaire,
    /// `status` is not `completed`.
    NotCompleted,
    /// An `item` list that is not an array.
    ItemNotAnArray,
    /// An item without a string `linkId`.
    MissingLinkId,
    /// A `linkId` the questionnaire does not have.
    UnknownLinkId,
    /// An item outside the group it belongs to.
    Misplaced,
    /// A `linkId` that appears twice, or the same answer twice to an item that repeats.
    Repeated,
    /// An answer to display text.
    DisplayAnswered,
    /// A question without exactly one answer with a value.
    NotOneAnswer,
    /// An answer of a type the question does not take.
    WrongValueType,
}

impl ResponseErrorKind {
    /// The stable code, e.g. `unknown-link-id`.
    pub fn code(self) -> &'static str {
        match self {
            Self::NotAnObject => "not-an-object",
            Self::WrongResourceType => "wrong-resource-type",
            Self::WrongQuestionnaire => "wrong-questionnaire",
            Self::NotCompleted => "not-completed",
            Self::ItemNotAnArray => "item-not-an-array",
            Self::MissingLinkId => "missing-link-id",
            Self::UnknownLinkId => "unknown-link-id",
            Self::Misplaced => "misplaced",
            Self::Repeated => "repeated",
            Self::DisplayAnswered => "display-answered",
            Self::NotOneAnswer => "not-one-answer",
            Self::WrongValueType => "wrong-value-type",
        }
    }
}

/// A problem in a QuestionnaireResponse sent to the receiver. The message names linkIds and
/// types, never an answer's value.
#[derive(Clone, Debug, PartialEq)]
pub struct ResponseError {
    /// What kind of problem.
    pub kind: ResponseErrorKind,
    /// JSON pointer inside the QuestionnaireResponse.
    pub pointer: String,
    /// What is wrong, for developers.
    pub message: String,
}

/// Reads answers back from a QuestionnaireResponse, checking that it is for this questionnaire
/// and that every `linkId` exists, sits under the right group and carries one value of the
/// right type. A repeating group's entries are its instances: the answers inside them are keyed
/// as [`crate::definition::instances`] says, and [`Questionnaire::fitting`] gives the
/// questionnaire with those instances, to validate and score them with.
pub fn answers_from(q: &Questionnaire, qr: &Value) -> Result<Answers, ResponseError> {
    use ResponseErrorKind as K;
    let err = |kind, pointer: &str, message: String| ResponseError {
        kind,
        pointer: pointer.to_owned(),
        message,
    };
    let obj = qr
        .as_object()
        .ok_or_else(|| err(K::NotAnObject, "", "not a JSON object".into()))?;
    if obj.get("resourceType").and_then(Value::as_str) != Some("QuestionnaireResponse") {
        return Err(err(
            K::WrongResourceType,
            "/resourceType",
            "resourceType must be \"QuestionnaireResponse\"".into(),
        ));
    }
    if let Some(c) = q.canonical() {
        if obj.get("questionnaire").and_then(Value::as_str) != Some(c.as_str()) {
            return Err(err(
                K::WrongQuestionnaire,
                "/questionnaire",
                format!("questionnaire must be \"{c}\""),
            ));
        }
    }
    if obj.get("status").and_then(Value::as_str) != Some("completed") {
        return Err(err(
            K::NotCompleted,
            "/status",
            "status must be \"completed\"".into(),
        ));
    }
    let mut answers = Answers::new();
    let mut seen = Vec::new();
    if let Some(items) = obj.get("item") {
        read_items(q, None, items, "/item", &[], &mut answers, &mut seen)?;
    }
    // What SDC `enableWhenExpression`s show, worked out as the widget did, on the day the
    // response was authored.
    if q.expressions.is_some() {
        let authored = obj
            .get("authored")
            .and_then(Value::as_str)
            .unwrap_or_default();
        crate::fhirpath::sdc::shown_for(q, &mut answers, authored);
    }
    Ok(answers)
}

/// Reads `items` (under the item at `parent`, inside the instances `path` of the repeating
/// groups around them) into `answers`, by key (`definition::instances`).
fn read_items(
    q: &Questionnaire,
    parent: Option<usize>,
    items: &Value,
    ptr: &str,
    path: &[usize],
    answers: &mut Answers,
    seen: &mut Vec<String>,
) -> Result<(), ResponseError> {
    use crate::definition::instances::{key_of, MAX_INSTANCES};
    use ResponseErrorKind as K;
    let err = |kind, pointer: String, message: String| ResponseError {
        kind,
        pointer,
        message,
    };
    let list = items.as_array().ok_or_else(|| {
        err(
            K::ItemNotAnArray,
            ptr.to_owned(),
            "item must be an array".into(),
        )
    })?;
    for (i, it) in list.iter().enumerate() {
        let iptr = join(ptr, i);
        let link = it.get("linkId").and_then(Value::as_str).ok_or_else(|| {
            err(
                K::MissingLinkId,
                join(&iptr, "linkId"),
                "linkId is missing".into(),
            )
        })?;
        let pos = q.position(link).ok_or_else(|| {
            err(
                K::UnknownLinkId,
                join(&iptr, "linkId"),
                format!("\"{link}\" is not an item of the questionnaire"),
            )
        })?;
        let item = q.items.get(pos).ok_or_else(|| {
            err(
                K::UnknownLinkId,
                iptr.clone(),
                "internal index error".into(),
            )
        })?;
        if item.parent != parent {
            return Err(err(
                K::Misplaced,
                iptr,
                format!("\"{link}\" is not at this place in the questionnaire"),
            ));
        }
        // A repeating group's entries are its instances, numbered in order; every other
        // item at most once in each. A sorted Vec rather than a set: no extra collection code
        // in the WebAssembly.
        let mut path = path.to_vec();
        if item.repeats && item.kind == ItemKind::Group {
            let before = list
                .iter()
                .take(i)
                .filter(|o| o.get("linkId").and_then(Value::as_str) == Some(link))
                .count();
            if before >= MAX_INSTANCES {
                return Err(err(
                    K::Repeated,
                    iptr,
                    format!("\"{link}\" has more than {MAX_INSTANCES} instances"),
                ));
            }
            path.push(before + 1);
        }
        let key = key_of(link, &path);
        match seen.binary_search(&key) {
            Ok(_) => return Err(err(K::Repeated, iptr, format!("\"{link}\" appears twice"))),
            Err(at) => seen.insert(at, key.clone()),
        }
        match &item.kind {
            ItemKind::Group => {
                if let Some(children) = it.get("item") {
                    let cptr = join(&iptr, "item");
                    read_items(q, Some(pos), children, &cptr, &path, answers, seen)?;
                }
            }
            ItemKind::Display => {
                return Err(err(
                    K::DisplayAnswered,
                    iptr,
                    format!("\"{link}\" is display text and takes no answer"),
                ))
            }
            _ => {
                let list = it.get("answer").and_then(Value::as_array);
                let aptr = join(&iptr, "answer");
                let values: Option<Vec<AnswerValue>> = match list {
                    Some(l) if l.len() == 1 || (item.repeats && !l.is_empty()) => l
                        .iter()
                        .map(|a| a.as_object().and_then(|a| value_x(a, "value")))
                        .collect(),
                    _ => None,
                };
                let values = values.ok_or_else(|| {
                    let want = if item.repeats {
                        "at least one answer, each"
                    } else {
                        "exactly one answer"
                    };
                    err(
                        K::NotOneAnswer,
                        aptr.clone(),
                        format!("\"{link}\" needs {want} with a value"),
                    )
                })?;
                for (n, value) in values.iter().enumerate() {
                    if !value_fits(&item.kind, value) {
                        return Err(err(
                            K::WrongValueType,
                            join(&aptr, n),
                            format!(
                                "\"{link}\" does not take a value{} answer",
                                value.kind_name()
                            ),
                        ));
                    }
                    let choice = matches!(item.kind, ItemKind::Choice { .. });
                    if choice && values.iter().take(n).any(|v| v == value) {
                        return Err(err(
                            K::Repeated,
                            join(&aptr, n),
                            format!("\"{link}\" has the same answer twice"),
                        ));
                    }
                }
                let value = match (item.repeats, values.len()) {
                    (false, 1) => values.into_iter().next(),
                    _ => Some(AnswerValue::Many(values)),
                };
                answers.set(&key, value);
                // A question's own items are answered inside its answer, never beside it.
                if it.get("item").is_some() {
                    return Err(err(
                        K::Misplaced,
                        join(&iptr, "item"),
                        format!("items under \"{link}\" belong inside its answer"),
                    ));
                }
                for (n, a) in list.into_iter().flatten().enumerate() {
                    if let Some(children) = a.get("item") {
                        let cptr = join(&join(&aptr, n), "item");
                        read_items(q, Some(pos), children, &cptr, &path, answers, seen)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Whether an answer has a shape the item takes: a list of values that fit for an item that
/// repeats, one value that fits otherwise.
pub fn answer_fits(item: &Item, answer: &AnswerValue) -> bool {
    match (item.repeats, answer) {
        (true, AnswerValue::Many(list)) => list.iter().all(|v| value_fits(&item.kind, v)),
        (false, one) => value_fits(&item.kind, one),
        (true, _) => false,
    }
}

/// Whether a single value has a type the item takes (a whole number is a valid decimal; a list
/// never fits).
pub fn value_fits(kind: &ItemKind, value: &AnswerValue) -> bool {
    // Text on a choice: an open-choice's own words, or one of its text options.
    if let (ItemKind::Choice { options, open, .. }, AnswerValue::String(s)) = (kind, value) {
        // (No options: an `answerExpression` lists them, texts too.)
        return open.is_some()
            || options.is_empty()
            || options.iter().any(|o| o.text && &o.code == s);
    }
    matches!(
        (kind, value),
        (ItemKind::Choice { .. }, AnswerValue::Coding { .. })
            | (ItemKind::Integer { .. }, AnswerValue::Integer(_))
            | (
                ItemKind::Decimal { .. },
                AnswerValue::Decimal(_) | AnswerValue::Integer(_)
            )
            | (ItemKind::Boolean, AnswerValue::Boolean(_))
            | (
                ItemKind::String { .. } | ItemKind::Text { .. },
                AnswerValue::String(_)
            )
            | (ItemKind::Date, AnswerValue::Date(_))
            | (ItemKind::DateTime, AnswerValue::DateTime(_))
            | (ItemKind::Time, AnswerValue::Time(_))
            | (ItemKind::Quantity { .. }, AnswerValue::Quantity { .. })
    )
}
