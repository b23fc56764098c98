// Questions that take several answers (issue 19, point 1): `repeats: true` on a choice is a group
// of check boxes, answered by keyboard (Tab between boxes, Space to tick and untick), required
// means at least one, questions that depend on it appear when any tick matches, the ticks are
// kept in the draft over a reload, and the response carries one answer per tick in the order
// given, which the receiver re-verifies with the core and stores. The definition is the fixture
// crates/rapport-core/tests/fixtures/repeats-choice.json, the single source (`cargo xtask e2e`
// gives the receiver its definition: xtask/src/serve.rs, E2E_FIXTURES).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, events, noViolations, plain, sendAndFindStored, axeViolations } from './helpers.mjs';

const FIXTURES = join(import.meta.dirname, '..', 'crates', 'rapport-core', 'tests', 'fixtures');
const { definition } = JSON.parse(readFileSync(join(FIXTURES, 'repeats-choice.json'), 'utf8'));
const ftl = (lang) => readFileSync(join(import.meta.dirname, '..', 'locales', lang, 'widget.ftl'), 'utf8');
const message = (lang, id) => new RegExp(`^${id} = (.*)$`, 'm').exec(ftl(lang))[1];
const SYMPTOMS = 'https://clinic.example/CodeSystem/symptoms';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const boxes = (page, id) => page.locator(`[data-testid=question-${id}] input[type=checkbox]`);
const labelsOf = async (page, id) =>
  (await page.locator(`[data-testid=question-${id}] label`).allInnerTexts()).map((t) => plain(t).trim());
const focused = (page) => page.evaluate(() => {
  const active = document.querySelector('rapport-questionnaire').shadowRoot.activeElement;
  return active?.closest('label')?.innerText.trim() ?? null;
});

/// Moves the focus with Tab (or Shift+Tab) to the box labelled `label`, by keyboard alone.
async function tabToBox(page, label, back = false) {
  for (let i = 0; i < 12; i += 1) {
    if (plain(await focused(page) ?? '') === label) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached the box "${label}"`);
}

for (const [lang, words] of [
  ['en', { worry: 'Worry', sleep: 'Sleep', eating: 'Eating', tasks: 'Tasks to try at home' }],
  ['es', { worry: 'La preocupación', sleep: 'El sueño', eating: 'La comida', tasks: 'Tasks to try at home' }],
]) {
  test(`check boxes (${lang}): ticked and unticked by keyboard, at least one required, kept over a reload, one answer per tick stored in order`, async () => {
    const context = await browser.newContext({ locale: lang });
    const { page } = await openHost(browser,
      `<rapport-questionnaire endpoint="/api/responses" lang="${lang}">
         <script type="application/fhir+json">${JSON.stringify(definition)}</script>
       </rapport-questionnaire>`, { context, htmlLang: lang });
    await ready(page);
    assert.equal(await boxes(page, 'symptoms').count(), 4);
    assert.equal(await page.locator('[data-testid=question-symptoms] input[type=radio]').count(), 0);
    // No box is `required` in HTML (that would require every box); the legend says it.
    assert.equal(await page.locator('[data-testid=question-symptoms] input[required]').count(), 0);
    // Nothing ticked: the questions that depend on the ticks are not shown.
    assert.equal(await page.locator('[data-testid=question-worry-detail]').count(), 0);
    assert.equal(await page.locator('[data-testid=question-help]').count(), 0);

    // Sending with nothing ticked: the question says an answer is needed; nothing is sent.
    await page.locator('[data-testid=submit]').click();
    const error = page.locator('[data-testid=error-symptoms]');
    assert.equal(plain((await error.innerText()).trim()), plain(message(lang, 'issue-required')));
    assert.equal((await events(page, 'rapport-submitted')).length, 0);

    // Worry first, then Sleep (back with Shift+Tab); Eating ticked and unticked again.
    await boxes(page, 'symptoms').first().focus();
    await tabToBox(page, words.worry);
    await page.keyboard.press('Space');
    await tabToBox(page, words.sleep, true);
    await page.keyboard.press('Space');
    await tabToBox(page, words.eating);
    await page.keyboard.press('Space');
    assert.ok(await boxes(page, 'symptoms').nth(1).isChecked(), 'Eating ticked');
    await page.keyboard.press('Space');
    const ticked = [];
    for (let i = 0; i < 4; i += 1) ticked.push(await boxes(page, 'symptoms').nth(i).isChecked());
    assert.deepEqual(ticked, [true, false, true, false]);
    assert.equal(await error.isVisible(), false, 'the message goes with the first tick');

    // "Worry" is one of the ticks: its follow-up appears; so does the value-set question.
    await page.locator('[data-testid=question-worry-detail] input').fill('Money');
    assert.deepEqual(await labelsOf(page, 'help'), ['Talking it through', 'Tasks to try at home', 'Something to read']);
    await page.locator('[data-testid=question-help] input[type=checkbox]').nth(1).focus();
    await page.keyboard.press('Space');

    // The draft keeps the ticks.
    await page.reload();
    await ready(page);
    for (let i = 0; i < 4; i += 1) {
      assert.equal(await boxes(page, 'symptoms').nth(i).isChecked(), ticked[i], `box ${i} after the reload`);
    }
    assert.ok(await boxes(page, 'help').nth(1).isChecked());

    assert.deepEqual(await axeViolations(page), []);

    const env = await sendAndFindStored(page);
    assert.ok(env, 'stored: the receiver verified the several answers');
    const byId = Object.fromEntries(env.questionnaireResponse.item.map((i) => [i.linkId, i.answer]));
    assert.deepEqual(byId.symptoms, [
      { valueCoding: { system: SYMPTOMS, code: 'worry', display: words.worry } },
      { valueCoding: { system: SYMPTOMS, code: 'sleep', display: words.sleep } },
    ]);
    assert.deepEqual(byId['worry-detail'], [{ valueString: 'Money' }]);
    assert.deepEqual(byId.help.map((a) => a.valueCoding.code), ['tasks']);
    await noViolations(page);
    await context.close();
  });
}
