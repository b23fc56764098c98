// Each look-alike of a licensed instrument (placeholder text only) is rendered from src= and from
// an inline <script type="application/fhir+json">, answered as its native fixture says, and sent;
// the envelope the receiver verified and stored must carry exactly the fixture's hand-worked
// scores and flags, and a QuestionnaireResponse of that questionnaire with the enabled answers.
// The fixtures (crates/rapport-core/tests/fixtures/) are the single source: `cargo xtask e2e`
// gives the receiver their definitions (xtask/src/serve.rs, LOOKALIKES).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, events, stored, noViolations, BASE } from './helpers.mjs';

const FIXTURES = join(import.meta.dirname, '..', 'crates', 'rapport-core', 'tests', 'fixtures');
const NAMES = ['lookalike-wai-shaped', 'lookalike-srs-shaped', 'lookalike-care-shaped', 'lookalike-reversed-branches'];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Answers one question as the fixture writes it: {"coding": code}, an integer (a slider or a
/// row of numbers) or a boolean.
async function answer(page, linkId, value) {
  const q = page.locator(`[data-testid=question-${linkId}]`);
  if (typeof value === 'object' && value !== null && 'coding' in value) {
    await q.locator(`input[value="${value.coding}"]`).check();
  } else if (typeof value === 'boolean') {
    await q.locator(`input[value="${value}"]`).check();
  } else if (typeof value === 'number') {
    const range = q.locator('input[type=range]');
    if (await range.count()) {
      // What a patient's drag does: a new value and an input event.
      await range.evaluate((el, v) => {
        el.value = v;
        el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }, String(value));
    }
    else await q.locator(`input[value="${value}"]`).check();
  } else {
    throw new Error(`fixture answer for ${linkId} not handled here: ${JSON.stringify(value)}`);
  }
}

for (const name of NAMES) {
  const fixture = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
  const { definition, answers, expect } = fixture;
  const previous = fixture.previous ? ` previous-scores='${JSON.stringify(fixture.previous)}'` : '';
  const embeds = {
    src: `<rapport-questionnaire src="/e2e-lookalikes/${name}.json" endpoint="/api/responses" lang="en"${previous}></rapport-questionnaire>`,
    inline: `<rapport-questionnaire endpoint="/api/responses" lang="en"${previous}>
       <script type="application/fhir+json">${JSON.stringify(definition)}</script>
     </rapport-questionnaire>`,
  };
  for (const [how, body] of Object.entries(embeds)) {
    test(`${name} from ${how}: the stored envelope has the fixture's scores, flags and response`, async () => {
      const { page, context } = await openHost(browser, body);
      await page.route(`${BASE}/e2e-lookalikes/${name}.json`, (r) => r.fulfill({
        status: 200, contentType: 'application/fhir+json', body: JSON.stringify(definition),
      }));
      await ready(page);
      const given = [];
      for (const [linkId, value] of Object.entries(answers)) {
        // An answer to a question enableWhen hides cannot be given (the fixture keeps it to show
        // that it does not count).
        if (await page.locator(`[data-testid=question-${linkId}]`).count() === 0) continue;
        await answer(page, linkId, value);
        given.push(linkId);
      }
      await page.locator('[data-testid=submit]').click();
      await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
      const [submitted] = await events(page, 'rapport-submitted');
      const env = (await stored()).map((r) => r.envelope).find((e) => e.idempotencyKey === submitted.idempotencyKey);
      assert.ok(env, 'stored: the receiver recomputed the scores and flags from the same definition');
      assert.deepEqual(env.scores, expect.scores);
      const flagIds = (expect.flags ?? []).map((f) => (typeof f === 'string' ? f : f.id)).sort();
      assert.deepEqual(env.flags.map((f) => f.id).sort(), flagIds);
      const qr = env.questionnaireResponse;
      assert.equal(qr.resourceType, 'QuestionnaireResponse');
      assert.equal(qr.questionnaire, `${definition.url}|${definition.version}`);
      assert.equal(qr.language, 'en');
      // Every answer given, and nothing else, under the questionnaire's linkIds.
      const answered = (items) => (items ?? []).flatMap((i) => [...(i.answer ? [i.linkId] : []), ...answered(i.item)]);
      assert.deepEqual(answered(qr.item).sort(), given.sort());
      if (expect.response) assert.deepEqual(answered(qr.item).sort(), answered(expect.response.item).sort());
      await noViolations(page);
      await context.close();
    });
  }
}
