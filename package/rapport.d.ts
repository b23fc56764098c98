// Type declarations for rapport-questionnaire: the <rapport-questionnaire> element, its
// methods, every event's `detail`, and the module's exports. Licence: MIT OR Apache-2.0.
// Checked against README.md's tables by `cargo test -p xtask elements`.

/** A bundled questionnaire's id (the `instrument` attribute). */
export type RapportInstrumentId = 'session-checkin' | 'working-together' | 'psychiatry-relationship';

/** Every `code` of a `rapport-failed` event (README, "`rapport-failed` codes"). */
export type RapportFailCode =
  | 'network'
  | 'server'
  | 'unauthorized'
  | 'rejected'
  | 'no-idempotency-key'
  | 'subject-token-too-large'
  | 'subject-token-malformed'
  | 'subject-token-claims'
  | 'subject-mismatch'
  | 'subject-token-missing'
  | 'subject-token-algorithm'
  | 'subject-token-signature'
  | 'subject-token-issuer'
  | 'subject-token-audience'
  | 'subject-token-expired'
  | 'subject-token-not-yet-valid'
  | 'conflicting-attributes'
  | 'unknown-instrument'
  | 'missing-instrument'
  | 'invalid-delivery'
  | 'missing-endpoint'
  | 'invalid-context'
  | 'invalid-storage'
  | 'invalid-send-timeout'
  | 'invalid-draft-expiry'
  | 'invalid-previous-scores'
  | 'invalid-url'
  | 'insecure-endpoint'
  | 'insecure-src'
  | 'insecure-terminology-server'
  | 'missing-languages-file'
  | 'bad-languages-file'
  | 'missing-instrument-file'
  | 'definition-unreachable'
  | 'invalid-definition'
  | 'missing-strings'
  | 'integrity-failed'
  | 'value-set-unreachable'
  // Sent by the loader (rapport.js) when the WebAssembly cannot be started.
  | 'wasm-load-failed';

/** The questionnaire an event is about: its id and version. */
export interface RapportInstrumentRef {
  /** A bundled id (`working-together`), or for a clinic definition its `name`, else its `url`. */
  id: string;
  /** The definition's `version` (`unversioned` when it has none). */
  version: string;
}

/** One score: `value` is null when too few items were answered. */
export interface RapportScore {
  id: string;
  value: number | null;
  answered: number;
  items: number;
}

/** One raised flag: a prompt for the clinician to talk, not a diagnosis. */
export interface RapportFlag {
  id: string;
  /** The id of the score the flag is about. */
  score: string;
  /** The items that raised it, when the rule names items. */
  items?: string[];
}

/**
 * The receipt fields passed on in `rapport-submitted`: only those of the endpoint's 2xx JSON
 * body (or of the receipt given to `confirmSubmission`) that are strings of at most 100
 * characters.
 */
export interface RapportReceipt {
  id?: string;
  idempotencyKey?: string;
  receivedAt?: string;
}

/** The envelope the widget sends (docs/payload.md). */
export interface RapportEnvelope {
  /** The widget writes `/3`; `/1` and `/2` are older formats receivers still read. */
  format: 'rapport-envelope/1' | 'rapport-envelope/2' | 'rapport-envelope/3';
  /** The widget that wrote it (`/3`): the same version as the element's `version`. */
  widget?: { version: string };
  idempotencyKey: string;
  instrument: RapportInstrumentRef & { url?: string };
  language: { tag: string; translationStatus: 'source' | 'reviewed' | 'draft' | 'definition' };
  submittedAt: string;
  scores: RapportScore[];
  flags: RapportFlag[];
  previousScores?: Record<string, number>;
  context: Record<string, unknown>;
  /** When the portal gave a subject token (`/2`, or `/3` with one). */
  subjectToken?: string;
  /** A FHIR R4 QuestionnaireResponse. */
  questionnaireResponse: { resourceType: 'QuestionnaireResponse'; [field: string]: unknown };
}

/** `rapport-ready`: the definition is loaded and rendered. */
export interface RapportReadyDetail {
  instrument: RapportInstrumentRef;
  /** The language the widget chose (BCP 47). */
  language: string;
}

/** `rapport-change`: an answer changed (which question, not its answer). */
export interface RapportChangeDetail {
  linkId: string;
  answered: number;
  total: number;
}

/** `rapport-submitted`: the endpoint (or the portal) confirmed delivery. */
export interface RapportSubmittedDetail {
  receipt: RapportReceipt;
  instrument: RapportInstrumentRef;
  idempotencyKey: string;
}

