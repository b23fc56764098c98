//! Evaluates a [`Node`] over JSON (the QuestionnaireResponse being filled in, the
//! Questionnaire). Collections are vectors of [`V`]; an element of the JSON is borrowed, a
//! computed value owned. Every step spends fuel, so hostile expressions stop with
//! [`EvalError::OutOfFuel`] instead of running long. Never panics.

use std::borrow::Cow;
use std::cell::Cell;

use serde_json::Value;

use super::syntax::{Node, Op};
use super::{EvalError, Func, FUEL, MAX_ITEMS, MAX_STRING, MAX_TEXT};

/// One item of a collection.
#[derive(Clone, Debug)]
pub enum V<'a> {
    /// An element of the JSON (an object: a Coding, an item, an answer…).
    Node(&'a Value),
    Bool(bool),
    Integer(i64),
    Decimal(f64),
    String(Cow<'a, str>),
    /// A date as FHIR writes it (`2026`, `2026-12`, `2026-12-07`).
    Date(Cow<'a, str>),
    DateTime(Cow<'a, str>),
    Time(Cow<'a, str>),
}

/// A collection.
pub type Coll<'a> = Vec<V<'a>>;

type Res<'a> = Result<Coll<'a>, EvalError>;

/// What an evaluation may read besides `$this`.
pub struct Env<'a, 'e> {
    /// `%name` → value, searched from the end (later definitions hide earlier ones).
    pub vars: &'e [(&'e str, Coll<'a>)],
    /// `today()`, as `YYYY-MM-DD` (the caller's clock: the core has none).
    pub today: &'e str,
    /// `now()`, as an RFC 3339 date-time.
    pub now: &'e str,
    /// `weight()` of an answer's value (a coding, or the text of a text option), from the
    /// options of the item it answers (or, for a coding elsewhere, the first option with it).
    pub weight: &'e dyn Fn(&Value) -> Option<f64>,
    fuel: Cell<u32>,
}

impl<'a, 'e> Env<'a, 'e> {
    /// An environment with a full tank.
    pub fn new(
        vars: &'e [(&'e str, Coll<'a>)],
        today: &'e str,
        now: &'e str,
        weight: &'e dyn Fn(&Value) -> Option<f64>,
    ) -> Self {
        Env {
            vars,
            today,
            now,
            weight,
            fuel: Cell::new(FUEL),
        }
    }

    fn spend(&self, n: usize) -> Result<(), EvalError> {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        match self.fuel.get().checked_sub(n.max(1)) {
            Some(left) => {
                self.fuel.set(left);
                Ok(())
            }
            None => {
                self.fuel.set(0);
                Err(EvalError::OutOfFuel)
            }
        }
    }

    /// Evaluates `node` with `this` as its focus (`$this`, and what a bare name reads).
    pub fn evaluate(&self, node: &Node, this: &Coll<'a>) -> Res<'a> {
        let scope = Scope {
            this,
            index: None,
            total: None,
        };
        self.eval(node, &scope)
    }

    fn eval(&self, node: &Node, s: &Scope<'a, '_>) -> Res<'a> {
        self.spend(1)?;
        let out = match node {
            Node::Empty => Vec::new(),
            Node::Bool(b) => vec![V::Bool(*b)],
            Node::Integer(i) => vec![V::Integer(*i)],
            Node::Decimal(d) => vec![V::Decimal(*d)],
            Node::String(t) => vec![V::String(Cow::Owned(t.clone()))],
            Node::Date(d) => vec![V::Date(Cow::Owned(d.clone()))],
            Node::This => s.this.clone(),
            Node::Index => s.index.map(V::Integer).into_iter().collect(),
            Node::Total => s.total.cloned().unwrap_or_default(),
            Node::Variable(name) => self
                .vars
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            Node::Member(focus, name) => {
                let input = match focus {
                    Some(f) => self.eval(f, s)?,
                    None => {
                        // `QuestionnaireResponse.item`: a path may start with the type.
                        if let [V::Node(n)] = s.this.as_slice() {
                            if n.get("resourceType").and_then(Value::as_str) == Some(name) {
                                return Ok(s.this.clone());
                            }
                        }
                        s.this.clone()
                    }
                };
                self.spend(input.len())?;
                let mut out = Vec::new();
                for v in &input {
                    if let V::Node(n) = v {
                        let before = out.len();
                        child(n, name, &mut out);
                        self.spend(out.len() - before)?;
                        if out.len() > MAX_ITEMS {
                            return Err(EvalError::TooBig);
                        }
                    }
                }
                out
            }
            Node::Indexer(focus, index) => {
                let input = self.eval(focus, s)?;
                let i = self.integer(index, s)?;
                usize::try_from(i)
                    .ok()
                    .and_then(|i| input.into_iter().nth(i))
                    .into_iter()
                    .collect()
            }
            Node::Negate(inner) => match single(self.eval(inner, s)?)? {
                None => Vec::new(),
                Some(V::Integer(i)) => vec![V::Integer(i.checked_neg().ok_or(EvalError::TooBig)?)],
                Some(V::Decimal(d)) => vec![V::Decimal(-d)],
                Some(_) => return Err(EvalError::WrongType),
            },
            Node::Binary(op, a, b) => self.binary(*op, a, b, s)?,
            Node::Call(focus, func, args) => {
                let input = match focus {
                    Some(f) => self.eval(f, s)?,
                    None => s.this.clone(),
                };
                self.call(*func, input, args, s)?
            }
        };
        // Bounded memory: the items, and the text they hold (each text copied is counted).
        if out.len() > MAX_ITEMS
            || out
                .iter()
                .map(|v| match v {
                    V::String(Cow::Owned(t)) => t.len(),
                    _ => 0,
                })
                .sum::<usize>()
                > MAX_TEXT
        {
            return Err(EvalError::TooBig);
        }
        Ok(out)
    }

    fn integer(&self, node: &Node, s: &Scope<'a, '_>) -> Result<i64, EvalError> {
        match single(self.eval(node, s)?)? {
            Some(V::Integer(i)) => Ok(i),
            _ => Err(EvalError::WrongType),
        }
    }

    fn boolean(&self, node: &Node, s: &Scope<'a, '_>) -> Result<Option<bool>, EvalError> {
        truth(self.eval(node, s)?)
    }

    fn binary(&self, op: Op, a: &Node, b: &Node, s: &Scope<'a, '_>) -> Res<'a> {
        // The logical operators read their right side only when it can change the result.
        match op {
            Op::And | Op::Or | Op::Xor | Op::Implies => {
                let l = self.boolean(a, s)?;
                let short = match (op, l) {
                    (Op::And, Some(false)) => Some(false),
                    (Op::Or, Some(true)) => Some(true),
                    (Op::Implies, Some(false)) => Some(true),
                    _ => None,
                };
                if let Some(v) = short {
                    return Ok(vec![V::Bool(v)]);
                }
                let r = self.boolean(b, s)?;
                let v = match op {
                    Op::And => match (l, r) {
                        (_, Some(false)) => Some(false),
                        (Some(true), Some(true)) => Some(true),
                        _ => None,
                    },
                    Op::Or => match (l, r) {
                        (_, Some(true)) => Some(true),
                        (Some(false), Some(false)) => Some(false),
                        _ => None,
                    },
                    Op::Xor => l.zip(r).map(|(l, r)| l != r),
                    _ => match (l, r) {
                        (_, Some(true)) => Some(true),
                        (Some(true), r) => r,
                        _ => None,
                    },
                };
                return Ok(v.map(V::Bool).into_iter().collect());
            }
            _ => {}
        }
        let l = self.eval(a, s)?;
        let r = self.eval(b, s)?;
        self.spend(l.len() + r.len())?;
        Ok(match op {
            Op::Union => {
                let mut out: Coll<'a> = Vec::new();
                for v in l.into_iter().chain(r) {
                    if !out.iter().any(|o| equal(o, &v) == Some(true)) {
                        self.spend(out.len())?;
                        out.push(v);
                    }
                }
                out
            }
            Op::Equal | Op::NotEqual | Op::Equivalent | Op::NotEquivalent => {
                let eq = if matches!(op, Op::Equivalent | Op::NotEquivalent) {
                    // Each item of one side against each of the other.
                    self.spend(l.len().saturating_mul(r.len()))?;
                    Some(equivalent_all(&l, &r))
                } else if l.is_empty() || r.is_empty() {
                    None
                } else if l.len() != r.len() {
                    Some(false)
                } else {
                    l.iter()
                        .zip(&r)
                        .map(|(a, b)| equal(a, b))
                        .try_fold(true, |acc, e| e.map(|e| acc && e))
                };
                let negate = matches!(op, Op::NotEqual | Op::NotEquivalent);
                eq.map(|e| V::Bool(e != negate)).into_iter().collect()
            }
            Op::In | Op::Contains => {
                let (item, list) = if op == Op::In { (l, r) } else { (r, l) };
                match single(item)? {
                    None => Vec::new(),
                    Some(v) => vec![V::Bool(list.iter().any(|x| equal(&v, x) == Some(true)))],
                }
            }
            Op::Concat => {
                let text = |c: Coll<'a>| -> Result<String, EvalError> {
                    match single(c)? {
                        None => Ok(String::new()),
                        Some(V::String(t)) => Ok(t.into_owned()),
                        Some(_) => Err(EvalError::WrongType),
                    }
                };
                let joined = text(l)? + &text(r)?;
                self.spend(joined.len() / 64)?;
                vec![V::String(Cow::Owned(bounded(joined)?))]
            }
            Op::Less | Op::LessEq | Op::Greater | Op::GreaterEq => match (single(l)?, single(r)?) {
                (Some(a), Some(b)) => match compare(&a, &b)? {
                    None => Vec::new(),
                    Some(o) => vec![V::Bool(match op {
                        Op::Less => o.is_lt(),
                        Op::LessEq => o.is_le(),
                        Op::Greater => o.is_gt(),
                        _ => o.is_ge(),
                    })],
                },
                _ => Vec::new(),
            },
            _ => match (single(l)?, single(r)?) {
                (Some(a), Some(b)) => {
                    let out = arithmetic(op, a, b)?;
                    // Text made longer costs by its length, like the collections do.
                    if let Some(V::String(t)) = &out {
                        self.spend(t.len() / 64)?;
                    }
                    out.into_iter().collect()
                }
                _ => Vec::new(),
            },
        })
    }

    fn each(
        &self,
        input: &Coll<'a>,
        node: &Node,
        mut f: impl FnMut(&V<'a>, Coll<'a>) -> Result<(), EvalError>,
    ) -> Result<(), EvalError> {
        for (i, v) in input.iter().enumerate() {
            let this = vec![v.clone()];
            let scope = Scope {
                this: &this,
                index: i64::try_from(i).ok(),
                total: None,
            };
            f(v, self.eval(node, &scope)?)?;
        }
        Ok(())
    }

    fn call(&self, func: Func, input: Coll<'a>, args: &[Node], s: &Scope<'a, '_>) -> Res<'a> {
        self.spend(input.len())?;
        let arg = |i: usize| -> Res<'a> {
            match args.get(i) {
                Some(n) => self.eval(n, s),
                None => Ok(Vec::new()),
            }
        };
        let one = |b: bool| Ok(vec![V::Bool(b)]);
        match func {
            Func::Exists if args.is_empty() => one(!input.is_empty()),
            Func::Where | Func::Select | Func::All | Func::Exists => {
                let crit = args.first().ok_or(EvalError::WrongType)?;
                let mut out = Vec::new();
                let mut all = true;
                let mut any = false;
                self.each(&input, crit, |v, r| {
                    match func {
                        Func::Select => out.extend(r),
                        _ => {
                            let t = truth(r)? == Some(true);
                            all &= t;
                            any |= t;
                            if t && func == Func::Where {
                                out.push(v.clone());
                            }
                        }
                    }
                    if out.len() > MAX_ITEMS {
                        return Err(EvalError::TooBig);
                    }
                    Ok(())
                })?;
                match func {
                    Func::All => one(all),
                    Func::Exists => one(any),
                    _ => Ok(out),
                }
            }
            Func::Empty => one(input.is_empty()),
            Func::Not => Ok(truth(input)?.map(|b| V::Bool(!b)).into_iter().collect()),
            Func::Count => Ok(vec![V::Integer(
                i64::try_from(input.len()).unwrap_or(i64::MAX),
            )]),
            Func::Sum | Func::Avg => {
                let n = input.len();
                let mut total = V::Integer(0);
                for v in input {
                    total = arithmetic(Op::Add, total, v)?.ok_or(EvalError::WrongType)?;
                }
                if func == Func::Sum {
                    return Ok(vec![total]);
                }
                if n == 0 {
                    return Ok(Vec::new());
                }
                Ok(
                    arithmetic(Op::Div, total, V::Integer(i64::try_from(n).unwrap_or(1)))?
                        .into_iter()
                        .collect(),
                )
            }
            Func::Min | Func::Max => {
                let mut best: Option<V<'a>> = None;
                for v in input {
                    best = Some(match best {
                        None => v,
                        Some(b) => {
                            let o = compare(&v, &b)?.ok_or(EvalError::WrongType)?;
                            if (func == Func::Min) == o.is_lt() && o.is_ne() {
                                v
                            } else {
                                b
                            }
                        }
                    });
                }
                Ok(best.into_iter().collect())
            }
            Func::First => Ok(input.into_iter().take(1).collect()),
            Func::Last => Ok(input.into_iter().last().into_iter().collect()),
            Func::Tail => Ok(input.into_iter().skip(1).collect()),
            Func::Skip | Func::Take => {
                let n = usize::try_from(match single(arg(0)?)? {
                    Some(V::Integer(i)) => i.max(0),
                    _ => return Err(EvalError::WrongType),
                })
                .unwrap_or(usize::MAX);
                Ok(if func == Func::Skip {
                    input.into_iter().skip(n).collect()
                } else {
                    input.into_iter().take(n).collect()
                })
            }
            Func::Single => Ok(single(input)?.into_iter().collect()),
            Func::Iif => {
                let cond = match args.first() {
                    Some(c) => truth(self.eval(
                        c,
                        &Scope {
                            this: &input,
                            index: s.index,
                            total: s.total,
                        },
                    )?)?,
                    None => None,
                };
                // The branches are evaluated on the input too (`$this`), as the condition is.
                let branch = if cond == Some(true) {
                    args.get(1)
                } else {
                    args.get(2)
                };
                match branch {
                    Some(b) => self.eval(
                        b,
                        &Scope {
                            this: &input,
                            index: s.index,
                            total: s.total,
                        },
                    ),
                    None => Ok(Vec::new()),
                }
            }
            Func::Today => Ok(vec![V::Date(Cow::Owned(self.today.to_owned()))]),
            Func::Now => Ok(vec![V::DateTime(Cow::Owned(self.now.to_owned()))]),
            Func::Round => {
                let places = match single(arg(0)?)? {
                    None => 0,
                    Some(V::Integer(i)) if (0..=15).contains(&i) => i,
                    Some(_) => return Err(EvalError::WrongType),
                };
                math(
                    input,
                    |d| {
                        let f = 10f64.powi(i32::try_from(places).unwrap_or(0));
                        // Half away from zero on the decimal digits as written (FHIRPath's
                        // round): the scaled number is first read as its shortest decimal,
                        // so that 2.675 × 100 (267.49999999999997 in binary) is 267.5.
                        tidy(tidy(d * f).round() / f)
                    },
                    true,
                )
            }
            Func::Power => {
                let (Some(base), Some(exp)) = (single(input)?, single(arg(0)?)?) else {
                    return Ok(Vec::new());
                };
                Ok(match (base, exp) {
                    (V::Integer(b), V::Integer(e)) if e >= 0 => u32::try_from(e)
                        .ok()
                        .and_then(|e| b.checked_pow(e))
                        .map(V::Integer)
                        .into_iter()
                        .collect(),
                    (b, e) => {
                        let (b, e) = (number(&b)?, number(&e)?);
                        finite(b.powf(e))
                    }
                })
            }
            Func::Ln => math(input, f64::ln, false),
            Func::Exp => math(input, f64::exp, false),
            Func::Sqrt => math(input, f64::sqrt, false),
            Func::Abs => match single(input)? {
                Some(V::Integer(i)) => {
                    Ok(vec![V::Integer(i.checked_abs().ok_or(EvalError::TooBig)?)])
                }
                other => math(other.into_iter().collect(), f64::abs, false),
            },
            Func::Floor | Func::Ceiling | Func::Truncate => match single(input)? {
                None => Ok(Vec::new()),
                Some(V::Integer(i)) => Ok(vec![V::Integer(i)]),
                Some(v) => {
                    let d = number(&v)?;
                    let r = match func {
                        Func::Floor => d.floor(),
                        Func::Ceiling => d.ceil(),
                        _ => d.trunc(),
                    };
                    Ok(whole(r).map(V::Integer).into_iter().collect())
                }
            },
            Func::ToString => Ok(match single(input)? {
                None => Vec::new(),
                Some(v) => text_of(&v)
                    .map(|t| V::String(Cow::Owned(t)))
                    .into_iter()
                    .collect(),
            }),
            Func::ToInteger => Ok(match single(input)? {
                Some(V::Integer(i)) => vec![V::Integer(i)],
                Some(V::Bool(b)) => vec![V::Integer(i64::from(b))],
                Some(V::String(t)) => t
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .map(V::Integer)
                    .into_iter()
                    .collect(),
                _ => Vec::new(),
            }),
            Func::ToDecimal => Ok(match single(input)? {
                Some(V::Integer(i)) => vec![V::Decimal(i as f64)],
                Some(V::Decimal(d)) => vec![V::Decimal(d)],
                Some(V::Bool(b)) => vec![V::Decimal(if b { 1.0 } else { 0.0 })],
                Some(V::String(t)) => crate::number::parse_decimal(t.trim())
                    .map(V::Decimal)
                    .into_iter()
                    .collect(),
                _ => Vec::new(),
            }),
            Func::Substring => {
                let Some(t) = string(single(input)?)? else {
                    return Ok(Vec::new());
                };
                self.spend(t.len() / 64)?;
                let start = match single(arg(0)?)? {
                    Some(V::Integer(i)) => i,
                    None => return Ok(Vec::new()),
                    Some(_) => return Err(EvalError::WrongType),
                };
                let len = match single(arg(1)?)? {
                    Some(V::Integer(i)) => Some(i.max(0)),
                    None => None,
                    Some(_) => return Err(EvalError::WrongType),
                };
                let chars = t.chars().count();
                let Some(start) = usize::try_from(start).ok().filter(|&s| s < chars) else {
                    return Ok(Vec::new());
                };
                let rest = t.chars().skip(start);
                let out: String = match len {
                    Some(n) => rest
                        .take(usize::try_from(n).unwrap_or(usize::MAX))
                        .collect(),
                    None => rest.collect(),
                };
                Ok(vec![V::String(Cow::Owned(out))])
            }
            Func::StartsWith | Func::EndsWith | Func::Contains => {
                let (Some(t), Some(p)) = (string(single(input)?)?, string(single(arg(0)?)?)?)
                else {
                    return Ok(Vec::new());
                };
                self.spend(t.len() / 64)?;
                one(match func {
                    Func::StartsWith => t.starts_with(p.as_ref()),
                    Func::EndsWith => t.ends_with(p.as_ref()),
                    _ => t.contains(p.as_ref()),
                })
            }
            Func::IndexOf => {
                let (Some(t), Some(p)) = (string(single(input)?)?, string(single(arg(0)?)?)?)
                else {
                    return Ok(Vec::new());
                };
                self.spend(t.len() / 64)?;
                // In characters, as `substring` counts; -1 when it is not there.
                let at = t.find(p.as_ref()).map_or(-1, |byte| {
                    t.get(..byte).map_or(0, |s| s.chars().count()) as i64
                });
                Ok(vec![V::Integer(at)])
            }
            Func::Trim => {
                let Some(t) = string(single(input)?)? else {
                    return Ok(Vec::new());
                };
                self.spend(t.len() / 64)?;
                Ok(vec![V::String(Cow::Owned(bounded(t.trim().to_owned())?))])
            }
            Func::Replace => {
                let (Some(t), Some(pattern), Some(with)) = (
                    string(single(input)?)?,
                    string(single(arg(0)?)?)?,
                    string(single(arg(1)?)?)?,
                ) else {
                    return Ok(Vec::new());
                };
                // Reading the input is paid for, then the length of the result is worked out
                // first: never a text built past the bound.
                self.spend(t.len() / 64)?;
                let times = if pattern.is_empty() {
                    t.chars().count() + 1
                } else {
                    t.matches(pattern.as_ref()).count()
                };
                let length = t
                    .len()
                    .saturating_sub(times.saturating_mul(pattern.len()))
                    .saturating_add(times.saturating_mul(with.len()));
                if length > MAX_STRING {
                    return Err(EvalError::TooBig);
                }
                self.spend(length / 64)?;
                let out = if pattern.is_empty() {
                    // Every character surrounded by the substitution, as FHIRPath says.
                    let mut out = String::with_capacity(length);
                    for c in t.chars() {
                        out.push_str(&with);
                        out.push(c);
                    }
                    out.push_str(&with);
                    out
                } else {
                    t.replace(pattern.as_ref(), &with)
                };
                Ok(vec![V::String(Cow::Owned(out))])
            }
            Func::ToChars | Func::Split => {
                let Some(t) = string(single(input)?)? else {
                    return Ok(Vec::new());
                };
                let sep = match func {
                    Func::Split => match string(single(arg(0)?)?)? {
                        Some(sep) => sep.into_owned(),
                        None => return Ok(Vec::new()),
                    },
                    _ => String::new(),
                };
                self.spend(t.len() / 64)?;
                // One part past the bound is enough to refuse: never all of them built first.
                let parts: Vec<String> = if sep.is_empty() {
                    t.chars().take(MAX_ITEMS + 1).map(String::from).collect()
                } else {
                    t.split(sep.as_str())
                        .take(MAX_ITEMS + 1)
                        .map(str::to_owned)
                        .collect()
                };
                if parts.len() > MAX_ITEMS {
                    return Err(EvalError::TooBig);
                }
                Ok(parts
                    .into_iter()
                    .map(|p| V::String(Cow::Owned(p)))
                    .collect())
            }
            // Some part of the text fits (FHIRPath's `matches`; `^…$` for all of it).
            Func::Matches => {
                let (Some(t), Some(p)) = (string(single(input)?)?, string(single(arg(0)?)?)?)
                else {
                    return Ok(Vec::new());
                };
                let pattern =
                    crate::pattern::Pattern::compile(&p).map_err(|_| EvalError::WrongType)?;
                // The machine's work: each character against each instruction, at worst.
                self.spend(t.chars().count().saturating_mul(pattern.size()) / 64)?;
                one(pattern.finds(&t))
            }
            Func::Length => {
                let Some(t) = string(single(input)?)? else {
                    return Ok(Vec::new());
                };
                self.spend(t.len() / 64)?;
                Ok(vec![V::Integer(
                    i64::try_from(t.chars().count()).unwrap_or(i64::MAX),
                )])
            }
            Func::Combine => {
                let mut out = input;
                out.extend(arg(0)?);
                Ok(out)
            }
            Func::Union => {
                let mut out: Coll<'a> = Vec::new();
                for v in input.into_iter().chain(arg(0)?) {
                    self.spend(out.len())?;
                    if !out.iter().any(|o| equal(o, &v) == Some(true)) {
                        out.push(v);
                    }
                }
                Ok(out)
            }
            Func::Distinct => {
                let mut out: Coll<'a> = Vec::new();
                for v in input {
                    self.spend(out.len())?;
                    if !out.iter().any(|o| equal(o, &v) == Some(true)) {
                        out.push(v);
                    }
                }
                Ok(out)
            }
            Func::AllTrue | Func::AnyTrue | Func::AllFalse | Func::AnyFalse => {
                let mut bools = Vec::new();
                for v in &input {
                    match v {
                        V::Bool(b) => bools.push(*b),
                        _ => return Err(EvalError::WrongType),
                    }
                }
                one(match func {
                    Func::AllTrue => bools.iter().all(|b| *b),
                    Func::AnyTrue => bools.iter().any(|b| *b),
                    Func::AllFalse => bools.iter().all(|b| !*b),
                    _ => bools.iter().any(|b| !*b),
                })
            }
            Func::HasValue => one(matches!(
                input.as_slice(),
                [V::Bool(_)
                    | V::Integer(_)
                    | V::Decimal(_)
                    | V::String(_)
                    | V::Date(_)
                    | V::DateTime(_)
                    | V::Time(_)]
            )),
            Func::Weight => {
                let mut out = Vec::new();
                for v in &input {
                    // An answer stands for its value. Anything without a weight in the
                    // questionnaire (its code system's, LOINC's say, are not at hand) stops
                    // the evaluation: no total rather than one that counts it as nothing.
                    let node = match v {
                        V::Node(n) if n.get("code").is_some() => *n,
                        V::Node(n) => n
                            .as_object()
                            .and_then(|o| o.iter().find(|(k, _)| k.starts_with("value")))
                            .map(|(_, v)| v)
                            .ok_or(EvalError::NoWeight)?,
                        _ => return Err(EvalError::NoWeight),
                    };
                    out.push(V::Decimal((self.weight)(node).ok_or(EvalError::NoWeight)?));
                }
                Ok(out)
            }
            Func::Aggregate => {
                let step = args.first().ok_or(EvalError::WrongType)?;
                let mut total = arg(1)?;
                for (i, v) in input.iter().enumerate() {
                    let this = vec![v.clone()];
                    let scope = Scope {
                        this: &this,
                        index: i64::try_from(i).ok(),
                        total: Some(&total),
                    };
                    total = self.eval(step, &scope)?;
                }
                Ok(total)
            }
            Func::Repeat => {
                let step = args.first().ok_or(EvalError::WrongType)?;
                let mut out: Coll<'a> = Vec::new();
                let mut queue = input;
                while !queue.is_empty() {
                    let mut next = Vec::new();
                    self.each(&queue, step, |_, r| {
                        for v in r {
                            if !out.iter().chain(&next).any(|o| same(o, &v)) {
                                next.push(v);
                            }
                        }
                        self.spend(out.len() + next.len())?;
                        if out.len() + next.len() > MAX_ITEMS {
                            return Err(EvalError::TooBig);
                        }
                        Ok(())
                    })?;
                    out.extend(next.iter().cloned());
                    queue = next;
                }
                Ok(out)
            }
            Func::Join => {
                let sep = string(single(arg(0)?)?)?.unwrap_or_default();
                let mut parts = Vec::new();
                for v in input {
                    match v {
                        V::String(t) => parts.push(t.into_owned()),
                        _ => return Err(EvalError::WrongType),
                    }
                }
                let joined = bounded(parts.join(sep.as_ref()))?;
                self.spend(joined.len() / 64)?;
                Ok(vec![V::String(Cow::Owned(joined))])
            }
        }
    }
}

struct Scope<'a, 's> {
    this: &'s Coll<'a>,
    index: Option<i64>,
    total: Option<&'s Coll<'a>>,
}

/// The children of `n` called `name`: FHIR's `value[x]` read by its stem (`value` finds
/// `valueCoding`, `valueInteger`…: a key that is the stem and a FHIR type's name), typed by the
/// suffix; arrays flattened.
fn child<'a>(n: &'a Value, name: &str, out: &mut Coll<'a>) {
    let Some(obj) = n.as_object() else { return };
    if let Some(v) = obj.get(name) {
        push_json(v, "", out);
        return;
    }
    for (k, v) in obj {
        if let Some(suffix) = k.strip_prefix(name) {
            if TYPES.contains(&suffix) {
                push_json(v, suffix, out);
                return;
            }
        }
    }
}

/// The FHIR types a choice element (`value[x]`, `answer[x]`…) names in its keys.
const TYPES: [&str; 24] = [
    "Boolean",
    "Integer",
    "Decimal",
    "String",
    "Coding",
    "Date",
    "DateTime",
    "Time",
    "Quantity",
    "Reference",
    "Attachment",
    "Uri",
    "Url",
    "Canonical",
    "Code",
    "Id",
    "Instant",
    "Markdown",
    "PositiveInt",
    "UnsignedInt",
    "CodeableConcept",
    "Period",
    "Range",
    "Expression",
];

fn push_json<'a>(v: &'a Value, suffix: &str, out: &mut Coll<'a>) {
    match v {
        Value::Array(items) => {
            for i in items {
                push_json(i, suffix, out);
            }
        }
        Value::Null => {}
        Value::Bool(b) => out.push(V::Bool(*b)),
        Value::Number(n) => out.push(match (n.as_i64(), suffix) {
            (Some(i), s) if s != "Decimal" => V::Integer(i),
            _ => V::Decimal(n.as_f64().unwrap_or(f64::NAN)),
        }),
        Value::String(t) => out.push(match suffix {
            "Date" => V::Date(Cow::Borrowed(t)),
            "DateTime" | "Instant" => V::DateTime(Cow::Borrowed(t)),
            "Time" => V::Time(Cow::Borrowed(t)),
            "Integer" => match t.parse() {
                Ok(i) => V::Integer(i),
                Err(_) => V::String(Cow::Borrowed(t)),
            },
            _ => V::String(Cow::Borrowed(t)),
        }),
        Value::Object(_) => out.push(V::Node(v)),
    }
}

