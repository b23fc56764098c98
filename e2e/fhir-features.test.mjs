// FHIR features real clinic questionnaires use (issue 19), each rendered from a clinic's own
// definition, answered by keyboard, sent, and stored by the receiver, which verifies the
// envelope against the same definition. The definitions are the core's fixtures
// (crates/rapport-core/tests/fixtures/), which `cargo xtask e2e` also gives the receiver
// (xtask/src/serve.rs, E2E_FIXTURES), so the hand-worked expectations there are the ones here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready, noViolations, sendAndFindStored, plain } from './helpers.mjs';

const FIXTURES = join(import.meta.dirname, '..', 'crates', 'rapport-core', 'tests', 'fixtures');
const fixture = (name) => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Chooses the option labelled `label` in question `linkId` by keyboard: focus the group's
/// first radio, then arrow keys until the label's radio is checked.
async function chooseByKeyboard(page, linkId, label) {
  const group = page.locator(`[data-testid=question-${linkId}]`);
  const radios = group.locator('input[type=radio]');
  const labels = await group.locator('label').allInnerTexts();
  const at = labels.findIndex((l) => l.trim() === label);
  assert.ok(at >= 0, `${linkId}: an option labelled "${label}" (${labels.join(' | ')})`);
  await radios.first().focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < at; i += 1) await page.keyboard.press('ArrowDown');
  assert.ok(await radios.nth(at).isChecked(), `${linkId}: "${label}" chosen`);
}

/// Opens a fixture's definition inline in a portal page (drafts kept in sessionStorage), after
/// `edit` (translations, say: the widget speaks the languages the definition has). `</` is
/// written `<\/` (the same JSON), as a portal must: markup in a text must not end the script.
async function openFixture(name, { lang = 'en', width = 1024, edit = () => {}, timezoneId } = {}) {
  const { definition, expect } = fixture(name);
  edit(definition);
  const context = await browser.newContext({ locale: lang, viewport: { width, height: 800 }, timezoneId });
  const { page } = await openHost(browser,
    `<rapport-questionnaire endpoint="/api/responses" lang="${lang}">
       <script type="application/fhir+json">${JSON.stringify(definition).replaceAll('</', '<\\/')}</script>
     </rapport-questionnaire>`, { context, htmlLang: lang, htmlDir: lang === 'ar' ? 'rtl' : null });
  await ready(page);
  return { page, context, expect };
}

/// The developer's panel for a definition the widget refuses before drawing anything: its text,
/// which says `invalid-definition` (checked here) and each problem's place and reason.
async function refusal(definition) {
  const context = await browser.newContext({ locale: 'en' });
  const { page } = await openHost(browser,
    `<rapport-questionnaire endpoint="/api/responses"><script type="application/fhir+json">${JSON.stringify(definition)}</script></rapport-questionnaire>`, { context });
  const panel = page.locator('[data-testid=config-error]');
  await panel.waitFor({ timeout: 15000 });
  const text = await panel.innerText();
  assert.match(text, /invalid-definition/);
  await context.close();
  return text;
}

/// Sends, finds the stored envelope (the receiver checked it against the same definition) and
/// compares its response items with the fixture's; then the accessibility and CSP checks.
async function sentAsExpected(page, expect, what = '') {
  const env = await sendAndFindStored(page);
  assert.ok(env, `${what} stored (the receiver verified it against the same definition)`);
  assert.deepEqual(env.questionnaireResponse.item, expect.response.item, what);
  await noViolations(page);
}

test('prefix before the question and entryFormat as the hint in an empty field, translated; the question, not the hint, names the field', async () => {
  const tr = (lang, text) => ({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: lang }, { url: 'content', valueString: text }] }] });
  const definition = {
    resourceType: 'Questionnaire', url: 'https://clinic.example/fhir/Questionnaire/hints', version: '1', status: 'active', language: 'en',
    title: 'About you', _title: tr('es', 'Sobre usted'),
    item: [
      { linkId: 'born', type: 'integer', prefix: '1.', _prefix: tr('es', '1)'), text: 'In what year were you born?', _text: tr('es', '¿En qué año nació?'),
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/entryFormat', valueString: 'YYYY', _valueString: tr('es', 'AAAA') }] },
      { linkId: 'note', type: 'text', prefix: '2.', text: 'Anything else?', _text: tr('es', '¿Algo más?') },
    ],
  };
  for (const [lang, born, note, hint] of [['en', '1. In what year were you born?', '2. Anything else?', 'YYYY'], ['es', '1) ¿En qué año nació?', '2. ¿Algo más?', 'AAAA']]) {
    const { page, context } = await openHost(browser,
      `<rapport-questionnaire endpoint="/api/responses" lang="${lang}" storage="none">
         <script type="application/fhir+json">${JSON.stringify(definition)}</script>
       </rapport-questionnaire>`);
    await ready(page);
    assert.equal((await page.locator('[data-testid=question-born] .legend-text').innerText()).trim(), born, lang);
    assert.equal((await page.locator('[data-testid=question-note] .legend-text').innerText()).trim(), note, lang);
    const field = page.getByRole('textbox', { name: born, exact: true });
    assert.equal(await field.getAttribute('placeholder'), hint, lang);
    // A field without entryFormat shows no hint.
    assert.equal(await page.locator('[data-testid=question-note] textarea').getAttribute('placeholder') ?? '', '');
    // Typed over, the hint gives way to the answer.
    await field.fill('1984');
    assert.equal(await field.inputValue(), '1984');
    await noViolations(page);
    await context.close();
  }
});

test('a choice whose options are texts (valueString): labels translated, picked by keyboard, its follow-up shown, sent as valueString and stored', async () => {
  const { definition, expect } = fixture('choice-text-options');
  for (const [lang, planned, worries] of [['en', 'A visit I planned', 'Something that worries me'], ['es', 'Una visita que planeé', 'Algo que me preocupa']]) {
    const { page, context } = await openHost(browser,
      `<rapport-questionnaire endpoint="/api/responses" lang="${lang}">
         <script type="application/fhir+json">${JSON.stringify(definition)}</script>
       </rapport-questionnaire>`);
    await ready(page);
    const labels = await page.locator('[data-testid=question-reason] label').allInnerTexts();
    assert.deepEqual(labels.map((l) => l.trim()), [planned, worries, 'Someone asked me to come'], lang);
    await chooseByKeyboard(page, 'reason', worries);
    await page.locator('[data-testid=question-worry-detail] input').fill('Sleep');
    const env = await sendAndFindStored(page);
    assert.ok(env, `${lang}: stored (the receiver verified the text against the options)`);
    // The text is the answer as the definition writes it, whatever language the patient read.
    assert.deepEqual(env.questionnaireResponse.item, expect.response.item, lang);
    await noViolations(page);
    await context.close();
  }
});

test('a contained ValueSet that includes a whole contained CodeSystem: its concepts, a heading left out, sent with the code system\'s url and stored', async () => {
  const { definition, expect } = fixture('value-set-code-system');
  const { page, context } = await openHost(browser,
    `<rapport-questionnaire endpoint="/api/responses">
       <script type="application/fhir+json">${JSON.stringify(definition)}</script>
     </rapport-questionnaire>`);
  await ready(page);
  const labels = await page.locator('[data-testid=question-who] label').allInnerTexts();
  assert.deepEqual(labels.map((l) => l.trim()), ['Family', 'Friends', 'No one']);
  await chooseByKeyboard(page, 'who', 'Friends');
  const env = await sendAndFindStored(page);
  assert.ok(env, 'stored (the receiver verified the code against the contained code system)');
  assert.deepEqual(env.questionnaireResponse.item, expect.response.item);
  await noViolations(page);
  await context.close();
});

