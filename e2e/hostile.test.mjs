// Hostile input renders as inert text: markup in a definition's texts, option labels, title and
// the context attribute never becomes elements, runs script, or makes requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openHost, ready, noViolations, BASE } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const EVIL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';

test('markup in a definition is shown as text and never runs', async () => {
  const definition = {
    resourceType: 'Questionnaire', url: 'https://clinic.example/q/hostile', version: '1', title: EVIL,
    item: [
      { linkId: 'd', type: 'display', text: EVIL },
      { linkId: 'c', type: 'choice', text: EVIL, answerOption: [{ valueCoding: { code: 'x', display: EVIL } }] },
    ],
  };
  const requests = [];
  const { page, context } = await openHost(browser,
    `<rapport-questionnaire src="/fixtures/hostile.json" endpoint="/api/responses" context='{"note":"${'<svg onload=alert(1)>'}"}'></rapport-questionnaire>`);
  page.on('request', (r) => requests.push(r.url()));
  await page.route(`${BASE}/fixtures/hostile.json`, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(definition) }));
  await page.reload();
  await ready(page);
  const shown = await page.locator('[data-testid=display-d]').innerText();
  assert.ok(shown.includes('<img src=x onerror='), 'the markup is visible as text');
  const inner = await page.evaluate(() => {
    const root = document.querySelector('rapport-questionnaire').shadowRoot;
    return { imgs: root.querySelectorAll('img').length, scripts: root.querySelectorAll('script').length, bold: root.querySelectorAll('b').length };
  });
  assert.deepEqual(inner, { imgs: 0, scripts: 0, bold: 0 }, 'no element was created from the text');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
  assert.ok(!requests.some((u) => u.endsWith('/x')), 'no request for the injected image');
  await noViolations(page);
  await context.close();
});
