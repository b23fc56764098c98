//! The Fluent syntax the resolver reads: a small AST and a hand-written parser for it.
//!
//! Why not `fluent-syntax`: its parser is generic over the source type and builds a full AST
//! (comments, junk, named arguments of functions, an error kind per error), which made the
//! widget about 9 KB larger (3 KB gzip) than this one; the resolver needs much less. This
//! parser follows `fluent-syntax`'s (0.12, `parser::parse`) step by step, so that every entry
//! it accepts resolves to the same text and every entry it rejects is rejected at the same byte
//! offset, with the same recovery (skip to the next line starting with a letter, `-` or `#`). That includes its quirks rather
//! than the letter of the specification: the `\{` escape in string literals, a whitespace-only
//! line inside a pattern keeping the spaces beyond the common indent, function arguments
//! without commas. `tests/fluent_differential.rs` checks this against `fluent-syntax` on every
//! shipped file, on tricky snippets and on random sources.
//!
//! The one intended difference: placeables and call arguments nest at most [`MAX_NESTING`]
//! deep (`fluent-syntax` recurses without a limit: 5,000 nested `{` overflow a 1 MiB stack,
//! the widget's, even in a release build). A deeper entry is junk, like any other syntax error.
//!
//! What the AST keeps is what the resolver reads: text with indentation already removed,
//! string literals already unescaped, number literals as written (printed as written, compared
//! by value), the first positional argument of a function (the one `NUMBER` reads) and the
//! named arguments of a term call. Comments are checked and dropped.
//!
//! Never panics: every byte is read with `get`, every slice with `str::get`, and recursion is
//! bounded by [`MAX_NESTING`].

/// Deepest nesting of placeables (`{ { … } }`, a placeable in a variant of a select) and
/// function or term call arguments in one entry. Far deeper than any translation needs; it
/// bounds the parser's recursion and, with the resolver's reference limit, the resolver's.
pub const MAX_NESTING: usize = 20;

/// A message or term: its value and attributes. A term always has a value.
#[derive(Debug)]
pub(crate) struct Entry {
    pub value: Option<Pattern>,
    pub attributes: Vec<(String, Pattern)>,
}

/// The elements of a pattern, adjacent text merged into one element. Merging keeps the one
/// thing the element count decides (whether placeables are isolated): a pattern of one
/// placeable alone stays one element, any text beside a placeable makes two or more.
pub(crate) type Pattern = Vec<Element>;

#[derive(Debug)]
pub(crate) enum Element {
    Text(String),
    Placeable(Expr),
}

#[derive(Debug)]
pub(crate) enum Expr {
    /// A string literal, its escapes resolved.
    Str(String),
    /// A number literal as written (`-01.50`).
    Num(String),
    /// `$name`
    Var(String),
    /// `id` or `id.attr`
    Message { id: String, attr: Option<String> },
    /// `-id`, `-id.attr` (only as a selector or argument), `-id(name: value)`.
    Term {
        id: String,
        attr: Option<String>,
        named: Vec<(String, Expr)>,
    },
    /// `NAME(…)`: only the first positional argument is kept.
    Function {
        id: String,
        first: Option<Box<Expr>>,
    },
    /// `{ … }` inside a placeable.
    Placeable(Box<Expr>),
    Select {
        selector: Box<Expr>,
        variants: Vec<Variant>,
    },
}

#[derive(Debug)]
pub(crate) struct Variant {
    pub key: Key,
    pub default: bool,
    pub value: Pattern,
}

#[derive(Debug)]
pub(crate) enum Key {
    /// `[one]`, `[masculine]`
    Name(String),
    /// `[0]`, `[-1.5]`: the value of the literal (`None` when it has too many digits for
    /// [`crate::number::parse_decimal`] to read exactly; it then matches no number).
    Number(Option<f64>),
}

