// Writes the benchmark's pages and definitions into one folder (`cargo xtask bench` serves it at
// /bench/ and passes it to the receiver as --definitions-dir, so the long questionnaires'
// envelopes verify):
//
//   rapport.html, hand-form.html      copied from this folder (hand-written, committed)
//   long-N.json                       generated FHIR Questionnaires (N = 12, 60, 120): N
//                                     five-option questions in parts of 10, each chained to the
//                                     one before it by enableWhen (hidden when the previous
//                                     answer is "Never")
//   rapport-long-N.html               rapport.html with src="/bench/long-N.json" instead of
//                                     instrument="working-together" (the same embed otherwise)
//   hand-form-N.html                  hand-form.html's style and script around the same N
//                                     questions (without the chain)
//
// Deterministic: the same files every time. Usage: node bench/prepare.mjs OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SYSTEM = 'https://rapport.dev/fhir/CodeSystem/how-often-5';
const OPTIONS = [['never', 'Never'], ['rarely', 'Rarely'], ['sometimes', 'Sometimes'], ['often', 'Often'], ['always', 'Always']];
// The working-together statements, repeated with a number in front.
const STATEMENTS = [
  'My clinician lets me finish what I am saying.',
  'My clinician can tell when I am upset.',
  'My clinician is kind to me.',
  'I feel judged by my clinician.',
  'My clinician asks what I want to get out of our work.',
  'I could say in my own words what our goals are.',
  'Our work is about what matters most to me.',
  'When my life changes, we look at my goals again.',
  'I understand why we do what we do in our sessions.',
  'I help choose what I will try between sessions.',
  'I can say when something we do is not helping.',
  'My clinician asks me how our work is going.',
];
export const LONG_SIZES = [12, 60, 120];
const PART = 10;

const linkId = (i) => `q${String(i + 1).padStart(3, '0')}`;
const statement = (i) => `${i + 1}. ${STATEMENTS[i % STATEMENTS.length]}`;

/// A FHIR Questionnaire of `n` choice questions (five options each) in parts of 10. Question
/// k > 1 is shown unless question k-1 was answered "Never" (enableBehavior any: "k-1 is not
/// answered" or "k-1 is not Never"), so every question is visible at first and the chain is
/// evaluated on every answer. One score, the mean of all questions.
export function longQuestionnaire(n) {
  const question = (i) => ({
    linkId: linkId(i),
    type: 'choice',
    required: true,
    text: statement(i),
    ...(i > 0 && {
      enableBehavior: 'any',
      enableWhen: [
        { question: linkId(i - 1), operator: 'exists', answerBoolean: false },
        { question: linkId(i - 1), operator: '!=', answerCoding: { system: SYSTEM, code: 'never' } },
      ],
    }),
    answerOption: OPTIONS.map(([code, display], k) => ({
      valueCoding: { system: SYSTEM, code, display },
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: k + 1 }],
    })),
  });
  const parts = [];
  for (let start = 0; start < n; start += PART) {
    const items = [];
    for (let i = start; i < Math.min(n, start + PART); i += 1) items.push(question(i));
    parts.push({ linkId: `part-${parts.length + 1}`, type: 'group', text: `Part ${parts.length + 1}`, item: items });
  }
  return {
    resourceType: 'Questionnaire',
    url: `https://rapport.dev/bench/Questionnaire/long-${n}`,
    version: '1.0.0',
    name: `bench-long-${n}`,
    status: 'draft',
    language: 'en',
    title: `A long questionnaire (${n} questions, benchmark)`,
    extension: [{
      url: 'https://rapport.dev/fhir/StructureDefinition/score',
      extension: [
        { url: 'id', valueCode: 'total' },
        { url: 'method', valueCode: 'mean' },
        ...Array.from({ length: n }, (_, i) => ({ url: 'item', valueString: linkId(i) })),
      ],
    }],
    item: parts,
  };
}

/// hand-form.html's <style> and <script> around `n` questions of the long questionnaire (no
/// enableWhen: a hand-written form would need its own script for that).
export function handForm(n, template) {
  const style = template.match(/<style>[\s\S]*?<\/style>/)[0];
  const script = template.match(/<script>[\s\S]*?<\/script>/)[0];
  const sets = [];
  for (let i = 0; i < n; i += 1) {
    if (i % PART === 0) sets.push(`<h2>Part ${i / PART + 1}</h2>`);
    const name = linkId(i);
    const options = OPTIONS.map(([code, display], k) =>
      `<label><input type="radio" name="${name}" value="${code}"${k === 0 ? ' required' : ''}> ${display}</label>`);
    sets.push(`<fieldset><legend>${statement(i)}</legend>\n${options.join('\n')}\n</fieldset>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A long questionnaire</title>
${style}
</head>
<body>
<form action="/api/responses" data-instrument="hand-form-long-${n}" data-system="${SYSTEM}" novalidate>
<h1>A long questionnaire (${n} questions, benchmark)</h1>
${sets.join('\n')}
<button type="submit">Send my answers</button>
<p role="status" id="status"></p>
</form>
${script}
</body>
</html>
`;
}

export function prepare(out) {
  fs.mkdirSync(out, { recursive: true });
  const rapport = fs.readFileSync(path.join(HERE, 'rapport.html'), 'utf8');
  const hand = fs.readFileSync(path.join(HERE, 'hand-form.html'), 'utf8');
  fs.writeFileSync(path.join(out, 'rapport.html'), rapport);
  fs.writeFileSync(path.join(out, 'hand-form.html'), hand);
  for (const n of LONG_SIZES) {
    fs.writeFileSync(path.join(out, `long-${n}.json`), `${JSON.stringify(longQuestionnaire(n))}\n`);
    const page = rapport
      .replace('instrument="working-together"', `src="/bench/long-${n}.json"`)
      .replace('<title>Working together</title>', '<title>A long questionnaire</title>');
    if (page === rapport) throw new Error('bench/rapport.html no longer has instrument="working-together"');
    fs.writeFileSync(path.join(out, `rapport-long-${n}.html`), page);
    fs.writeFileSync(path.join(out, `hand-form-${n}.html`), handForm(n, hand));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node bench/prepare.mjs OUT_DIR');
    process.exit(2);
  }
  prepare(out);
}