test('choices from contained ValueSets (listed and expanded): the value set\'s codes, translated by designation, sent and stored', async () => {
  const { definition, expect } = fixture('value-set-contained');
  for (const [lang, sometimes, always, sad, calm] of [['en', 'Sometimes', 'Always', 'Sad', 'Calm'], ['es', 'A veces', 'Siempre', 'Triste', 'Tranquilo']]) {
    const { page, context } = await openHost(browser,
      `<rapport-questionnaire endpoint="/api/responses" lang="${lang}">
         <script type="application/fhir+json">${JSON.stringify(definition)}</script>
       </rapport-questionnaire>`);
    await ready(page);
    // The expansion's heading ("Low", abstract) and retired code ("Flat", inactive) are not answers.
    const moods = await page.locator('[data-testid=question-mood] label').allInnerTexts();
    assert.deepEqual(moods.map((m) => m.trim()), [sad, calm]);
    await chooseByKeyboard(page, 'worry', sometimes);
    await chooseByKeyboard(page, 'sleep', always);
    await chooseByKeyboard(page, 'mood', sad);
    const env = await sendAndFindStored(page);
    assert.ok(env, `${lang}: stored (the receiver verified the codes against the value sets)`);
    assert.deepEqual(env.scores, expect.scores);
    // The response carries each value set's system and code, and the text the patient read.
    const answers = Object.fromEntries(env.questionnaireResponse.item.map((i) => [i.linkId, i.answer[0].valueCoding]));
    const expected = Object.fromEntries(expect.response.item.map((i) => [i.linkId, i.answer[0].valueCoding]));
    expected.worry = { ...expected.worry, display: sometimes };
    expected.sleep = { ...expected.sleep, display: always };
    expected.mood = { ...expected.mood, display: sad };
    assert.deepEqual(answers, expected, lang);
    await noViolations(page);
    await context.close();
  }
});

test('a number\'s unit is shown after its field and names it with the question; a hidden item is never shown nor sent', async () => {
  for (const lang of ['en', 'ar']) {
    const { page, context, expect } = await openFixture('units-and-hidden', { lang });
    assert.equal(await page.locator('[data-testid=question-risk]').count(), 0, `${lang}: the hidden item is not drawn`);
    assert.equal((await page.locator('[data-testid=question-systolic] .unit').innerText()).trim(), 'mm[Hg]', lang);
    // No display: the code is the unit shown.
    assert.equal((await page.locator('[data-testid=question-weight] .unit').innerText()).trim(), 'kg', lang);
    const systolic = page.getByRole('textbox', { name: 'Your last blood pressure: the top number mm[Hg]', exact: true });
    const weight = page.getByRole('textbox', { name: 'Your weight kg', exact: true });
    await systolic.fill('128.5');
    await weight.fill('72');
    // A field without a unit is named by its question alone.
    await page.getByRole('textbox', { name: 'Anything we should know?', exact: true }).fill('Taken in the morning');
    await sentAsExpected(page, expect, lang);
    await context.close();
  }
});

test('a long list as a drop-down (itemControl drop-down or autocomplete), a short one side by side (choiceOrientation); picked by keyboard, kept in the draft, sent and stored', async () => {
  const { page, context, expect } = await openFixture('choice-layouts', { width: 360 });
  // Required and empty: the summary's link takes the patient to the list.
  await page.locator('[data-testid=submit]').click();
  await page.locator('.summary a').first().click();
  const letters = page.getByRole('combobox', { name: 'In which language should we write to you?', exact: true });
  assert.ok(await letters.evaluate((el) => el === el.getRootNode().activeElement), 'the link focuses the drop-down');
  // Nothing is chosen for the patient: the first entry is empty.
  assert.equal(await letters.inputValue(), '');
  const labels = await letters.locator('option').allInnerTexts();
  assert.equal(labels.length, 13);
  assert.deepEqual(labels.slice(1, 4), ['English', 'Español', 'Français']);
  // Keyboard: typing the first letters jumps to the option, as in any native list.
  await letters.focus();
  await page.keyboard.type('Ti');
  assert.equal(await letters.locator('option:checked').innerText(), 'Tiếng Việt');
  await page.getByRole('combobox', { name: 'How will you come?', exact: true }).selectOption({ label: 'By video' });
  // Side by side, as radio buttons; the repeating choice keeps its check boxes.
  assert.match(await page.locator('[data-testid=question-week] .options').getAttribute('class'), /options-row/);
  await page.locator('[data-testid=question-week] input[type=radio]').nth(1).check();
  assert.equal(await page.locator('[data-testid=question-topics] input[type=checkbox]').count(), 3);
  await page.locator('[data-testid=question-topics] input[type=checkbox]').nth(1).check();
  // The draft keeps the choice across a reload.
  await page.waitForTimeout(400);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole('combobox', { name: 'In which language should we write to you?', exact: true }).locator('option:checked').innerText(), 'Tiếng Việt');
  await sentAsExpected(page, expect);
  await context.close();
});

test('a quantity: the number, then its unit (one as words, several as a list the patient picks from, before or after typing); kept in the draft, sent as valueQuantity and stored', async () => {
  const { page, context, expect } = await openFixture('quantity', { width: 360 });
  // Several units: the list is named by the question; the first unit until the patient picks.
  const weightUnit = page.getByRole('combobox', { name: 'Your weight', exact: true });
  assert.deepEqual((await weightUnit.locator('option').allInnerTexts()).map((t) => t.trim()), ['kg', 'lb']);
  assert.equal(await weightUnit.locator('option:checked').innerText(), 'kg');
  // The unit picked after the number: the answer follows.
  await page.getByRole('textbox', { name: 'Your weight', exact: true }).fill('160.5');
  await weightUnit.selectOption({ label: 'lb' });
  // One unit: words after the field, part of its name.
  await page.getByRole('textbox', { name: 'Your height cm', exact: true }).fill('170');
  // The unit picked before the number: the number takes it.
  await page.getByRole('combobox', { name: 'How long ago did the pain start?', exact: true }).selectOption({ label: 'weeks' });
  await page.getByRole('textbox', { name: 'How long ago did the pain start?', exact: true }).fill('3');
  // enableWhen exists on a quantity: the follow-up shows once it is answered.
  await page.locator('[data-testid=question-pain-now] input[value="true"]').check();
  // Not a number: the message for numbers, nothing sent for it.
  await page.getByRole('textbox', { name: 'Your height cm', exact: true }).fill('tall');
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=error-height]:not(.hidden)').waitFor();
  await page.getByRole('textbox', { name: 'Your height cm', exact: true }).fill('170');
  // The draft keeps the number and its unit across a reload.
  await page.waitForTimeout(400);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole('textbox', { name: 'Your weight', exact: true }).inputValue(), '160.5');
  assert.equal(await page.getByRole('combobox', { name: 'Your weight', exact: true }).locator('option:checked').innerText(), 'lb');
  await sentAsExpected(page, expect);
  await context.close();
});

test('a quantity that names no unit: the number and a field for the unit in the patient\'s words ("Unit"), named by the question; a number without its unit is said, both kept in the draft, sent as valueQuantity with that unit and stored', async () => {
  for (const [lang, message, label] of [['en', 'Please also write the unit, like days or kg.', 'Unit'], ['fr', 'Merci d’écrire aussi l’unité, par exemple jours ou kg.', 'Unité']]) {
    const { page, context } = await openFixture('quantity-unit-words', { lang, width: 360,
      edit: (d) => { d._title = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'fr' }, { url: 'content', valueString: 'Votre voyage' }] }] }; } });
    await page.locator('[data-testid=question-back] input[value="true"]').check();
    const question = 'Placeholder: how long ago did you come back?';
    const number = page.getByRole('textbox', { name: question, exact: true });
    const unit = page.getByRole('textbox', { name: `${question} ${label}`, exact: true });
    await number.fill('3');
    await page.locator('[data-testid=submit]').click();
    const error = page.locator('[data-testid=error-since]:not(.hidden)');
    await error.waitFor();
    assert.equal(plain((await error.innerText()).trim()), message, lang);
    await unit.fill(' weeks');
    await page.locator('[data-testid=error-since].hidden').waitFor({ state: 'attached' });
    // Both kept over a reload.
    await page.waitForTimeout(400);
    await page.reload();
    await ready(page);
    assert.equal(await page.getByRole('textbox', { name: question, exact: true }).inputValue(), '3', lang);
    assert.equal(await page.getByRole('textbox', { name: `${question} ${label}`, exact: true }).inputValue(), ' weeks', lang);
    await noViolations(page);
    const env = await sendAndFindStored(page);
    assert.ok(env, `${lang}: stored (the receiver read the unit back)`);
    assert.deepEqual(env.questionnaireResponse.item.find((i) => i.linkId === 'since').answer, [{ valueQuantity: { value: 3, unit: 'weeks' } }], lang);
    await context.close();
  }
});

