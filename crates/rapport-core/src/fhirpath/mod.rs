//! FHIRPath, the subset real questionnaires use: SDC's `calculatedExpression` (a total, a BMI,
//! a risk figure), `enableWhenExpression`, `initialExpression` and `variable`.
//!
//! The core's own, small evaluator (no crate fits: the FHIRPath crates on the registry bring a
//! whole FHIR model, a decimal and a date library and a regular-expression engine, hundreds of
//! kilobytes of WebAssembly, and run on their own FHIR types). It reads the expression into a
//! tree ([`syntax`]) when the definition loads, so that anything outside the subset is a
//! located error before the patient sees the form, never a wrong answer; it evaluates over the
//! QuestionnaireResponse being filled in, as JSON ([`eval`]); [`sdc`] ties expressions to items.
//!
//! The subset (docs/fhir-support.md lists it too):
//! - paths over `%resource` (the response), `%context` (the item's place in it),
//!   `%questionnaire`, `$this`, `$index`, `$total`, SDC `variable`s, `%ucum`, `%loinc`,
//!   `%sct`; `value` reads FHIR's `value[x]`; an indexer `[n]`;
//! - literals: `true`, `false`, numbers, `'text'`, `@2026-12-07`, `{}`;
//! - operators: `* / div mod + - & | < <= > >= = != ~ !~ in contains and or xor implies`;
//! - functions: `where select exists empty not count sum min max avg first last tail skip
//!   take single iif today now round power ln exp sqrt abs floor ceiling truncate toString
//!   toInteger toDecimal substring startsWith endsWith contains length combine
//!   union distinct all allTrue anyTrue allFalse anyFalse hasValue weight ordinal aggregate
//!   repeat join`.
//!
//! Refused at load: `is`/`as`, quantity literals (`7 days`), date-time literals, unknown
//! functions (`matches`, `resolve()`, `memberOf()`…), unknown variables; a calculated value
//! that needs the EHR's launch context (`%patient`, `%user`), which a patient portal's widget
//! does not have.
//!
//! Never panics (fuzzed in `tests/no_panic.rs`). The work is bounded: a source of at most
//! [`MAX_SOURCE`] bytes, a tree at most [`MAX_NESTING`] deep, [`FUEL`] steps per evaluation,
//! collections of at most [`MAX_ITEMS`] items and [`MAX_TEXT`] bytes of text built, and strings of
//! at most [`MAX_STRING`] bytes; past any
//! of these an evaluation is an error (and a calculated item stays empty), never a hang.

pub mod eval;
pub mod sdc;
pub mod syntax;

use std::fmt;

pub use sdc::{Clock, Computed, Program};

/// Longest expression read, in bytes.
pub const MAX_SOURCE: usize = 4 * 1024;
/// Deepest expression tree read.
pub const MAX_NESTING: usize = 64;
/// Steps one evaluation may take.
pub const FUEL: u32 = 100_000;
/// Largest collection an evaluation may build.
pub const MAX_ITEMS: usize = 5_000;
/// Longest string an evaluation may build, in bytes.
pub const MAX_STRING: usize = 4 * 1024;
/// Most text, in bytes, the strings an evaluation built may hold in one collection.
pub const MAX_TEXT: usize = 256 * 1024;

/// A function of the subset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Func {
    Where,
    Select,
    Exists,
    Empty,
    Not,
    Count,
    Sum,
    Min,
    Max,
    Avg,
    First,
    Last,
    Tail,
    Skip,
    Take,
    Single,
    Iif,
    Today,
    Now,
    Round,
    Power,
    Ln,
    Exp,
    Sqrt,
    Abs,
    Floor,
    Ceiling,
    Truncate,
    ToString,
    ToInteger,
    ToDecimal,
    Substring,
    StartsWith,
    EndsWith,
    Contains,
    Length,
    Combine,
    Union,
    Distinct,
    All,
    AllTrue,
    AnyTrue,
    AllFalse,
    AnyFalse,
    HasValue,
    Weight,
    Aggregate,
    Repeat,
    Join,
    IndexOf,
    Replace,
    ToChars,
    Trim,
    Split,
    Matches,
}

