// The widget in three browser engines: Chromium, Firefox ESR (Gecko) and WebKitGTK (WebKit, the
// engine of Safari), the same test code for each, through the driver layer in drivers.mjs.
//
// Run by `cargo xtask engines` (also a step of `cargo xtask test`), which serves a copy of
// `dist/` plus this folder's `site/` page from the real receiver (`--static-dir`, `--csp`) and
// passes RAPPORT_BASE_URL. `RAPPORT_ENGINES=firefox,webkit` runs only some engines.
//
// Not named *.test.mjs, and in a subfolder: `node --test e2e/` (the main e2e step) must not pick
// it up; it runs as `node --test e2e/engines/smoke.mjs`.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, start } from './drivers.mjs';
import { message, shown } from '../fluent.mjs';

const BASE = process.env.RAPPORT_BASE_URL;
if (!BASE) throw new Error('RAPPORT_BASE_URL is not set: run the engines smoke with `cargo xtask engines`');
const selected = (process.env.RAPPORT_ENGINES || ENGINES.join(',')).split(',').map((s) => s.trim()).filter(Boolean);

const page = (attrs) => `${BASE}/engines-smoke.html?${new URLSearchParams({ instrument: 'working-together', ...attrs })}`;

/// Every record the receiver stored (its listing is open with `--demo`), following its pages.
async function stored() {
  const all = [];
  let url = `${BASE}/api/responses?limit=1000`;
  while (url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    all.push(...(await res.json()));
    const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '');
    url = next ? `${BASE}${next[1]}` : null;
  }
  return all;
}