fn single<'a>(c: Coll<'a>) -> Result<Option<V<'a>>, EvalError> {
    let mut it = c.into_iter();
    let first = it.next();
    if it.next().is_some() {
        return Err(EvalError::NotSingle);
    }
    Ok(first)
}

/// A collection as a boolean: empty is unknown, one boolean is itself, one other item is true.
fn truth(c: Coll<'_>) -> Result<Option<bool>, EvalError> {
    Ok(match single(c)? {
        None => None,
        Some(V::Bool(b)) => Some(b),
        Some(_) => Some(true),
    })
}

fn string(v: Option<V<'_>>) -> Result<Option<Cow<'_, str>>, EvalError> {
    match v {
        None => Ok(None),
        Some(V::String(t)) => Ok(Some(t)),
        Some(_) => Err(EvalError::WrongType),
    }
}

fn bounded(t: String) -> Result<String, EvalError> {
    if t.len() > MAX_STRING {
        Err(EvalError::TooBig)
    } else {
        Ok(t)
    }
}

fn number(v: &V<'_>) -> Result<f64, EvalError> {
    match v {
        V::Integer(i) => Ok(*i as f64),
        V::Decimal(d) => Ok(*d),
        _ => Err(EvalError::WrongType),
    }
}

fn finite<'a>(d: f64) -> Coll<'a> {
    if d.is_finite() {
        vec![V::Decimal(d)]
    } else {
        Vec::new()
    }
}

fn whole(d: f64) -> Option<i64> {
    (d.is_finite() && d.fract() == 0.0 && d.abs() < 9.0e15).then_some(d as i64)
}

/// A one-argument numeric function; `keep_integer` leaves whole numbers whole (`round`).
fn math<'a>(input: Coll<'a>, f: impl Fn(f64) -> f64, keep_integer: bool) -> Res<'a> {
    match single(input)? {
        None => Ok(Vec::new()),
        Some(V::Integer(i)) if keep_integer => Ok(vec![V::Integer(i)]),
        Some(v) => Ok(finite(f(number(&v)?))),
    }
}

