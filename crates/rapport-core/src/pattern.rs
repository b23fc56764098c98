//! Regular expressions, for FHIR's `regex` extension on a text question and FHIRPath's
//! `matches()`: the core's own, small and predictable rather than a general engine.
//!
//! The widget and the receiver must agree on every answer (the receiver refuses what the widget
//! would have refused), so both run this code, not the browser's `RegExp` on one side and
//! another engine on the other. It is a documented subset of the syntax JavaScript, Java and
//! XML Schema share (docs/fhir-support.md, "Regular expressions"); anything outside it is a
//! [`PatternError`] when the definition is read, never a guess:
//!
//! - literal characters; `.` (any character, line breaks too: FHIRPath's single-line mode);
//! - classes `[abc]`, `[^a-z0-9]`, and `\d` `\w` `\s` `\D` `\W` `\S` (ASCII digits, ASCII
//!   letters, digits and `_`, Unicode white space), inside classes too;
//! - escapes `\.` `\\` `\(` … (any ASCII punctuation), `\n` `\r` `\t`, `\uXXXX`;
//! - groups `( … )` and `(?: … )`, alternation `|`;
//! - repetition `*` `+` `?` `{n}` `{n,}` `{n,m}` (n, m ≤ 1000), greedy or lazy (the same for a
//!   yes-or-no match);
//! - anchors `^` `$` (start and end of the whole text) and `\b` `\B`.
//!
//! Not supported (refused by name): back-references, look-around, inline flags, Unicode
//! properties (`\p{…}`), named groups.
//!
//! Matching is a Pike machine over the characters: time grows with the text's length times the
//! program's, never exponentially, and the program is bounded ([`MAX_PROGRAM`]), so no
//! expression can hang the widget or the receiver.

use std::fmt;

/// The longest pattern read, in characters.
pub const MAX_CHARS: usize = 1000;
/// The most instructions a pattern may compile to (a count such as `{1000}` repeats its part).
pub const MAX_PROGRAM: usize = 5000;
/// The deepest nesting of groups.
const MAX_NESTING: usize = 32;
/// The highest count in `{n,m}`.
const MAX_COUNT: u32 = 1000;

/// A compiled regular expression ([`Pattern::compile`]).
#[derive(Clone, PartialEq)]
pub struct Pattern {
    program: Vec<Inst>,
}

// The program says nothing a log should carry, but keep `Debug` short and free of the text
// matched (a pattern never holds an answer anyway).
impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pattern({} instructions)", self.program.len())
    }
}

/// Why a pattern cannot be read, and where (`at`: the character, counted from 1).
#[derive(Clone, Debug, PartialEq)]
pub struct PatternError {
    pub at: usize,
    pub problem: PatternProblem,
}

/// What is wrong in a pattern ([`PatternError`]).
#[derive(Clone, Debug, PartialEq)]
pub enum PatternProblem {
    /// Longer than [`MAX_CHARS`] characters.
    TooLong { chars: usize },
    /// A construct outside the subset, named ("a back-reference").
    Unsupported { what: &'static str },
    /// A `(` or `[` never closed.
    Unclosed { what: char },
    /// A `)` with no `(`.
    Unopened,
    /// `*`, `+`, `?` or `{n}` with nothing before it to repeat.
    NothingToRepeat,
    /// A `{n,m}` with m below n, a count above 1000, or a `{` that starts no count.
    BadCount,
    /// A range in a class that runs backwards (`[z-a]`) or from a class (`[\d-z]`).
    BadRange,
    /// A `\` at the very end, or `\u` without four hex digits.
    BadEscape,
    /// Compiles to more than [`MAX_PROGRAM`] instructions, or nests deeper than 32 groups.
    TooComplex,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.at;
        match &self.problem {
            PatternProblem::TooLong { chars } => {
                write!(
                    f,
                    "the pattern has {chars} characters, more than {MAX_CHARS}"
                )
            }
            PatternProblem::Unsupported { what } => {
                write!(f, "{what} at character {at}, which Rapport does not read")
            }
            PatternProblem::Unclosed { what } => {
                write!(f, "the '{what}' at character {at} is never closed")
            }
            PatternProblem::Unopened => write!(f, "the ')' at character {at} closes no group"),
            PatternProblem::NothingToRepeat => {
                write!(f, "the repetition at character {at} has nothing to repeat")
            }
            PatternProblem::BadCount => write!(
                f,
                "the count at character {at} is not {{n}}, {{n,}} or {{n,m}} with n ≤ m ≤ {MAX_COUNT}"
            ),
            PatternProblem::BadRange => {
                write!(f, "the range at character {at} does not run from low to high")
            }
            PatternProblem::BadEscape => write!(f, "the escape at character {at} is incomplete"),
            PatternProblem::TooComplex => write!(
                f,
                "the pattern is too complex to check quickly (at character {at}): more than {MAX_PROGRAM} steps or 32 nested groups"
            ),
        }
    }
}

