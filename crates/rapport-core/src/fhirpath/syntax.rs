//! Reads a FHIRPath expression into a tree ([`Node`]): a small lexer and a precedence-climbing
//! parser after the grammar of FHIRPath N1 (`http://hl7.org/fhirpath/N1/grammar.html`), for
//! the subset documented in [`super`]. Everything outside it (type operators, quantity
//! literals, unknown functions) is a [`ExprError`] with the byte offset where it starts, never
//! a tree that would compute something else. Never panics; the nesting is bounded by
//! [`super::MAX_NESTING`] and the length by [`super::MAX_SOURCE`].

use super::{ExprError, Func, Problem, MAX_NESTING, MAX_SOURCE};

/// A parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// `{}`: the empty collection.
    Empty,
    /// `true`, `false`.
    Bool(bool),
    /// A whole number.
    Integer(i64),
    /// A number with a fraction.
    Decimal(f64),
    /// `'text'`.
    String(String),
    /// `@2026-12-07`: a date, kept as written (without the `@`).
    Date(String),
    /// `$this`.
    This,
    /// `$index`.
    Index,
    /// `$total`.
    Total,
    /// `%name`: an environment variable or an SDC `variable`.
    Variable(String),
    /// A name: a child element of each item of the focus (`None`: of `$this`).
    Member(Option<Box<Node>>, String),
    /// A function, on the focus (`None`: on `$this`), with its arguments unevaluated.
    Call(Option<Box<Node>>, Func, Vec<Node>),
    /// `focus[index]`.
    Indexer(Box<Node>, Box<Node>),
    /// `-x`.
    Negate(Box<Node>),
    /// `a op b`.
    Binary(Op, Box<Node>, Box<Node>),
}

/// A binary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Mul,
    Div,
    IntDiv,
    Mod,
    Add,
    Sub,
    Concat,
    Union,
    Less,
    LessEq,
    Greater,
    GreaterEq,
    Equal,
    NotEqual,
    Equivalent,
    NotEquivalent,
    In,
    Contains,
    And,
    Or,
    Xor,
    Implies,
}