fn arithmetic<'a>(op: Op, a: V<'a>, b: V<'a>) -> Result<Option<V<'a>>, EvalError> {
    if let (V::String(x), V::String(y), Op::Add) = (&a, &b, op) {
        return Ok(Some(V::String(Cow::Owned(bounded(format!("{x}{y}"))?))));
    }
    if let (V::Integer(x), V::Integer(y)) = (&a, &b) {
        let (x, y) = (*x, *y);
        return Ok(match op {
            Op::Add => Some(V::Integer(x.checked_add(y).ok_or(EvalError::TooBig)?)),
            Op::Sub => Some(V::Integer(x.checked_sub(y).ok_or(EvalError::TooBig)?)),
            Op::Mul => Some(V::Integer(x.checked_mul(y).ok_or(EvalError::TooBig)?)),
            Op::IntDiv => x.checked_div(y).map(V::Integer),
            Op::Mod => x.checked_rem(y).map(V::Integer),
            _ => (y != 0).then(|| V::Decimal(x as f64 / y as f64)),
        });
    }
    let (x, y) = (number(&a)?, number(&b)?);
    let r = tidy(match op {
        Op::Add => x + y,
        Op::Sub => x - y,
        Op::Mul => x * y,
        Op::Div if y != 0.0 => x / y,
        Op::IntDiv if y != 0.0 => return Ok(whole((x / y).trunc()).map(V::Integer)),
        Op::Mod if y != 0.0 => x % y,
        _ => return Ok(None),
    });
    Ok(r.is_finite().then_some(V::Decimal(r)))
}