impl Func {
    /// The function of that name, if the subset has it.
    pub fn named(name: &str) -> Option<Func> {
        Some(match name {
            "where" => Func::Where,
            "select" => Func::Select,
            "exists" => Func::Exists,
            "empty" => Func::Empty,
            "not" => Func::Not,
            "count" => Func::Count,
            "sum" => Func::Sum,
            "min" => Func::Min,
            "max" => Func::Max,
            "avg" => Func::Avg,
            "first" => Func::First,
            "last" => Func::Last,
            "tail" => Func::Tail,
            "skip" => Func::Skip,
            "take" => Func::Take,
            "single" => Func::Single,
            "iif" => Func::Iif,
            "today" => Func::Today,
            "now" => Func::Now,
            "round" => Func::Round,
            "power" => Func::Power,
            "ln" => Func::Ln,
            "exp" => Func::Exp,
            "sqrt" => Func::Sqrt,
            "abs" => Func::Abs,
            "floor" => Func::Floor,
            "ceiling" => Func::Ceiling,
            "truncate" => Func::Truncate,
            "toString" => Func::ToString,
            "toInteger" => Func::ToInteger,
            "toDecimal" => Func::ToDecimal,
            "substring" => Func::Substring,
            "startsWith" => Func::StartsWith,
            "endsWith" => Func::EndsWith,
            "contains" => Func::Contains,
            "length" => Func::Length,
            "combine" => Func::Combine,
            "union" => Func::Union,
            "distinct" => Func::Distinct,
            "all" => Func::All,
            "allTrue" => Func::AllTrue,
            "anyTrue" => Func::AnyTrue,
            "allFalse" => Func::AllFalse,
            "anyFalse" => Func::AnyFalse,
            "hasValue" => Func::HasValue,
            // SDC's `weight()`, and its earlier name.
            "weight" | "ordinal" => Func::Weight,
            "aggregate" => Func::Aggregate,
            "repeat" => Func::Repeat,
            "join" => Func::Join,
            "indexOf" => Func::IndexOf,
            "replace" => Func::Replace,
            "toChars" => Func::ToChars,
            "trim" => Func::Trim,
            "split" => Func::Split,
            "matches" => Func::Matches,
            _ => return None,
        })
    }

    /// Fewest and most arguments.
    pub fn arity(self) -> (usize, usize) {
        match self {
            Func::Where
            | Func::Select
            | Func::Skip
            | Func::Take
            | Func::Power
            | Func::StartsWith
            | Func::EndsWith
            | Func::Contains
            | Func::Combine
            | Func::Union
            | Func::All
            | Func::Repeat
            | Func::IndexOf
            | Func::Split
            | Func::Matches => (1, 1),
            Func::Replace => (2, 2),
            Func::Exists | Func::Round | Func::Join => (0, 1),
            Func::Iif => (2, 3),
            Func::Substring | Func::Aggregate => (1, 2),
            _ => (0, 0),
        }
    }
}

/// A problem in an expression, at a byte offset in its source.
#[derive(Clone, Debug, PartialEq)]
pub struct ExprError {
    /// Byte offset in the expression where the problem starts.
    pub at: usize,
    /// What is wrong.
    pub problem: Problem,
}

impl ExprError {
    pub(crate) fn new(at: usize, problem: Problem) -> Self {
        ExprError { at, problem }
    }
}

