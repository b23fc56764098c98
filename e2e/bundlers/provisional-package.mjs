// DEVELOPMENT FALLBACK ONLY, until `cargo xtask release` makes the real package: packs a
// PROVISIONAL `rapport-questionnaire` tarball from an already built `dist/` (un-hashed layout),
// so the bundler apps of run.mjs can be developed. It is not the release: no hashed names, no
// integrity, no setBasePath (run.mjs notices that and copies the files where the bundled chunk's
// import.meta.url points instead), and minimal stand-in type declarations.
//   node e2e/bundlers/provisional-package.mjs [DIST] [OUT_DIR] [TYPES_DIR]   → prints the .tgz path
// (TYPES_DIR: a folder with the real rapport.d.ts and react.d.ts, e.g. the repository's package/.)
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const out = resolve(process.argv[3] ?? mkdtempSync(join(tmpdir(), 'rapport-provisional-')));
const root = mkdtempSync(join(tmpdir(), 'rapport-provisional-src-'));
const pkg = join(root, 'package');
mkdirSync(pkg);
// The widget's files only: not the demo portal.
cpSync(dist, join(pkg, 'cdn'), {
  recursive: true,
  filter: (src) => !/[/\\]demo$|[/\\]index\.html(\.br|\.gz)?$/.test(src),
});
writeFileSync(join(pkg, 'package.json'), JSON.stringify({
  name: 'rapport-questionnaire',
  version: '0.0.0-provisional',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  exports: {
    '.': { types: './rapport.d.ts', default: './cdn/rapport.js' },
    './react': { types: './react.d.ts' },
    './cdn/*': './cdn/*',
    './package.json': './package.json',
  },
  types: 'rapport.d.ts',
  sideEffects: true,
  files: ['cdn/', 'rapport.d.ts', 'react.d.ts'],
}, null, 2));
writeFileSync(join(pkg, 'rapport.d.ts'), `// PROVISIONAL stand-in for the release's declarations.
export declare class RapportQuestionnaireElement extends HTMLElement {
  static readonly version: string;
  definition: object | string | null;
  set subjectToken(value: string | null);
  setRequestHeaders(headers: Record<string, string> | null): void;
  clearStoredData(): number;
}
declare global {
  interface HTMLElementTagNameMap { 'rapport-questionnaire': RapportQuestionnaireElement }
}
`);
writeFileSync(join(pkg, 'react.d.ts'), `// PROVISIONAL stand-in for the release's React 19 JSX declarations.
import type { RapportQuestionnaireElement } from './rapport.js';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
export interface RapportSubmittedDetail {
  receipt: { id?: string; idempotencyKey?: string; receivedAt?: string };
  instrument: { id: string; version: string };
  idempotencyKey: string;
}
type Props = DetailedHTMLProps<HTMLAttributes<RapportQuestionnaireElement>, RapportQuestionnaireElement> & {
  instrument?: string; src?: string; endpoint?: string; lang?: string; context?: string;
  definition?: object | string | null;
  subjectToken?: string | null;
  'onrapport-ready'?: (event: CustomEvent) => void;
  'onrapport-submitted'?: (event: CustomEvent<RapportSubmittedDetail>) => void;
  'onrapport-failed'?: (event: CustomEvent<{ code: string; message: string; retryable: boolean }>) => void;
};
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements { 'rapport-questionnaire': Props }
  }
}
`);
const types = process.argv[4] && resolve(process.argv[4]);
if (types) for (const f of ['rapport.d.ts', 'react.d.ts']) cpSync(join(types, f), join(pkg, f));
mkdirSync(out, { recursive: true });
const name = execFileSync('npm', ['pack', '--pack-destination', out, '--silent'], { cwd: pkg, encoding: 'utf8' }).trim().split('\n').pop();
rmSync(root, { recursive: true, force: true });
console.log(join(out, name));
