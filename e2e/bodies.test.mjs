// Accessible to every patient and at home in every portal: keyboard-only completion of each
// bundled questionnaire, what a screen reader is given (the accessibility tree, not the markup),
// touch target sizes, reflow at 320 px, reduced motion and forced colours, and isolation from a
// hostile host page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openHost, ready, stored, answerAll, BASE } from './helpers.mjs';
import { message, messagePattern, escape, shown } from './fluent.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const INSTRUMENTS = ['session-checkin', 'working-together', 'psychiatry-relationship'];
const widget = (instrument, lang = 'en', extra = '') =>
  `<rapport-questionnaire instrument="${instrument}" endpoint="/api/responses" lang="${lang}" ${extra}></rapport-questionnaire>`;

/// What has focus inside the widget.
async function focused(page) {
  return page.evaluate(() => {
    const el = document.querySelector('rapport-questionnaire').shadowRoot.activeElement;
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(), type: el.type ?? null, name: el.name ?? null, checked: !!el.checked,
      testid: el.dataset?.testid ?? null, visible: r.width > 0 && r.height > 0,
      outline: getComputedStyle(el).outlineStyle,
    };
  });
}

for (const instrument of INSTRUMENTS) {
  test(`keyboard only: ${instrument} is completed and sent with Tab, arrows and Space/Enter`, async () => {
    const { page, context } = await openHost(browser, `<a href="#top">Portal</a>${widget(instrument)}`);
    await ready(page);
    await page.locator('a').first().focus();
    const groups = new Set();
    let sent = false;
    for (let step = 0; step < 400 && !sent; step += 1) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.ok(f, `step ${step}: focus left the widget`);
      assert.ok(f.visible, `step ${step}: the focused ${f.tag} is visible`);
      assert.notEqual(f.outline, 'none', `step ${step}: focus is shown on ${f.tag} ${f.name ?? ''}`);
      if (f.type === 'radio' && !groups.has(f.name)) {
        // Space picks the focused option; the right arrow then moves the choice within the group.
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowRight');
        const g = await focused(page);
        assert.equal(g.name, f.name, 'arrows stay within the radio group');
        assert.ok(g.checked, 'arrows move the choice');
        groups.add(f.name);
      } else if (f.testid === 'submit') {
        await page.keyboard.press('Enter');
        sent = true;
      }
    }
    assert.ok(sent, 'the send button was reached');
    const before = (await stored()).length;
    await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
    await page.waitForFunction(() => document.querySelector('rapport-questionnaire').shadowRoot.activeElement?.tagName === 'H2');
    assert.ok((await stored()).length >= before, 'stored');
    await context.close();
  });
}