/** `rapport-failed`: a send failed, or the configuration is wrong. */
export interface RapportFailedDetail {
  code: RapportFailCode;
  /** For developers: the problem, or the HTTP status with the endpoint's error code. Never the response body. */
  message: string;
  retryable: boolean;
  /** Sending codes: the submission waits in the outbox and is retried. */
  queued?: boolean;
  /** Sending codes: the waiting submission is also kept on the device (per `storage`). */
  savedOnDevice?: boolean;
  /** Sending codes: the attempt's key. */
  idempotencyKey?: string;
  /** Sending codes: the questionnaire of the attempt. */
  instrument?: RapportInstrumentRef;
}

/** `rapport-submit` (only with `delivery="host"`): the answers, for the portal to send. */
export interface RapportSubmitDetail {
  idempotencyKey: string;
  /** The envelope as an object. */
  envelope: RapportEnvelope;
  /** The exact JSON text to send. */
  body: string;
}

/** `rapport-flagged`: scoring raised a flag. Derived from the answers: health data. */
export interface RapportFlaggedDetail {
  flags: RapportFlag[];
  scores: RapportScore[];
  instrument: RapportInstrumentRef;
  idempotencyKey: string;
}

/** Every event of the element and its `detail`. */
export interface RapportQuestionnaireEventMap {
  'rapport-ready': CustomEvent<RapportReadyDetail>;
  'rapport-change': CustomEvent<RapportChangeDetail>;
  'rapport-submitted': CustomEvent<RapportSubmittedDetail>;
  'rapport-failed': CustomEvent<RapportFailedDetail>;
  'rapport-submit': CustomEvent<RapportSubmitDetail>;
  'rapport-flagged': CustomEvent<RapportFlaggedDetail>;
}

/** `rejectSubmission`'s options. */
export interface RapportRejectOptions {
  /** Default true: try again later with the same key. */
  retryable?: boolean;
  /** Passed on only when it is a code such as `appointment-closed` (a-z, 0-9, -). */
  message?: string;
}

/** The <rapport-questionnaire> element. Attributes are set as attributes (see README). */
export interface RapportQuestionnaire extends HTMLElement {
  /** An inline FHIR R4 Questionnaire (object or JSON text); null when none was set. */
  get definition(): object | string | null;
  set definition(value: object | string | null);
  /** Write-only: the signed-in patient's subject token (wins over the `subject-token` attribute). */
  set subjectToken(value: string | null);
  /** Extra request headers for sending (kept in memory only); null clears them. */
  setRequestHeaders(headers: Record<string, string> | null): void;
  /** Host delivery: the portal delivered this submission. False when no such submission waits. */
  confirmSubmission(idempotencyKey: string, receipt?: RapportReceipt | null): boolean;
  /** Host delivery: the portal could not deliver this submission. */
  rejectSubmission(idempotencyKey: string, options?: RapportRejectOptions): boolean;
  /** Removes everything the widget stored; returns how many undelivered submissions were removed. */
  clearStoredData(): number;

  addEventListener<K extends keyof RapportQuestionnaireEventMap>(
    type: K,
    listener: (this: RapportQuestionnaire, ev: RapportQuestionnaireEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: RapportQuestionnaire, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof RapportQuestionnaireEventMap>(
    type: K,
    listener: (this: RapportQuestionnaire, ev: RapportQuestionnaireEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: RapportQuestionnaire, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

/** The element's class: `customElements.get('rapport-questionnaire')`. */
export interface RapportQuestionnaireConstructor {
  new (): RapportQuestionnaire;
  prototype: RapportQuestionnaire;
  /** The package's version, e.g. "0.1.0". */
  readonly version: string;
  readonly observedAttributes: string[];
}

/**
 * Where the widget fetches its files from (default: the folder of rapport.js). Call it before
 * the first element connects when the app serves the files elsewhere, e.g. `setBasePath('/rapport/')`.
 */
export function setBasePath(url: string | URL): void;

/** The folder the widget fetches its files from (an absolute URL ending in `/`). */
export function getBasePath(): string;

declare global {
  interface HTMLElementTagNameMap {
    'rapport-questionnaire': RapportQuestionnaire;
  }
  interface CustomElementRegistry {
    get(name: 'rapport-questionnaire'): RapportQuestionnaireConstructor | undefined;
  }
}