/// What is wrong with an expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Longer than [`MAX_SOURCE`].
    TooLong { bytes: usize },
    /// Nested deeper than [`MAX_NESTING`].
    TooDeep,
    /// Not FHIRPath: what was expected there.
    Syntax(&'static str),
    /// A whole number too large for 64 bits.
    NumberTooLarge,
    /// A function outside the subset.
    UnknownFunction { name: String },
    /// A function with the wrong number of arguments.
    Arity { name: String, lo: usize, hi: usize },
    /// A part of FHIRPath outside the subset.
    Unsupported(&'static str),
    /// `%name` that nothing defines.
    UnknownVariable { name: String },
    /// `%patient`, `%user`…: the EHR's launch context, which a patient portal's widget does
    /// not have.
    NeedsLaunchContext { name: String },
    /// The expression's `language` is not `text/fhirpath`.
    Language { language: String },
    /// An SDC `variable` without a `name`, or two with one name on one element.
    VariableName,
    /// The pattern of `matches()`: not written as text in the expression, or not one the core
    /// reads ([`crate::pattern`]; the problem written).
    Pattern { problem: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::TooLong { bytes } => {
                write!(f, "it is {bytes} bytes long; the limit is {MAX_SOURCE}")
            }
            Problem::TooDeep => write!(f, "it is nested more than {MAX_NESTING} levels deep"),
            Problem::Syntax(what) => write!(f, "expected {what}"),
            Problem::NumberTooLarge => f.write_str("a whole number is too large"),
            Problem::UnknownFunction { name } => write!(
                f,
                "the function {name}() is not one Rapport evaluates (docs/fhir-support.md lists them)"
            ),
            Problem::Arity { name, lo, hi } if lo == hi => {
                write!(f, "{name}() takes {lo} argument(s)")
            }
            Problem::Arity { name, lo, hi } => {
                write!(f, "{name}() takes {lo} to {hi} arguments")
            }
            Problem::Unsupported(what) => write!(f, "{what} are not evaluated by Rapport"),
            Problem::UnknownVariable { name } => {
                write!(f, "%{name} is not defined (by a variable before it, or by FHIRPath)")
            }
            Problem::NeedsLaunchContext { name } => write!(
                f,
                "%{name} comes from the EHR's launch context or a server query, which a widget in a patient portal does not have"
            ),
            Problem::Language { language } => {
                write!(f, "its language is \"{language}\"; Rapport evaluates text/fhirpath only")
            }
            Problem::VariableName => {
                f.write_str("a variable needs a name of its own (valueExpression.name)")
            }
            Problem::Pattern { problem } => {
                write!(f, "the pattern of matches() cannot be read: {problem}")
            }
        }
    }
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.problem, self.at + 1)
    }
}

/// Why an evaluation stopped without a value (the calculated item stays empty; the condition
/// counts as not met).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvalError {
    /// More than [`FUEL`] steps.
    OutOfFuel,
    /// A collection over [`MAX_ITEMS`] or a string over [`MAX_STRING`].
    TooBig,
    /// Several values where one was needed.
    NotSingle,
    /// A value of the wrong kind for an operator or function.
    WrongType,
    /// `weight()` of a coding whose option has no `itemWeight` or `ordinalValue`.
    NoWeight,
}

/// Evaluates `source` on `resource` (as `%resource`, `%context` and `$this`), with
/// `today()` on `today`: each result as JSON (a number, a string, a boolean, or the element).
/// For tests, the fuzzer and tools; questionnaires go through [`Program`].
pub fn evaluate_on(
    source: &str,
    resource: &serde_json::Value,
    today: &str,
) -> Result<Result<Vec<serde_json::Value>, EvalError>, ExprError> {
    use eval::V;
    use serde_json::Value;
    let node = syntax::parse(source)?;
    let this = vec![V::Node(resource)];
    let vars = [("resource", this.clone()), ("context", this.clone())];
    let no_weight = |_: &serde_json::Value| None;
    let env = eval::Env::new(&vars, today, today, &no_weight);
    Ok(env.evaluate(&node, &this).map(|c| {
        c.into_iter()
            .map(|v| match v {
                V::Node(n) => n.clone(),
                V::Bool(b) => Value::from(b),
                V::Integer(i) => Value::from(i),
                V::Decimal(d) => Value::from(d),
                V::String(t) | V::Date(t) | V::DateTime(t) | V::Time(t) => {
                    Value::from(t.into_owned())
                }
            })
            .collect()
    }))
}

/// A loaded definition with its expressions read too ([`Program::compile`]): what the
/// receiver, the linter and tools load, so that an expression outside the subset refuses the
/// definition everywhere, as in the widget.
pub fn checked(
    loaded: Result<crate::definition::Questionnaire, Vec<crate::definition::DefinitionError>>,
) -> Result<crate::definition::Questionnaire, Vec<crate::definition::DefinitionError>> {
    let q = loaded?;
    Program::compile(&q)?;
    Ok(q)
}