impl Op {
    /// Binding strength: higher binds tighter (FHIRPath's precedence table, `.` and `[]` above
    /// all of these, `is`/`as` refused).
    fn precedence(self) -> u8 {
        match self {
            Op::Mul | Op::Div | Op::IntDiv | Op::Mod => 9,
            Op::Add | Op::Sub | Op::Concat => 8,
            Op::Union => 7,
            Op::Less | Op::LessEq | Op::Greater | Op::GreaterEq => 6,
            Op::Equal | Op::NotEqual | Op::Equivalent | Op::NotEquivalent => 5,
            Op::In | Op::Contains => 4,
            Op::And => 3,
            Op::Or | Op::Xor => 2,
            Op::Implies => 1,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    /// A backtick-delimited name: never a keyword.
    Quoted(String),
    Str(String),
    Integer(i64),
    Decimal(f64),
    Date(String),
    Variable(String),
    Special(String),
    Punct(&'static str),
    End,
}

fn lex(src: &str) -> Result<Vec<(usize, Tok)>, ExprError> {
    let mut out = Vec::new();
    let mut it = src.char_indices().peekable();
    while let Some(&(at, c)) = it.peek() {
        if c.is_whitespace() {
            it.next();
            continue;
        }
        if c == '/' {
            let mut ahead = it.clone();
            ahead.next();
            match ahead.peek().map(|&(_, c)| c) {
                Some('/') => {
                    while it.peek().is_some_and(|&(_, c)| c != '\n') {
                        it.next();
                    }
                    continue;
                }
                Some('*') => {
                    it.next();
                    it.next();
                    let mut prev = ' ';
                    let mut closed = false;
                    for (_, c) in it.by_ref() {
                        if prev == '*' && c == '/' {
                            closed = true;
                            break;
                        }
                        prev = c;
                    }
                    if !closed {
                        return Err(ExprError::new(at, Problem::Syntax("the end of a comment")));
                    }
                    continue;
                }
                _ => {}
            }
        }
        let tok = if c.is_ascii_alphabetic() || c == '_' {
            Tok::Ident(take_name(&mut it))
        } else if c.is_ascii_digit() {
            number(&mut it, at)?
        } else if c == '\'' || c == '`' {
            it.next();
            let s = quoted(&mut it, c, at)?;
            if c == '\'' {
                Tok::Str(s)
            } else {
                Tok::Quoted(s)
            }
        } else if c == '%' {
            it.next();
            match it.peek().map(|&(_, c)| c) {
                Some(q @ ('\'' | '`')) => {
                    it.next();
                    Tok::Variable(quoted(&mut it, q, at)?)
                }
                Some(c) if c.is_ascii_alphabetic() || c == '_' => Tok::Variable(take_name(&mut it)),
                _ => return Err(ExprError::new(at, Problem::Syntax("a name after %"))),
            }
        } else if c == '$' {
            it.next();
            Tok::Special(take_name(&mut it))
        } else if c == '@' {
            it.next();
            // A dot ends the literal unless a digit follows it (fractional seconds):
            // `@2026-12-07.toString()` is a call on the date.
            let mut s = String::new();
            loop {
                push_while(&mut it, &mut s, |c| {
                    c.is_ascii_alphanumeric() || matches!(c, '-' | ':' | '+')
                });
                let mut ahead = it.clone();
                if ahead.next().is_some_and(|(_, c)| c == '.')
                    && ahead.peek().is_some_and(|&(_, c)| c.is_ascii_digit())
                {
                    it.next();
                    s.push('.');
                } else {
                    break;
                }
            }
            Tok::Date(s)
        } else {
            it.next();
            let next = it.peek().map(|&(_, c)| c);
            let two = |it: &mut std::iter::Peekable<std::str::CharIndices<'_>>, p| {
                it.next();
                p
            };
            Tok::Punct(match (c, next) {
                ('<', Some('=')) => two(&mut it, "<="),
                ('>', Some('=')) => two(&mut it, ">="),
                ('!', Some('=')) => two(&mut it, "!="),
                ('!', Some('~')) => two(&mut it, "!~"),
                ('.', _) => ".",
                ('[', _) => "[",
                (']', _) => "]",
                ('(', _) => "(",
                (')', _) => ")",
                ('{', _) => "{",
                ('}', _) => "}",
                (',', _) => ",",
                ('+', _) => "+",
                ('-', _) => "-",
                ('*', _) => "*",
                ('/', _) => "/",
                ('&', _) => "&",
                ('|', _) => "|",
                ('=', _) => "=",
                ('~', _) => "~",
                ('<', _) => "<",
                ('>', _) => ">",
                _ => return Err(ExprError::new(at, Problem::Syntax("an operator or a name"))),
            })
        };
        out.push((at, tok));
    }
    out.push((src.len(), Tok::End));
    Ok(out)
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn take_name(it: &mut Chars<'_>) -> String {
    let mut s = String::new();
    push_while(it, &mut s, |c| c.is_ascii_alphanumeric() || c == '_');
    s
}

/// Moves the characters that `keep` accepts from `it` to `s`, up to the first it does not.
fn push_while(it: &mut Chars<'_>, s: &mut String, keep: impl Fn(char) -> bool) {
    while let Some(&(_, c)) = it.peek() {
        if !keep(c) {
            break;
        }
        s.push(c);
        it.next();
    }
}

fn number(it: &mut Chars<'_>, at: usize) -> Result<Tok, ExprError> {
    let mut s = String::new();
    push_while(it, &mut s, |c| c.is_ascii_digit());
    // A fraction only when a digit follows the dot: `2.power(3)` is a call on 2.
    let mut ahead = it.clone();
    if ahead.next().is_some_and(|(_, c)| c == '.')
        && ahead.peek().is_some_and(|&(_, c)| c.is_ascii_digit())
    {
        it.next();
        s.push('.');
        push_while(it, &mut s, |c| c.is_ascii_digit());
        // The core's own reader (no float parsing tables): at most 15 significant digits.
        return crate::number::parse_decimal(&s)
            .map(Tok::Decimal)
            .ok_or_else(|| ExprError::new(at, Problem::NumberTooLarge));
    }
    s.parse::<i64>()
        .map(Tok::Integer)
        .map_err(|_| ExprError::new(at, Problem::NumberTooLarge))
}

fn quoted(it: &mut Chars<'_>, close: char, at: usize) -> Result<String, ExprError> {
    let mut s = String::new();
    loop {
        let Some((_, c)) = it.next() else {
            return Err(ExprError::new(at, Problem::Syntax("the closing quote")));
        };
        if c == close {
            return Ok(s);
        }
        if c != '\\' {
            s.push(c);
            continue;
        }
        let Some((_, e)) = it.next() else {
            return Err(ExprError::new(at, Problem::Syntax("the closing quote")));
        };
        s.push(match e {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\u{c}',
            'u' => {
                let mut code = 0u32;
                for _ in 0..4 {
                    let d = it
                        .next()
                        .and_then(|(_, c)| c.to_digit(16))
                        .ok_or_else(|| ExprError::new(at, Problem::Syntax("four hex digits")))?;
                    code = code * 16 + d;
                }
                char::from_u32(code).unwrap_or('\u{fffd}')
            }
            other => other,
        });
    }
}

/// Reads `src` into a tree.
pub fn parse(src: &str) -> Result<Node, ExprError> {
    if src.len() > MAX_SOURCE {
        return Err(ExprError::new(0, Problem::TooLong { bytes: src.len() }));
    }
    let toks = lex(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let node = p.expression(0)?;
    match p.peek() {
        Tok::End => Ok(node),
        _ => Err(ExprError::new(
            p.at(),
            Problem::Syntax("an operator or the end"),
        )),
    }
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    depth: usize,
}

const END: &(usize, Tok) = &(0, Tok::End);

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks.get(self.pos).unwrap_or(END).1
    }
    fn at(&self) -> usize {
        self.toks.get(self.pos).map_or(0, |t| t.0)
    }
    fn bump(&mut self) -> Tok {
        let t = self.toks.get(self.pos).map_or(Tok::End, |t| t.1.clone());
        self.pos += 1;
        t
    }
    fn eat(&mut self, p: &str) -> bool {
        if matches!(self.peek(), Tok::Punct(q) if *q == p) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, p: &'static str) -> Result<(), ExprError> {
        if self.eat(p) {
            Ok(())
        } else {
            Err(ExprError::new(self.at(), Problem::Syntax(p)))
        }
    }

    fn binary_op(&self) -> Option<Op> {
        Some(match self.peek() {
            Tok::Punct(p) => match *p {
                "*" => Op::Mul,
                "/" => Op::Div,
                "+" => Op::Add,
                "-" => Op::Sub,
                "&" => Op::Concat,
                "|" => Op::Union,
                "<" => Op::Less,
                "<=" => Op::LessEq,
                ">" => Op::Greater,
                ">=" => Op::GreaterEq,
                "=" => Op::Equal,
                "!=" => Op::NotEqual,
                "~" => Op::Equivalent,
                "!~" => Op::NotEquivalent,
                _ => return None,
            },
            Tok::Ident(w) => match w.as_str() {
                "div" => Op::IntDiv,
                "mod" => Op::Mod,
                "in" => Op::In,
                "contains" => Op::Contains,
                "and" => Op::And,
                "or" => Op::Or,
                "xor" => Op::Xor,
                "implies" => Op::Implies,
                _ => return None,
            },
            _ => return None,
        })
    }

    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            Err(ExprError::new(self.at(), Problem::TooDeep))
        } else {
            Ok(())
        }
    }

