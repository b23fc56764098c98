// The mock portal's own script: swaps the embedded questionnaire and logs Rapport's events.
// Kept out of index.html so the page runs under a strict Content-Security-Policy.
const slot = document.getElementById('slot');
const log = document.getElementById('event-log');
const pickInstrument = document.getElementById('pick-instrument');
const pickLang = document.getElementById('pick-lang');
const pickTheme = document.getElementById('pick-theme');

function remount() {
  const el = document.createElement('rapport-questionnaire');
  const choice = pickInstrument.value;
  if (choice.startsWith('src:')) el.setAttribute('src', choice.slice(4));
  else el.setAttribute('instrument', choice);
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
fillLanguages().then(() => {
  if (params.get('instrument')) pickInstrument.value = params.get('instrument');
  if (params.get('lang') !== null) pickLang.value = params.get('lang');
  if (params.get('theme')) { pickTheme.value = params.get('theme'); applyTheme(); }
  if (params.has('instrument') || params.has('lang')) remount();
});
pickInstrument.addEventListener('change', remount);
pickLang.addEventListener('change', remount);
function applyTheme() { slot.className = `card ${pickTheme.value}`.trim(); }
pickTheme.addEventListener('change', applyTheme);

for (const name of ['rapport-ready', 'rapport-change', 'rapport-submitted', 'rapport-failed', 'rapport-flagged']) {
  document.addEventListener(name, (ev) => {
    const li = document.createElement('li');
    const code = document.createElement('code');
    code.textContent = name;
    li.append(code, ' ', JSON.stringify(ev.detail));
    log.prepend(li);
    while (log.children.length > 12) log.lastElementChild.remove();
  });
}
