// Screenshots of FHIR features of issue 19 for people to look at (not a test): check boxes (a
// choice with `repeats: true`) at 1024 px light in English with the message for a required
// question, and 360 px dark in Arabic (right to left) with boxes ticked and the follow-up
// questions shown; questions nested under a question, answered, at 360 px light in Spanish and
// 1024 px dark in Arabic; open-choice (own words typed) at 1024 and 360 px, light and dark, in
// English and Arabic; a prefix and an entryFormat hint at 360 px, dark English and light Arabic;
// numbers with their unit (questionnaire-unit) at 1024 px light English and 360 px dark Arabic;
// a drop-down and options side by side (choice-layouts.json) at 360 px light English and
// 1024 px dark Arabic; quantities (a number and its unit, one or a list) at 360 px light English
// and dark Arabic; answers a form starts with and read-only values at 1024 px light and 360 px
// dark in English and 360 px light in Arabic; answers that do not fit a pattern (regex), with
// the messages, at 1024 px light and 360 px dark in English and 360 px light in Arabic; broken
// constraints (targetConstraint) with the questionnaire's own words, likewise; rows of numbers,
// dates and times (a question of those kinds that repeats) at 1024 px light and 360 px dark in
// English and 360 px light in Arabic; a choice whose options an answerExpression lists, likewise;
// broken warnings (a constraint of severity warning) under a question and a group, likewise; a
// quantity that names no unit (the unit in the patient's words), likewise; a group's own
// constraint broken, at 1024 px light in English and 360 px dark in Arabic.
// Run with the receiver serving dist/, as the e2e tests do:
//   SHOTS=target/screenshots cargo xtask e2e e2e/features-screens.mjs
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready } from './helpers.mjs';

const out = process.env.SHOTS || 'target/screenshots';
mkdirSync(out, { recursive: true });
const FIXTURES = join(import.meta.dirname, '..', 'crates', 'rapport-core', 'tests', 'fixtures');
const { definition } = JSON.parse(readFileSync(join(FIXTURES, 'repeats-choice.json'), 'utf8'));
// The clinic's own Arabic (FHIR's translation extension), for questions and options.
const ar = (text) => ({ extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'ar' }, { url: 'content', valueString: text }] }] });
const [symptoms, detail, help] = definition.item;
symptoms._text = ar('ما الذي كان صعبًا هذا الأسبوع؟ اختر كل ما ينطبق.');
['النوم', 'الأكل', 'القلق', 'التواجد مع الناس'].forEach((t, i) => { symptoms.answerOption[i].valueCoding._display = ar(t); });
detail._text = ar('ما أكثر ما يقلقك؟');
help._text = ar('ما الذي قد يساعدك في المرة القادمة؟');

