// Value sets named by canonical URL (issue 19, point 2): with `terminology-server`, the widget
// asks the server's `ValueSet/$expand` for each one (once per page, however many widgets), shows
// its codes with their translations, and sends the answers, which the receiver verifies against
// the same ValueSet files it serves `$expand` from. Without a server, or with one that does not
// know the value set, the panel names the value set. The definition and its value sets are the
// fixture crates/rapport-core/tests/fixtures/value-set-canonical.json (the single source:
// `cargo xtask e2e` writes its definition and ValueSets for the receiver, xtask/src/serve.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, events, stored, noViolations, plain } from './helpers.mjs';

const FIXTURES = join(import.meta.dirname, '..', 'crates', 'rapport-core', 'tests', 'fixtures');
const { definition, expect } = JSON.parse(readFileSync(join(FIXTURES, 'value-set-canonical.json'), 'utf8'));
const widget = (attrs, def = definition) => `<rapport-questionnaire endpoint="/api/responses" ${attrs}>
  <script type="application/fhir+json">${JSON.stringify(def)}</script>
</rapport-questionnaire>`;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const labels = async (page, id, host = 'rapport-questionnaire') =>
  (await page.locator(`${host} [data-testid=question-${id}] label`).allInnerTexts()).map((t) => plain(t).trim());

test('canonical value sets expanded by the terminology server: options, translations, one request per value set and page, stored', async () => {
  const { page, context } = await openHost(browser,
    `${widget('id="one" lang="es" terminology-server="/fhir/"')}${widget('id="two" lang="es" terminology-server="/fhir"')}`,
    { htmlLang: 'es', locale: 'es-ES' });
  const expands = [];
  page.on('request', (r) => { if (r.url().includes('/ValueSet/$expand')) expands.push(r.url()); });
  await ready(page, '#one');
  await ready(page, '#two');
  // The expansion's designations in the patient's language; the compose listing by version.
  assert.deepEqual(await labels(page, 'interest', '#one'), ['Nunca', 'Varios días', 'Más de la mitad de los días', 'Casi todos los días']);
  assert.deepEqual(await labels(page, 'helped', '#one'), ['Going for walks', 'Seeing friends']);
  // Two widgets, two value sets: each asked once (the page's cache), with its version apart.
  const asked = expands.map((u) => new URL(u)).map((u) => [u.pathname, u.searchParams.get('url'), u.searchParams.get('valueSetVersion')]);
  assert.deepEqual(asked.sort(), [
    ['/fhir/ValueSet/$expand', 'http://loinc.org/vs/LL361-7', null],
    ['/fhir/ValueSet/$expand', 'https://clinic.example/fhir/ValueSet/helped', '2'],
  ].sort());

  const one = page.locator('#one');
  await one.locator('[data-testid=question-interest] input[type=radio]').nth(2).check();
  await one.locator('[data-testid=question-mood] input[type=radio]').nth(1).check();
  await one.locator('[data-testid=question-helped] input[type=checkbox]').nth(1).check();
  await one.locator('[data-testid=submit]').click();
  await one.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const [submitted] = await events(page, 'rapport-submitted');
  const env = (await stored()).map((r) => r.envelope).find((e) => e.idempotencyKey === submitted.idempotencyKey);
  assert.ok(env, 'stored: the receiver verified the codes against its ValueSet files');
  assert.deepEqual(env.scores, expect.scores);
  const codes = Object.fromEntries(env.questionnaireResponse.item.map((i) => [i.linkId, i.answer.map((a) => a.valueCoding.code)]));
  assert.deepEqual(codes, { interest: ['LA6570-1'], mood: ['LA6569-3'], helped: ['friends'] });
  assert.equal(env.questionnaireResponse.item[0].answer[0].valueCoding.display, 'Más de la mitad de los días');
  await noViolations(page);
  await context.close();
});

test('without a terminology server, or with one that does not know the value set, the panel names it', async () => {
  const unknown = structuredClone(definition);
  unknown.item[1].answerValueSet = 'https://clinic.example/fhir/ValueSet/nobody-has-this';
  const { page, context } = await openHost(browser,
    `${widget('id="none"')}${widget('id="missing" terminology-server="/fhir"', unknown)}`);
  for (const [id, code, named] of [
    ['none', 'invalid-definition', /\/item\/0\/answerValueSet.*http:\/\/loinc\.org\/vs\/LL361-7.*terminology-server/s],
    ['missing', 'value-set-unreachable', /nobody-has-this.*terminology-server="\/fhir"|nobody-has-this.*\/fhir/s],
  ]) {
    const panel = page.locator(`#${id} [data-testid=config-error]`);
    await panel.waitFor({ timeout: 15000 });
    const text = await panel.innerText();
    assert.match(text, new RegExp(code), id);
    assert.match(text, named, id);
  }
  const failed = (await events(page, 'rapport-failed')).map((f) => f.code).sort();
  assert.deepEqual(failed, ['invalid-definition', 'value-set-unreachable']);
  await context.close();
});

test('terminology-server is held to the same rule as src', async () => {
  const { page, context } = await openHost(browser, widget('terminology-server="http://tx.example.org/fhir"'));
  const panel = page.locator('[data-testid=config-error]');
  await panel.waitFor({ timeout: 15000 });
  assert.match(await panel.innerText(), /insecure-terminology-server/);
  assert.ok(!(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('tx.example.org')))), 'nothing asked of it');
  await context.close();
});
