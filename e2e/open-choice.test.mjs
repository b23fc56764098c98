// Questions that take an option or words of the patient's own (issue 19, point 3): an
// `open-choice` is its options as radio buttons and, under them, a text field named by the
// definition's `openLabel` (else the widget's own words, in the patient's language). Typing is
// the answer (the options let go); picking an option empties the field. The words are kept in
// the draft over a reload, a question that depends on them appears, and the response carries
// them as `valueString` (an option as `valueCoding`), which the receiver re-verifies with the
// core and stores. The definition is the fixture
// crates/rapport-core/tests/fixtures/open-choice.json, the single source (`cargo xtask e2e`
// gives the receiver its definition: xtask/src/serve.rs, E2E_FIXTURES).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, events, noViolations, plain, sendAndFindStored, axeViolations } from './helpers.mjs';

const FIXTURES = join(import.meta.dirname, '..', 'crates', 'rapport-core', 'tests', 'fixtures');
const { definition } = JSON.parse(readFileSync(join(FIXTURES, 'open-choice.json'), 'utf8'));
const ftl = (lang) => readFileSync(join(import.meta.dirname, '..', 'locales', lang, 'widget.ftl'), 'utf8');
const message = (lang, id) => new RegExp(`^${id} = (.*)$`, 'm').exec(ftl(lang))[1];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const radios = (page, id) => page.locator(`[data-testid=question-${id}] input[type=radio]`);
const own = (page, id) => page.locator(`[data-testid=question-${id}] input[type=text]`);

// The questions in each language (the fixture's Arabic translations; its openLabel has none, so
// an Arabic page shows the definition's English words there, as written).
for (const [lang, words] of [
  ['en', { helped: 'What helped most today?', where: 'Where did we meet?' }],
  ['ar', { helped: 'ما الذي ساعدك أكثر اليوم؟', where: 'أين التقينا؟' }],
]) {
  test(`open-choice (${lang}): own words named by their label, typed by keyboard, options let go, kept over a reload, sent as valueString`, async () => {
    const context = await browser.newContext({ locale: lang });
    const { page } = await openHost(browser,
      `<rapport-questionnaire endpoint="/api/responses" lang="${lang}">
         <script type="application/fhir+json">${JSON.stringify(definition)}</script>
       </rapport-questionnaire>`, { context, htmlLang: lang, htmlDir: lang === 'ar' ? 'rtl' : null });
    await ready(page);
    assert.equal(await radios(page, 'helped').count(), 2);
    assert.equal(await own(page, 'helped').count(), 1);
    // The field's name: the question, then its label (the definition's openLabel; the widget's
    // own words, in the patient's language, where the definition gives none).
    const field = page.getByRole('textbox', { name: `${words.helped} Something else helped`, exact: true });
    assert.equal(await field.count(), 1);
    const where = page.getByRole('textbox', { name: `${words.where} ${plain(message(lang, 'option-own-words'))}`, exact: true });
    assert.equal(await where.count(), 1, await page.locator('[data-testid=question-where]').ariaSnapshot());
    // The group is required, its own-words field is not (an option answers it too).
    assert.equal(await own(page, 'helped').getAttribute('required'), null);

    // Nothing answered: the required question says so; nothing is sent.
    await page.locator('[data-testid=submit]').click();
    const error = page.locator('[data-testid=error-helped]');
    assert.equal(plain((await error.innerText()).trim()), plain(message(lang, 'issue-required')));
    assert.equal((await events(page, 'rapport-submitted')).length, 0);

    // An option first, by keyboard: its follow-up question appears.
    await radios(page, 'helped').first().focus();
    await page.keyboard.press('ArrowDown');
    assert.ok(await radios(page, 'helped').nth(1).isChecked(), 'the task option is picked');
    assert.equal(await page.locator('[data-testid=question-task-detail]').count(), 1);
    assert.equal(await error.isVisible(), false, 'the message goes with the answer');

    // Then words of the patient's own: the option lets go, its follow-up goes, the one that
    // asks about music appears.
    await field.focus();
    await page.keyboard.type('Music');
    assert.equal(await radios(page, 'helped').nth(1).isChecked(), false, 'the option let go');
    assert.equal(await page.locator('[data-testid=question-task-detail]').count(), 0);
    await page.locator('[data-testid=question-music-detail] input').fill('Piano');

    // Picking an option empties the field (what is shown is what is sent); typing again
    // brings the words back as the answer.
    await radios(page, 'where').first().check();
    await where.fill('في الحديقة');
    assert.equal(await radios(page, 'where').first().isChecked(), false);

    // The draft keeps the words.
    await page.reload();
    await ready(page);
    assert.equal(await own(page, 'helped').inputValue(), 'Music');
    assert.equal(await own(page, 'where').inputValue(), 'في الحديقة');
    assert.equal(await page.locator('[data-testid=question-music-detail] input').inputValue(), 'Piano');

    assert.deepEqual(await axeViolations(page), []);

    const env = await sendAndFindStored(page);
    assert.ok(env, 'stored: the receiver verified the own words');
    const byId = Object.fromEntries(env.questionnaireResponse.item.map((i) => [i.linkId, i.answer]));
    assert.deepEqual(byId.helped, [{ valueString: 'Music' }]);
    assert.deepEqual(byId['music-detail'], [{ valueString: 'Piano' }]);
    assert.deepEqual(byId.where, [{ valueString: 'في الحديقة' }]);
    assert.equal(byId['task-detail'], undefined);
    await noViolations(page);
    await context.close();
  });
}

test('open-choice answered with an option: valueCoding with its display, the field left empty', async () => {
  const { page } = await openHost(browser,
    `<rapport-questionnaire endpoint="/api/responses">
       <script type="application/fhir+json">${JSON.stringify(definition)}</script>
     </rapport-questionnaire>`);
  await ready(page);
  await own(page, 'helped').fill('Walking');
  await radios(page, 'helped').first().check();
  assert.equal(await own(page, 'helped').inputValue(), '', 'picking an option empties the field');
  await radios(page, 'where').nth(1).check();
  const env = await sendAndFindStored(page);
  const byId = Object.fromEntries(env.questionnaireResponse.item.map((i) => [i.linkId, i.answer]));
  assert.deepEqual(byId.helped, [{ valueCoding: { system: 'https://clinic.example/CodeSystem/helped', code: 'talk', display: 'Talking it through' } }]);
  assert.deepEqual(byId.where, [{ valueCoding: { code: 'video', display: 'On a video call' } }]);
});