fn compare(a: &V<'_>, b: &V<'_>) -> Result<Option<std::cmp::Ordering>, EvalError> {
    Ok(match (a, b) {
        (V::Integer(_) | V::Decimal(_), V::Integer(_) | V::Decimal(_)) => {
            number(a)?.partial_cmp(&number(b)?)
        }
        (V::String(x), V::String(y)) => Some(x.cmp(y)),
        (V::DateTime(x), V::DateTime(y)) => moments(x, y),
        (V::Date(x), V::Date(y)) | (V::Time(x), V::Time(y)) => {
            // Only at the same precision (FHIRPath: otherwise unknown).
            (x.len() == y.len()).then(|| x.cmp(y))
        }
        _ => return Err(EvalError::WrongType),
    })
}

/// FHIRPath `=` on two items: `None` when unknown (dates of different precision).
fn equal(a: &V<'_>, b: &V<'_>) -> Option<bool> {
    Some(match (a, b) {
        (V::Integer(_) | V::Decimal(_), V::Integer(_) | V::Decimal(_)) => {
            number(a).ok()? == number(b).ok()?
        }
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::String(x), V::String(y)) => x == y,
        (V::DateTime(x), V::DateTime(y)) => moments(x, y)?.is_eq(),
        (V::Date(x), V::Date(y)) | (V::Time(x), V::Time(y)) => {
            if x.len() != y.len() {
                return None;
            }
            x == y
        }
        // The same element, or equal ones (compared up to a size, beyond which it is unknown:
        // bounded work on hostile definitions).
        (V::Node(x), V::Node(y)) => std::ptr::eq(*x, *y) || json_eq(x, y, &mut 256)?,
        _ => false,
    })
}