test('minLength: too few characters get the message with the number, in the patient\'s language; enough is sent', async () => {
  // The plural form for 5 in each language (Polish: "many").
  for (const [lang, words] of [['en', 'Please write at least 5 characters.'], ['pl', 'Prosimy wpisać co najmniej 5 znaków.']]) {
    const { page, context } = await openFixture('min-length', { lang,
      edit: (d) => { d._title = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'pl' }, { url: 'content', valueString: 'Kilka słów' }] }] }; } });
    const postcode = page.locator('[data-testid=question-postcode] input');
    await postcode.fill('1234');
    await page.locator('[data-testid=question-story] textarea').fill('It went well, thank you.');
    await page.locator('[data-testid=submit]').click();
    const error = page.locator('[data-testid=error-postcode]');
    await error.waitFor();
    assert.equal(plain((await error.innerText()).trim()), words, lang);
    // Blanks at either end do not count.
    await postcode.fill('  1234  ');
    await page.locator('[data-testid=submit]').click();
    await error.waitFor();
    await postcode.fill('12345');
    const env = await sendAndFindStored(page);
    assert.ok(env, `${lang}: stored (the receiver checks minLength too)`);
    assert.deepEqual(env.questionnaireResponse.item.map((i) => [i.linkId, i.answer[0].valueString]), [['postcode', '12345'], ['story', 'It went well, thank you.']]);
    await noViolations(page);
    await context.close();
  }
});

/// A data-testid selector for a key (`linkId` + U+001F + instance numbers).
const tid = (id) => `[data-testid="${id.replaceAll('\u001f', '\\1f ')}"]`;
const S = '\u001f';

/// Whether the element is the one focused in the widget's shadow root.
const isFocused = (locator) => locator.evaluate((el) => el.getRootNode().activeElement === el);

test('a repeating group: "Add another" adds an instance (focus on its title, numbered), each checked on its own, kept in the draft; "Remove this one" takes one out and the later ones move up; one item per instance sent and stored', async () => {
  const { page, context } = await openFixture('repeating-groups', { width: 360 });
  const yes = (key) => page.locator(`${tid(`question-${key}`)} input[value="true"]`);
  const no = (key) => page.locator(`${tid(`question-${key}`)} input[value="false"]`);
  const text = (key) => page.locator(`${tid(`question-${key}`)} input`);
  // The group waits for its question; one instance, no number, nothing to remove.
  assert.equal(await page.locator(tid('group-meds')).count(), 0);
  await yes('any').check();
  await text('name').fill('Sertraline');
  await yes('dose-known').check();
  await text('dose').fill('50 mg');
  assert.equal(await page.locator(tid('remove-meds')).count(), 0);
  assert.equal(await page.locator('.instance-number').count(), 0);
  const add = page.getByRole('button', { name: 'Add another' });
  await add.click();
  const second = page.locator(`${tid(`group-meds${S}2`)} h3`);
  await second.waitFor();
  assert.ok(await isFocused(second), 'the new instance\'s title has focus');
  assert.deepEqual((await page.locator('.instance-number').allInnerTexts()).map(plain), ['1 of 2', '2 of 2']);
  await text(`name${S}2`).fill('Melatonin');
  await no(`dose-known${S}2`).check();
  // The condition looks at its own instance: no dose asked in the second.
  assert.equal(await page.locator(tid(`question-dose${S}2`)).count(), 0);
  await add.click();
  await yes(`dose-known${S}3`).check();
  // Kept across a reload, instances and all, and across a second one (bringing a draft back
  // never overwrites it).
  await page.waitForTimeout(400);
  for (let reload = 0; reload < 2; reload += 1) {
    await page.reload();
    await ready(page);
    assert.equal(await text(`name${S}2`).inputValue(), 'Melatonin', `reload ${reload + 1}`);
    assert.ok(await yes(`dose-known${S}3`).isChecked(), `reload ${reload + 1}`);
  }
  // The third has no name: its own message, under its own question.
  await page.locator('[data-testid=submit]').click();
  await page.locator(`${tid(`error-name${S}3`)}:not(.hidden)`).waitFor();
  assert.ok(await page.locator(`${tid('error-name')}.hidden`).count() === 1, 'the first instance\'s name is fine');
  // An instance that holds answers asks first, with "No, keep it" focused; Escape keeps it.
  // Focus moves on the next frame (after the question is shown or hidden).
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.locator(tid(`remove-meds${S}2`)).click();
  const keep = page.locator(tid(`remove-no-meds${S}2`));
  await keep.waitFor();
  await frames();
  assert.ok(await isFocused(keep), '"No, keep it" has focus');
  await page.getByRole('group', { name: 'Remove this one and its answers?' }).waitFor();
  await page.keyboard.press('Escape');
  await keep.waitFor({ state: 'hidden' });
  await frames();
  assert.ok(await isFocused(page.locator(tid(`remove-meds${S}2`))), 'back on "Remove this one"');
  assert.equal(await text(`name${S}2`).inputValue(), 'Melatonin');
  // An instance without answers goes at once.
  await add.click();
  await page.locator(tid(`remove-meds${S}4`)).click();
  await page.locator(tid(`group-meds${S}4`)).waitFor({ state: 'detached' });
  // Take out the second: the third moves up, with its answers, and its title takes focus.
  await page.locator(tid(`remove-meds${S}2`)).click();
  await page.locator(tid(`remove-yes-meds${S}2`)).click();
  await page.locator(tid(`group-meds${S}3`)).waitFor({ state: 'detached' });
  assert.ok(await yes(`dose-known${S}2`).isChecked());
  assert.equal(await text(`name${S}2`).inputValue(), '');
  assert.ok(await isFocused(page.locator(`${tid(`group-meds${S}2`)} h3`)));
  await text(`name${S}2`).fill('Zopiclone');
  await text(`dose${S}2`).fill('7.5 mg');
  const env = await sendAndFindStored(page);
  assert.ok(env, 'stored (the receiver verified each instance against the definition)');
  const item = (linkId, answer) => ({ linkId, answer: [answer] });
  assert.deepEqual(env.questionnaireResponse.item, [
    item('any', { valueBoolean: true }),
    { linkId: 'meds', item: [item('name', { valueString: 'Sertraline' }), item('dose-known', { valueBoolean: true }), item('dose', { valueString: '50 mg' })] },
    { linkId: 'meds', item: [item('name', { valueString: 'Zopiclone' }), item('dose-known', { valueBoolean: true }), item('dose', { valueString: '7.5 mg' })] },
  ]);
  await noViolations(page);
  await context.close();
});

test('repeating groups inside a repeating group: notes added inside the second visit, sent nested as FHIR writes them', async () => {
  const { page, context, expect } = await openFixture('repeating-groups-nested');
  const field = (key, tag = 'input') => page.locator(`${tid(`question-${key}`)} ${tag}`);
  await field('where').fill('Clinic');
  await page.locator(`${tid('question-notes-wanted')} input[value="false"]`).check();
  await page.locator(tid('add-visit')).click();
  await field(`where${S}2`).fill('Home');
  await page.locator(`${tid(`question-notes-wanted${S}2`)} input[value="true"]`).check();
  await field(`note${S}2.1`, 'textarea').fill('First');
  await page.locator(tid('add-notes')).click();
  await field(`note${S}2.2`, 'textarea').fill('Second');
  await sentAsExpected(page, expect);
  await context.close();
});