test('screen readers get named groups, named options, required state, described errors and live regions', async () => {
  const { page, context } = await openHost(browser, widget('working-together'));
  await ready(page);
  const wt = (id) => message(id, { file: 'working-together' });
  const question = wt('item-lets-me-finish');
  const group = page.getByRole('group', { name: question });
  await group.waitFor();
  const options = ['never', 'rarely', 'sometimes', 'often', 'always'].map((o) => wt(`option-how-often-5-${o}`));
  for (const name of options) {
    assert.equal(await group.getByRole('radio', { name, exact: true }).count(), 1, `option "${name}"`);
  }
  assert.equal(await group.getByRole('radio').first().evaluate((r) => r.required), true, 'required is exposed');
  const snapshot = await page.locator('rapport-questionnaire').ariaSnapshot();
  assert.match(snapshot, new RegExp(`group "${escape(question)}`));
  assert.match(snapshot, new RegExp(`radio "${escape(options[0])}"`));
  // A 0-10 scale: one group; each number is read as "5 out of 10" (not a bare number), and the
  // ends carry their words. (Fluent's invisible isolation marks may surround the numbers.)
  const { page: p2, context: c2 } = await openHost(browser, widget('session-checkin'));
  await ready(p2);
  const sc = (id) => message(id, { file: 'session-checkin' });
  const scale = p2.getByRole('group', { name: sc('item-say-my-mind') });
  assert.equal(await scale.getByRole('radio').count(), 11);
  const n = (x) => `\u2068?${x}\u2069?`;
  const value = (v, end) => new RegExp(`^${messagePattern('scale-value', { args: { value: n(v), max: n(10) } })}${end ? `\\s*–\\s*${escape(end)}` : ''}$`);
  assert.equal(await scale.getByRole('radio', { name: value(0, sc('item-say-my-mind-low')) }).count(), 1);
  assert.equal(await scale.getByRole('radio', { name: value(10, sc('item-say-my-mind-high')) }).count(), 1);
  assert.equal(await scale.getByRole('radio', { name: value(5) }).count(), 1);
  // After a failed submit: the group is invalid and described by its message.
  await p2.locator('[data-testid=submit]').click();
  await p2.locator('[data-testid=error-summary] a').first().waitFor();
  const described = await scale.evaluate((fs) => {
    const ids = (fs.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return { invalid: fs.querySelector('[aria-invalid=true]') !== null || fs.getAttribute('aria-invalid') === 'true',
      text: ids.map((id) => fs.getRootNode().getElementById(id)?.textContent ?? '').join(' ') };
  });
  assert.ok(described.invalid, 'aria-invalid is set');
  assert.equal(shown(described.text), message('issue-required'));
  for (const live of ['[data-testid=progress]', '[data-testid=status]']) {
    assert.equal(await p2.locator(live).getAttribute('aria-live'), 'polite', `${live} is a polite live region`);
  }
  await context.close();
  await c2.close();
});

test('touch targets are at least 44 by 44 px, on a phone', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const small = [];
  for (const instrument of INSTRUMENTS) {
    const { page } = await openHost(browser, widget(instrument), { context });
    await ready(page);
    const boxes = await page.evaluate(() => {
      const root = document.querySelector('rapport-questionnaire').shadowRoot;
      return [...root.querySelectorAll('label:has(input[type=radio]), button, select, textarea, input[type=text]')]
        .map((el) => { const r = el.getBoundingClientRect(); return { what: el.textContent.trim().slice(0, 30) || el.tagName, w: r.width, h: r.height }; });
    });
    for (const b of boxes) if (b.w < 44 || b.h < 44) small.push(`${instrument}: "${b.what}" ${b.w.toFixed(0)}×${b.h.toFixed(0)}`);
    await page.close();
  }
  await context.close();
  assert.deepEqual(small, []);
});

test('text reflows at 320 px (1280 px at 400 % zoom) without horizontal scrolling or clipped text', async () => {
  const problems = [];
  for (const lang of ['en', 'ur', 'de', 'pa']) {
    for (const instrument of INSTRUMENTS) {
      const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
      const { page } = await openHost(browser, widget(instrument, lang), { context });
      await ready(page);
      await page.locator('[data-testid=submit]').click(); // with the error summary: the longest state
      await page.locator('[data-testid=error-summary] a').first().waitFor();
      const r = await page.evaluate(() => {
        const root = document.querySelector('rapport-questionnaire').shadowRoot;
        const clipped = [...root.querySelectorAll('*:not(.visually-hidden)')].filter((el) => {
          const cs = getComputedStyle(el);
          return el.scrollWidth > el.clientWidth + 1 && cs.overflowX !== 'visible' && el.clientWidth > 0;
        }).map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
        return { page: document.documentElement.scrollWidth, clipped };
      });
      if (r.page > 320) problems.push(`${instrument} ${lang}: the page scrolls sideways (${r.page}px)`);
      for (const c of r.clipped) problems.push(`${instrument} ${lang}: ${c} clips its content`);
      await context.close();
    }
  }
  assert.deepEqual(problems, []);
});

