//! Rich text from a definition (FHIR's `rendering-xhtml` and `rendering-markdown` extensions on
//! an item's `_text` or `_prefix`) as a small tree the widget builds DOM nodes from, one node at
//! a time: paragraphs, lists, emphasis, strong, line breaks and links whose address starts with
//! `https:`. Everything else is plain text: an unknown element keeps its words and loses its
//! markup; the content of `script`, `style`, `svg`, `math`, `template`, `iframe`, `object`,
//! `noscript`, `head` and `title` is dropped (it is not meant to be read); attributes other than
//! a link's `href` are ignored. No markup ever reaches the page as markup, so the widget stays
//! without `innerHTML` and clean under Trusted Types with no policy.
//!
//! Never panics on any input (fuzzed in `tests/no_panic.rs`): nesting deeper than
//! [`MAX_NESTING`] is flattened, and the work is linear in the length of the source.

/// Which extension the text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `rendering-xhtml` (`valueString`): XHTML, read as a small subset.
    Xhtml,
    /// `rendering-markdown` (`valueMarkdown`): Markdown, read as a small subset.
    Markdown,
}

/// Rich text as the definition gives it; [`parse`] reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Rich {
    /// Which extension it came from.
    pub format: Format,
    /// The XHTML or Markdown, unread.
    pub source: String,
}

/// A run of text.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    /// Plain words (entities decoded, never markup).
    Text(String),
    /// `<strong>`, `<b>`, `**…**`.
    Strong(Vec<Inline>),
    /// `<em>`, `<i>`, `*…*`.
    Emphasis(Vec<Inline>),
    /// `<br>`, or a Markdown line ending in two spaces or a backslash.
    Break,
    /// A link to an `https:` address (any other address leaves its words as text).
    Link {
        /// The address, starting with `https:`.
        href: String,
        /// The words of the link.
        content: Vec<Inline>,
    },
}

/// A block of text.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A heading (`<h1>` to `<h6>`, `#` to `######`): one level below the widget's own.
    Heading(Vec<Inline>),
    /// A list; nested lists are flattened into it.
    List {
        /// Numbered (`<ol>`, `1.`) or with bullets (`<ul>`, `-`).
        ordered: bool,
        /// Each item's words.
        items: Vec<Vec<Inline>>,
    },
}

/// How deep emphasis, strong and links may nest; deeper markup keeps its words only.
pub const MAX_NESTING: usize = 8;

/// The longest rich text read, in bytes: a longer one is not read (the widget shows the item's
/// plain `text`, which FHIR requires beside it). Keeps the work small on a hostile definition.
pub const MAX_RICH_BYTES: usize = 16 * 1024;

/// How far (bytes) Markdown emphasis may reach for its closing `*` or `_`, a link for the end
/// of its address, and an XHTML tag for its end: with [`MAX_RICH_BYTES`], what bounds the work.
const MAX_REACH: usize = 512;

/// The start of `s`, at most [`MAX_REACH`] bytes (cut at a character boundary).
fn within_reach(s: &str) -> &str {
    let reach = (0..=MAX_REACH.min(s.len()))
        .rev()
        .find(|&k| s.is_char_boundary(k))
        .unwrap_or(0);
    s.get(..reach).unwrap_or("")
}

/// Reads rich text into blocks; `None` when it is longer than [`MAX_RICH_BYTES`]. Empty
/// paragraphs and items are left out.
pub fn parse(rich: &Rich) -> Option<Vec<Block>> {
    if rich.source.len() > MAX_RICH_BYTES {
        return None;
    }
    Some(match rich.format {
        Format::Xhtml => xhtml(&rich.source),
        Format::Markdown => markdown(&rich.source),
    })
}

/// The words of blocks without their markup (paragraphs and list items joined by a space):
/// what a screen reader's name of a field or a plain-text view shows.
pub fn plain(blocks: &[Block]) -> String {
    fn inline(list: &[Inline], out: &mut String) {
        for i in list {
            match i {
                Inline::Text(t) => out.push_str(t),
                Inline::Break => out.push(' '),
                Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                    inline(c, out)
                }
            }
        }
    }
    let mut out = String::new();
    let add = |list: &[Inline], out: &mut String| {
        if !out.is_empty() {
            out.push(' ');
        }
        inline(list, out);
    };
    for b in blocks {
        match b {
            Block::Paragraph(p) | Block::Heading(p) => add(p, &mut out),
            Block::List { items, .. } => {
                for item in items {
                    add(item, &mut out);
                }
            }
        }
    }
    out
}

