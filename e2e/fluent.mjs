// The widget's words by Fluent message id, read from the shipped locale files, so that a test
// asserts which message is shown rather than its English wording (a copy edit in an .ftl file
// must not break a test whose point is the state, not the sentence).
import fs from 'node:fs';

const cache = new Map();

/// The messages of locales/<tag>/<file>.ftl: id → pattern text (continuation lines joined with a
/// newline, as Fluent does). Terms, comments and attributes are skipped.
function messages(tag, file) {
  const key = `${tag}/${file}`;
  if (!cache.has(key)) {
    const text = fs.readFileSync(new URL(`../locales/${tag}/${file}.ftl`, import.meta.url), 'utf8');
    const found = new Map();
    let current = null;
    for (const line of text.split('\n')) {
      const start = /^([a-zA-Z][\w-]*)\s*=\s?(.*)$/.exec(line);
      if (start) {
        current = [start[2]];
        found.set(start[1], current);
      } else if (current && /^\s+\S/.test(line) && !/^\s+\./.test(line)) {
        current.push(line.trim());
      } else if (!/^\s/.test(line)) {
        current = null;
      }
    }
    cache.set(key, new Map([...found].map(([id, parts]) => [id, parts.filter(Boolean).join('\n')])));
  }
  return cache.get(key);
}

/// The text of message `id` with its `{ $name }` placeables filled from `args`. Only for
/// messages without selectors: a test that needs a plural form should assert its state instead.
export function message(id, { tag = 'en', file = 'widget', args = {} } = {}) {
  const pattern = messages(tag, file).get(id);
  if (pattern === undefined) throw new Error(`no message "${id}" in locales/${tag}/${file}.ftl`);
  if (pattern.includes('->')) throw new Error(`message "${id}" has a selector: assert state, not text`);
  return pattern.replace(/\{\s*\$([\w-]+)\s*\}/g, (_, name) => {
    if (!(name in args)) throw new Error(`message "${id}" needs $${name}`);
    return String(args[name]);
  });
}

/// Message `id` as a regular expression source: its text escaped, each `{ $name }` replaced by
/// the expression `args[name]` (e.g. a number with optional isolation marks).
export function messagePattern(id, { tag = 'en', file = 'widget', args = {} } = {}) {
  const marks = Object.fromEntries(Object.keys(args).map((name, i) => [name, `\u0001${i}\u0001`]));
  let source = message(id, { tag, file, args: marks }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [name, i] of Object.keys(args).map((n, k) => [n, k])) source = source.replace(`\u0001${i}\u0001`, args[name]);
  return source;
}

/// Escapes text for a regular expression.
export const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/// Removes Fluent's Unicode isolation marks and joins white space, to compare shown text with a
/// message.
export const shown = (s) => s.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim();

/// Waits until the widget's status line (in the element matched by `host`) shows message `id`.
export async function statusShows(page, id, { host = 'rapport-questionnaire', timeout = 20000 } = {}) {
  const want = shown(message(id));
  await page.waitForFunction(([sel, w]) => {
    const el = document.querySelector(sel)?.shadowRoot?.querySelector('[data-testid=status]');
    return el && el.textContent.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim() === w;
  }, [host, want], { timeout });
}
