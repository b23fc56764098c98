// The smoke test's host page script (classic, runs before rapport.js): records CSP violations
// and the widget's events, and places the element as a portal's server would write it, with the
// attributes from the query string (`?instrument=working-together&lang=ar`). No HTML strings:
// Trusted Types are enforced on this page.
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
window.__events = [];
for (const name of ['rapport-ready', 'rapport-change', 'rapport-submitted', 'rapport-failed']) {
  document.addEventListener(name, (e) => window.__events.push({ name, detail: e.detail }));
}
document.addEventListener('DOMContentLoaded', () => {
  const params = new URLSearchParams(location.search);
  const el = document.createElement('rapport-questionnaire');
  el.setAttribute('endpoint', '/api/responses');
  for (const [name, value] of params) {
    if (['instrument', 'lang', 'context'].includes(name)) el.setAttribute(name, value);
  }
  const before = document.createElement('button');
  before.type = 'button';
  before.id = 'before';
  before.textContent = 'Portal button';
  const main = document.getElementById('portal');
  main.append(before, el);
});