/// Whether an address may be a link: `https:` only (no `javascript:`, `data:`, `http:`,
/// relative addresses or addresses hiding a scheme behind spaces or control characters).
pub fn safe_href(href: &str) -> Option<String> {
    let h = href.trim();
    // The scheme first (cheap), then every character.
    let scheme = h.get(..6)?;
    if !(scheme.eq_ignore_ascii_case("https:")
        && h.len() > "https://".len()
        && h.get(6..8) == Some("//"))
    {
        return None;
    }
    if h.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return None;
    }
    Some(h.to_owned())
}

// ---------------------------------------------------------------------------------------------
// Building blocks from events (shared by both readers)

#[derive(Debug)]
enum Frame {
    Strong,
    Emphasis,
    Link(String),
    /// Markup whose words are kept but which makes nothing (too deep, an unsafe link).
    Plain,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// An open list: (ordered, items).
    list: Option<(bool, Vec<Vec<Inline>>)>,
    /// How many list elements are open (XHTML: only the outermost one's end ends the list).
    lists: usize,
    /// Whether the words go to the last item of the open list.
    in_item: bool,
    /// The current paragraph's (or item's) words outside any open markup.
    bottom: Vec<Inline>,
    /// Open inline markup, each with the words it holds so far.
    frames: Vec<(Frame, Vec<Inline>)>,
    /// XHTML: the last character written was a space (spaces collapse).
    space: bool,
    /// How many dropped elements (`script`, …) are open.
    dropped: usize,
    /// How many markup elements were opened past [`MAX_NESTING`] (their words are kept, they
    /// make nothing, and they take no frame).
    too_deep: usize,
    /// The current paragraph is a heading.
    heading: bool,
}

impl Builder {
    fn top(&mut self) -> &mut Vec<Inline> {
        match self.frames.last_mut() {
            Some((_, v)) => v,
            None => &mut self.bottom,
        }
    }

    fn text(&mut self, t: &str) {
        if t.is_empty() || self.dropped > 0 {
            return;
        }
        self.space = t.ends_with(' ');
        let top = self.top();
        if let Some(Inline::Text(last)) = top.last_mut() {
            last.push_str(t);
        } else {
            top.push(Inline::Text(t.to_owned()));
        }
    }

    /// XHTML text: runs of white space become one space; none at the start of a paragraph.
    fn xhtml_text(&mut self, t: &str) {
        if self.dropped > 0 {
            return;
        }
        let at_start = self.bottom.is_empty() && self.frames.iter().all(|(_, v)| v.is_empty());
        let mut out = String::new();
        for c in t.chars() {
            // A no-break space is kept as written (`10&nbsp;mg` stays on one line).
            if c.is_whitespace() && c != '\u{a0}' {
                let leading = at_start && out.is_empty();
                if !(self.space || leading) {
                    out.push(' ');
                }
                self.space = true;
            } else {
                out.push(c);
                self.space = false;
            }
        }
        self.text(&out);
    }

    fn push(&mut self, i: Inline) {
        if self.dropped == 0 {
            self.space = i == Inline::Break;
            self.top().push(i);
        }
    }

    fn open(&mut self, f: Frame) {
        if self.dropped > 0 {
            return;
        }
        if self.frames.len() >= MAX_NESTING {
            self.too_deep += 1;
            return;
        }
        // A link inside a link is its words.
        let in_link = self.frames.iter().any(|(f, _)| matches!(f, Frame::Link(_)));
        let f = match f {
            Frame::Link(_) if in_link => Frame::Plain,
            f => f,
        };
        self.frames.push((f, Vec::new()));
    }

    /// Closes the innermost open frame that `matches`, and any opened inside it.
    fn close(&mut self, matches: fn(&Frame) -> bool) {
        if self.dropped > 0 {
            return;
        }
        if self.too_deep > 0 {
            self.too_deep -= 1;
            return;
        }
        let Some(at) = self.frames.iter().rposition(|(f, _)| matches(f)) else {
            return;
        };
        while self.frames.len() > at {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if self.too_deep > 0 {
            self.too_deep -= 1;
            return;
        }
        let Some((frame, content)) = self.frames.pop() else {
            return;
        };
        // Words that ended in a space inside the markup keep it after it
        // (`<b>Note: </b>Take with food`).
        let spaced = matches!(&frame, Frame::Strong | Frame::Emphasis | Frame::Link(_))
            && matches!(content.last(), Some(Inline::Text(t)) if t.ends_with(char::is_whitespace));
        let made = match frame {
            Frame::Strong => vec![Inline::Strong(trim_end(content))],
            Frame::Emphasis => vec![Inline::Emphasis(trim_end(content))],
            Frame::Link(href) => vec![Inline::Link {
                href,
                content: trim_end(content),
            }],
            Frame::Plain => content,
        };
        for i in made {
            let empty = matches!(&i, Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } if c.is_empty());
            if empty {
                continue;
            }
            let top = self.top();
            match (top.last_mut(), i) {
                (Some(Inline::Text(last)), Inline::Text(t)) => last.push_str(&t),
                (_, i) => top.push(i),
            }
        }
        if spaced {
            self.text(" ");
        }
    }

