import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage();
p.on('request', (r) => { if (/rapport|deps/.test(r.url())) console.log('REQ', r.url()); });
p.on('response', (r) => { if (r.status() >= 400) console.log('STATUS', r.status(), r.url()); });
p.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
await p.goto(process.argv[2]);
try { await p.locator('rapport-questionnaire [data-testid=submit]').waitFor({ timeout: 10000 }); console.log('RENDERED'); } catch (e) { console.log('NOT RENDERED'); }
await b.close();