impl Pattern {
    /// Reads a pattern.
    pub fn compile(source: &str) -> Result<Pattern, PatternError> {
        let chars: Vec<char> = source.chars().collect();
        if chars.len() > MAX_CHARS {
            return Err(PatternError {
                at: MAX_CHARS + 1,
                problem: PatternProblem::TooLong { chars: chars.len() },
            });
        }
        let mut p = Reader {
            chars: &chars,
            pos: 0,
        };
        let node = p.alternation(0)?;
        if p.pos < chars.len() {
            // Only a `)` stops the top level early.
            return Err(p.error(PatternProblem::Unopened));
        }
        let mut program = Vec::new();
        emit(&node, &mut program).map_err(|()| PatternError {
            at: chars.len().max(1),
            problem: PatternProblem::TooComplex,
        })?;
        program.push(Inst::Match);
        Ok(Pattern { program })
    }

    /// How many instructions it compiled to (the most work one character can take).
    pub fn size(&self) -> usize {
        self.program.len()
    }

    /// Whether the whole text matches, as the `regex` extension checks an answer (as if the
    /// pattern were written between `^` and `$`).
    pub fn matches_whole(&self, text: &str) -> bool {
        self.run(text, true)
    }

    /// Whether some part of the text matches, as FHIRPath's `matches()` checks (anchor with
    /// `^` and `$` for the whole text).
    pub fn finds(&self, text: &str) -> bool {
        self.run(text, false)
    }

    /// The Pike machine: every thread advances one character at a time, at most one thread per
    /// instruction.
    fn run(&self, text: &str, whole: bool) -> bool {
        let n = self.program.len();
        let mut seen = vec![usize::MAX; n];
        let mut now: Vec<usize> = Vec::with_capacity(n);
        let mut next: Vec<usize> = Vec::with_capacity(n);
        let mut stack: Vec<usize> = Vec::new();
        let mut rest = text.chars();
        let mut at = Place {
            prev: None,
            cur: rest.next(),
        };
        let mut step = 0;
        let mut matched = self.close(&[0], &mut now, &mut seen, step, at, &mut stack);
        loop {
            // A whole match counts only at the end of the text.
            if matched && (!whole || at.cur.is_none()) {
                return true;
            }
            let Some(c) = at.cur else {
                return false;
            };
            // Each thread that reads `c` moves on to its next instruction.
            next.clear();
            for &pc in &now {
                let reads = match self.program.get(pc) {
                    Some(Inst::Char(want)) => *want == c,
                    Some(Inst::Any) => true,
                    Some(Inst::Set(set)) => set.has(c),
                    _ => false,
                };
                if reads {
                    next.push(pc + 1);
                }
            }
            // A search also starts afresh after every character.
            if !whole {
                next.push(0);
            }
            if next.is_empty() {
                return false;
            }
            at = Place {
                prev: Some(c),
                cur: rest.next(),
            };
            step += 1;
            now.clear();
            matched = self.close(&next, &mut now, &mut seen, step, at, &mut stack);
        }
    }

