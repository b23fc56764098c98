// Every shipped locale, rendered in Chromium: the widget's root carries the locale's `lang` and
// `dir`, the questionnaire's title and the send button are the words of that locale's files, no
// Fluent id or unresolved `{$variable}` shows, the host page keeps its own `lang` and `dir`, and
// answers survive every switch. The expected words are read from `locales/`, so adding a
// locale adds it to this test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, plain, answerCheckin, stored, noViolations } from './helpers.mjs';

const LOCALES = join(import.meta.dirname, '..', 'locales');
const RTL = new Set(['ar', 'fa', 'ur', 'he']);

/// The value of a one-line message `id = value` in an FTL file.
function message(file, id) {
  const line = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith(`${id} =`));
  assert.ok(line, `${file} has a one-line message ${id}`);
  return line.slice(id.length + 2).trim();
}

const tags = readdirSync(LOCALES)
  .filter((t) => existsSync(join(LOCALES, t, 'widget.ftl')))
  .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test(`every locale renders in its own words and direction, keeping answers (${tags.length} locales)`, async () => {
  assert.ok(tags.length >= 24, `24 locales ship, found ${tags.join(' ')}`);
  const { page, context, seen } = await openHost(browser,
    '<rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" lang="en"></rapport-questionnaire>');
  await ready(page);
  await page.locator('[data-testid=question-say-my-mind] input[value="7"]').check();
  const el = page.locator('rapport-questionnaire');
  const root = page.locator('[data-testid=rapport-root]');
  const problems = [];
  for (const tag of tags) {
    await el.evaluate((e, t) => e.setAttribute('lang', t), tag);
    await page.waitForFunction((t) => document.querySelector('rapport-questionnaire')
      .shadowRoot.querySelector('[data-testid=rapport-root]')?.lang === t, tag, { timeout: 15000 });
    const dir = await root.getAttribute('dir');
    const expectedDir = RTL.has(tag.split('-')[0]) ? 'rtl' : 'ltr';
    if (dir !== expectedDir) problems.push(`${tag}: dir=${dir}, expected ${expectedDir}`);
    const title = message(join(LOCALES, tag, 'session-checkin.ftl'), 'instrument-title');
    const shownTitle = plain(await root.locator('h2.title').innerText()).trim();
    if (shownTitle !== title) problems.push(`${tag}: title "${shownTitle}", expected "${title}"`);
    const submit = message(join(LOCALES, tag, 'widget.ftl'), 'submit');
    const shownSubmit = plain(await page.locator('[data-testid=submit]').innerText()).trim();
    if (shownSubmit !== submit) problems.push(`${tag}: button "${shownSubmit}", expected "${submit}"`);
    const text = await root.innerText();
    const leaked = text.match(/\{\s*\$|\b(instrument|item|option|issue|scale)-[a-z-]+\b|\bquestions-left\b/);
    if (leaked) problems.push(`${tag}: shows "${leaked[0]}"`);
    if (!(await page.locator('[data-testid=question-say-my-mind] input[value="7"]').isChecked())) {
      problems.push(`${tag}: the answer was lost`);
    }
  }
  assert.deepEqual(problems, []);
  const host = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  assert.deepEqual(host, ['en', ''], 'the host page keeps its own lang and dir');
  assert.deepEqual(seen.posts, [], 'switching posts nothing');
  await noViolations(page);
  await context.close();
});

test('right-to-left: the 0-10 row reads from the right, and numbers stay isolated', async () => {
  const { page, context } = await openHost(browser,
    '<rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" lang="ar"></rapport-questionnaire>');
  await ready(page);
  const q = page.locator('[data-testid=question-say-my-mind]');
  const zero = await q.locator('input[value="0"]').boundingBox();
  const one = await q.locator('input[value="1"]').boundingBox();
  assert.ok(zero.x > one.x, `0 is right of 1 in Arabic (0 at x=${zero.x}, 1 at x=${one.x})`);
  const progress = await page.locator('[data-testid=progress]').innerText();
  assert.match(progress, /\u2068[0-9٠-٩]+\u2069/, 'counts are isolated with FSI/PDI');
  await context.close();
});

test('Persian shows Persian digits; the stored payload keeps plain numbers', async () => {
  const { page, context } = await openHost(browser,
    '<rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" lang="fa"></rapport-questionnaire>');
  await ready(page);
  const progress = plain(await page.locator('[data-testid=progress]').innerText());
  assert.match(progress, /۰/, progress);
  assert.doesNotMatch(progress, /[0-9]/, progress);
  const label = await page.locator('[data-testid=question-say-my-mind] input[value="7"]').evaluate(
    (i) => i.closest('label').innerText);
  assert.match(label, /۷/, 'scale numbers are written in Persian digits');
  await answerCheckin(page, 7);
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const env = (await stored()).map((r) => r.envelope ?? r).filter((e) => e.language?.tag === 'fa').pop();
  assert.ok(env, 'a Persian envelope was stored');
  const values = JSON.stringify(env.questionnaireResponse.item);
  assert.match(values, /"valueInteger":7\b/, values);
  assert.doesNotMatch(JSON.stringify(env), /[۰-۹]/, 'no Persian digits in the payload');
  await context.close();
});

// The loader guesses the language from the `lang` attribute or the browser and fetches its
// Fluent files while the WebAssembly loads; the widget must use those responses (so each file
// is requested once) and the guess must not fetch other locales' files.
test('the Fluent files fetched early are the ones shown: each file once, no other locale', async () => {
  const cases = [
    { lang: 'fr-CA', locale: 'en-US' },
    { lang: null, locale: 'pt-BR', htmlLang: null },
    { lang: 'en', locale: 'en-US' },
    { lang: 'zh', locale: 'en-US' }, // ambiguous for the loader (zh-Hans, zh-Hant): no guess
    { lang: 'ar', locale: 'en-US' },
  ];
  const problems = [];
  for (const c of cases) {
    const context = await browser.newContext({ locale: c.locale });
    const gets = [];
    // Files are served by content-hashed names (`widget.q3Xz-9Ab.ftl`): count them by plain name.
    context.on('request', (r) => {
      if (r.method() === 'GET') gets.push(new URL(r.url()).pathname.replace(/\.[\w-]{8}(\.\w+)$/, '$1'));
    });
    const { page } = await openHost(browser,
      `<rapport-questionnaire instrument="working-together" endpoint="/api/responses"${c.lang ? ` lang="${c.lang}"` : ''}></rapport-questionnaire>`,
      { context, htmlLang: c.htmlLang === null ? null : 'en' });
    await ready(page);
    const tag = await page.locator('[data-testid=rapport-root]').getAttribute('lang');
    const title = message(join(LOCALES, tag, 'working-together.ftl'), 'instrument-title');
    const shown = plain(await page.locator('h2.title').innerText()).trim();
    if (shown !== title) problems.push(`${c.lang ?? c.locale}: title "${shown}", expected "${title}"`);
    // The language list is inside rapport.js; another language's files are listed (with their
    // hashes) in locales/files.json.
    const needed = ['/instruments/working-together.json', '/locales/en/working-together.ftl'];
    if (tag !== 'en') needed.push('/locales/files.json', `/locales/${tag}/widget.ftl`, `/locales/${tag}/working-together.ftl`);
    for (const file of needed) {
      const n = gets.filter((p) => p === file).length;
      if (n !== 1) problems.push(`${c.lang ?? c.locale} (${tag}): ${file} requested ${n} times`);
    }
    const others = gets.filter((p) => p.startsWith('/locales/') && !needed.includes(p));
    if (others.length) problems.push(`${c.lang ?? c.locale} (${tag}): also requested ${others.join(', ')}`);
    await context.close();
  }
  assert.deepEqual(problems, []);
});