    /// Ends the current paragraph or list item: its open markup is closed.
    fn end_paragraph(&mut self) {
        self.too_deep = 0;
        while !self.frames.is_empty() {
            self.pop();
        }
        let words = trim_end(std::mem::take(&mut self.bottom));
        self.space = false;
        let heading = std::mem::take(&mut self.heading);
        if words.is_empty() {
            return;
        }
        match (&mut self.list, self.in_item) {
            (None, _) | (Some(_), false) if heading => self.blocks.push(Block::Heading(words)),
            (Some((_, items)), true) => match items.last_mut() {
                Some(last) => {
                    if !last.is_empty() {
                        last.push(Inline::Break);
                    }
                    last.extend(words);
                }
                None => items.push(words),
            },
            _ => self.blocks.push(Block::Paragraph(words)),
        }
    }

    fn start_list(&mut self, ordered: bool) {
        self.end_paragraph();
        if self.list.is_none() {
            self.list = Some((ordered, Vec::new()));
            self.in_item = false;
        }
    }

    fn start_item(&mut self) {
        self.end_paragraph();
        if self.list.is_none() {
            self.list = Some((false, Vec::new()));
        }
        if let Some((_, items)) = &mut self.list {
            items.push(Vec::new());
        }
        self.in_item = true;
    }

    fn end_list(&mut self) {
        self.end_paragraph();
        if let Some((ordered, items)) = self.list.take() {
            let items: Vec<Vec<Inline>> = items.into_iter().filter(|i| !i.is_empty()).collect();
            if !items.is_empty() {
                self.blocks.push(Block::List { ordered, items });
            }
        }
        self.in_item = false;
        self.lists = 0;
    }

    fn finish(mut self) -> Vec<Block> {
        self.dropped = 0;
        self.end_list();
        self.blocks
    }
}

/// Drops trailing spaces and breaks.
fn trim_end(mut v: Vec<Inline>) -> Vec<Inline> {
    loop {
        match v.last_mut() {
            Some(Inline::Break) => {
                v.pop();
            }
            Some(Inline::Text(t)) => {
                let kept = t.trim_end().len();
                t.truncate(kept);
                if t.is_empty() {
                    v.pop();
                } else {
                    return v;
                }
            }
            _ => return v,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// XHTML

/// Elements whose content is dropped with them.
const DROPPED: &[&str] = &[
    "script", "style", "svg", "math", "template", "iframe", "object", "noscript", "head", "title",
    "textarea", "select",
];

fn xhtml(source: &str) -> Vec<Block> {
    let mut b = Builder::default();
    let mut rest = source;
    let mut no_gt = false;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            b.xhtml_text(&decode(rest));
            break;
        };
        let (text, after) = rest.split_at(lt);
        b.xhtml_text(&decode(text));
        rest = after;
        // A comment, CDATA or a declaration: skipped (CDATA's words kept).
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.find("-->").and_then(|e| r.get(e + 3..)).unwrap_or("");
            continue;
        }
        if let Some(r) = rest.strip_prefix("<![CDATA[") {
            let end = r.find("]]>").unwrap_or(r.len());
            b.xhtml_text(r.get(..end).unwrap_or(""));
            rest = r.get(end + 3..).unwrap_or("");
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').and_then(|e| rest.get(e + 1..)).unwrap_or("");
            continue;
        }
        match tag(rest) {
            Some((t, len)) => {
                element(&mut b, &t);
                rest = rest.get(len..).unwrap_or("");
            }
            None => {
                // A tag too long to read (past MAX_REACH) is dropped up to its '>'; a lone
                // '<' is a character. Once no '>' is left, none is looked for again.
                let looks_like_tag = rest
                    .get(1..)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/'));
                let end = if looks_like_tag && !no_gt {
                    rest.find('>')
                } else {
                    None
                };
                match end {
                    Some(e) => rest = rest.get(e + 1..).unwrap_or(""),
                    None => {
                        no_gt |= looks_like_tag;
                        b.xhtml_text("<");
                        rest = rest.get(1..).unwrap_or("");
                    }
                }
            }
        }
    }
    b.finish()
}

/// A tag: its lower-case name, whether it closes, whether it closes itself, its `href`.
struct Tag {
    name: String,
    closing: bool,
    self_closing: bool,
    href: Option<String>,
}