    /// Adds to `list` every instruction that reads a character and that `from` reaches without
    /// reading one (following jumps, splits and anchors at `at`); whether one of them reaches
    /// the end of the program.
    fn close(
        &self,
        from: &[usize],
        list: &mut Vec<usize>,
        seen: &mut [usize],
        step: usize,
        at: Place,
        stack: &mut Vec<usize>,
    ) -> bool {
        let mut matched = false;
        stack.clear();
        // In reverse, so that the first thread is followed first (order matters not for a
        // yes-or-no answer, but keeps the list in priority order).
        stack.extend(from.iter().rev());
        while let Some(pc) = stack.pop() {
            let Some(mark) = seen.get_mut(pc) else {
                continue;
            };
            if *mark == step {
                continue;
            }
            *mark = step;
            match self.program.get(pc) {
                Some(Inst::Jump(to)) => stack.push(*to),
                Some(Inst::Split(a, b)) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Some(Inst::Start) if at.prev.is_none() => stack.push(pc + 1),
                Some(Inst::End) if at.cur.is_none() => stack.push(pc + 1),
                Some(Inst::Start | Inst::End) => {}
                Some(Inst::Boundary(want)) => {
                    let word = |c: Option<char>| c.is_some_and(is_word);
                    if (word(at.prev) != word(at.cur)) == *want {
                        stack.push(pc + 1);
                    }
                }
                Some(Inst::Match) => matched = true,
                Some(_) => list.push(pc),
                None => {}
            }
        }
        matched
    }
}

/// Where the machine stands: the character before and the character at the position.
#[derive(Clone, Copy)]
struct Place {
    prev: Option<char>,
    cur: Option<char>,
}

/// One instruction of a compiled pattern.
#[derive(Clone, Debug, PartialEq)]
enum Inst {
    Char(char),
    Any,
    Set(Box<Set>),
    /// Try both (the first first).
    Split(usize, usize),
    Jump(usize),
    Start,
    End,
    /// `\b` (true) or `\B` (false).
    Boundary(bool),
    Match,
}

/// A character class.
#[derive(Clone, Debug, PartialEq, Default)]
struct Set {
    negated: bool,
    ranges: Vec<(char, char)>,
    /// `\d`, `\w`, `\s` and their negations inside the class.
    named: Vec<(Named, bool)>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Named {
    Digit,
    Word,
    Space,
}

impl Named {
    fn has(self, c: char) -> bool {
        match self {
            Named::Digit => c.is_ascii_digit(),
            Named::Word => is_word(c),
            Named::Space => c.is_whitespace(),
        }
    }
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

impl Set {
    fn has(&self, c: char) -> bool {
        let inside = self.ranges.iter().any(|(lo, hi)| *lo <= c && c <= *hi)
            || self
                .named
                .iter()
                .any(|(named, negated)| named.has(c) != *negated);
        inside != self.negated
    }
}

/// A pattern read but not yet compiled.
#[derive(Debug)]
enum Node {
    Empty,
    Char(char),
    Any,
    Set(Set),
    Start,
    End,
    Boundary(bool),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
    },
}

/// Appends `node`'s instructions; `Err` past [`MAX_PROGRAM`].
fn emit(node: &Node, out: &mut Vec<Inst>) -> Result<(), ()> {
    if out.len() > MAX_PROGRAM {
        return Err(());
    }
    match node {
        Node::Empty => {}
        Node::Char(c) => out.push(Inst::Char(*c)),
        Node::Any => out.push(Inst::Any),
        Node::Set(s) => out.push(Inst::Set(Box::new(s.clone()))),
        Node::Start => out.push(Inst::Start),
        Node::End => out.push(Inst::End),
        Node::Boundary(b) => out.push(Inst::Boundary(*b)),
        Node::Concat(list) => {
            for n in list {
                emit(n, out)?;
            }
        }
        Node::Alt(list) => {
            // split L1, next; L1: a; jump end; next: split L2, … ; last: z; end:
            let mut jumps = Vec::new();
            let last = list.len().saturating_sub(1);
            for (i, n) in list.iter().enumerate() {
                if i < last {
                    let split = out.len();
                    out.push(Inst::Split(split + 1, 0));
                    emit(n, out)?;
                    jumps.push(out.len());
                    out.push(Inst::Jump(0));
                    let here = out.len();
                    if let Some(Inst::Split(_, b)) = out.get_mut(split) {
                        *b = here;
                    }
                } else {
                    emit(n, out)?;
                }
            }
            let end = out.len();
            for j in jumps {
                if let Some(Inst::Jump(to)) = out.get_mut(j) {
                    *to = end;
                }
            }
        }
        Node::Repeat { node, min, max } => {
            for _ in 0..*min {
                emit(node, out)?;
            }
            match max {
                None => {
                    // loop: split body, end; body; jump loop; end:
                    let top = out.len();
                    out.push(Inst::Split(top + 1, 0));
                    emit(node, out)?;
                    out.push(Inst::Jump(top));
                    let end = out.len();
                    if let Some(Inst::Split(_, b)) = out.get_mut(top) {
                        *b = end;
                    }
                }
                Some(max) => {
                    // Each optional copy may be skipped to the very end.
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(out.len());
                        out.push(Inst::Split(out.len() + 1, 0));
                        emit(node, out)?;
                    }
                    let end = out.len();
                    for s in splits {
                        if let Some(Inst::Split(_, b)) = out.get_mut(s) {
                            *b = end;
                        }
                    }
                }
            }
        }
    }
    if out.len() > MAX_PROGRAM {
        return Err(());
    }
    Ok(())
}