test('rows of text (a string or text question that repeats): "Add another" adds a row (focused, each named by the question and its number), "Remove this one" takes one out, blank rows are no answer; kept in the draft; one answer per row sent and stored', async () => {
  const { page, context } = await openFixture('repeats-text', { width: 360 });
  const rows = page.locator('[data-testid=rows-people] input');
  assert.equal(await rows.count(), 1);
  assert.equal(await page.locator('[data-testid=rows-people] [data-testid^=remove-row]').count(), 0);
  await rows.nth(0).fill('My sister');
  await page.locator('[data-testid=add-people]').click();
  // Named by the question and its number (the number isolated for right-to-left text).
  const rowName = (n, of) => new RegExp(`^Who lives with you\\? \u2068?${n}\u2069? of \u2068?${of}\u2069?$`);
  const second = page.getByRole('textbox', { name: rowName(2, 2) });
  await second.waitFor();
  assert.ok(await isFocused(second), 'the new row has focus');
  await second.fill('Uncle Tom');
  await page.locator('[data-testid=add-people]').click();
  await page.getByRole('textbox', { name: rowName(3, 3) }).fill('Sam');
  await page.locator('[data-testid=add-people]').click();
  assert.equal(await rows.count(), 4);
  // Take out the second: the third moves up and takes the focus.
  await page.locator('[data-testid=rows-people] [data-testid=remove-row-1]').click();
  assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.value)), ['My sister', 'Sam', '']);
  assert.ok(await isFocused(rows.nth(1)));
  // Too short in one row of a text question with minLength: its message.
  await page.locator('[data-testid=rows-worries] textarea').first().fill('no');
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=error-worries]:not(.hidden)').waitFor();
  await page.locator('[data-testid=rows-worries] textarea').first().fill('The stairs');
  // Kept across a reload (the blank row is no answer: not kept).
  await page.waitForTimeout(400);
  await page.reload();
  await ready(page);
  assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.value)), ['My sister', 'Sam']);
  const env = await sendAndFindStored(page);
  assert.ok(env, 'stored (the receiver checked every row)');
  assert.deepEqual(env.questionnaireResponse.item, [
    { linkId: 'people', answer: [{ valueString: 'My sister' }, { valueString: 'Sam' }] },
    { linkId: 'worries', answer: [{ valueString: 'The stairs' }] },
  ]);
  await noViolations(page);
  await context.close();
});

test('rows of numbers, quantities, dates and times (an integer, decimal, quantity, date, time or dateTime question that repeats): each row the field of its kind with the unit after it (a quantity\'s picked in each row), read as typed; a row that is not a value yet is the question\'s issue and stays in the draft; each local date and time gets the offset of its own day; one answer per row sent and stored', async () => {
  const { page, context, expect } = await openFixture('repeats-rows', { width: 360, timezoneId: 'Europe/Berlin' });
  const rows = (id) => page.locator(`[data-testid=rows-${id}] input`);
  const add = (id) => page.locator(`[data-testid=add-${id}]`).click();
  // Each row is the field of its kind, the unit after it and part of its name.
  assert.deepEqual(await Promise.all(['hours', 'weights', 'bad-nights', 'woke', 'calls'].map((id) => rows(id).getAttribute('type'))),
    ['text', 'text', 'date', 'time', 'datetime-local']);
  assert.equal(await rows('hours').getAttribute('inputmode'), 'numeric');
  await page.getByRole('textbox', { name: 'How many hours did you sleep each night? hours' }).fill('7');
  await add('hours');
  const second = page.getByRole('textbox', { name: /^How many hours did you sleep each night\? \u2068?2\u2069? of \u2068?2\u2069? hours$/ });
  await second.waitFor();
  assert.ok(await isFocused(second), 'the new row has focus');
  await second.fill('12');
  // An enableWhen on an item that repeats is met when any one of its answers meets it.
  await page.getByText('That is a long night.').waitFor();
  await add('hours');
  await rows('hours').nth(2).fill('7,5');
  await rows('weights').first().fill('70,5');
  await add('weights');
  await rows('weights').nth(1).fill('٨٠.٢٥');
  await rows('bad-nights').first().fill('2026-12-01');
  await add('bad-nights');
  await rows('bad-nights').nth(1).fill('2026-12-03');
  await rows('woke').first().fill('03:10');
  // Winter and summer time in Berlin: each row gets its own day's offset.
  await rows('calls').first().fill('2026-12-02T23:15');
  await add('calls');
  await rows('calls').nth(1).fill('2026-07-10T08:00');
  // A quantity's rows: each with its unit, picked from the item's units in that row.
  await rows('doses').first().fill('50,5');
  await add('doses');
  await rows('doses').nth(1).fill('2,5');
  const units = page.locator('[data-testid=rows-doses] select');
  assert.equal(await units.count(), 2);
  await page.getByRole('combobox', { name: /^How much of your sleep medicine did you take each night\? \u2068?2\u2069? of \u2068?2\u2069?$/ }).selectOption({ label: 'ml' });
  // The row that is not a whole number is the question's issue, in its words.
  await page.locator('[data-testid=submit]').click();
  const error = page.locator('[data-testid=error-hours]:not(.hidden)');
  await error.waitFor();
  assert.equal(plain((await error.innerText()).trim()), 'Please give a whole number, like 3.');
  // Unfinished text stays over a reload, in its row.
  await page.waitForTimeout(400);
  await page.reload();
  await ready(page);
  assert.deepEqual(await rows('hours').evaluateAll((els) => els.map((e) => e.value)), ['7', '12', '7,5']);
  assert.deepEqual(await rows('calls').evaluateAll((els) => els.map((e) => e.value)), ['2026-12-02T23:15', '2026-07-10T08:00']);
  assert.deepEqual(await units.evaluateAll((els) => els.map((e) => e.selectedOptions[0].textContent)), ['mg', 'ml'], 'each row keeps its unit');
  await rows('hours').nth(2).fill('7');
  // A blank row is no answer; taking one out moves the focus to the row in its place.
  await add('woke');
  await add('woke');
  await rows('woke').nth(2).fill('04:00');
  await page.locator('[data-testid=rows-woke] [data-testid=remove-row-2]').click();
  assert.deepEqual(await rows('woke').evaluateAll((els) => els.map((e) => e.value)), ['03:10', '']);
  assert.ok(await isFocused(rows('woke').nth(1)));
  const env = await sendAndFindStored(page);
  assert.ok(env, 'stored (the receiver checked every row)');
  const sent = env.questionnaireResponse.item;
  assert.deepEqual(sent.filter((i) => i.linkId !== 'weights' && i.linkId !== 'calls'),
    expect.response.item.filter((i) => i.linkId !== 'weights' && i.linkId !== 'calls'));
  assert.deepEqual(sent.find((i) => i.linkId === 'weights').answer, [{ valueDecimal: 70.5 }, { valueDecimal: 80.25 }]);
  assert.deepEqual(sent.find((i) => i.linkId === 'calls').answer,
    [{ valueDateTime: '2026-12-02T23:15:00+01:00' }, { valueDateTime: '2026-07-10T08:00:00+02:00' }]);
  await noViolations(page);
  await context.close();
});