/// Polls `fn` (run in the page) until it returns something truthy; fails with `what` and the
/// last value otherwise.
async function waitFor(s, what, fn, ...args) {
  let last;
  for (const deadline = Date.now() + 20000; Date.now() < deadline;) {
    last = await s.run(fn, ...args);
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${s.engine}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

// Page functions (serialised into the page: self-contained).
const rendered = () => !!document.querySelector('rapport-questionnaire')?.shadowRoot?.querySelector('[data-testid=submit]');
const rootAttrs = () => {
  const r = document.querySelector('rapport-questionnaire').shadowRoot.querySelector('[data-testid=rapport-root]');
  return { lang: r.getAttribute('lang'), dir: r.getAttribute('dir'), direction: getComputedStyle(r).direction };
};
/// What has the focus: the page's element, or inside the widget the control, its question and value.
const focused = () => {
  const host = document.querySelector('rapport-questionnaire');
  const a = host?.shadowRoot?.activeElement;
  if (!a) return { outside: `${document.activeElement?.tagName.toLowerCase()}#${document.activeElement?.id}` };
  return {
    tag: a.tagName.toLowerCase(), type: a.type ?? null, value: a.value ?? null, checked: a.checked ?? null,
    testid: a.dataset?.testid ?? null, question: a.closest('fieldset.question')?.dataset.testid ?? null,
  };
};
const text = (testid) => document.querySelector('rapport-questionnaire').shadowRoot.querySelector(`[data-testid=${testid}]`)?.textContent ?? null;

async function open(s, attrs) {
  await s.open(page(attrs));
  await waitFor(s, 'the widget to render', rendered);
}

for (const engine of selected) {
  describe(engine, () => {
    let s;
    before(async () => {
      s = await start(engine);
      s.engine = engine;
      console.log(`# ${engine}: ${s.version} over ${s.protocol}`);
    });
    after(async () => { await s?.quit(); });

    test('renders working-together under the strict CSP, with Trusted Types enforced', async () => {
      await open(s, { lang: 'en' });
      assert.deepEqual(await s.run(rootAttrs), { lang: 'en', dir: 'ltr', direction: 'ltr' });
      assert.equal(await s.run(() => document.querySelector('rapport-questionnaire').shadowRoot.querySelectorAll('fieldset.question').length), 12);
      assert.equal(shown(await s.run(text, 'submit')), message('submit'));
      assert.deepEqual(await s.run(() => window.__violations), [], 'no CSP / Trusted Types violations');
      // The policy is really enforced here, so the widget was tested under it.
      const blocked = await s.run(() => {
        try { document.createElement('div').innerHTML = '<i>x</i>'; return 'allowed'; } catch (e) { return e.name; }
      });
      assert.equal(blocked, 'TypeError', 'Trusted Types are enforced on the page');
      // A guard on the driver: key presses act only in a document that has the focus.
      assert.equal(await s.run(() => document.hasFocus()), true, 'the page has the focus');
    });

    test('keyboard only: switch language, send with one missing, error summary takes focus, complete, send, one record stored', async () => {
      const before = (await stored()).length;
      await open(s, { lang: 'en' });
      await s.run(() => document.getElementById('before').focus());
      await s.press('Tab');
      assert.equal((await s.run(focused)).testid, 'language-switcher', 'Tab from the portal reaches the language switcher first');

      // The switcher is a <select>: typing a letter picks the first language starting with it.
      await s.press('d');
      await waitFor(s, 'the widget to switch to German', () =>
        document.querySelector('rapport-questionnaire').shadowRoot.querySelector('[data-testid=rapport-root]').lang === 'de');
      assert.equal(shown(await s.run(text, 'submit')), message('submit', { tag: 'de' }));
      await waitFor(s, 'the focus to stay on the switcher after redrawing', () =>
        document.querySelector('rapport-questionnaire').shadowRoot.activeElement?.dataset.testid === 'language-switcher');

      // Eleven of the twelve questions: Tab into the group, Space picks the first option, arrows
      // move the choice, Tab leaves the group.
      await s.press('Tab');
      const questions = await s.run(() => [...document.querySelector('rapport-questionnaire').shadowRoot.querySelectorAll('fieldset.question')].map((f) => f.dataset.testid));
      for (const [i, q] of questions.slice(0, -1).entries()) {
        let f = await s.run(focused);
        assert.deepEqual([f.question, f.type], [q, 'radio'], `question ${i + 1}: Tab reaches its first option`);
        await s.press('Space');
        f = await s.run(focused);
        assert.equal(f.checked, true, `question ${i + 1}: Space picks the focused option`);
        await s.press('ArrowRight');
        await s.press('ArrowRight');
        f = await s.run(focused);
        assert.deepEqual([f.question, f.value, f.checked], [q, 'sometimes', true], `question ${i + 1}: arrows move the choice`);
        await s.press('Tab');
      }
      // The last question is left unanswered: Tab passes its group and reaches the send button.
      let f = await s.run(focused);
      assert.equal(f.question, questions.at(-1));
      await s.press('Tab');
      assert.equal((await s.run(focused)).testid, 'submit');
      await s.press('Enter');
      await waitFor(s, 'the error summary to take the focus', () =>
        document.querySelector('rapport-questionnaire').shadowRoot.activeElement?.dataset.testid === 'error-summary');
      const links = await s.run(() => [...document.querySelector('rapport-questionnaire').shadowRoot.querySelectorAll('[data-testid=error-summary] a')].length);
      assert.equal(links, 1, 'one link, for the one unanswered question');
      assert.equal(shown(await s.run(text, `error-${questions.at(-1).replace(/^question-/, '')}`)), message('issue-required', { tag: 'de' }));
      assert.equal((await stored()).length, before, 'nothing was sent');

      // Its link takes the focus to the question; answer it and send.
      await s.press('Tab');
      await s.press('Enter');
      f = await s.run(focused);
      assert.deepEqual([f.question, f.type], [questions.at(-1), 'radio'], 'the summary link moves the focus to its question');
      await s.press('Space');
      await s.press('ArrowRight');
      await s.press('ArrowRight');
      await s.press('Tab');
      assert.equal((await s.run(focused)).testid, 'submit');
      await s.press('Enter');
      await waitFor(s, 'the thank-you', () =>
        !!document.querySelector('rapport-questionnaire').shadowRoot.querySelector('[data-testid=thank-you]'));
      assert.equal(shown(await s.run(() => document.querySelector('rapport-questionnaire').shadowRoot.querySelector('[data-testid=thank-you] h2')?.textContent ?? '')),
        message('sent-title', { tag: 'de' }));

      const rows = await stored();
      assert.equal(rows.length, before + 1, 'the receiver stored exactly one new record');
      const env = rows.at(-1).envelope;
      assert.equal(env.instrument.id, 'working-together');
      assert.equal(env.language.tag, 'de');
      const answers = env.questionnaireResponse.item.flatMap(function flat(i) { return [...(i.answer ?? []), ...(i.item ?? []).flatMap(flat)]; });
      assert.equal(answers.length, 12, 'twelve answers');
      assert.ok(answers.every((a) => a.valueCoding?.code === 'sometimes'), `every answer is the one picked with the keyboard: ${JSON.stringify(answers)}`);
      assert.deepEqual(await s.run(() => window.__violations), [], 'no CSP / Trusted Types violations');
    });

    test('right to left: lang="ar" renders with dir=rtl on the widget root', async () => {
      await open(s, { lang: 'ar' });
      assert.deepEqual(await s.run(rootAttrs), { lang: 'ar', dir: 'rtl', direction: 'rtl' });
      assert.equal(shown(await s.run(text, 'submit')), message('submit', { tag: 'ar' }));
      assert.equal(await s.run(() => document.documentElement.dir), '', 'the host page is untouched');
      assert.deepEqual(await s.run(() => window.__violations), [], 'no CSP / Trusted Types violations');
    });
  });
}