/// Reads the pattern's characters into a [`Node`].
struct Reader<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn error(&self, problem: PatternProblem) -> PatternError {
        self.error_at(self.pos, problem)
    }

    fn error_at(&self, pos: usize, problem: PatternProblem) -> PatternError {
        PatternError {
            at: pos + 1,
            problem,
        }
    }

    fn alternation(&mut self, depth: usize) -> Result<Node, PatternError> {
        if depth > MAX_NESTING {
            return Err(self.error(PatternProblem::TooComplex));
        }
        let mut branches = vec![self.concatenation(depth)?];
        while self.peek() == Some('|') {
            self.pos += 1;
            branches.push(self.concatenation(depth)?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn concatenation(&mut self, depth: usize) -> Result<Node, PatternError> {
        let mut list = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom(depth)?;
            // An anchor alone takes no repetition (in a group it may, as elsewhere).
            let repeatable = !matches!(atom, Node::Start | Node::End | Node::Boundary(_));
            let node = self.repetition(atom, repeatable)?;
            list.push(node);
        }
        Ok(match list.len() {
            0 => Node::Empty,
            1 => list.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(list),
        })
    }

    /// Any `*`, `+`, `?` or `{…}` after an atom (several in a row repeat the repetition, as
    /// `(a*)*` would; a lazy `?` after one is read and means the same here).
    fn repetition(&mut self, mut atom: Node, repeatable: bool) -> Result<Node, PatternError> {
        loop {
            let at = self.pos;
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.pos += 1;
                    (0, None)
                }
                Some('+') => {
                    self.pos += 1;
                    (1, None)
                }
                Some('?') => {
                    self.pos += 1;
                    (0, Some(1))
                }
                Some('{') => self.count()?,
                _ => return Ok(atom),
            };
            if !repeatable {
                return Err(self.error_at(at, PatternProblem::NothingToRepeat));
            }
            if self.peek() == Some('?') {
                self.pos += 1;
            }
            if self.peek() == Some('+') {
                return Err(self.error(PatternProblem::Unsupported {
                    what: "a possessive repetition",
                }));
            }
            atom = Node::Repeat {
                node: Box::new(atom),
                min,
                max,
            };
            if matches!(self.peek(), Some('*' | '+' | '?' | '{')) {
                return Err(self.error(PatternProblem::NothingToRepeat));
            }
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` at the cursor.
    fn count(&mut self) -> Result<(u32, Option<u32>), PatternError> {
        let start = self.pos;
        self.pos += 1;
        let bad = |r: &Self| r.error_at(start, PatternProblem::BadCount);
        let min = self.number().ok_or_else(|| bad(self))?;
        let max = match self.peek() {
            Some('}') => Some(min),
            Some(',') => {
                self.pos += 1;
                if self.peek() == Some('}') {
                    None
                } else {
                    Some(self.number().ok_or_else(|| bad(self))?)
                }
            }
            _ => return Err(bad(self)),
        };
        if self.peek() != Some('}') || max.is_some_and(|m| m < min) {
            return Err(bad(self));
        }
        self.pos += 1;
        Ok((min, max))
    }

    /// A count's digits (at most [`MAX_COUNT`]).
    fn number(&mut self) -> Option<u32> {
        let mut n: u32 = 0;
        let mut any = false;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            n = n.checked_mul(10)?.checked_add(d)?;
            any = true;
            self.pos += 1;
        }
        (any && n <= MAX_COUNT).then_some(n)
    }

    fn atom(&mut self, depth: usize) -> Result<Node, PatternError> {
        let at = self.pos;
        let Some(c) = self.peek() else {
            return Ok(Node::Empty);
        };
        self.pos += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::Start,
            '$' => Node::End,
            '*' | '+' | '?' => return Err(self.error_at(at, PatternProblem::NothingToRepeat)),
            '{' => {
                // A count with nothing before it; anything else that starts with `{` is no
                // count either (JavaScript would read it as a character; the subset does not
                // guess).
                return Err(self.error_at(at, PatternProblem::NothingToRepeat));
            }
            '[' => Node::Set(self.class(at)?),
            '(' => {
                if self.peek() == Some('?') {
                    match (self.peek_at(1), self.peek_at(2)) {
                        (Some(':'), _) => self.pos += 2,
                        (Some('=' | '!'), _) => {
                            return Err(self.error_at(
                                at,
                                PatternProblem::Unsupported {
                                    what: "a look-ahead",
                                },
                            ))
                        }
                        (Some('<'), Some('=' | '!')) => {
                            return Err(self.error_at(
                                at,
                                PatternProblem::Unsupported {
                                    what: "a look-behind",
                                },
                            ))
                        }
                        (Some('<' | 'P'), _) => {
                            return Err(self.error_at(
                                at,
                                PatternProblem::Unsupported {
                                    what: "a named group",
                                },
                            ))
                        }
                        _ => {
                            return Err(self.error_at(
                                at,
                                PatternProblem::Unsupported {
                                    what: "an inline flag",
                                },
                            ))
                        }
                    }
                }
                let inner = self.alternation(depth + 1)?;
                if self.peek() != Some(')') {
                    return Err(self.error_at(at, PatternProblem::Unclosed { what: '(' }));
                }
                self.pos += 1;
                // A group may be repeated whatever it holds (`()*`, `(?:\b)?`).
                Node::Concat(vec![inner])
            }
            '\\' => match self.escape(at, false)? {
                Escaped::Char(c) => Node::Char(c),
                Escaped::Named(named, negated) => Node::Set(Set {
                    negated: false,
                    ranges: Vec::new(),
                    named: vec![(named, negated)],
                }),
                Escaped::Boundary(b) => Node::Boundary(b),
            },
            other => Node::Char(other),
        })
    }

    /// A `[…]` class; the cursor is after `[` (at `open`).
    fn class(&mut self, open: usize) -> Result<Set, PatternError> {
        let mut set = Set::default();
        if self.peek() == Some('^') {
            set.negated = true;
            self.pos += 1;
        }
        let mut first = true;
        loop {
            let at = self.pos;
            let Some(c) = self.peek() else {
                return Err(self.error_at(open, PatternProblem::Unclosed { what: '[' }));
            };
            self.pos += 1;
            // `]` right after `[` or `[^` is a character (as in every flavour but JavaScript,
            // where `[]` matches nothing: refuse the difference rather than guess).
            if c == ']' {
                if first {
                    return Err(self.error_at(
                        at,
                        PatternProblem::Unsupported {
                            what: "an empty class",
                        },
                    ));
                }
                return Ok(set);
            }
            first = false;
            if c == '[' {
                return Err(self.error_at(
                    at,
                    PatternProblem::Unsupported {
                        what: "a '[' inside a class (write \\[)",
                    },
                ));
            }
            let low = if c == '\\' {
                match self.escape(at, true)? {
                    Escaped::Char(c) => c,
                    Escaped::Named(named, negated) => {
                        set.named.push((named, negated));
                        if self.peek() == Some('-') && self.peek_at(1) != Some(']') {
                            return Err(self.error(PatternProblem::BadRange));
                        }
                        continue;
                    }
                    Escaped::Boundary(_) => {
                        return Err(self.error_at(at, PatternProblem::BadEscape));
                    }
                }
            } else {
                c
            };
            // A range `a-z`, unless the `-` is last (`[a-]`).
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                let dash = self.pos;
                self.pos += 1;
                let hi_at = self.pos;
                let high = match self.peek() {
                    Some('\\') => {
                        self.pos += 1;
                        match self.escape(hi_at, true)? {
                            Escaped::Char(c) => c,
                            _ => return Err(self.error_at(dash, PatternProblem::BadRange)),
                        }
                    }
                    Some(c) => {
                        self.pos += 1;
                        c
                    }
                    None => return Err(self.error_at(open, PatternProblem::Unclosed { what: '[' })),
                };
                if high < low {
                    return Err(self.error_at(dash, PatternProblem::BadRange));
                }
                set.ranges.push((low, high));
            } else {
                set.ranges.push((low, low));
            }
        }
    }

    /// The escape after a `\` at `at` (the cursor is after the `\`).
    fn escape(&mut self, at: usize, in_class: bool) -> Result<Escaped, PatternError> {
        let Some(c) = self.peek() else {
            return Err(self.error_at(at, PatternProblem::BadEscape));
        };
        self.pos += 1;
        let unsupported = |what| {
            Err(PatternError {
                at: at + 1,
                problem: PatternProblem::Unsupported { what },
            })
        };
        Ok(match c {
            'd' => Escaped::Named(Named::Digit, false),
            'D' => Escaped::Named(Named::Digit, true),
            'w' => Escaped::Named(Named::Word, false),
            'W' => Escaped::Named(Named::Word, true),
            's' => Escaped::Named(Named::Space, false),
            'S' => Escaped::Named(Named::Space, true),
            'n' => Escaped::Char('\n'),
            'r' => Escaped::Char('\r'),
            't' => Escaped::Char('\t'),
            'b' if !in_class => Escaped::Boundary(true),
            'B' if !in_class => Escaped::Boundary(false),
            'u' => {
                let mut code = 0u32;
                for _ in 0..4 {
                    let Some(d) = self.peek().and_then(|c| c.to_digit(16)) else {
                        return Err(self.error_at(at, PatternProblem::BadEscape));
                    };
                    code = code * 16 + d;
                    self.pos += 1;
                }
                match char::from_u32(code) {
                    Some(c) => Escaped::Char(c),
                    // A lone surrogate half: no character of a Rust string is one.
                    None => return unsupported("a surrogate half (\\uD800 to \\uDFFF)"),
                }
            }
            '1'..='9' => return unsupported("a back-reference"),
            'k' => return unsupported("a named back-reference"),
            'p' | 'P' => return unsupported("a Unicode property (\\p{…})"),
            c if c.is_ascii_punctuation() => Escaped::Char(c),
            _ => return unsupported("an escape outside the subset"),
        })
    }
}

enum Escaped {
    Char(char),
    Named(Named, bool),
    Boundary(bool),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(p: &str, t: &str) -> bool {
        Pattern::compile(p).unwrap().matches_whole(t)
    }

    fn finds(p: &str, t: &str) -> bool {
        Pattern::compile(p).unwrap().finds(t)
    }

    fn problem(p: &str) -> (usize, PatternProblem) {
        let e = Pattern::compile(p).unwrap_err();
        (e.at, e.problem)
    }

    #[test]
    fn whole_text_matches() {
        assert!(whole("[0-9]{5}", "12345"));
        assert!(!whole("[0-9]{5}", "1234"));
        assert!(!whole("[0-9]{5}", "123456"));
        assert!(!whole("[0-9]{5}", "a12345"));
        assert!(whole(r"\d{3}-\d{4}", "555-1234"));
        assert!(!whole("[A-Z]{2}[0-9]{1,2} ?[0-9][A-Z]{2}", "SW1A 1AA"));
        assert!(whole("[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", "SW1A 1AA"));
        assert!(whole("(cat|dog)s?", "dogs"));
        assert!(!whole("(cat|dog)s?", "cow"));
        assert!(whole("a*", ""));
        assert!(!whole("a+", ""));
        assert!(whole("", ""));
        assert!(!whole("", "x"));
        assert!(whole("^abc$", "abc"));
        assert!(whole(".*", "line\nbreak"));
        assert!(whole("[^,]+(,[^,]+)*", "a,b,c"));
        assert!(!whole("[^,]+(,[^,]+)*", "a,,c"));
        assert!(whole(
            r"[\w.+-]+@[\w-]+\.[\w.]+",
            "ana.p+x@clinic-1.example.org"
        ));
        assert!(whole("é+", "ééé"));
        assert!(whole(r"\u00e9", "é"));
        assert!(whole("a{2,}", "aaaa"));
        assert!(!whole("a{2,3}", "aaaa"));
        assert!(whole("a{0}", ""));
        assert!(whole("x*?y", "xxy"));
        assert!(whole("()*a", "a"));
        assert!(whole("(a|)*b", "aab"));
        assert!(whole("[a-]+", "a-a"));
        assert!(whole(r"[\d\s]+", "1 2\t3"));
        assert!(!whole(r"[^\d]+", "a1"));
        assert!(whole(r"\D\W\S", "a a"));
    }

    #[test]
    fn search_finds_parts() {
        assert!(finds("[0-9]", "ab3c"));
        assert!(!finds("[0-9]", "abc"));
        assert!(finds("^ab", "abc"));
        assert!(!finds("^bc", "abc"));
        assert!(finds("bc$", "abc"));
        assert!(!finds("ab$", "abc"));
        assert!(finds("", "abc"));
        assert!(finds(r"\bcat\b", "a cat sat"));
        assert!(!finds(r"\bcat\b", "concatenate"));
        assert!(finds(r"\Bcat\B", "concatenate"));
        assert!(finds("a|b", "xxb"));
    }

    #[test]
    fn outside_the_subset_is_named() {
        assert_eq!(
            problem(r"(a)\1"),
            (
                4,
                PatternProblem::Unsupported {
                    what: "a back-reference"
                }
            )
        );
        assert!(matches!(
            problem("a(?=b)").1,
            PatternProblem::Unsupported {
                what: "a look-ahead"
            }
        ));
        assert!(matches!(
            problem("(?<=a)b").1,
            PatternProblem::Unsupported {
                what: "a look-behind"
            }
        ));
        assert!(matches!(
            problem("(?i)abc").1,
            PatternProblem::Unsupported {
                what: "an inline flag"
            }
        ));
        assert!(matches!(
            problem(r"\p{L}+").1,
            PatternProblem::Unsupported { .. }
        ));
        assert_eq!(problem("(ab"), (1, PatternProblem::Unclosed { what: '(' }));
        assert_eq!(problem("ab)"), (3, PatternProblem::Unopened));
        assert_eq!(problem("[ab"), (1, PatternProblem::Unclosed { what: '[' }));
        assert_eq!(problem("*a"), (1, PatternProblem::NothingToRepeat));
        assert_eq!(problem("a**"), (3, PatternProblem::NothingToRepeat));
        assert_eq!(problem("^*"), (2, PatternProblem::NothingToRepeat));
        assert_eq!(problem("a{3,2}"), (2, PatternProblem::BadCount));
        assert_eq!(problem("a{1001}"), (2, PatternProblem::BadCount));
        assert_eq!(problem("a{x}"), (2, PatternProblem::BadCount));
        assert_eq!(problem("[z-a]"), (3, PatternProblem::BadRange));
        assert_eq!(problem(r"[\d-z]"), (4, PatternProblem::BadRange));
        assert_eq!(problem("ab\\"), (3, PatternProblem::BadEscape));
        assert_eq!(problem(r"\u12"), (1, PatternProblem::BadEscape));
        assert!(matches!(
            problem("a++").1,
            PatternProblem::Unsupported { .. }
        ));
        assert!(matches!(
            problem("[]a]").1,
            PatternProblem::Unsupported { .. }
        ));
    }

    #[test]
    fn size_is_bounded() {
        assert_eq!(problem("(a{1000}){1000}").1, PatternProblem::TooComplex);
        assert_eq!(
            problem(&"(".repeat(40)).1,
            PatternProblem::TooComplex,
            "nesting is refused before the missing ')'"
        );
        assert!(matches!(
            problem(&"a".repeat(MAX_CHARS + 1)).1,
            PatternProblem::TooLong { .. }
        ));
        // The classic exponential case takes linear time here.
        let p = Pattern::compile("(a*)*b").unwrap();
        assert!(!p.matches_whole(&"a".repeat(5000)));
        let p = Pattern::compile("(a|aa)*c").unwrap();
        assert!(!p.finds(&"a".repeat(5000)));
    }

    #[test]
    fn messages_say_where() {
        let e = Pattern::compile("ab(c").unwrap_err();
        assert_eq!(e.to_string(), "the '(' at character 3 is never closed");
        let e = Pattern::compile(r"(a)\1").unwrap_err();
        assert_eq!(
            e.to_string(),
            "a back-reference at character 4, which Rapport does not read"
        );
    }
}