/// Reads the tag at the start of `s` (which starts with '<'); `None` when it is not one.
/// Returns the tag and its length in bytes.
fn tag(s: &str) -> Option<(Tag, usize)> {
    let s = within_reach(s);
    let body = s.get(1..)?;
    let (closing, body) = match body.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, body),
    };
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == ':' || c == '-'))
        .unwrap_or(body.len());
    if name_len == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = body.get(..name_len)?.to_ascii_lowercase();
    // The local name of a prefixed element (`xhtml:p`).
    let name = name.rsplit(':').next().unwrap_or("").to_owned();
    let mut rest = body.get(name_len..)?;
    let mut href = None;
    let mut self_closing = false;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("/>") {
            self_closing = true;
            rest = r;
            break;
        }
        if let Some(r) = rest.strip_prefix('>') {
            rest = r;
            break;
        }
        if rest.is_empty() {
            return None;
        }
        // An attribute: name, then optionally = and a value.
        let n = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let attr = rest.get(..n)?.to_ascii_lowercase();
        rest = rest.get(n..)?.trim_start();
        if n == 0 {
            // A stray '/' or '=': skip it.
            rest = rest.get(1..)?;
            continue;
        }
        let mut value = None;
        if let Some(r) = rest.strip_prefix('=') {
            let r = r.trim_start();
            let (v, after) = match r.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = r.get(1..)?;
                    let end = inner.find(q)?;
                    (inner.get(..end)?, inner.get(end + 1..)?)
                }
                _ => {
                    let end = r
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(r.len());
                    (r.get(..end)?, r.get(end..)?)
                }
            };
            value = Some(decode(v));
            rest = after;
        }
        if attr == "href" {
            href = value;
        }
    }
    let len = s.len() - rest.len();
    Some((
        Tag {
            name,
            closing,
            self_closing,
            href,
        },
        len,
    ))
}

fn element(b: &mut Builder, t: &Tag) {
    let name = t.name.as_str();
    if DROPPED.contains(&name) {
        if t.self_closing {
            return;
        }
        if t.closing {
            b.dropped = b.dropped.saturating_sub(1);
        } else {
            b.dropped += 1;
        }
        return;
    }
    if b.dropped > 0 {
        return;
    }
    match (name, t.closing) {
        ("br", _) => b.push(Inline::Break),
        (
            "p" | "div" | "blockquote" | "section" | "article" | "header" | "footer" | "table"
            | "tr" | "hr",
            _,
        ) => b.end_paragraph(),
        ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", false) => {
            b.end_paragraph();
            b.heading = true;
        }
        ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", true) => b.end_paragraph(),
        ("ul" | "ol", false) => {
            b.start_list(name == "ol");
            b.lists += 1;
        }
        ("ul" | "ol", true) => {
            // A nested list's end continues the outer one; only the outermost one ends it.
            // Words after a nested list are an item of their own (not the nested list's last
            // item's); an item left empty is dropped.
            b.end_paragraph();
            b.lists = b.lists.saturating_sub(1);
            if b.lists == 0 {
                b.end_list();
            } else {
                b.start_item();
            }
        }
        ("li", false) => b.start_item(),
        ("li", true) => b.end_paragraph(),
        ("strong" | "b", false) => b.open(Frame::Strong),
        ("strong" | "b", true) => b.close(|f| matches!(f, Frame::Strong)),
        ("em" | "i", false) => b.open(Frame::Emphasis),
        ("em" | "i", true) => b.close(|f| matches!(f, Frame::Emphasis)),
        ("a", false) if !t.self_closing => match t.href.as_deref().and_then(safe_href) {
            Some(href) => b.open(Frame::Link(href)),
            None => b.open(Frame::Plain),
        },
        ("a", true) => b.close(|f| matches!(f, Frame::Link(_) | Frame::Plain)),
        ("td" | "th", false) => b.xhtml_text(" "),
        _ => {}
    }
}