test('a date, time or dateTime question the definition gives a value (initial) shows it in its field, one row per value when it repeats; the patient changes it like any answer', async () => {
  // "woke" and "calls" asked once here (the receiver's definition takes one answer or more).
  const { page, context } = await openFixture('repeats-rows', { timezoneId: 'Europe/Berlin',
    edit: (d) => {
      const item = (id) => d.item.find((i) => i.linkId === id);
      item('bad-nights').initial = [{ valueDate: '2026-11-30' }, { valueDate: '2026-12-02' }];
      Object.assign(item('woke'), { repeats: false, initial: [{ valueTime: '04:30:00' }] });
      Object.assign(item('calls'), { repeats: false, initial: [{ valueDateTime: '2026-12-01T21:00:00+01:00' }] });
    } });
  const values = (sel) => page.locator(sel).evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(await values('[data-testid=rows-bad-nights] input'), ['2026-11-30', '2026-12-02']);
  const woke = page.getByLabel('When did you wake in the night?');
  assert.equal(await woke.inputValue(), '04:30:00', 'a single time field shows its initial value');
  const calls = page.getByLabel('When did you call the crisis line?');
  assert.equal(await calls.inputValue(), '2026-12-01T21:00', 'a single date-and-time field: its local part');
  await woke.fill('05:15');
  await page.locator('[data-testid=rows-bad-nights] input').nth(1).fill('');
  await page.locator('[data-testid=rows-hours] input').fill('8');
  const env = await sendAndFindStored(page);
  assert.ok(env, 'stored');
  const sent = Object.fromEntries(env.questionnaireResponse.item.map((i) => [i.linkId, i.answer]));
  assert.deepEqual(sent['bad-nights'], [{ valueDate: '2026-11-30' }]);
  assert.deepEqual(sent.woke, [{ valueTime: '05:15:00' }]);
  assert.deepEqual(sent.calls, [{ valueDateTime: '2026-12-01T21:00:00+01:00' }]);
  await context.close();
});

test('a choice whose options an SDC answerExpression lists from the other answers: waits with a note until there are some, follows the answers as they change (a pick the list no longer holds is taken out and asked again), keeps the focus on a pick, kept in the draft; sent and checked by the receiver', async () => {
  const { page, context } = await openFixture('answer-expression', { width: 360 });
  const worst = page.locator(tid('question-worst'));
  const first = page.locator(tid('question-first'));
  assert.equal(plain((await worst.locator('.calculated-note').innerText()).trim()), 'Shows once you answer the questions it uses.');
  assert.equal(await worst.getByRole('radio').count(), 0);
  const meds = page.locator('[data-testid=rows-meds] input');
  await meds.first().fill('Sertraline');
  await page.locator(tid('add-meds')).click();
  await meds.nth(1).fill('Melatonin');
  await worst.getByRole('radio', { name: 'Melatonin' }).waitFor();
  assert.deepEqual(await worst.locator('label').allInnerTexts(), ['Sertraline', 'Melatonin']);
  await worst.getByRole('radio', { name: 'Melatonin' }).check();
  assert.ok(await isFocused(worst.getByRole('radio', { name: 'Melatonin' })), 'a pick does not redraw the list');
  // Codings from the areas ticked, with their words.
  const areas = page.locator(tid('question-areas'));
  await areas.getByRole('checkbox', { name: 'Sleep' }).check();
  await areas.getByRole('checkbox', { name: 'Mood' }).check();
  await first.getByRole('radio', { name: 'Mood' }).waitFor();
  assert.deepEqual(await first.locator('label').allInnerTexts(), ['Sleep', 'Mood']);
  await first.getByRole('radio', { name: 'Sleep' }).check();
  // "Sleep" unticked: no longer listed, the pick is taken out and the question asks again.
  await areas.getByRole('checkbox', { name: 'Sleep' }).uncheck();
  await page.waitForFunction(() => true);
  assert.deepEqual(await first.locator('label').allInnerTexts(), ['Mood']);
  assert.ok(!(await first.getByRole('radio', { name: 'Mood' }).isChecked()));
  await page.locator('[data-testid=submit]').click();
  await page.locator('[data-testid=error-first]:not(.hidden)').waitFor();
  await first.getByRole('radio', { name: 'Mood' }).check();
  // Kept over a reload.
  await page.waitForTimeout(400);
  await page.reload();
  await ready(page);
  assert.ok(await page.locator(tid('question-worst')).getByRole('radio', { name: 'Melatonin' }).isChecked());
  assert.ok(await page.locator(tid('question-first')).getByRole('radio', { name: 'Mood' }).isChecked());
  const env = await sendAndFindStored(page);
  assert.ok(env, 'stored (the receiver worked the lists out again)');
  assert.deepEqual(env.questionnaireResponse.item, [
    { linkId: 'meds', answer: [{ valueString: 'Sertraline' }, { valueString: 'Melatonin' }] },
    { linkId: 'worst', answer: [{ valueString: 'Melatonin' }] },
    { linkId: 'areas', answer: [{ valueCoding: { system: 'https://clinic.example/topics', code: 'mood', display: 'Mood' } }] },
    // With the words of the option the patient picked, as for any choice.
    { linkId: 'first', answer: [{ valueCoding: { system: 'https://clinic.example/topics', code: 'mood', display: 'Mood' } }] },
  ]);
  await noViolations(page);
  await context.close();
});

test('repeating groups and rows come in a chunk of their own: a definition with only rows of text fetches it and not the other controls', async () => {
  const context = await browser.newContext();
  const requested = [];
  context.on('request', (r) => requested.push(r.url()));
  const { definition } = fixture('repeats-text');
  const { page } = await openHost(browser, `<rapport-questionnaire endpoint="/api/responses" lang="en">
       <script type="application/fhir+json">${JSON.stringify(definition)}</script></rapport-questionnaire>`, { context });
  await ready(page);
  await page.locator('[data-testid=add-people]').waitFor();
  assert.equal(requested.filter((u) => /\/pkg\/split_repeats\./.test(u)).length, 1);
  assert.equal(requested.filter((u) => /\/pkg\/split_controls\./.test(u)).length, 0);
  await context.close();
});

test('rich text (rendering-xhtml, rendering-markdown) is drawn as emphasis, lists, breaks and https links, never markup: hostile XHTML and Markdown are words only; a translation is plain words; in a chunk of its own', async () => {
  const { page, context, expect } = await openFixture('rich-text');
  const intro = page.locator(tid('display-intro'));
  assert.equal(await intro.getByRole('heading', { level: 4 }).innerText(), 'Before you start');
  assert.equal(await intro.locator('strong').innerText(), 'There are no wrong answers.');
  assert.equal(await intro.locator('ul > li').count(), 2);
  assert.equal(await intro.locator('em').innerText(), 'before');
  const help = intro.getByRole('link', { name: 'Read our help page opens in a new tab' });
  assert.equal(await help.getAttribute('href'), 'https://clinic.example/help');
  assert.equal(await help.getAttribute('target'), '_blank');
  assert.equal(await help.getAttribute('rel'), 'noopener noreferrer');
  // Hostile markup: its words only, nothing it asked for happened.
  const hostile = page.locator(tid('display-hostile'));
  assert.equal(plain(await hostile.innerText()), 'Safe words. Not a link nor this');
  assert.equal(await hostile.locator('a, script, img, svg, style, iframe').count(), 0);
  const inWidget = await page.locator('rapport-questionnaire').evaluate((host) => {
    const root = host.shadowRoot;
    const attrs = [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
    return {
      handlers: attrs.filter((a) => a.startsWith('on')),
      styles: attrs.filter((a) => a === 'style').length,
      risky: root.querySelectorAll('script, img, svg, style, iframe, object').length,
      hrefs: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    };
  });
  assert.deepEqual(inWidget.handlers, []);
  assert.equal(inWidget.risky, 0);
  assert.deepEqual(inWidget.hrefs, ['https://clinic.example/help', 'https://clinic.example/ideas']);
  assert.notEqual(await page.title(), 'pwned');
  // Markdown: the group's title, a question's legend and prefix (still the radio group's name).
  assert.equal(await page.locator(`${tid('group-visit')} h3 em`).innerText(), 'your');
  const legend = page.locator(`${tid('question-sleep')} .legend-text`);
  assert.deepEqual(await legend.locator('strong').allInnerTexts(), ['1.', 'sleep']);
  assert.equal(plain(await legend.innerText()), '1. How did you sleep last week?');
  await page.getByRole('group', { name: /^1\. How did you sleep last week\?/ }).waitFor();
  const talk = page.locator(`${tid('question-talk')} .legend-text`);
  // In a legend a link does not add "opens in a new tab": it would be read inside the field's name.
  assert.equal(await talk.locator('.visually-hidden').count(), 0);
  assert.equal(await talk.locator('br').count(), 1);
  assert.equal(await talk.getByRole('link').count(), 1, 'the javascript: link is words only');
  // Answered and sent like any other form.
  await chooseByKeyboard(page, 'sleep', 'Badly');
  await page.locator(`${tid('question-talk')} textarea`).fill('My new job');
  await sentAsExpected(page, expect);
  const chunks = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/pkg\/split_rich\./.test(n)));
  assert.equal(chunks.length, 1, 'the rich-text chunk, fetched once');
  await context.close();

  // In Spanish the translated texts are plain words (the rich text is the English one).
  const es = await openFixture('rich-text', { lang: 'es' });
  const esLegend = es.page.locator(`${tid('question-sleep')} .legend-text`);
  assert.equal(plain(await esLegend.innerText()), '1. ¿Cómo durmió la semana pasada?');
  assert.deepEqual(await esLegend.locator('strong').allInnerTexts(), ['1.'], 'only the prefix, which has no translation');
  assert.equal(plain(await es.page.locator(tid('display-intro')).innerText()), 'Lea esto primero. No hay respuestas incorrectas.');
  await noViolations(es.page);
  await es.context.close();
});

