// Screenshots of the date, time and date-and-time questions for people to look at (not a test):
// 360 px wide, in English and in Arabic (right to left), empty with the messages shown, then
// answered (the browser's own controls show the values in the locale). Run with the receiver
// serving dist/, as the e2e tests do:
//   SHOTS=target/screenshots cargo xtask e2e e2e/dates-screens.mjs
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openHost, ready } from './helpers.mjs';

const out = process.env.SHOTS || 'target/screenshots';
mkdirSync(out, { recursive: true });
const FIXTURES = join(import.meta.dirname, '..', 'crates', 'rapport-core', 'tests', 'fixtures');
const { definition } = JSON.parse(readFileSync(join(FIXTURES, 'dates-types.json'), 'utf8'));
// The clinic's own Arabic for its questions (FHIR's translation extension).
const arabic = { born: 'تاريخ الميلاد', g: 'زيارتك الأخيرة', seen: 'متى كانت زيارتك الأخيرة؟', woke: 'متى استيقظت اليوم؟', slept: 'متى نمت؟' };
const translate = (items) => items.forEach((i) => {
  i._text = { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/translation', extension: [{ url: 'lang', valueCode: 'ar' }, { url: 'content', valueString: arabic[i.linkId] }] }] };
  if (i.item) translate(i.item);
});
translate(definition.item);

const browser = await launch();
try {
  for (const [lang, locale, dir] of [['en', 'en-US', null], ['ar', 'ar-EG', 'rtl']]) {
    const context = await browser.newContext({ locale, timezoneId: 'Europe/Paris', viewport: { width: 360, height: 800 } });
    const { page } = await openHost(browser, `<rapport-questionnaire endpoint="/api/responses" lang="${lang}" storage="none">
      <script type="application/fhir+json">${JSON.stringify(definition)}</script></rapport-questionnaire>`, { context, htmlLang: lang, htmlDir: dir });
    await ready(page);
    await page.locator('[data-testid=submit]').click();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/dates-${lang}-messages.png`, fullPage: true });
    // The same answers as the patient's control would give them (the segment order of a
    // control depends on the browser's own language, so they are not typed here).
    for (const [id, v] of [['born', '2024-02-29'], ['seen', '2026-12-05T14:30'], ['slept', '22:30']]) {
      await page.locator(`[data-testid=question-${id}] input`).evaluate((el, value) => {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }, v);
    }
    await page.locator('[data-testid=question-woke] input').focus();
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/dates-${lang}-answered.png`, fullPage: true });
    console.log(lang, await page.evaluate(() => [...document.querySelector('rapport-questionnaire').shadowRoot.querySelectorAll('input')].map((i) => `${i.type}=${i.value}`).join(' ')));
    await context.close();
  }
} finally {
  await browser.close();
}