/// One screenshot per case (`[lang, width, scheme, dir]`) of `definition` inline, after `act`.
async function shots(browser, name, definition, cases, act, height = 800) {
  for (const [lang, width, scheme, dir] of cases) {
    const context = await browser.newContext({ locale: lang, colorScheme: scheme, viewport: { width, height } });
    const { page } = await openHost(browser, `<rapport-questionnaire endpoint="/api/responses" lang="${lang}" storage="none">
      <script type="application/fhir+json">${JSON.stringify(definition).replaceAll('</', '<\\/')}</script></rapport-questionnaire>`, { context, htmlLang: lang, htmlDir: dir });
    await ready(page);
    await act(page, lang);
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/${name}-${lang}-${width}-${scheme}.png`, fullPage: true });
    await context.close();
  }
}

const browser = await launch();
try {
  for (const [lang, width, scheme, dir] of [['en', 1024, 'light', null], ['ar', 360, 'dark', 'rtl']]) {
    const context = await browser.newContext({ locale: lang, colorScheme: scheme, viewport: { width, height: 900 } });
    const { page } = await openHost(browser, `<rapport-questionnaire endpoint="/api/responses" lang="${lang}" storage="none">
      <script type="application/fhir+json">${JSON.stringify(definition)}</script></rapport-questionnaire>`, { context, htmlLang: lang, htmlDir: dir });
    await ready(page);
    await page.locator('[data-testid=submit]').click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/repeats-${lang}-${width}-${scheme}-messages.png`, fullPage: true });
    const boxes = page.locator('[data-testid=question-symptoms] input[type=checkbox]');
    await boxes.nth(2).check();
    await boxes.nth(0).check();
    await page.locator('[data-testid=question-help] input[type=checkbox]').nth(1).check();
    await page.locator('[data-testid=question-help] input[type=checkbox]').nth(1).focus();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/repeats-${lang}-${width}-${scheme}-ticked.png`, fullPage: true });
    await context.close();
  }
  const nested = JSON.parse(readFileSync(join(FIXTURES, 'nested-under-question.json'), 'utf8')).definition;
  for (const [lang, width, scheme, dir] of [['es', 360, 'light', null], ['ar', 1024, 'dark', 'rtl']]) {
    const context = await browser.newContext({ locale: lang, colorScheme: scheme, viewport: { width, height: 900 } });
    const { page } = await openHost(browser, `<rapport-questionnaire endpoint="/api/responses" lang="${lang}" storage="none">
      <script type="application/fhir+json">${JSON.stringify(nested)}</script></rapport-questionnaire>`, { context, htmlLang: lang, htmlDir: dir });
    await ready(page);
    await page.locator('[data-testid=question-takes] input[type=radio]').first().check();
    await page.locator('[data-testid=question-which] input').fill('Sertraline');
    await page.locator('[data-testid=question-side-effects] input[type=radio]').first().check();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/nested-${lang}-${width}-${scheme}.png`, fullPage: true });
    await context.close();
  }
  const open = JSON.parse(readFileSync(join(FIXTURES, 'open-choice.json'), 'utf8')).definition;
  for (const [lang, width, scheme, dir] of [['en', 1024, 'light', null], ['en', 360, 'dark', null], ['ar', 360, 'light', 'rtl'], ['ar', 1024, 'dark', 'rtl']]) {
    const context = await browser.newContext({ locale: lang, colorScheme: scheme, viewport: { width, height: 900 } });
    const { page } = await openHost(browser, `<rapport-questionnaire endpoint="/api/responses" lang="${lang}" storage="none">
      <script type="application/fhir+json">${JSON.stringify(open)}</script></rapport-questionnaire>`, { context, htmlLang: lang, htmlDir: dir });
    await ready(page);
    await page.locator('[data-testid=question-helped] input[type=text]').fill(lang === 'ar' ? 'الموسيقى' : 'Music, and a walk after');
    await page.locator('[data-testid=question-where] input[type=radio]').first().check();
    await page.locator('[data-testid=question-helped] input[type=text]').focus();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/open-choice-${lang}-${width}-${scheme}.png`, fullPage: true });
    await context.close();
  }
  // A prefix before each question and an entryFormat hint in the empty year field.
  const hints = { resourceType: 'Questionnaire', language: 'en', title: 'About you', _title: ar('عنك'),
    item: [
      { linkId: 'born', type: 'integer', prefix: '1.', text: 'In what year were you born?', _text: ar('في أي سنة وُلدت؟'),
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/entryFormat', valueString: 'YYYY' }] },
      { linkId: 'note', type: 'text', prefix: '2.', text: 'Anything else?', _text: ar('هل هناك شيء آخر؟') },
    ] };
  await shots(browser, 'hints', hints, [['en', 360, 'dark', null], ['ar', 360, 'light', 'rtl']], async () => {}, 700);
  // Numbers with their unit after the field, typed in (one field left empty).
  const vitals = JSON.parse(readFileSync(join(FIXTURES, 'units-and-hidden.json'), 'utf8')).definition;
  vitals._title = ar('قراءاتك في المنزل');
  vitals.item[0]._text = ar('آخر ضغط دم لديك: الرقم العلوي');
  vitals.item[1]._text = ar('وزنك');
  vitals.item[3]._text = ar('هل هناك ما يجب أن نعرفه؟');
  await shots(browser, 'units', vitals, [['en', 1024, 'light', null], ['ar', 360, 'dark', 'rtl']], async (page) => {
    await page.locator('[data-testid=question-systolic] input').fill('128.5');
    await page.locator('[data-testid=question-weight] input').focus();
  }, 700);
  // A long list as a drop-down, a short one side by side.
  const layouts = JSON.parse(readFileSync(join(FIXTURES, 'choice-layouts.json'), 'utf8')).definition;
  layouts._title = ar('قبل زيارتك');
  layouts.item[0]._text = ar('بأي لغة نكتب إليك؟');
  layouts.item[1]._text = ar('كيف كان أسبوعك؟');
  ['جيد', 'مختلط', 'صعب'].forEach((t, i) => { layouts.item[1].answerOption[i].valueCoding._display = ar(t); });
  layouts.item[2]._text = ar('كيف ستأتي؟');
  await shots(browser, 'layouts', layouts, [['en', 360, 'light', null], ['ar', 1024, 'dark', 'rtl']], async (page) => {
    await page.locator('[data-testid=question-letters] select').selectOption({ label: 'Tiếng Việt' });
    await page.locator('[data-testid=question-week] input[type=radio]').nth(1).check();
    await page.locator('[data-testid=question-visit] select').focus();
  });
  // Quantities: a list of units and the one unit as words.
  const quantities = JSON.parse(readFileSync(join(FIXTURES, 'quantity.json'), 'utf8')).definition;
  quantities._title = ar('قراءاتك');
  quantities.item[0]._text = ar('وزنك');
  quantities.item[1]._text = ar('طولك');
  quantities.item[2]._text = ar('منذ متى بدأ الألم؟');
  quantities.item[3]._text = ar('هل ما زال الألم موجودًا؟');
  await shots(browser, 'quantity', quantities, [['en', 360, 'light', null], ['ar', 360, 'dark', 'rtl']], async (page) => {
    await page.locator('[data-testid=question-weight] input').fill('72.5');
    await page.locator('[data-testid=question-since] select').selectOption({ index: 1 });
    await page.locator('[data-testid=question-since] input').fill('3');
    await page.locator('[data-testid=question-height] input').focus();
  });
  // A repeating group: two medicines, the second just added (its title focused).
  const medicines = JSON.parse(readFileSync(join(FIXTURES, 'repeating-groups.json'), 'utf8')).definition;
  medicines._title = ar('أدويتك');
  medicines.item[0]._text = ar('هل تتناول أي أدوية؟');
  medicines.item[1]._text = ar('دواء');
  ['اسمه', 'هل تعرف الجرعة؟', 'الجرعة'].forEach((t, i) => { medicines.item[1].item[i]._text = ar(t); });
  medicines.item[2]._text = ar('هل هناك شيء آخر؟');
  const tid = (id) => `[data-testid="${id.replaceAll('\u001f', '\\1f ')}"]`;
  await shots(browser, 'repeating-group', medicines, [['en', 1024, 'light', null], ['en', 360, 'dark', null], ['ar', 360, 'light', 'rtl']], async (page) => {
    await page.locator('[data-testid=question-any] input[value="true"]').check();
    await page.locator('[data-testid=question-name] input').fill('Sertraline');
    await page.locator('[data-testid=question-dose-known] input[value="true"]').check();
    await page.locator('[data-testid=question-dose] input').fill('50 mg');
    await page.locator(tid('add-meds')).click();
    await page.locator(tid('question-name\u001f2') + ' input').fill('Melatonin');
  }, 1200);
  // Asking before an instance with answers is removed: "No, keep it" focused.
  await shots(browser, 'repeating-group-confirm', medicines, [['en', 360, 'light', null], ['ar', 360, 'dark', 'rtl']], async (page) => {
    await page.locator('[data-testid=question-any] input[value="true"]').check();
    await page.locator('[data-testid=question-name] input').fill('Sertraline');
    await page.locator(tid('add-meds')).click();
    await page.locator(tid('question-name\u001f2') + ' input').fill('Melatonin');
    await page.locator(tid('remove-meds\u001f2')).click();
    await page.locator(tid('remove-no-meds\u001f2')).waitFor();
  }, 1300);
  // Rows of text: three people, the third row just added.
  const household = JSON.parse(readFileSync(join(FIXTURES, 'repeats-text.json'), 'utf8')).definition;
  household._title = ar('في المنزل');
  household.item[0]._text = ar('من يعيش معك؟');
  household.item[1]._text = ar('ما الذي يقلقك في المنزل؟');
  await shots(browser, 'rows', household, [['en', 360, 'light', null], ['ar', 360, 'dark', 'rtl']], async (page) => {
    await page.locator('[data-testid=rows-people] input').first().fill('My sister');
    await page.locator('[data-testid=add-people]').click();
    await page.locator('[data-testid=rows-people] input').nth(1).fill('Sam');
    await page.locator('[data-testid=add-people]').click();
  });
  // Rows of numbers, quantities, dates and times: two nights' hours (one not a whole number, its
  // message shown), two dates, a time, two doses each with its unit; English at 1024 px light and 360 px dark, the clinic's Arabic
  // right to left.
  const diary = JSON.parse(readFileSync(join(FIXTURES, 'repeats-rows.json'), 'utf8')).definition;
  diary._title = ar('نومك هذا الأسبوع');
  ['كم ساعة نمت كل ليلة؟', 'هذه ليلة طويلة. يمكنك إخبار معالجك بذلك.', 'وزنك في الأيام التي وزنت فيها نفسك (كغ)', 'في أي أيام نمت بشكل سيئ؟', 'متى استيقظت في الليل؟', 'متى اتصلت بخط الأزمات؟', 'كم تناولت من دواء النوم كل ليلة؟']
    .forEach((t, i) => { diary.item[i]._text = ar(t); });
  diary.item[0].extension[2].valueCoding._display = ar('ساعات');
  await shots(browser, 'rows-typed', diary, [['en', 1024, 'light', null], ['en', 360, 'dark', null], ['ar', 360, 'light', 'rtl']], async (page) => {
    const rows = (id) => page.locator(`[data-testid=rows-${id}] input`);
    await rows('hours').first().fill('7');
    await page.locator('[data-testid=add-hours]').click();
    await rows('hours').nth(1).fill('6,5');
    await rows('bad-nights').first().fill('2026-12-01');
    await page.locator('[data-testid=add-bad-nights]').click();
    await rows('bad-nights').nth(1).fill('2026-12-03');
    await rows('woke').first().fill('03:10');
    await rows('doses').first().fill('50');
    await page.locator('[data-testid=add-doses]').click();
    await rows('doses').nth(1).fill('2,5');
    await page.locator('[data-testid=rows-doses] select').nth(1).selectOption({ index: 1 });
    await page.locator('[data-testid=submit]').click();
  }, 1500);
  // A choice whose options an answerExpression lists: the medicines written above become its
  // options; the next one still waits (its note). English light and dark, Arabic right to left.
  const review = JSON.parse(readFileSync(join(FIXTURES, 'answer-expression.json'), 'utf8')).definition;
  review._title = ar('أدويتك');
  ['ما الأدوية التي تتناولها؟', 'أيها يزعجك أكثر؟', 'عمّ تود أن تتحدث؟', 'بأيها تبدأ؟'].forEach((t, i) => { review.item[i]._text = ar(t); });
  ['النوم', 'الأكل', 'المزاج'].forEach((t, i) => { review.item[2].answerOption[i].valueCoding._display = ar(t); });
  await shots(browser, 'answer-expression', review, [['en', 1024, 'light', null], ['en', 360, 'dark', null], ['ar', 360, 'light', 'rtl']], async (page, lang) => {
    const meds = page.locator('[data-testid=rows-meds] input');
    await meds.first().fill(lang === 'ar' ? 'سيرترالين' : 'Sertraline');
    await page.locator('[data-testid=add-meds]').click();
    await meds.nth(1).fill(lang === 'ar' ? 'ميلاتونين' : 'Melatonin');
    await page.locator('[data-testid=question-worst] input[type=radio]').nth(1).waitFor();
    await page.locator('[data-testid=question-worst] input[type=radio]').nth(1).check();
  });
  // Rich text (rendering-xhtml, rendering-markdown): English at 1024 px light and 360 px dark;
  // a clinic writing in Arabic (its base language, so its rich text is shown) at 360 px.
  const rich = JSON.parse(readFileSync(join(FIXTURES, 'rich-text.json'), 'utf8')).definition;
  await shots(browser, 'rich-text', rich, [['en', 1024, 'light', null], ['en', 360, 'dark', null]], async (page) => {
    await page.locator('[data-testid=question-sleep] input[type=radio]').first().check();
    await page.locator('[data-testid=question-talk] textarea').focus();
  });
  const X = 'http://hl7.org/fhir/StructureDefinition/rendering-xhtml';
  const M = 'http://hl7.org/fhir/StructureDefinition/rendering-markdown';
  const richAr = {
    resourceType: 'Questionnaire', status: 'active', language: 'ar', title: 'قبل زيارتك',
    item: [
      { linkId: 'intro', type: 'display', text: 'يرجى قراءة هذا أولاً. لا توجد إجابات خاطئة.',
        _text: { extension: [{ url: X, valueString: '<div xmlns="http://www.w3.org/1999/xhtml"><p>يرجى قراءة هذا أولاً. <strong>لا توجد إجابات خاطئة.</strong></p><ul><li>يقرأ فريق الرعاية إجاباتك <em>قبل</em> زيارتك.</li><li>أسئلة؟ <a href="https://clinic.example/help">اقرأ صفحة المساعدة</a>.</li></ul></div>' }] } },
      { linkId: 'sleep', type: 'choice', prefix: '1.', _prefix: { extension: [{ url: M, valueMarkdown: '**1.**' }] },
        text: 'كيف كان نومك الأسبوع الماضي؟', _text: { extension: [{ url: M, valueMarkdown: 'كيف كان **نومك** الأسبوع الماضي؟' }] },
        answerOption: [{ valueCoding: { code: 'well', display: 'جيد' } }, { valueCoding: { code: 'badly', display: 'سيئ' } }] },
    ],
  };
  await shots(browser, 'rich-text', richAr, [['ar', 360, 'light', 'rtl']], async () => {});
  // A repeating open-choice: two ticks and the patient's own words.
  const eased = JSON.parse(readFileSync(join(FIXTURES, 'repeats-open-choice.json'), 'utf8')).definition;
  await shots(browser, 'repeats-open-choice', eased, [['en', 1024, 'light', null], ['ar', 360, 'dark', 'rtl']], async (page, lang) => {
    const boxes = page.locator('[data-testid=question-eased] input[type=checkbox]');
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    await page.locator('[data-testid=question-eased] input[type=text]').fill(lang === 'ar' ? 'العزف على البيانو' : 'Playing the piano');
  });
  // Calculated items (FHIRPath): a BMI worked out, one still waiting for its answers; Arabic
  // (the clinic's own words for the questions) right to left.
  const bmi = JSON.parse(readFileSync(join(FIXTURES, 'calculated-bmi.json'), 'utf8')).definition;
  await shots(browser, 'calculated', bmi, [['en', 1024, 'light', null], ['en', 360, 'dark', null]], async (page) => {
    await page.getByRole('textbox', { name: /Your weight/ }).fill('70');
    await page.getByRole('textbox', { name: /Your height/ }).fill('70');
  });
  const bmiAr = structuredClone(bmi);
  bmiAr.language = 'ar';
  bmiAr.title = 'وزنك وطولك';
  ['وزنك بالكيلوغرام', 'طولك بالبوصة', 'مؤشر كتلة الجسم', 'الوزن عند مؤشر كتلة جسم 22 بالكيلوغرام', 'مؤشر كتلة جسمك بالكلمات'].forEach((t, i) => { bmiAr.item[i].text = t; });
  await shots(browser, 'calculated', bmiAr, [['ar', 360, 'light', 'rtl']], async (page) => {
    await page.locator('[data-testid=question-w] input').fill('70');
  });
  // Answers a form starts with (initial, initialSelected) and read-only values shown as text:
  // English light and dark, and the clinic's Arabic right to left.
  const given = JSON.parse(readFileSync(join(FIXTURES, 'initial-values.json'), 'utf8')).definition;
  await shots(browser, 'initial', given, [['en', 1024, 'light', null], ['en', 360, 'dark', null]], async () => {}, 1400);
  const givenAr = structuredClone(given);
  givenAr.language = 'ar';
  givenAr.title = 'عن جلستك الأخيرة';
  const words = { clinician: 'المعالج', 'session-day': 'يوم الجلسة', how: 'كيف التقيتما؟', goal: 'ما تعملان عليه معًا', minutes: 'كم استغرقت بالدقائق؟', talked: 'عمّ تحدثتما؟ اختر كل ما ينطبق.', again: 'هل تريد الموعد نفسه الأسبوع القادم؟', weight: 'وزنك، إن وزنت نفسك' };
  for (const item of givenAr.item) if (words[item.linkId]) item.text = words[item.linkId];
  givenAr.item.find((i) => i.linkId === 'clinician').initial = [{ valueString: 'د. أمل حداد' }];
  givenAr.item.find((i) => i.linkId === 'goal').initial = [{ valueString: 'نوم أفضل' }];
  ['في الغرفة نفسها', 'عبر الفيديو', 'عبر الهاتف'].forEach((t, i) => { givenAr.item.find((x) => x.linkId === 'how').answerOption[i].valueCoding.display = t; });
  ['أسبوعي', 'أهدافي', 'شيء آخر'].forEach((t, i) => { givenAr.item.find((x) => x.linkId === 'talked').answerOption[i].valueCoding.display = t; });
  await shots(browser, 'initial', givenAr, [['ar', 360, 'light', 'rtl']], async () => {}, 1400);
  // Answers that do not fit a pattern (regex): the message, and with the questionnaire's
  // example (entryFormat) when it gives one, after sending; English light and dark, Arabic.
  const R = 'http://hl7.org/fhir/StructureDefinition/regex';
  const patterned = (t) => ({
    resourceType: 'Questionnaire', status: 'active', language: t.lang, title: t.title,
    item: [
      { linkId: 'postcode', type: 'string', text: t.postcode, extension: [{ url: R, valueString: '[0-9]{5}' }] },
      { linkId: 'code', type: 'string', text: t.code, extension: [{ url: R, valueString: '[A-Z]{2}-[0-9]{3}' }, { url: 'http://hl7.org/fhir/StructureDefinition/entryFormat', valueString: 'AB-123' }] },
      { linkId: 'phone', type: 'string', text: t.phone, extension: [{ url: R, valueString: '\\+?[0-9 ()-]{6,20}' }] },
    ],
  });
  const typeBadly = async (page) => {
    await page.locator('[data-testid=question-postcode] input').fill('1234');
    await page.locator('[data-testid=question-code] input').fill('ab123');
    await page.locator('[data-testid=question-phone] input').fill('020 7946 0000');
    await page.locator('[data-testid=submit]').click();
  };
  await shots(browser, 'regex', patterned({ lang: 'en', title: 'Your contact details', postcode: 'Your postcode', code: 'The code on your appointment letter', phone: 'A phone number we can call' }),
    [['en', 1024, 'light', null], ['en', 360, 'dark', null]], typeBadly, 1000);
  await shots(browser, 'regex', patterned({ lang: 'ar', title: 'بيانات الاتصال بك', postcode: 'الرمز البريدي', code: 'الرمز المكتوب في رسالة موعدك', phone: 'رقم هاتف يمكننا الاتصال به' }),
    [['ar', 360, 'light', 'rtl']], typeBadly, 1000);
  // Constraints (targetConstraint) broken: the questionnaire's own words under the question,
  // after sending; English light and dark, Arabic right to left.
  const TC = 'http://hl7.org/fhir/StructureDefinition/targetConstraint';
  const rule = (key, expression, human) => ({ url: TC, extension: [{ url: 'key', valueId: key }, { url: 'severity', valueCode: 'error' },
    { url: 'expression', valueExpression: { language: 'text/fhirpath', expression } }, { url: 'human', valueString: human }] });
  const constrained = (t) => ({
    resourceType: 'Questionnaire', status: 'active', language: t.lang, title: t.title,
    item: [
      { linkId: 'first', type: 'string', text: t.first },
      { linkId: 'last', type: 'string', text: t.last, extension: [rule('names', "%resource.repeat(item).where(linkId = 'first' or linkId = 'last').answer.exists()", t.names)] },
      { linkId: 'postcode', type: 'string', text: t.postcode, extension: [rule('post', "answer.value.matches('^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$')", t.post)] },
    ],
  });
  const breakThem = async (page) => {
    await page.locator('[data-testid=question-postcode] input').fill('k1a0b1');
    await page.locator('[data-testid=submit]').click();
  };
  await shots(browser, 'constraints', constrained({ lang: 'en', title: 'About you', first: 'Your first name', last: 'Your last name', names: 'Please give your first name or your last name.', postcode: 'Your postal code', post: 'Please write your postal code like this: A1A 1A1' }),
    [['en', 1024, 'light', null], ['en', 360, 'dark', null]], breakThem, 1000);
  await shots(browser, 'constraints', constrained({ lang: 'ar', title: 'عنك', first: 'اسمك الأول', last: 'اسم العائلة', names: 'يرجى كتابة اسمك الأول أو اسم العائلة.', postcode: 'الرمز البريدي', post: 'يرجى كتابة الرمز البريدي بهذا الشكل: A1A 1A1' }),
    [['ar', 360, 'light', 'rtl']], breakThem, 1000);
  // Warnings (targetConstraint with severity warning) broken: a calm note under the question
  // and under the group, while typing, nothing stops sending; English light and dark, Arabic.
  const warn = (key, expression, human) => ({ url: TC, extension: [{ url: 'key', valueId: key }, { url: 'severity', valueCode: 'warning' },
    { url: 'expression', valueExpression: { language: 'text/fhirpath', expression } }, { url: 'human', valueString: human }] });
  const warned = (t) => ({
    resourceType: 'Questionnaire', status: 'active', language: t.lang, title: t.title,
    item: [{ linkId: 'week', type: 'group', text: t.week, extension: [warn('two', 'item.where(answer.exists()).count() >= 2', t.two)], item: [
      { linkId: 'sleep', type: 'integer', text: t.sleep, extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit', valueCoding: { system: 'http://unitsofmeasure.org', code: 'h', display: t.hours } }, warn('little', 'answer.value >= 3', t.little)] },
      { linkId: 'walks', type: 'integer', text: t.walks },
    ] }],
  });
  const littleSleep = async (page) => {
    await page.locator('[data-testid=question-sleep] input').fill('2');
  };
  await shots(browser, 'warnings', warned({ lang: 'en', title: 'Your week', week: 'Sleep and exercise', two: 'Answering both questions helps your clinician most. You can still send this.', sleep: 'How many hours did you sleep last night?', hours: 'hours', little: 'That is not much sleep. If it is right, you can leave it as it is.', walks: 'How many walks did you take this week?' }),
    [['en', 1024, 'light', null], ['en', 360, 'dark', null]], littleSleep, 900);
  await shots(browser, 'warnings', warned({ lang: 'ar', title: 'أسبوعك', week: 'النوم والرياضة', two: 'الإجابة عن السؤالين تساعد طبيبك أكثر. يمكنك إرسال هذا على أي حال.', sleep: 'كم ساعة نمت الليلة الماضية؟', hours: 'ساعات', little: 'هذا نوم قليل. إذا كان صحيحًا، يمكنك تركه كما هو.', walks: 'كم مرة مشيت هذا الأسبوع؟' }),
    [['ar', 360, 'light', 'rtl']], littleSleep, 900);
  // A group's own constraint (severity error) broken: its words under the group and in the
  // summary, after sending; English light, Arabic dark.
  const oneOfThem = (t) => {
    const d = warned(t);
    d.item[0].extension.push(rule('one', 'item.answer.exists()', t.one));
    return d;
  };
  const sendEmpty = async (page) => { await page.locator('[data-testid=submit]').click(); };
  await shots(browser, 'group-error', oneOfThem({ lang: 'en', title: 'Your week', week: 'Sleep and exercise', two: 'Answering both questions helps your clinician most. You can still send this.', sleep: 'How many hours did you sleep last night?', hours: 'hours', little: 'That is not much sleep. If it is right, you can leave it as it is.', walks: 'How many walks did you take this week?', one: 'Please answer at least one of these two questions.' }),
    [['en', 1024, 'light', null]], sendEmpty, 900);
  await shots(browser, 'group-error', oneOfThem({ lang: 'ar', title: 'أسبوعك', week: 'النوم والرياضة', two: 'الإجابة عن السؤالين تساعد طبيبك أكثر. يمكنك إرسال هذا على أي حال.', sleep: 'كم ساعة نمت الليلة الماضية؟', hours: 'ساعات', little: 'هذا نوم قليل. إذا كان صحيحًا، يمكنك تركه كما هو.', walks: 'كم مرة مشيت هذا الأسبوع؟', one: 'يرجى الإجابة عن سؤال واحد على الأقل من هذين السؤالين.' }),
    [['ar', 360, 'dark', 'rtl']], sendEmpty, 900);
  // A quantity that names no unit: the number and the unit in the patient's words, the message
  // for a number without its unit after sending; English light and dark, Arabic.
  const travel = (t) => ({
    resourceType: 'Questionnaire', status: 'active', language: t.lang, title: t.title,
    item: [
      { linkId: 'back', type: 'boolean', text: t.back },
      { linkId: 'since', type: 'quantity', text: t.since, enableWhen: [{ question: 'back', operator: '=', answerBoolean: true }] },
      { linkId: 'weight', type: 'quantity', text: t.weight },
    ],
  });
  const numberOnly = async (page) => {
    await page.locator('[data-testid=question-back] input[value="true"]').check();
    await page.locator('[data-testid=question-since] input.number').fill('3');
    await page.locator('[data-testid=question-weight] input.number').fill('70');
    await page.locator('[data-testid=question-weight] input.unit-words').fill('kg');
    await page.locator('[data-testid=submit]').click();
  };
  await shots(browser, 'unit-words', travel({ lang: 'en', title: 'Your trip', back: 'Have you travelled abroad in the last three months?', since: 'How long has it been since you came back?', weight: 'Your weight' }),
    [['en', 1024, 'light', null], ['en', 360, 'dark', null]], numberOnly, 900);
  await shots(browser, 'unit-words', travel({ lang: 'ar', title: 'رحلتك', back: 'هل سافرت إلى الخارج في الأشهر الثلاثة الماضية؟', since: 'كم مضى على عودتك؟', weight: 'وزنك' }),
    [['ar', 360, 'light', 'rtl']], numberOnly, 900);
} finally {
  await browser.close();
}