    /// Every level of the tree being built counts against [`MAX_NESTING`]: brackets, the
    /// right side of an operator, and each link of a chain (`a.b.c`, `a + b + c`), so that
    /// evaluating the tree never recurses deeper than that.
    fn expression(&mut self, min: u8) -> Result<Node, ExprError> {
        let base = self.depth;
        self.enter()?;
        let mut left = self.unary()?;
        loop {
            if let Tok::Ident(w) = self.peek() {
                if w == "is" || w == "as" {
                    return Err(ExprError::new(self.at(), Problem::Unsupported("is/as")));
                }
            }
            let Some(op) = self.binary_op() else { break };
            let prec = op.precedence();
            if prec <= min {
                break;
            }
            self.pos += 1;
            self.enter()?;
            let right = self.expression(prec)?;
            left = Node::Binary(op, Box::new(left), Box::new(right));
        }
        self.depth = base;
        Ok(left)
    }

    fn unary(&mut self) -> Result<Node, ExprError> {
        if self.eat("-") {
            self.enter()?;
            let inner = self.unary()?;
            return Ok(match inner {
                Node::Integer(i) => Node::Integer(i.saturating_neg()),
                Node::Decimal(d) => Node::Decimal(-d),
                other => Node::Negate(Box::new(other)),
            });
        }
        if self.eat("+") {
            self.enter()?;
            return self.unary();
        }
        let base = self.depth;
        let mut node = self.term()?;
        loop {
            if self.eat(".") {
                self.enter()?;
                node = self.invocation(Some(node))?;
            } else if self.eat("[") {
                self.enter()?;
                let index = self.expression(0)?;
                self.expect("]")?;
                node = Node::Indexer(Box::new(node), Box::new(index));
            } else {
                self.depth = base;
                return Ok(node);
            }
        }
    }

