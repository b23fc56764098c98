// The mock portal's own script: swaps the embedded questionnaire and logs Rapport's events.
// Kept out of index.html so the page runs under a strict Content-Security-Policy.
const slot = document.getElementById('slot');
const log = document.getElementById('event-log');
const pickInstrument = document.getElementById('pick-instrument');
const pickLang = document.getElementById('pick-lang');
const pickTheme = document.getElementById('pick-theme');

const pickPatient = document.getElementById('pick-patient');
const signOut = document.getElementById('sign-out');

// The portal's server mints a short-lived subject token for the signed-in patient (here the
// receiver's demo portal does it: `GET /demo/subject-token`, only under `--demo`). A real portal
// mints its own on its server (README, "Whose answers"); the browser never holds its key.
let tokenTimer = 0;
async function subjectToken(patient) {
  clearTimeout(tokenTimer);
  if (!patient) return null;
  try {
    const reply = await fetch(`demo/subject-token?patient=${encodeURIComponent(patient)}`, { cache: 'no-store' });
    if (!reply.ok) throw new Error(`HTTP ${reply.status}`);
    const { token, expiresIn } = await reply.json();
    // Refresh before it expires, as a portal would; the widget takes a new token for the same
    // patient without losing anything.
    tokenTimer = setTimeout(async () => {
      const el = slot.querySelector('rapport-questionnaire');
      const fresh = await subjectToken(patient);
      if (el && fresh) el.subjectToken = fresh;
    }, Math.max(30, expiresIn - 60) * 1000);
    return token;
  } catch (e) {
    console.warn('demo: no subject token (is the receiver running with --demo?)', e);
    return null;
  }
}

async function fillPatients() {
  try {
    const list = await (await fetch('demo/patients.json')).json();
    for (const { id, name } of list) pickPatient.add(new Option(name, id));
  } catch (e) {
    console.warn('demo: could not load the demo patients', e);
  }
}

let mounting = 0;
async function remount() {
  const turn = ++mounting;
  const token = await subjectToken(pickPatient.value);
  if (turn !== mounting) return; // a later choice won
  const el = document.createElement('rapport-questionnaire');
  if (token) el.subjectToken = token;
  const choice = pickInstrument.value;
  if (choice.startsWith('src:')) {
    el.setAttribute('src', choice.slice(4));
    // The demo receiver answers ValueSet/$expand for the value sets in demo/ (how-often).
    el.setAttribute('terminology-server', '/fhir');
  } else el.setAttribute('instrument', choice);
  el.setAttribute('endpoint', '/api/responses');
  el.setAttribute('context', JSON.stringify({ appointmentId: 'A-1042', clinicianId: 'C-7' }));
  if (pickLang.value) el.setAttribute('lang', pickLang.value);
  slot.replaceChildren(el);
}
// The language picker offers every language Rapport ships (its generated list), each by its own
// name. A real portal would pass the patient's profile language instead.
async function fillLanguages() {
  try {
    const list = await (await fetch('locales/languages.json')).json();
    for (const { tag, name, dir } of list) {
      if ([...pickLang.options].some((o) => o.value === tag)) continue;
      const option = new Option(name, tag);
      option.lang = tag;
      option.dir = dir;
      pickLang.add(option);
    }
  } catch (e) {
    console.warn('demo: could not load the language list', e);
  }
}
// `?instrument=…&lang=…` preselects a questionnaire and a language (handy for screenshots).
const params = new URLSearchParams(location.search);
Promise.all([fillLanguages(), fillPatients()]).then(() => {
  if (params.get('instrument')) pickInstrument.value = params.get('instrument');
  if (params.get('lang') !== null) pickLang.value = params.get('lang');
  if (params.get('patient')) pickPatient.value = params.get('patient');
  if (params.get('theme')) { pickTheme.value = params.get('theme'); applyTheme(); }
  remount();
});
pickInstrument.addEventListener('change', remount);
pickLang.addEventListener('change', remount);
// Another patient signs in on this device: their own drafts, never the last patient's.
pickPatient.addEventListener('change', remount);
// At sign-out a portal on a shared device wipes what the widget kept (drafts and undelivered
// submissions, for every patient); it learns how many undelivered ones were dropped.
signOut.addEventListener('click', () => {
  const el = slot.querySelector('rapport-questionnaire');
  const dropped = el && typeof el.clearStoredData === 'function' ? el.clearStoredData() : 0;
  logLine('clearStoredData()', { undeliveredRemoved: dropped });
  remount();
});
function applyTheme() { slot.className = `card ${pickTheme.value}`.trim(); }
pickTheme.addEventListener('change', applyTheme);

for (const name of ['rapport-ready', 'rapport-change', 'rapport-submitted', 'rapport-failed', 'rapport-flagged']) {
  document.addEventListener(name, (ev) => logLine(name, ev.detail));
}
function logLine(name, detail) {
  const li = document.createElement('li');
  const code = document.createElement('code');
  code.textContent = name;
  li.append(code, ' ', JSON.stringify(detail));
  log.prepend(li);
  while (log.children.length > 12) log.lastElementChild.remove();
}