/// One entry of a source.
pub(crate) enum Item<'s> {
    Message(&'s str, Entry),
    /// A term, by its id without the `-`.
    Term(&'s str, Entry),
    /// An entry that is not valid Fluent, skipped.
    Junk,
}

/// Parses a whole FTL source, handing each message, term and junk entry to `found` in source
/// order with a byte offset (the entry's start; for junk, where the error was found, as
/// `fluent-syntax` reports it).
pub(crate) fn parse<'s>(src: &'s str, mut found: impl FnMut(usize, Item<'s>)) {
    let mut p = Parser {
        src,
        ptr: 0,
        nesting: 0,
    };
    p.skip_blank_block();
    while p.ptr < src.len() {
        let start = p.ptr;
        match p.entry(start) {
            Ok(Some(item)) => found(start, item),
            Ok(None) => {}
            Err(at) => {
                // An error leaves `ptr` on the entry's first byte only when that byte cannot
                // start an entry, so stepping over it changes nothing; it makes sure that the
                // loop always moves on.
                p.ptr = p.ptr.max(start + 1);
                p.skip_to_next_entry_start();
                found(at, Item::Junk);
            }
        }
        p.skip_blank_block();
    }
}

/// `Err` holds the byte offset of the error.
type Parse<T> = Result<T, usize>;

/// The first positional argument of a call, and its named arguments.
type CallArguments = (Option<Expr>, Vec<(String, Expr)>);

/// Why a run of text ended.
#[derive(Clone, Copy, PartialEq)]
enum End {
    LineFeed,
    Crlf,
    Other,
}

/// Where a run of text sits, for removing indentation.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// Right after `=` or `]`, on the same line.
    Initial,
    /// At the start of a line: its indentation may be removed.
    LineStart,
    /// After a placeable.
    Continuation,
}

/// A pattern element before the common indentation is known.
enum Piece {
    Placeable(Expr),
    Text {
        start: usize,
        end: usize,
        indent: usize,
        line_start: bool,
    },
}

struct Parser<'s> {
    src: &'s str,
    ptr: usize,
    nesting: usize,
}

impl<'s> Parser<'s> {
    fn byte_at(&self, i: usize) -> Option<u8> {
        self.src.as_bytes().get(i).copied()
    }

    fn cur(&self) -> Option<u8> {
        self.byte_at(self.ptr)
    }

    fn is(&self, b: u8) -> bool {
        self.cur() == Some(b)
    }

    fn take(&mut self, b: u8) -> bool {
        let found = self.is(b);
        if found {
            self.ptr += 1;
        }
        found
    }

    fn expect(&mut self, b: u8) -> Parse<()> {
        if self.take(b) {
            Ok(())
        } else {
            Err(self.ptr)
        }
    }