test('a repeating open-choice: check boxes and a field for the patient\'s own words beside them; typing keeps the ticks, unticking keeps the words, both come back from the draft and are sent as one answer each', async () => {
  const { page, context } = await openFixture('repeats-open-choice', { width: 360 });
  const q = page.locator(tid('question-eased'));
  const boxes = q.locator('input[type=checkbox]');
  assert.equal(await boxes.count(), 3);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.locator(tid('question-friends-more')).waitFor();
  const own = page.getByRole('textbox', { name: /What made this week easier\? Tick all that apply\..*Something else/ });
  await own.fill('Playing the piano');
  assert.ok(await boxes.nth(0).isChecked() && await boxes.nth(1).isChecked(), 'typing keeps the ticks');
  await boxes.nth(0).uncheck();
  assert.equal(await own.inputValue(), 'Playing the piano', 'unticking keeps the words');
  // A blank field takes the words out; the ticks stay.
  await own.fill('');
  assert.ok(await boxes.nth(1).isChecked());
  await own.fill('Playing the piano');
  await page.locator(`${tid('question-friends-more')} textarea`).fill('We cooked');
  await page.waitForTimeout(400);
  await page.reload();
  await ready(page);
  assert.equal(await own.inputValue(), 'Playing the piano', 'the words came back from the draft');
  assert.deepEqual(await boxes.evaluateAll((els) => els.map((e) => e.checked)), [false, true, false]);
  const env = await sendAndFindStored(page);
  assert.ok(env, 'stored (the receiver checked ticks and words)');
  const SYS = 'https://clinic.example/CodeSystem/eased';
  assert.deepEqual(env.questionnaireResponse.item, [
    { linkId: 'eased', answer: [{ valueCoding: { system: SYS, code: 'friends', display: 'Time with friends' } }, { valueString: 'Playing the piano' }] },
    { linkId: 'friends-more', answer: [{ valueString: 'We cooked' }] },
  ]);
  await noViolations(page);
  await context.close();
});

test('calculated items (SDC calculatedExpression, variables): worked out as the patient answers, shown read-only with a note, announced, not counted in progress, recomputed from the draft, sent and checked by the receiver; in a chunk of their own', async () => {
  const { page, context, expect } = await openFixture('calculated-bmi', { width: 360 });
  const out = (id) => page.locator(`${tid(`calculated-${id}`)} output`);
  const note = (id) => page.locator(`${tid(`calculated-${id}`)} .calculated-note`);
  // Before the answers it needs: no value, a calm note that says when it shows, and no field
  // to type into.
  assert.equal(await out('bmi').innerText(), '');
  assert.equal(await note('bmi').innerText(), 'Shows once you answer the questions it uses.');
  assert.equal(await page.locator(`${tid('calculated-bmi')} input`).count(), 0, 'read-only');
  // The value is named by its words (an output is a live region: it is announced).
  assert.equal(await page.getByRole('status', { name: 'Body mass index (BMI)' }).count(), 1);
  await page.getByRole('textbox', { name: /Your weight/ }).fill('70');
  await page.getByRole('textbox', { name: /Your height/ }).fill('70');
  await page.waitForFunction(() => true);
  assert.equal(await out('bmi').innerText(), '22.1 kg/m²');
  assert.equal(await out('ideal').innerText(), '69.5');
  assert.equal(await out('said').innerText(), 'BMI 22.1');
  assert.equal(await note('bmi').innerText(), 'Worked out from your answers.');
  // Progress counts the two questions only.
  assert.match(await page.locator('[data-testid=progress]').innerText(), /2\D+2/);
  // Changed answers change it; a cleared one takes it back to the note.
  await page.getByRole('textbox', { name: /Your height/ }).fill('');
  assert.equal(await out('bmi').innerText(), '');
  assert.equal(await note('bmi').innerText(), 'Shows once you answer the questions it uses.');
  await page.getByRole('textbox', { name: /Your height/ }).fill('70');
  await page.waitForTimeout(400);
  await page.reload();
  await ready(page);
  assert.equal(await out('bmi').innerText(), '22.1 kg/m²', 'worked out again from the draft');
  await sentAsExpected(page, expect, 'calculated-bmi');
  const chunks = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/pkg\/split_expressions\./.test(n)));
  assert.equal(chunks.length, 1, 'the expressions chunk, once');
  await context.close();
});

test('a calculated total of option weights and a calculated choice from the questionnaire\'s own options (%questionnaire); a definition whose FHIRPath Rapport cannot evaluate is refused with the place and the reason', async () => {
  const { page, context, expect } = await openFixture('calculated-weights', { width: 1024 });
  const out = (id) => page.locator(`${tid(`calculated-${id}`)} output`);
  assert.equal(await out('sum').innerText(), '0', 'sum() of nothing is 0');
  await page.locator(tid('question-g1')).getByRole('radio', { name: 'Often' }).check();
  await page.locator(tid('question-g2')).getByRole('radio', { name: 'Sometimes' }).check();
  assert.equal(await out('sum').innerText(), '3');
  assert.equal(await out('folded').innerText(), '3');
  assert.equal(await out('risk').innerText(), 'At risk');
  await sentAsExpected(page, expect, 'calculated-weights');
  await context.close();

  // One expression outside the subset: the definition is refused before anything is drawn.
  const { definition } = fixture('calculated-weights');
  definition.item[1].extension[0].valueExpression.expression = "%resource.item.answer.value.replaceMatches('[0-9]', 'x')";
  assert.match(await refusal(definition), /\/item\/1\/extension\/0\/valueExpression.*calculatedExpression.*replaceMatches\(\) is not one Rapport evaluates/s);
});

test('calculated texts (trim, replace, indexOf, split, matches): worked out from what the patient typed, in characters not bytes, sent and checked by the receiver', async () => {
  const { page, context, expect } = await openFixture('calculated-text', { width: 360 });
  const out = (id) => page.locator(`${tid(`calculated-${id}`)} output`);
  await page.locator(tid('question-name')).getByRole('textbox').fill('  María  José López ');
  assert.equal(await out('tidy').innerText(), 'María José López');
  assert.equal(await out('where-space').innerText(), '5', 'indexOf counts characters (í is two bytes)');
  assert.equal(await out('words').innerText(), '3');
  assert.equal(await out('capitalised').innerText(), 'Yes', 'matches() with a pattern');
  await sentAsExpected(page, expect, 'calculated-text');
  await context.close();
});

test('an item an SDC enableWhenExpression shows: hidden until its FHIRPath gives true, shown as the answers change, hidden again (its answer not sent) when they change back; stored after the receiver worked out what was shown', async () => {
  const { page, context, expect } = await openFixture('enable-expression-on', { width: 360 });
  const adult = page.locator(tid('question-adult'));
  const more = page.locator(tid('question-more'));
  const age = page.getByRole('textbox', { name: /Placeholder age/ });
  assert.equal(await adult.count(), 0, 'hidden before the age is given');
  await age.fill('20');
  await adult.waitFor();
  await adult.getByRole('radio', { name: 'Yes' }).check();
  await more.waitFor();
  await more.locator('input').fill('Placeholder words.');
  await age.fill('15');
  await adult.waitFor({ state: 'detached' });
  assert.equal(await more.count(), 0, 'the group the answer showed is hidden too');
  await age.fill('20');
  await more.waitFor();
  assert.equal(await more.locator('input').inputValue(), 'Placeholder words.', 'answers kept while hidden');
  await sentAsExpected(page, expect, 'enable-expression-on');
  await context.close();
});

