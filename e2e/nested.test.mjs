// Items nested under a question (issue 19, point 4): FHIR's `item.item` of a question, drawn
// beneath it once it is answered, answered by keyboard, and sent inside the question's answer
// (`answer[0].item`, several levels deep), which the receiver re-verifies with the core and
// stores. The definition is the fixture crates/rapport-core/tests/fixtures/nested-under-question.json,
// the single source (`cargo xtask e2e` gives the receiver its definition: xtask/src/serve.rs,
// E2E_FIXTURES).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, events, stored, noViolations } from './helpers.mjs';

const FIXTURES = join(import.meta.dirname, '..', 'crates', 'rapport-core', 'tests', 'fixtures');
const { definition, expect } = JSON.parse(readFileSync(join(FIXTURES, 'nested-under-question.json'), 'utf8'));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const question = (page, id) => page.locator(`[data-testid=question-${id}]`);

/// Checks the radio at `index` of question `id` by keyboard: focus its first radio, Space, then
/// arrow keys.
async function pick(page, id, index) {
  await question(page, id).locator('input[type=radio]').first().focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  assert.ok(await question(page, id).locator('input[type=radio]').nth(index).isChecked());
}

test('questions nested under a question: shown beneath it once answered, sent inside its answer', async () => {
  const { page, context } = await openHost(browser,
    `<rapport-questionnaire endpoint="/api/responses" lang="es">
       <script type="application/fhir+json">${JSON.stringify(definition)}</script>
     </rapport-questionnaire>`, { htmlLang: 'es', locale: 'es-ES' });
  await ready(page);
  // Not asked before their question is answered.
  for (const id of ['which', 'side-effects', 'side-effects-said']) assert.equal(await question(page, id).count(), 0, id);
  await pick(page, 'takes', 0); // Sí
  // Beneath their question (in its nested block), in the page's language.
  const nested = page.locator('.nested').first();
  assert.equal(await nested.locator('[data-testid=question-which] legend .legend-text').innerText(), '¿Qué medicamento?');
  assert.equal(await question(page, 'side-effects-said').count(), 0, 'two levels down: waits for its own question');
  await question(page, 'which').locator('input').focus();
  await page.keyboard.type('Sertraline');
  await pick(page, 'side-effects', 0); // Sí
  await pick(page, 'side-effects-said', 1); // No
  // Answered "no", the follow-ups go, and come back with their answers kept.
  await pick(page, 'takes', 1);
  assert.equal(await question(page, 'which').count(), 0);
  await pick(page, 'takes', 0);
  assert.equal(await question(page, 'which').locator('input').inputValue(), 'Sertraline');

  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  const [submitted] = await events(page, 'rapport-submitted');
  const env = (await stored()).map((r) => r.envelope).find((e) => e.idempotencyKey === submitted.idempotencyKey);
  assert.ok(env, 'stored: the receiver verified the nested answers');
  // The fixture's hand-worked response, with the option's Spanish display the patient read.
  const want = structuredClone(expect.response.item);
  want[0].answer[0].valueCoding.display = 'Sí';
  assert.deepEqual(env.questionnaireResponse.item, want);
  await noViolations(page);
  await context.close();
});