    fn slice(&self, start: usize, end: usize) -> &'s str {
        self.src.get(start..end).unwrap_or("")
    }

    /// `\n`, `\r\n` or the end of the source.
    fn is_eol(&self) -> bool {
        match self.cur() {
            Some(b'\n') | None => true,
            Some(b'\r') => self.byte_at(self.ptr + 1) == Some(b'\n'),
            _ => false,
        }
    }

    fn skip_eol(&mut self) -> bool {
        match self.cur() {
            Some(b'\n') => self.ptr += 1,
            Some(b'\r') if self.byte_at(self.ptr + 1) == Some(b'\n') => self.ptr += 2,
            _ => return false,
        }
        true
    }

    /// Skips spaces (not tabs: Fluent's only inline blank), returning how many.
    fn skip_blank_inline(&mut self) -> usize {
        let start = self.ptr;
        while self.is(b' ') {
            self.ptr += 1;
        }
        self.ptr - start
    }

    /// Skips whole blank lines.
    fn skip_blank_block(&mut self) {
        loop {
            let start = self.ptr;
            self.skip_blank_inline();
            if !self.skip_eol() {
                self.ptr = start;
                return;
            }
        }
    }

    /// Skips spaces and line ends.
    fn skip_blank(&mut self) {
        while self.take(b' ') || self.skip_eol() {}
    }

    /// Junk recovery: the next line that starts with a letter, `-` or `#`.
    fn skip_to_next_entry_start(&mut self) {
        while let Some(b) = self.cur() {
            let line_start = self.ptr == 0 || self.byte_at(self.ptr - 1) == Some(b'\n');
            if line_start && (b.is_ascii_alphabetic() || b == b'-' || b == b'#') {
                return;
            }
            self.ptr += 1;
        }
    }

    /// `[a-zA-Z][a-zA-Z0-9_-]*`
    fn identifier(&mut self) -> Parse<String> {
        let start = self.ptr;
        if !self.cur().is_some_and(|b| b.is_ascii_alphabetic()) {
            return Err(start);
        }
        while self
            .cur()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            self.ptr += 1;
        }
        Ok(self.slice(start, self.ptr).to_owned())
    }

    /// A message, a term, or `None` for a comment.
    fn entry(&mut self, start: usize) -> Parse<Option<Item<'s>>> {
        let term = match self.cur() {
            Some(b'#') => return self.comment().map(|()| None),
            Some(b'-') => {
                self.ptr += 1;
                true
            }
            _ => false,
        };
        let id_start = self.ptr;
        self.identifier()?;
        let id = self.slice(id_start, self.ptr);
        self.skip_blank_inline();
        self.expect(b'=')?;
        let value = self.pattern()?;
        self.skip_blank_block();
        let attributes = self.attributes();
        // A message needs a value or an attribute; a term needs a value.
        if value.is_none() && (term || attributes.is_empty()) {
            return Err(start);
        }
        let entry = Entry { value, attributes };
        Ok(Some(if term {
            Item::Term(id, entry)
        } else {
            Item::Message(id, entry)
        }))
    }

    /// A run of comment lines of one level (`#`, `##` or `###`). A `#` not followed by a space
    /// or a line end is an error on the first line, and ends the comment on a later one.
    fn comment(&mut self) -> Parse<()> {
        let mut level = 0;
        let mut first = true;
        while self.ptr < self.src.len() {
            let mut line_level = 0;
            while line_level < 3 && self.take(b'#') {
                line_level += 1;
            }
            if line_level == 0 {
                // Back onto the line end, which the blank-line skipping after an entry eats.
                self.ptr = self.ptr.saturating_sub(1);
                return Ok(());
            }
            if level != 0 && line_level != level {
                self.ptr -= line_level;
                return Ok(());
            }
            level = line_level;
            if self.ptr >= self.src.len() {
                return Ok(());
            }
            if !self.is_eol() && !self.take(b' ') {
                if first {
                    return Err(self.ptr);
                }
                self.ptr -= line_level;
                return Ok(());
            }
            while !self.is_eol() {
                self.ptr += 1;
            }
            first = false;
            self.skip_eol();
        }
        Ok(())
    }

    /// Indented `.name = pattern` lines. A broken attribute ends the list; its line then
    /// starts the next entry (which is junk).
    fn attributes(&mut self) -> Vec<(String, Pattern)> {
        let mut attributes = Vec::new();
        loop {
            let line_start = self.ptr;
            self.skip_blank_inline();
            if !self.take(b'.') {
                self.ptr = line_start;
                return attributes;
            }
            match self.attribute() {
                Ok(a) => attributes.push(a),
                Err(_) => {
                    self.ptr = line_start;
                    return attributes;
                }
            }
        }
    }

    fn attribute(&mut self) -> Parse<(String, Pattern)> {
        let id = self.identifier()?;
        self.skip_blank_inline();
        self.expect(b'=')?;
        match self.pattern()? {
            Some(p) => Ok((id, p)),
            None => Err(self.ptr),
        }
    }

    /// A pattern after `=` or a variant key: text and placeables, over as many lines as are
    /// indented (or start with `{`), with the common indentation of its lines removed and
    /// trailing blanks dropped. `None` when it has no text and no placeable.
    fn pattern(&mut self) -> Parse<Option<Pattern>> {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut last_non_blank = None;
        let mut common_indent: Option<usize> = None;
        self.skip_blank_inline();
        let mut role = if self.skip_eol() {
            self.skip_blank_block();
            Role::LineStart
        } else {
            Role::Initial
        };
        while self.ptr < self.src.len() {
            if self.take(b'{') {
                if role == Role::LineStart {
                    common_indent = Some(0);
                }
                let e = self.placeable()?;
                last_non_blank = Some(pieces.len());
                pieces.push(Piece::Placeable(e));
                role = Role::Continuation;
                continue;
            }
            let run_start = self.ptr;
            let mut indent = 0;
            if role == Role::LineStart {
                indent = self.skip_blank_inline();
                match self.cur() {
                    None => break,
                    // An unindented line continues the pattern only if it is blank (or, as in
                    // `fluent-syntax`, starts with a lone `\r`).
                    Some(b) if indent == 0 => {
                        if b != b'\r' && b != b'\n' {
                            break;
                        }
                    }
                    // An indented line starting with one of these is the next attribute or
                    // variant, or the end of the select.
                    Some(b'.' | b'}' | b'[' | b'*') => {
                        self.ptr = run_start;
                        break;
                    }
                    Some(_) => {}
                }
            }
            let (text_start, end, blank, why) = self.text()?;
            if text_start != end {
                let at_line_start = role == Role::LineStart;
                if at_line_start && !blank {
                    common_indent = Some(common_indent.map_or(indent, |c| c.min(indent)));
                }
                if !at_line_start || !blank || why == End::LineFeed {
                    if !blank {
                        last_non_blank = Some(pieces.len());
                    }
                    pieces.push(Piece::Text {
                        start: run_start,
                        end,
                        indent,
                        line_start: at_line_start,
                    });
                }
            }
            role = match why {
                End::LineFeed | End::Crlf => Role::LineStart,
                End::Other => Role::Continuation,
            };
        }
        let Some(last) = last_non_blank else {
            return Ok(None);
        };
        let mut elements: Pattern = Vec::new();
        for (i, piece) in pieces.into_iter().take(last + 1).enumerate() {
            match piece {
                Piece::Placeable(e) => elements.push(Element::Placeable(e)),
                Piece::Text {
                    start,
                    end,
                    indent,
                    line_start,
                } => {
                    let start = if line_start {
                        start + common_indent.map_or(indent, |c| c.min(indent))
                    } else {
                        start
                    };
                    let mut end = end;
                    if i == last {
                        // Trailing blanks end the pattern (bytes: no character decoding).
                        while end > start
                            && matches!(self.byte_at(end - 1), Some(b' ' | b'\r' | b'\n'))
                        {
                            end -= 1;
                        }
                    }
                    let text = self.slice(start, end);
                    match elements.last_mut() {
                        Some(Element::Text(previous)) => previous.push_str(text),
                        _ => elements.push(Element::Text(text.to_owned())),
                    }
                }
            }
        }
        Ok(Some(elements))
    }

    /// A run of text up to a line end, a `{` or the end of the source (a `}` is an error):
    /// its start, its end (with `\n`, without `\r\n`: the `\n` then starts the next line's
    /// run), whether it is only spaces, and what ended it.
    fn text(&mut self) -> Parse<(usize, usize, bool, End)> {
        let start = self.ptr;
        let rest = self.src.as_bytes().get(start..).unwrap_or(&[]);
        let stop = rest.iter().position(|&c| matches!(c, b'\n' | b'{' | b'}'));
        let text = rest.get(..stop.unwrap_or(rest.len())).unwrap_or(&[]);
        let blank = |t: &[u8]| t.iter().all(|&c| c == b' ');
        self.ptr += text.len();
        match stop.and_then(|i| rest.get(i)) {
            Some(b'}') => Err(self.ptr),
            Some(b'\n') => match text.split_last() {
                Some((b'\r', before)) => Ok((start, self.ptr - 1, blank(before), End::Crlf)),
                _ => {
                    self.ptr += 1;
                    Ok((start, self.ptr, blank(text), End::LineFeed))
                }
            },
            _ => Ok((start, self.ptr, blank(text), End::Other)),
        }
    }

    /// The inside of `{ … }`, after the `{`.
    fn placeable(&mut self) -> Parse<Expr> {
        let outer = self.nesting;
        if outer >= MAX_NESTING {
            return Err(self.ptr);
        }
        self.nesting = outer + 1;
        let result = (|| {
            self.skip_blank();
            let e = self.expression()?;
            self.skip_blank_inline();
            self.expect(b'}')?;
            Ok(e)
        })();
        self.nesting = outer;
        result
    }

    /// An inline expression, or a select expression (`selector ->` and variants).
    fn expression(&mut self) -> Parse<Expr> {
        let e = self.inline(false)?;
        self.skip_blank();
        if !(self.is(b'-') && self.byte_at(self.ptr + 1) == Some(b'>')) {
            // A term's attributes are private: usable as a selector only.
            if matches!(e, Expr::Term { attr: Some(_), .. }) {
                return Err(self.ptr);
            }
            return Ok(e);
        }
        match e {
            Expr::Str(_)
            | Expr::Num(_)
            | Expr::Var(_)
            | Expr::Function { .. }
            | Expr::Term { attr: Some(_), .. } => {}
            _ => return Err(self.ptr),
        }
        self.ptr += 2;
        self.skip_blank_inline();
        if !self.skip_eol() {
            return Err(self.ptr);
        }
        self.skip_blank();
        let variants = self.variants()?;
        Ok(Expr::Select {
            selector: Box::new(e),
            variants,
        })
    }

    /// `[key] pattern` lines, exactly one of them marked default with `*`.
    fn variants(&mut self) -> Parse<Vec<Variant>> {
        let mut variants = Vec::new();
        let mut has_default = false;
        loop {
            let default = self.take(b'*');
            if default {
                if has_default {
                    return Err(self.ptr);
                }
                has_default = true;
            }
            if !self.take(b'[') {
                break;
            }
            self.skip_blank();
            let key = if self.cur().is_some_and(|b| b.is_ascii_digit() || b == b'-') {
                Key::Number(crate::number::parse_decimal(self.number()?))
            } else {
                Key::Name(self.identifier()?)
            };
            self.skip_blank();
            self.expect(b']')?;
            match self.pattern()? {
                Some(value) => variants.push(Variant {
                    key,
                    default,
                    value,
                }),
                None => return Err(self.ptr),
            }
            self.skip_blank();
        }
        if has_default {
            Ok(variants)
        } else {
            Err(self.ptr)
        }
    }

    /// `-?[0-9]+(\.[0-9]+)?`, as written.
    fn number(&mut self) -> Parse<&'s str> {
        let start = self.ptr;
        self.take(b'-');
        self.digits()?;
        if self.take(b'.') {
            self.digits()?;
        }
        Ok(self.slice(start, self.ptr))
    }

    fn digits(&mut self) -> Parse<()> {
        let start = self.ptr;
        while self.cur().is_some_and(|b| b.is_ascii_digit()) {
            self.ptr += 1;
        }
        if self.ptr == start {
            Err(self.ptr)
        } else {
            Ok(())
        }
    }

    /// An inline expression. `literal_only` is set for the value of a named argument, where
    /// `fluent-syntax` refuses variables, terms, negative numbers and placeables (but, as
    /// there, a message reference or a call still gets through).
    fn inline(&mut self, literal_only: bool) -> Parse<Expr> {
        match self.cur() {
            Some(b'"') => self.string(),
            Some(b) if b.is_ascii_digit() => Ok(Expr::Num(self.number()?.to_owned())),
            Some(b'-') if !literal_only => {
                self.ptr += 1;
                if !self.cur().is_some_and(|b| b.is_ascii_alphabetic()) {
                    self.ptr -= 1;
                    return Ok(Expr::Num(self.number()?.to_owned()));
                }
                let id = self.identifier()?;
                let attr = self.attribute_accessor()?;
                let named = self.call_arguments()?.map(|(_, n)| n).unwrap_or_default();
                Ok(Expr::Term { id, attr, named })
            }
            Some(b'$') if !literal_only => {
                self.ptr += 1;
                Ok(Expr::Var(self.identifier()?))
            }
            Some(b) if b.is_ascii_alphabetic() => {
                let id = self.identifier()?;
                match self.call_arguments()? {
                    Some((first, _)) => {
                        let callee = id.bytes().all(|c| {
                            c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_' || c == b'-'
                        });
                        if !callee {
                            return Err(self.ptr);
                        }
                        Ok(Expr::Function {
                            id,
                            first: first.map(Box::new),
                        })
                    }
                    None => Ok(Expr::Message {
                        id,
                        attr: self.attribute_accessor()?,
                    }),
                }
            }
            Some(b'{') if !literal_only => {
                self.ptr += 1;
                Ok(Expr::Placeable(Box::new(self.placeable()?)))
            }
            _ => Err(self.ptr),
        }
    }

    /// `"…"` on one line, read and unescaped in one pass: `\\` and `\"`; `\uXXXX` and
    /// `\UXXXXXX` (exactly 4 or 6 hex digits; a code point that is not a character, such as
    /// `\uD800`, is kept as written); `\{`, which `fluent-syntax` accepts and the resolver
    /// always kept as written. Any other escape is an error.
    fn string(&mut self) -> Parse<Expr> {
        self.ptr += 1;
        let mut out = String::new();
        loop {
            let run = self.ptr;
            while self
                .cur()
                .is_some_and(|b| !matches!(b, b'"' | b'\\' | b'\n'))
            {
                self.ptr += 1;
            }
            out.push_str(self.slice(run, self.ptr));
            if self.take(b'"') {
                return Ok(Expr::Str(out));
            }
            // A line end or the end of the source before the closing quote.
            if !self.is(b'\\') {
                return Err(self.ptr);
            }
            let escape = self.ptr;
            match self.byte_at(escape + 1) {
                Some(c @ (b'\\' | b'"')) => out.push(char::from(c)),
                Some(b'{') => out.push_str("\\{"),
                Some(u @ (b'u' | b'U')) => {
                    self.ptr += 2;
                    let end = self.ptr + if u == b'u' { 4 } else { 6 };
                    let mut code = 0;
                    while self.ptr < end {
                        let Some(digit) = self.cur().and_then(|c| char::from(c).to_digit(16))
                        else {
                            return Err(self.ptr);
                        };
                        code = code * 16 + digit;
                        self.ptr += 1;
                    }
                    match char::from_u32(code) {
                        Some(c) => out.push(c),
                        None => out.push_str(self.slice(escape, end)),
                    }
                    continue;
                }
                _ => return Err(self.ptr),
            }
            self.ptr += 2;
        }
    }

    /// `.name` after a message or term id.
    fn attribute_accessor(&mut self) -> Parse<Option<String>> {
        if self.take(b'.') {
            self.identifier().map(Some)
        } else {
            Ok(None)
        }
    }

    /// `( … )` after a function or term id (blanks before it allowed): the first positional
    /// argument and the named ones. `None` when there is no `(`.
    fn call_arguments(&mut self) -> Parse<Option<CallArguments>> {
        self.skip_blank();
        if !self.take(b'(') {
            return Ok(None);
        }
        let outer = self.nesting;
        if outer >= MAX_NESTING {
            return Err(self.ptr);
        }
        self.nesting = outer + 1;
        let result = (|| {
            let mut first = None;
            let mut named: Vec<(String, Expr)> = Vec::new();
            self.skip_blank();
            while self.ptr < self.src.len() && !self.is(b')') {
                let e = self.inline(false)?;
                let name = match e {
                    Expr::Message { id, attr: None } => {
                        self.skip_blank();
                        if self.is(b':') {
                            Ok(id)
                        } else {
                            Err(Expr::Message { id, attr: None })
                        }
                    }
                    other => Err(other),
                };
                match name {
                    Ok(name) => {
                        if named.iter().any(|(n, _)| *n == name) {
                            return Err(self.ptr);
                        }
                        self.ptr += 1;
                        self.skip_blank();
                        let value = self.inline(true)?;
                        named.push((name, value));
                    }
                    // A positional argument after a named one is an error.
                    Err(_) if !named.is_empty() => return Err(self.ptr),
                    Err(positional) => {
                        if first.is_none() {
                            first = Some(positional);
                        }
                    }
                }
                self.skip_blank();
                self.take(b',');
                self.skip_blank();
            }
            self.expect(b')')?;
            Ok(Some((first, named)))
        })();
        self.nesting = outer;
        result
    }
}