    fn term(&mut self) -> Result<Node, ExprError> {
        let at = self.at();
        match self.bump() {
            Tok::Integer(i) => {
                self.no_unit(at)?;
                Ok(Node::Integer(i))
            }
            Tok::Decimal(d) => {
                self.no_unit(at)?;
                Ok(Node::Decimal(d))
            }
            Tok::Str(s) => Ok(Node::String(s)),
            Tok::Date(d) => {
                if crate::dates::is_date(&d) {
                    Ok(Node::Date(d))
                } else {
                    Err(ExprError::new(
                        at,
                        Problem::Unsupported("date-time literals"),
                    ))
                }
            }
            Tok::Variable(v) => Ok(Node::Variable(v)),
            Tok::Special(s) => match s.as_str() {
                "this" => Ok(Node::This),
                "index" => Ok(Node::Index),
                "total" => Ok(Node::Total),
                _ => Err(ExprError::new(
                    at,
                    Problem::Syntax("$this, $index or $total"),
                )),
            },
            Tok::Punct("(") => {
                self.enter()?;
                let e = self.expression(0)?;
                self.expect(")")?;
                self.depth -= 1;
                Ok(e)
            }
            Tok::Punct("{") => {
                self.expect("}")?;
                Ok(Node::Empty)
            }
            Tok::Ident(w) if w == "true" => Ok(Node::Bool(true)),
            Tok::Ident(w) if w == "false" => Ok(Node::Bool(false)),
            Tok::Ident(_) | Tok::Quoted(_) => {
                self.pos -= 1;
                self.invocation(None)
            }
            _ => Err(ExprError::new(at, Problem::Syntax("a value, a name or ("))),
        }
    }

    /// A number followed by a unit (`7 days`, `4 'mg'`) is a quantity: refused.
    fn no_unit(&self, at: usize) -> Result<(), ExprError> {
        match self.peek() {
            Tok::Str(_) => Err(ExprError::new(at, Problem::Unsupported("quantities"))),
            Tok::Ident(w) if self.binary_op().is_none() && !matches!(w.as_str(), "is" | "as") => {
                Err(ExprError::new(at, Problem::Unsupported("quantities")))
            }
            _ => Ok(()),
        }
    }

    fn invocation(&mut self, focus: Option<Node>) -> Result<Node, ExprError> {
        let at = self.at();
        let name = match self.bump() {
            Tok::Ident(n) | Tok::Quoted(n) => n,
            _ => return Err(ExprError::new(at, Problem::Syntax("a name"))),
        };
        let focus = focus.map(Box::new);
        if !self.eat("(") {
            return Ok(Node::Member(focus, name));
        }
        let func = Func::named(&name)
            .ok_or_else(|| ExprError::new(at, Problem::UnknownFunction { name: name.clone() }))?;
        let mut args = Vec::new();
        if !self.eat(")") {
            loop {
                args.push(self.expression(0)?);
                if self.eat(")") {
                    break;
                }
                self.expect(",")?;
            }
        }
        let (lo, hi) = func.arity();
        if args.len() < lo || args.len() > hi {
            return Err(ExprError::new(at, Problem::Arity { name, lo, hi }));
        }
        // A pattern is read here, so that one outside the subset is refused at load: written
        // as text, never worked out (a pattern made from answers could fail only later).
        if func == Func::Matches {
            let problem = match args.first() {
                Some(Node::String(p)) => crate::pattern::Pattern::compile(p)
                    .err()
                    .map(|e| e.to_string()),
                _ => Some("it is not written as text ('…')".to_owned()),
            };
            if let Some(problem) = problem {
                return Err(ExprError::new(at, Problem::Pattern { problem }));
            }
        }
        Ok(Node::Call(focus, func, args))
    }
}