/// Decodes character references (`&amp;`, `&lt;`, `&#233;`, `&#x1F600;`, `&nbsp;`); an unknown
/// or broken one stays as written.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or(""));
        rest = rest.get(at..).unwrap_or("");
        // ';' is ASCII: its byte index is a character boundary, whatever comes after it.
        let end = rest.as_bytes().iter().take(12).position(|b| *b == b';');
        let decoded = end.and_then(|e| {
            let name = rest.get(1..e)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => '\u{a0}',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code).filter(|c| *c != '\0')?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = rest.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = rest.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------------
// Markdown

fn markdown(source: &str) -> Vec<Block> {
    let mut b = Builder::default();
    // A blank line ends a paragraph; a list goes on across blank lines while its items do
    // ("1. …", blank, "2. …" is one list).
    let mut blank = false;
    for raw in source.lines() {
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim_start();
        if trimmed.trim().is_empty() {
            b.end_paragraph();
            blank = true;
            continue;
        }
        let after_blank = std::mem::take(&mut blank);
        if let Some(rest) = list_marker(trimmed) {
            let ordered = trimmed.starts_with(|c: char| c.is_ascii_digit());
            if b.list.as_ref().is_some_and(|(o, _)| *o != ordered) {
                b.end_list();
            }
            b.start_list(ordered);
            b.start_item();
            md_line(&mut b, rest);
            continue;
        }
        if let Some(heading) = heading(trimmed) {
            b.end_list();
            b.heading = true;
            md_inline(&mut b, heading, 0);
            b.end_paragraph();
            continue;
        }
        if b.list.is_some() && (after_blank || !b.in_item) {
            b.end_list();
        }
        // A paragraph line (or an item's continuation): lines join with a space.
        let words = !b.bottom.is_empty() || b.frames.iter().any(|(_, v)| !v.is_empty());
        if words && !b.space {
            b.text(" ");
        }
        md_line(&mut b, trimmed);
    }
    b.finish()
}

/// One line's words; a hard break when it ends with two spaces or a backslash.
fn md_line(b: &mut Builder, line: &str) {
    let (words, hard) = if let Some(w) = line.strip_suffix('\\') {
        (w, true)
    } else if line.ends_with("  ") {
        (line.trim_end(), true)
    } else {
        (line.trim_end(), false)
    };
    md_inline(b, words, 0);
    if hard {
        b.push(Inline::Break);
    }
}

/// The rest of a list item's first line (`- `, `* `, `+ `, `1. `, `1) `).
fn list_marker(line: &str) -> Option<&str> {
    for m in ["- ", "* ", "+ "] {
        if let Some(r) = line.strip_prefix(m) {
            return Some(r.trim_start());
        }
    }
    let digits = line.find(|c: char| !c.is_ascii_digit())?;
    if digits == 0 || digits > 9 {
        return None;
    }
    let r = line.get(digits..)?;
    r.strip_prefix(". ")
        .or_else(|| r.strip_prefix(") "))
        .map(str::trim_start)
}

/// A heading's words (`# …` to `###### …`).
fn heading(line: &str) -> Option<&str> {
    let hashes = line.find(|c: char| c != '#')?;
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let r = line.get(hashes..)?.strip_prefix(' ')?;
    Some(r.trim().trim_end_matches('#').trim_end())
}

/// Inline Markdown: `**strong**`, `__strong__`, `*em*`, `_em_`, `[words](https://…)`,
/// `<https://…>`, `` `code` `` (as plain words) and backslash escapes; anything else is words.
fn md_inline(b: &mut Builder, s: &str, depth: usize) {
    let mut plain = String::new();
    let mut i = 0;
    // The next ']' and '[' at or after some position, found once and kept until passed.
    let (mut next_close, mut next_open) = (None, None);
    let bytes = s.as_bytes();
    let flush = |b: &mut Builder, plain: &mut String| {
        b.text(plain);
        plain.clear();
    };
    while i < bytes.len() {
        let rest = s.get(i..).unwrap_or("");
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '\\' => {
                if let Some(next) = rest.get(1..).and_then(|r| r.chars().next()) {
                    if next.is_ascii_punctuation() {
                        plain.push(next);
                        i += 1 + next.len_utf8();
                        continue;
                    }
                }
            }
            '`' => {
                if let Some(end) = rest.get(1..).and_then(|r| r.find('`')) {
                    plain.push_str(rest.get(1..1 + end).unwrap_or(""));
                    i += end + 2;
                    continue;
                }
            }
            '*' | '_' if depth < MAX_NESTING => {
                let strong = rest.starts_with(if c == '*' { "**" } else { "__" });
                let delim = if strong {
                    rest.get(..2).unwrap_or("")
                } else {
                    rest.get(..1).unwrap_or("")
                };
                let before = s.get(..i).and_then(|h| h.chars().next_back());
                if let Some(inner_len) = closing(rest, delim, c, before) {
                    flush(b, &mut plain);
                    b.open(if strong {
                        Frame::Strong
                    } else {
                        Frame::Emphasis
                    });
                    let inner = rest.get(delim.len()..delim.len() + inner_len).unwrap_or("");
                    md_inline(b, inner, depth + 1);
                    b.pop();
                    i += inner_len + 2 * delim.len();
                    continue;
                }
            }
            // An image: its words only (the widget shows no pictures from definitions).
            '!' if rest.starts_with("![") => {
                let close = next_from(s, b']', i + 2, &mut next_close);
                let open = next_from(s, b'[', i + 2, &mut next_open);
                let candidate = close.is_some_and(|c| open.is_none_or(|o| o > c));
                let image = candidate.then(|| rest.get(1..).and_then(md_link)).flatten();
                if let Some((words, _, len)) = image {
                    plain.push_str(words);
                    i += 1 + len;
                    continue;
                }
            }
            '[' if depth < MAX_NESTING => {
                // Only when the next ']' comes before the next '[' (so each ']' is looked at
                // once, whatever the input).
                let close = next_from(s, b']', i + 1, &mut next_close);
                let open = next_from(s, b'[', i + 1, &mut next_open);
                let candidate = close.is_some_and(|c| open.is_none_or(|o| o > c));
                if let Some((words, href, len)) = candidate.then(|| md_link(rest)).flatten() {
                    flush(b, &mut plain);
                    b.open(match safe_href(href) {
                        Some(h) => Frame::Link(h),
                        None => Frame::Plain,
                    });
                    md_inline(b, words, depth + 1);
                    b.pop();
                    i += len;
                    continue;
                }
            }
            '<' => {
                if let Some(end) = within_reach(rest).find('>') {
                    let inner = rest.get(1..end).unwrap_or("");
                    if let Some(href) = safe_href(inner) {
                        flush(b, &mut plain);
                        b.open(Frame::Link(href.clone()));
                        b.text(&href);
                        b.pop();
                        i += end + 1;
                        continue;
                    }
                }
            }
            _ => {}
        }
        plain.push(c);
        i += c.len_utf8();
    }
    flush(b, &mut plain);
}