test('reduced motion turns animation off; forced colours keep choices and focus visible', async () => {
  const context = await browser.newContext({ reducedMotion: 'reduce', forcedColors: 'active' });
  const { page } = await openHost(browser, widget('session-checkin'), { context });
  await ready(page);
  const moving = await page.evaluate(() => [...document.querySelector('rapport-questionnaire').shadowRoot.querySelectorAll('*')]
    .filter((el) => { const cs = getComputedStyle(el); return parseFloat(cs.transitionDuration) > 0 || cs.animationName !== 'none'; })
    .map((el) => el.className));
  assert.deepEqual(moving, [], 'nothing moves');
  const radio = page.locator('[data-testid=question-say-my-mind] input[value="7"]');
  await radio.check();
  await radio.focus();
  await page.keyboard.press('ArrowRight'); // a keyboard move, so the focus ring shows (:focus-visible)
  const looks = await page.locator('[data-testid=question-say-my-mind] input[value="8"]').evaluate((r) => {
    const label = r.closest('label');
    return { checked: r.checked, border: getComputedStyle(label).borderStyle, outline: getComputedStyle(r).outlineStyle };
  });
  assert.ok(looks.checked);
  assert.notEqual(looks.border, 'none', 'the chosen option keeps a border');
  assert.notEqual(looks.outline, 'none', 'focus keeps an outline');
  await context.close();
});

// A portal with aggressive global CSS, a CSS framework's reset and a right-to-left page.
const HOSTILE_CSS = `
  * { font-size: 40px !important; box-sizing: content-box !important; line-height: 3 !important;
      margin: 13px; padding: 7px; color: red; font-family: cursive; letter-spacing: 2px; }
  label, input, button, select, fieldset, legend, p, h2 { all: revert; border: 5px dotted lime; }
  input[type=radio] { appearance: none; width: 1px; height: 1px; }
  :root { --rapport-accent: unset; }
`;

// Both pages size the widget's element the same way (an id rule beats the hostile `*`), so the
// widget has the same width to lay out in.
const SIZING_CSS = `#w { display: block; width: 600px !important; margin: 0 !important; padding: 0 !important; border: 0 !important; }`;

async function addStylesheet(page, path, css) {
  await page.route(`${BASE}${path}`, (r) => r.fulfill({ contentType: 'text/css', body: css }));
  await page.evaluate((href) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
    return new Promise((r) => { link.onload = r; });
  }, path);
}

test('isolation: the widget looks the same on a hostile host page, and its styles stay inside', async () => {
  const measure = async (page) => page.evaluate(() => {
    const el = document.getElementById('w');
    const root = el.shadowRoot.querySelector('[data-testid=rapport-root]');
    const base = root.getBoundingClientRect();
    const box = (sel) => { const r = el.shadowRoot.querySelector(sel).getBoundingClientRect();
      return [Math.round(r.left - base.left), Math.round(r.top - base.top), Math.round(r.width), Math.round(r.height)]; };
    const cs = getComputedStyle(el.shadowRoot.querySelector('.title'));
    return {
      title: box('.title'), radio: box('[data-testid=question-say-my-mind] input[value="5"]'),
      legend: box('[data-testid=question-say-my-mind] legend'), submit: box('[data-testid=submit]'),
      width: Math.round(base.width), height: Math.round(base.height),
      font: [cs.fontSize, cs.fontFamily.split(',')[0], cs.color, cs.lineHeight], dir: root.dir,
    };
  });
  const body = `<div class="slot">${widget('session-checkin', 'en', 'id="w"')}</div><p id="outside">Portal text</p>`;
  const plainCtx = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const plain = await openHost(browser, body, { context: plainCtx });
  await addStylesheet(plain.page, '/portal-sizing.css', SIZING_CSS);
  await ready(plain.page);
  const expected = await measure(plain.page);
  const outsidePlain = await plain.page.evaluate(() => getComputedStyle(document.getElementById('outside')).fontFamily);

  const hostileCtx = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const hostile = await openHost(browser, body, { context: hostileCtx, htmlLang: 'ar', htmlDir: 'rtl' });
  await addStylesheet(hostile.page, '/portal-hostile.css', HOSTILE_CSS + SIZING_CSS);
  await ready(hostile.page);
  const got = await measure(hostile.page);
  assert.deepEqual(got, expected, 'same layout, sizes and text style inside the widget');
  assert.equal(got.dir, 'ltr', 'an English widget stays left to right on a right-to-left page');
  // Nothing leaks out: the host page's own text is styled by the host alone.
  const outsideHostile = await hostile.page.evaluate(() => getComputedStyle(document.getElementById('outside')).fontFamily);
  assert.equal(outsideHostile, 'cursive');
  assert.notEqual(outsidePlain, 'cursive');
  await plainCtx.close();
  await hostileCtx.close();
});
