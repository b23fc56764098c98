// Keyboard only: a patient who cannot use a mouse completes and sends the check-in with Tab,
// arrow keys and Enter/Space, and focus is always somewhere sensible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openHost, ready, stored } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// What has focus inside the widget: the control's test id context and its value.
async function focused(page) {
  return page.evaluate(() => {
    const el = document.querySelector('rapport-questionnaire').shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(), type: el.type ?? null, value: el.value ?? null,
      question: el.closest('fieldset')?.dataset.testid ?? null, testid: el.dataset?.testid ?? null,
      outline: getComputedStyle(el).outlineStyle,
    };
  });
}

test('keyboard only: answer with arrow keys, send with Enter, focus never lost', async () => {
  const { page, context } = await openHost(browser,
    `<a href="#x">Portal link</a><rapport-questionnaire instrument="session-checkin" endpoint="/api/responses" lang="en"></rapport-questionnaire>`);
  await ready(page);
  await page.locator('a').first().focus();
  // Tab past the language switcher (hidden with one language? no: en and es) to the first scale.
  await page.keyboard.press('Tab');
  let f = await focused(page);
  assert.equal(f.tag, 'select', 'the language switcher comes first');
  await page.keyboard.press('Tab');
  f = await focused(page);
  assert.deepEqual([f.question, f.type], ['question-say-my-mind', 'radio']);
  assert.notEqual(f.outline, 'none', 'focus is visible');

  // Submitting now: focus goes to the error summary.
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=error-summary] a').first().waitFor();
  await page.waitForFunction(() => document.querySelector('rapport-questionnaire').shadowRoot.activeElement?.dataset.testid === 'error-summary');
  // The first summary link takes focus to its question.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  f = await focused(page);
  assert.equal(f.question, 'question-say-my-mind');

  // Answer each of the four 0-10 scales: Space selects, arrows move within the group, Tab leaves it.
  for (let q = 0; q < 4; q += 1) {
    await page.keyboard.press('Space');
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowRight');
    f = await focused(page);
    assert.equal(f.value, '6', `question ${q + 1}: arrows move the choice`);
    await page.keyboard.press('Tab');
  }
  f = await focused(page);
  assert.equal(f.testid, 'submit', 'after the last question comes the send button');
  const before = (await stored()).length;
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=thank-you]').waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('rapport-questionnaire').shadowRoot.activeElement?.tagName === 'H2');
  const rows = await stored();
  assert.equal(rows.length, before + 1);
  const values = rows.at(-1).envelope.questionnaireResponse.item.map((i) => i.answer[0].valueInteger);
  assert.deepEqual(values, [6, 6, 6, 6]);
  await context.close();
});