test('answers a form starts with (initial, initialSelected): shown as given, changed or cleared by the patient, kept in the draft; read-only ones shown as text and sent unchanged, a hidden one sent and never drawn; stored after the receiver checked the read-only values', async () => {
  const { page, context, expect } = await openFixture('initial-values', { width: 1024 });
  const readOnly = (id) => page.locator(tid(`read-only-${id}`));
  // Read-only: the question's words and the value, no field to change it; announced by name.
  assert.equal((await readOnly('clinician').locator('output').innerText()).trim(), 'Dr. Amal Haddad');
  assert.equal(await readOnly('clinician').locator('input, textarea, select').count(), 0, 'nothing to change');
  assert.equal(await page.getByRole('status', { name: 'Your clinician' }).count(), 1);
  assert.equal(await readOnly('session-day').count(), 1);
  // Hidden, and a read-only question with no value: not drawn at all.
  assert.equal(await page.getByText('Form version the portal sent').count(), 0, 'hidden');
  assert.equal(await page.getByText("Filled in by the clinic's record system").count(), 0, 'no value: left out');
  // The patient's questions start as the definition gives them.
  const how = page.locator(tid('question-how'));
  assert.ok(await how.getByRole('radio', { name: 'In the same room' }).isChecked());
  const minutes = page.getByRole('textbox', { name: /How long was it/ });
  assert.equal(await minutes.inputValue(), '50');
  const goal = page.getByRole('textbox', { name: /What you are working on/ });
  assert.equal(await goal.inputValue(), 'Sleeping better');
  const talked = page.locator(tid('question-talked'));
  assert.ok(await talked.getByRole('checkbox', { name: 'My week' }).isChecked());
  assert.ok(await talked.getByRole('checkbox', { name: 'My goals' }).isChecked());
  assert.ok(!(await talked.getByRole('checkbox', { name: 'Something else' }).isChecked()));
  assert.ok(await page.locator(tid('question-again')).getByRole('radio', { name: 'Yes' }).isChecked());
  assert.equal(await page.getByRole('textbox', { name: /Your weight/ }).inputValue(), '70.5');
  // Read-only values are not questions: progress counts the six the patient answers.
  assert.match(await page.locator('[data-testid=progress]').innerText(), /6\D+6/);
  // The patient changes some, clears one, adds a tick; a reload keeps their answers, not the
  // definition's.
  await minutes.fill('45');
  await goal.fill('');
  await talked.getByRole('checkbox', { name: 'Something else' }).check();
  await page.locator(tid('question-again')).getByRole('radio', { name: 'No' }).check();
  await page.waitForTimeout(400);
  await page.reload();
  await ready(page);
  assert.equal(await page.getByRole('textbox', { name: /How long was it/ }).inputValue(), '45', 'from the draft');
  assert.equal(await page.getByRole('textbox', { name: /What you are working on/ }).inputValue(), '', 'cleared stays cleared');
  assert.ok(await page.locator(tid('question-again')).getByRole('radio', { name: 'No' }).isChecked());
  assert.equal((await readOnly('clinician').locator('output').innerText()).trim(), 'Dr. Amal Haddad');
  assert.match(await page.locator('[data-testid=progress]').innerText(), /5\D+6/);
  await sentAsExpected(page, expect, 'initial-values');
  await context.close();

  // An initial value the item cannot take: the definition is refused, with the place and why.
  const { definition } = fixture('initial-values');
  definition.item.find((i) => i.linkId === 'minutes').initial = [{ valueInteger: 500 }];
  assert.match(await refusal(definition), /\/item\/6\/initial\/0.*minutes.*not an answer this item takes \(above-max\)/s);
});

test('regex: an answer that does not fit the pattern gets a message (with the questionnaire\'s example when it gives one) in the patient\'s language; blanks at either end do not count; the fitting answers are sent as typed and the receiver checks them too; a pattern outside the subset is refused with its place', async () => {
  for (const [lang, plainWords, example] of [
    ['en', 'Please check this answer. It is not written the way this question needs.', 'Please write this answer like this: AB-123'],
    ['de', 'Bitte prüfen Sie diese Antwort. Sie ist nicht so geschrieben, wie diese Frage es braucht.', 'Bitte schreiben Sie die Antwort so: AB-123'],
  ]) {
    const { page, context } = await openFixture('regex', { lang,
      edit: (d) => { d._title = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'de' }, { url: 'content', valueString: 'Kontaktdaten' }] }] }; } });
    const field = (id) => page.locator(`[data-testid=question-${id}] input, [data-testid=question-${id}] textarea`).first();
    await field('postcode').fill('1234');
    await field('code').fill('ab-123');
    await page.locator('[data-testid=submit]').click();
    const error = (id) => page.locator(`[data-testid=error-${id}]`);
    await error('postcode').waitFor();
    assert.equal(plain((await error('postcode').innerText()).trim()), plainWords, lang);
    assert.equal(plain((await error('code').innerText()).trim()), example, lang);
    // The summary says the same, beside the question.
    assert.match(plain(await page.locator('[data-testid=error-summary]').innerText()), new RegExp(example.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const typed = {
      postcode: '01234', 'postcode-ok': '01234', padded: '  01234 ', longer: '98765', code: 'AB-123',
      phone: '+44 (0)20 7946 0000', note: 'Line one.\nLine two.', short: 'abcd', needed: 'abc', words: 'Hello there',
    };
    for (const [id, text] of Object.entries(typed)) await field(id).fill(text);
    await field('ids').fill('A123');
    const env = await sendAndFindStored(page);
    assert.ok(env, `${lang}: stored (the receiver checks the patterns too)`);
    const sent = Object.fromEntries(env.questionnaireResponse.item.map((i) => [i.linkId, i.answer.map((a) => a.valueString).join('|')]));
    assert.deepEqual(sent, { ...typed, ids: 'A123' }, lang);
    await noViolations(page);
    await context.close();
  }
  const { definition } = fixture('error-regex');
  const text = await refusal(definition);
  assert.match(text, /\/item\/1\/extension\/0\/valueString.*a back-reference at character 4/s);
  assert.match(text, /\/item\/0\/extension\/0.*"regex" is not supported/s);
});