fn equivalent_all(l: &Coll<'_>, r: &Coll<'_>) -> bool {
    // ASCII letters fold (Unicode's case tables would weigh more than the evaluator); each
    // item of one side is matched with its own item of the other.
    let norm = |v: &V<'_>| match v {
        V::String(t) => Some(
            t.split_ascii_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_lowercase(),
        ),
        _ => None,
    };
    let left: Vec<_> = l.iter().map(|v| (v, norm(v))).collect();
    let mut right: Vec<_> = r.iter().map(|v| (v, norm(v))).collect();
    if left.len() != right.len() {
        return false;
    }
    for (a, na) in &left {
        let found = right.iter().position(|(b, nb)| match (na, nb) {
            (Some(x), Some(y)) => x == y,
            _ => equal(a, b) == Some(true),
        });
        match found {
            Some(i) => {
                right.swap_remove(i);
            }
            None => return false,
        }
    }
    true
}

/// The same element of the JSON (for `repeat`), or equal values.
fn same(a: &V<'_>, b: &V<'_>) -> bool {
    match (a, b) {
        (V::Node(x), V::Node(y)) => std::ptr::eq(*x, *y),
        _ => equal(a, b) == Some(true),
    }
}

fn text_of(v: &V<'_>) -> Option<String> {
    Some(match v {
        V::Bool(b) => b.to_string(),
        V::Integer(i) => i.to_string(),
        V::Decimal(d) => decimal_text(*d)?,
        V::String(t) | V::Date(t) | V::DateTime(t) | V::Time(t) => t.to_string(),
        V::Node(_) => return None,
    })
}