/// The length of the words between an opening `delim` at the start of `rest` and its closing
/// one, when the pair is emphasis: the words neither start nor end with a space, and `_` does not
/// open or close inside a word.
fn closing(rest: &str, delim: &str, c: char, before: Option<char>) -> Option<usize> {
    let after_open = within_reach(rest.get(delim.len()..)?);
    if after_open.starts_with(char::is_whitespace) || after_open.is_empty() {
        return None;
    }
    if c == '_' && before.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let mut from = 0;
    while let Some(at) = after_open.get(from..)?.find(delim) {
        let end = from + at;
        let inner = after_open.get(..end)?;
        let next = after_open.get(end + delim.len()..)?.chars().next();
        // `*a**b*`: a single delimiter is not half of a double one.
        let half_of_double = delim.len() == 1 && next == Some(c);
        let inside_word = c == '_' && next.is_some_and(char::is_alphanumeric);
        let bad = inner.is_empty()
            || inner.ends_with(char::is_whitespace)
            || half_of_double
            || inside_word;
        let ok = !bad;
        if ok {
            return Some(end);
        }
        from = end + delim.len().max(1);
    }
    None
}

/// The position of the next `byte` at or after `from`, remembered in `cache` (`Some(None)`:
/// there is none) so that a scan is never repeated.
fn next_from(s: &str, byte: u8, from: usize, cache: &mut Option<Option<usize>>) -> Option<usize> {
    match *cache {
        Some(None) => return None,
        Some(Some(at)) if at >= from => return Some(at),
        _ => {}
    }
    let found = s
        .as_bytes()
        .get(from..)
        .and_then(|tail| tail.iter().position(|b| *b == byte))
        .map(|at| from + at);
    *cache = Some(found);
    found
}

