// JSX typings for <rapport-questionnaire> in React 19. Licence: MIT OR Apache-2.0.
//
// Load them once in the app, as types only (this entry has no JavaScript):
//   import type {} from 'rapport-questionnaire/react';
// or in tsconfig.json: "compilerOptions": { "types": ["rapport-questionnaire/react"] }.
//
// React 19 sets a prop on a custom element as a property when the element has one (so
// `definition` and `subjectToken` reach their setters: import 'rapport-questionnaire' before the
// first render), else as an attribute (`true` → present, `false` → absent), and attaches a
// function prop named `on` + event name as a listener for that exact event name:
// `onrapport-submitted={(e) => …}` listens to `rapport-submitted`.

import type { ClassAttributes, HTMLAttributes } from 'react';
import type {
  RapportInstrumentId,
  RapportQuestionnaire,
  RapportQuestionnaireEventMap,
} from './rapport.js';

/** The element's attributes (kebab-case, as in README's attribute table). */
export interface RapportQuestionnaireAttributes {
  instrument?: RapportInstrumentId;
  src?: string;
  'terminology-server'?: string;
  endpoint?: string;
  delivery?: 'endpoint' | 'host';
  'allow-insecure-endpoint'?: boolean;
  storage?: 'session' | 'local' | 'none';
  'send-timeout'?: number | string;
  lang?: string;
  /** A JSON object as text, e.g. JSON.stringify({ appointmentId: 'A-1042' }). */
  context?: string;
  /** A JSON object of numbers as text, e.g. '{"total": 40}'. */
  'previous-scores'?: string;
  'show-scores'?: boolean;
  id?: string;
  'subject-token'?: string;
  'draft-expiry'?: number | string;
}

/** Listener props, one per event: `on` + the event's name. */
export type RapportQuestionnaireEventProps = {
  [K in keyof RapportQuestionnaireEventMap as `on${K}`]?: (event: RapportQuestionnaireEventMap[K]) => void;
};

/** Every prop <rapport-questionnaire> takes in JSX. */
export interface RapportQuestionnaireProps
  extends RapportQuestionnaireAttributes,
    RapportQuestionnaireEventProps,
    Omit<HTMLAttributes<RapportQuestionnaire>, keyof RapportQuestionnaireAttributes>,
    ClassAttributes<RapportQuestionnaire> {
  /** The attribute's own name works too in React 19 for custom elements. */
  class?: string;
  /** An inline FHIR R4 Questionnaire (object or JSON text), set as the `definition` property. */
  definition?: object | string | null;
  /** The signed-in patient's subject token, set as the write-only `subjectToken` property. */
  subjectToken?: string | null;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'rapport-questionnaire': RapportQuestionnaireProps;
    }
  }
}