/// The fewest decimal places (at most 12) at which `d` reads back as itself, to within the
/// last bit of a binary fraction.
fn places_of(d: f64) -> (u32, f64) {
    let mut places = 0u32;
    let mut scale = 1.0;
    while places < 12 && ((d * scale).round() / scale - d).abs() > d.abs() * f64::EPSILON {
        places += 1;
        scale *= 10.0;
    }
    (places, scale)
}

/// `d` as its shortest decimal (see [`places_of`]): 0.1 + 0.2 is 0.3 here, as in FHIRPath's
/// exact decimals, so that comparisons, totals and `toString()` agree.
fn tidy(d: f64) -> f64 {
    if !d.is_finite() || d.abs() >= 1e15 {
        return d;
    }
    let (_, scale) = places_of(d);
    (d * scale).round() / scale
}

/// A decimal as FHIRPath's `toString()` writes it, without Rust's float formatting (its tables
/// weigh more than this evaluator): its shortest decimal, always with a decimal point (`2.0`,
/// `22.1`, `0.25`).
fn decimal_text(d: f64) -> Option<String> {
    if !d.is_finite() || d.abs() >= 1e15 {
        return None;
    }
    let (places, scale) = places_of(d);
    let places = places.max(1);
    let scale = scale.max(10.0);
    let n = (d.abs() * scale).round() as u64;
    let p = 10u64.pow(places);
    let (whole, frac) = (n / p, n % p);
    let mut frac = format!("{frac:0width$}", width = places as usize);
    while frac.len() > 1 && frac.ends_with('0') {
        frac.pop();
    }
    let sign = if d < 0.0 && n > 0 { "-" } else { "" };
    Some(format!("{sign}{whole}.{frac}"))
}

/// Two dateTimes in time order: as moments when both are written in full with a zone (the
/// same moment in two zones is equal); else as written, at the same precision only.
fn moments(x: &str, y: &str) -> Option<std::cmp::Ordering> {
    match (crate::dates::instant(x), crate::dates::instant(y)) {
        (Some(a), Some(b)) => Some(a.cmp(&b)),
        _ => (x.len() == y.len()).then(|| x.cmp(y)),
    }
}

/// Deep equality of two JSON values, visiting at most `budget` values (`None` past it).
fn json_eq(a: &Value, b: &Value, budget: &mut u32) -> Option<bool> {
    *budget = budget.checked_sub(1)?;
    Some(match (a, b) {
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y) {
                if !json_eq(p, q, budget)? {
                    return Some(false);
                }
            }
            true
        }
        (Value::Object(x), Value::Object(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (k, p) in x {
                match y.get(k) {
                    Some(q) if json_eq(p, q, budget)? => {}
                    _ => return Some(false),
                }
            }
            true
        }
        _ => a == b,
    })
}