/// `[words](address)` at the start of `rest`: the words, the address and the whole length.
fn md_link(rest: &str) -> Option<(&str, &str, usize)> {
    let close = rest.find(']')?;
    let words = rest.get(1..close)?;
    let after = rest.get(close + 1..)?.strip_prefix('(')?;
    // The address ends at the `)` that balances the opening one.
    let mut depth = 0usize;
    let mut end = None;
    for (at, c) in within_reach(after).char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => {
                end = Some(at);
                break;
            }
            ')' => depth -= 1,
            _ => {}
        }
    }
    let end = end?;
    let href = after.get(..end)?.trim();
    // An optional title ("…") after the address is ignored.
    let href = href.split_whitespace().next().unwrap_or("");
    Some((words, href, close + 2 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(s: &str) -> Vec<Block> {
        parse(&Rich {
            format: Format::Xhtml,
            source: s.into(),
        })
        .unwrap_or_default()
    }

    fn md(s: &str) -> Vec<Block> {
        parse(&Rich {
            format: Format::Markdown,
            source: s.into(),
        })
        .unwrap_or_default()
    }

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    fn p(v: Vec<Inline>) -> Block {
        Block::Paragraph(v)
    }

    #[test]
    fn xhtml_paragraphs_lists_emphasis_and_links() {
        let blocks = x(r#"<div xmlns="http://www.w3.org/1999/xhtml"><p>Take your
            time. <b>There are   no</b> wrong <em>answers</em>.</p>
            <ol><li>First</li><li>Then <a href="https://clinic.example/help">ask us</a></li></ol>
            <p>Line one<br/>line two</p></div>"#);
        assert_eq!(
            blocks,
            vec![
                p(vec![
                    t("Take your time. "),
                    Inline::Strong(vec![t("There are no")]),
                    t(" wrong "),
                    Inline::Emphasis(vec![t("answers")]),
                    t("."),
                ]),
                Block::List {
                    ordered: true,
                    items: vec![
                        vec![t("First")],
                        vec![
                            t("Then "),
                            Inline::Link {
                                href: "https://clinic.example/help".into(),
                                content: vec![t("ask us")],
                            },
                        ],
                    ],
                },
                p(vec![t("Line one"), Inline::Break, t("line two")]),
            ]
        );
        assert_eq!(
            plain(&blocks),
            "Take your time. There are no wrong answers. First Then ask us Line one line two"
        );
    }

    #[test]
    fn hostile_xhtml_is_words_only() {
        let blocks = x(concat!(
            r#"<script>alert(1)</script><img src=x onerror="alert(1)">Hi "#,
            r#"<a href="javascript:alert(1)">click</a> <a href=" JaVaScRiPt:alert(1)">me</a> "#,
            r#"<a href="data:text/html,x">data</a> <a href="http://plain.example">http</a> "#,
            r#"<svg onload="alert(1)"><text>drawn</text><script>x</script></svg>"#,
            r#"<style>p{color:red}</style><p style="x" onclick="alert(1)">&lt;b&gt;not bold&lt;/b&gt;</p>"#,
            r#"<iframe src="https://evil.example">framed</iframe><math><mi>x</mi></math>"#,
            r#"<a href="https://ok.example" onclick="alert(1)" target="_self">ok</a>"#,
        ));
        assert_eq!(
            blocks,
            vec![
                p(vec![t("Hi click me data http")]),
                p(vec![t("<b>not bold</b>")]),
                p(vec![Inline::Link {
                    href: "https://ok.example".into(),
                    content: vec![t("ok")]
                }]),
            ]
        );
    }

    #[test]
    fn broken_and_deep_xhtml_never_panics_and_is_bounded() {
        for s in [
            "<",
            "<<",
            "<b",
            "<a href=",
            "<a href=\"",
            "</",
            "<!--",
            "<![CDATA[",
            "&",
            "&#;",
            "&#x110000;",
            "&#0;",
            "&#99999999999;",
            "<ul><li>a<ul><li>b</ul>c",
            "</li></ul></b>",
            "<p>é<b>ü</b>&eacute;</p>",
            "<x:p>prefixed</x:p>",
            "<script>never closed",
        ] {
            let _ = x(s);
        }
        let deep = "<b>".repeat(500) + "deep" + &"</b>".repeat(500);
        let blocks = x(&deep);
        fn depth(i: &[Inline]) -> usize {
            i.iter()
                .map(|i| match i {
                    Inline::Strong(c) | Inline::Emphasis(c) | Inline::Link { content: c, .. } => {
                        1 + depth(c)
                    }
                    _ => 0,
                })
                .max()
                .unwrap_or(0)
        }
        let Some(Block::Paragraph(words)) = blocks.first() else {
            panic!("one paragraph: {blocks:?}");
        };
        assert!(depth(words) <= MAX_NESTING);
        assert_eq!(plain(&blocks), "deep");
        assert_eq!(
            plain(&x("a &amp; b &#233; &#xE9; &bogus; &")),
            "a & b é é &bogus; &"
        );
        assert_eq!(
            plain(&x("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>")),
            "a b c"
        );
        assert_eq!(
            x("<ul><li>a<ul><li>b</li></ul>more</li><li>c</li></ul>"),
            vec![Block::List {
                ordered: false,
                items: vec![vec![t("a")], vec![t("b")], vec![t("more")], vec![t("c")]]
            }]
        );
        let long_tag = format!(
            "<img src=\"data:image/png;base64,{}\"/>seen",
            "A".repeat(4000)
        );
        assert_eq!(plain(&x(&long_tag)), "seen");
    }

    #[test]
    fn markdown_subset() {
        let blocks = md(concat!(
            "# Before you start\n",
            "Take your **time**. There are *no* wrong\n",
            "answers, and snake_case_words stay.  \n",
            "A new line.\n",
            "\n",
            "- one\n",
            "- two with [help](https://clinic.example/help \"title\")\n",
            "\n",
            "1. first\n",
            "2) second\n",
        ));
        assert_eq!(
            blocks,
            vec![
                Block::Heading(vec![t("Before you start")]),
                p(vec![
                    t("Take your "),
                    Inline::Strong(vec![t("time")]),
                    t(". There are "),
                    Inline::Emphasis(vec![t("no")]),
                    t(" wrong answers, and snake_case_words stay."),
                    Inline::Break,
                    t("A new line."),
                ]),
                Block::List {
                    ordered: false,
                    items: vec![
                        vec![t("one")],
                        vec![
                            t("two with "),
                            Inline::Link {
                                href: "https://clinic.example/help".into(),
                                content: vec![t("help")],
                            },
                        ],
                    ],
                },
                Block::List {
                    ordered: true,
                    items: vec![vec![t("first")], vec![t("second")]],
                },
            ]
        );
    }

    #[test]
    fn hostile_markdown_is_words_only() {
        let blocks = md(concat!(
            "<script>alert(1)</script> [click](javascript:alert(1)) ",
            "[x](JaVaScRiPt:alert(1)) [d](data:text/html,x) ![pic](https://img.example/a.png) ",
            "<img src=x onerror=alert(1)> <javascript:alert(1)> <https://ok.example> \\*not em\\*",
        ));
        assert_eq!(
            blocks,
            vec![p(vec![
                t("<script>alert(1)</script> click x d pic <img src=x onerror=alert(1)> <javascript:alert(1)> "),
                Inline::Link {
                    href: "https://ok.example".into(),
                    content: vec![t("https://ok.example")]
                },
                t(" *not em*"),
            ])]
        );
        let deep = "*".repeat(300) + "x" + &"*".repeat(300);
        let _ = md(&deep);
        let deep = "[".repeat(300) + "x" + &"](https://a.example)".repeat(300);
        let _ = md(&deep);
        // A `<` run closed by one `>` far away (each search reaches MAX_REACH bytes at most).
        let _ = md(&("<".repeat(MAX_RICH_BYTES - 1) + ">"));
        for s in [
            "*",
            "**",
            "_a",
            "[a](",
            "\\",
            "`",
            "1.",
            "- ",
            "#",
            "######## x",
            "é*é*é",
        ] {
            let _ = md(s);
        }
    }

    #[test]
    fn long_or_pathological_text_is_bounded_work() {
        let long = "a".repeat(MAX_RICH_BYTES + 1);
        let rich = Rich {
            format: Format::Markdown,
            source: long,
        };
        assert_eq!(parse(&rich), None);
        // Each finishes (the work is bounded by MAX_RICH_BYTES, not quadratic in a 512 KiB
        // definition); the benchmark of this is the fuzz run's time, not an assertion here.
        for unit in [
            "[",
            "*a ",
            "_a ",
            "[a](",
            "[a]",
            "<a href=\"",
            "**",
            "![",
            "<",
            "&",
            "](",
            "*",
        ] {
            let s = unit.repeat(MAX_RICH_BYTES / unit.len());
            let _ = md(&s);
            let _ = x(&s);
        }
    }

    #[test]
    fn what_clinicians_write_reads_as_they_meant() {
        // An entity followed by letters outside ASCII is decoded.
        assert_eq!(
            plain(&x("<p>Fatigue &amp; pain—how often?</p>")),
            "Fatigue & pain—how often?"
        );
        // A space at the end of bold words stays between them and the next ones.
        assert_eq!(
            x("<p><b>Note: </b>Take with food</p>"),
            vec![p(vec![
                Inline::Strong(vec![t("Note:")]),
                t(" Take with food")
            ])]
        );
        // A no-break space stays one.
        assert_eq!(plain(&x("<p>10&nbsp;mg</p>")), "10\u{a0}mg");
        // A loose numbered list is one list.
        let steps = md("1. Eat\n\n2. Sleep\n\n3. Walk\n\nAfter.");
        assert_eq!(
            steps,
            vec![
                Block::List {
                    ordered: true,
                    items: vec![vec![t("Eat")], vec![t("Sleep")], vec![t("Walk")]]
                },
                p(vec![t("After.")]),
            ]
        );
        // Headings are headings, in both formats.
        assert_eq!(
            x("<h2>Before you start</h2><p>Read this.</p>")[0],
            Block::Heading(vec![t("Before you start")])
        );
        // A link inside a link is its words.
        let nested = x(r#"<a href="https://a.example">x <a href="https://b.example">y</a></a>"#);
        let Some(Block::Paragraph(words)) = nested.first() else {
            panic!("{nested:?}");
        };
        assert_eq!(words.len(), 1, "{words:?}");
        // Deep markup takes no frame past the limit, and its words are kept.
        let deep = "<b>".repeat(1000) + "x" + &"</i><br/>".repeat(1000);
        assert_eq!(plain(&x(&deep)), "x");
    }

    #[test]
    fn only_https_addresses_are_links() {
        assert_eq!(
            safe_href(" https://a.example/x?y=1 ").as_deref(),
            Some("https://a.example/x?y=1")
        );
        assert_eq!(
            safe_href("HTTPS://A.EXAMPLE").as_deref(),
            Some("HTTPS://A.EXAMPLE")
        );
        for bad in [
            "https:a",
            "https://",
            "http://a.example",
            "javascript:alert(1)",
            "//a.example",
            "java\u{0}script:x",
            "https://a.example/\u{0}",
            "https://a b",
            "/relative",
            "",
        ] {
            assert_eq!(safe_href(bad), None, "{bad}");
        }
    }
}