test('an instance of a repeating group the patient adds starts with the definition\'s initial values, while the instances before it keep what the patient changed; kept over a reload, sent and stored', async () => {
  const { page, context } = await openFixture('repeating-groups', { width: 360,
    edit: (d) => {
      const meds = d.item.find((i) => i.linkId === 'meds');
      meds.item.find((i) => i.linkId === 'dose-known').initial = [{ valueBoolean: true }];
      meds.item.find((i) => i.linkId === 'dose').initial = [{ valueString: 'One tablet a day' }];
    } });
  const yes = (key) => page.locator(`${tid(`question-${key}`)} input[value="true"]`);
  const no = (key) => page.locator(`${tid(`question-${key}`)} input[value="false"]`);
  const text = (key) => page.locator(`${tid(`question-${key}`)} input`);
  await yes('any').check();
  assert.ok(await yes('dose-known').isChecked(), 'the first instance starts with the initial value');
  assert.equal(await text('dose').inputValue(), 'One tablet a day');
  await text('name').fill('Sertraline');
  await text('dose').fill('50 mg');
  await page.getByRole('button', { name: 'Add another' }).click();
  await page.locator(`${tid(`group-meds${S}2`)} h3`).waitFor();
  assert.ok(await yes(`dose-known${S}2`).isChecked(), 'the added instance starts with the initial value');
  assert.equal(await text(`dose${S}2`).inputValue(), 'One tablet a day');
  assert.equal(await text('dose').inputValue(), '50 mg', 'the first instance keeps the patient\'s words');
  // Changed in the second, then a third added: the second keeps the change.
  await text(`name${S}2`).fill('Melatonin');
  await no(`dose-known${S}2`).check();
  await page.getByRole('button', { name: 'Add another' }).click();
  await page.locator(`${tid(`group-meds${S}3`)} h3`).waitFor();
  assert.ok(await no(`dose-known${S}2`).isChecked(), 'the second keeps "No"');
  assert.ok(await yes(`dose-known${S}3`).isChecked(), 'the third starts with the initial value');
  await text(`name${S}3`).fill('Vitamin D');
  await text(`dose${S}3`).fill('');
  await page.waitForTimeout(400);
  await page.reload();
  await ready(page);
  assert.ok(await no(`dose-known${S}2`).isChecked(), 'after a reload');
  assert.equal(await text(`dose${S}3`).inputValue(), '', 'a cleared initial value stays cleared');
  assert.equal(await text('dose').inputValue(), '50 mg');
  const env = await sendAndFindStored(page);
  assert.ok(env, 'stored (the receiver checked it against the fixture\'s definition)');
  const meds = env.questionnaireResponse.item.filter((i) => i.linkId === 'meds')
    .map((g) => Object.fromEntries(g.item.map((i) => [i.linkId, i.answer[0].valueString ?? i.answer[0].valueBoolean])));
  assert.deepEqual(meds, [
    { name: 'Sertraline', 'dose-known': true, dose: '50 mg' },
    { name: 'Melatonin', 'dose-known': false },
    { name: 'Vitamin D', 'dose-known': true },
  ]);
  await context.close();
});

test('constraints (SDC targetConstraint, R4 questionnaire-constraint): an answer that breaks one gets the questionnaire\'s own words for it, in the patient\'s language when the questionnaire gives them; one that looks at other answers follows them; mended answers are sent and the receiver checks them too', async () => {
  for (const [lang, words] of [['en', 'Placeholder: write it like A1A 1A1.'], ['fr', 'Exemple : écrivez-le comme A1A 1A1.']]) {
    const { page, context } = await openFixture('constraints', { lang,
      edit: (d) => {
        const fr = (text) => ({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'fr' }, { url: 'content', valueString: text }] }] });
        d._title = fr('À votre sujet');
        // The constraint's words in French (kept out of the fixture: the independent FHIR
        // validator does not read `_valueString` inside an extension).
        d.item[0].extension[0].extension.find((e) => e.url === 'human')._valueString = fr('Exemple : écrivez-le comme A1A 1A1.');
      } });
    const field = (id) => page.locator(`[data-testid=question-${id}] input`).first();
    const error = (id) => page.locator(`[data-testid=error-${id}]`);
    await field('postcode').fill('k1a 0b1');
    await field('first').fill('Ana');
    await field('age').fill('130');
    await field('sleep').fill('8');
    await page.locator('[data-testid=submit]').click();
    await error('postcode').waitFor();
    assert.equal(plain((await error('postcode').innerText()).trim()), words, lang);
    assert.equal(plain((await error('age').innerText()).trim()), 'Placeholder: at most 120.', lang);
    assert.equal(await page.locator(`${tid('error-last')}:not(.hidden)`).count(), 0, `${lang}: a first name meets the names constraint`);
    // The names constraint looks at another answer: clearing the first name breaks it.
    await field('first').fill('');
    await page.locator(`${tid('error-last')}:not(.hidden)`).waitFor();
    assert.equal(plain((await error('last').innerText()).trim()), 'Placeholder: give a first or a last name.');
    await field('last').fill('Tremblay');
    await field('postcode').fill('K1A 0B1');
    await field('age').fill('40');
    const env = await sendAndFindStored(page);
    assert.ok(env, `${lang}: stored (the receiver works the constraints out again)`);
    const sent = Object.fromEntries(env.questionnaireResponse.item.map((i) => [i.linkId, Object.values(i.answer[0])[0]]));
    assert.deepEqual(sent, { postcode: 'K1A 0B1', last: 'Tremblay', age: 40, sleep: 8 }, lang);
    await noViolations(page);
    await context.close();
  }
});

test('warnings (targetConstraint with severity warning): a calm note under the question or the group while its answers break one, announced politely; it stops nothing and the receiver stores the answers; a group\'s constraint with severity error is its issue, in the summary', async () => {
  const { page, context } = await openFixture('constraint-warnings');
  const field = (id) => page.locator(`[data-testid=question-${id}] input`).first();
  const warning = (id) => page.locator(`[data-testid=warning-${id}]`);
  const said = async (id) => plain((await warning(id).innerText()).trim());
  // The empty group breaks its warning: said from the start (the form would send at once).
  await page.locator('[data-testid=warning-week]', { hasText: 'answering three helps' }).waitFor();
  assert.equal(await said('sleep'), '', 'no answer, nothing to say');
  assert.equal(await warning('week').getAttribute('role'), 'status');
  // The group's own constraint (severity error): its issue, listed in the summary, whose link
  // takes the patient to the group's first field; nothing is sent.
  await page.locator('[data-testid=submit]').click();
  const groupError = page.locator('[data-testid=error-week]:not(.hidden)');
  await groupError.waitFor();
  assert.equal(plain((await groupError.innerText()).trim()), 'Placeholder: answer mood or sleep.');
  const link = page.locator('[data-testid=error-summary] a');
  assert.deepEqual((await link.allInnerTexts()).map((t) => plain(t).trim().replace(/\s+/g, ' ')), ['Placeholder your week. Placeholder: answer mood or sleep.']);
  await link.click();
  assert.ok(await isFocused(field('mood')), 'the summary link goes to the group\'s first field');
  assert.equal(await said('week'), '', 'the issue comes first');
  await field('sleep').fill('1');
  await page.locator('[data-testid=error-week].hidden').waitFor({ state: 'attached' });
  await page.locator('[data-testid=warning-sleep]', { hasText: 'that is little sleep' }).waitFor();
  assert.equal(await said('sleep'), 'Placeholder: that is little sleep.', 'the first broken warning of the question');
  assert.equal(await said('week'), 'Placeholder: answering three helps.', 'the group\'s, once a question in it is answered');
  assert.equal(await page.locator('[data-testid=question-sleep][aria-invalid=true]').count(), 0, 'a warning is not an error');
  await field('sleep').fill('6');
  await page.locator('[data-testid=warning-sleep]:empty').waitFor({ state: 'attached' });
  await field('sleep').fill('1');
  await field('mood').fill('3');
  await field('walks').fill('3');
  await page.locator('[data-testid=warning-week]:empty').waitFor({ state: 'attached' });
  assert.equal(await said('sleep'), 'Placeholder: that is little sleep.');
  await noViolations(page);
  const env = await sendAndFindStored(page);
  assert.ok(env, 'sent with a warning broken, and stored');
  const week = env.questionnaireResponse.item.find((i) => i.linkId === 'week');
  assert.deepEqual(Object.fromEntries(week.item.map((i) => [i.linkId, i.answer[0].valueInteger])), { mood: 3, sleep: 1, walks: 3 });
  await context.close();
  // A group that repeats: each instance its own note, under it.
  const again = await openFixture('constraint-warnings', { edit: (d) => { d.item.find((i) => i.linkId === 'week').repeats = true; } });
  await again.page.locator(tid('add-week')).click();
  for (const k of ['mood', 'sleep', 'walks']) await again.page.locator(`${tid(`question-${k}`)} input`).fill('8');
  await again.page.locator(`${tid(`question-sleep${S}2`)} input`).fill('8');
  await again.page.locator(tid(`warning-week${S}2`), { hasText: 'answering three helps' }).waitFor();
  await again.page.locator(`${tid('warning-week')}:empty`).waitFor({ state: 'attached' });
  assert.equal(plain((await again.page.locator(tid(`warning-sleep${S}2`)).innerText()).trim()), '', 'eight hours: no warning');
  await again.context.close();
});
