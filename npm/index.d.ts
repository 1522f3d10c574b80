// Types of <partner-scorecard> for TypeScript hosts. The runtime is index.js; the
// element's reference is docs/embedding.md (and custom-elements.json).

/** A quarter as the widget reads it, for example `2026-Q3`. */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

/** `theme`: `auto` follows the user's prefers-color-scheme; any other value counts as `auto`. */
export type ScorecardTheme = 'light' | 'dark' | 'auto';

/** `credentials`: the fetch credentials mode for `src`. */
export type ScorecardCredentials = 'omit' | 'same-origin' | 'include';

/** `view`: `qbr` shows the presentation deck; any other value (or none) the scorecard. */
export type ScorecardView = 'qbr';

/** One word of `exports`. */
export type ScorecardExport = 'print' | 'csv' | 'svg' | 'png' | 'pptx';

/**
 * `exports`: words separated by spaces or commas, in any case (`"print csv"`);
 * `""` or `"none"` offers none, and a missing attribute all five.
 */
export type ScorecardExports = string;

/** A whole number of seconds, as a number or a string of digits. */
export type Seconds = number | `${number}`;

/** Every attribute of <partner-scorecard>, with its allowed values. All optional. */
export interface PartnerScorecardAttributes {
  /** URL of the feed (JSON or CSV), relative to the page. */
  src?: string;
  /** The partner `id` whose joint scorecard is shown; without it, the portfolio. */
  partner?: string;
  /** The quarter to show; default the latest in the data. */
  period?: Quarter;
  /** BCP 47 tag for numbers, money and dates; default the page's `lang`. */
  locale?: string;
  /** ISO 4217 code used to display amounts (never converted); default the feed's. */
  currency?: string;
  theme?: ScorecardTheme;
  credentials?: ScorecardCredentials;
  /** Seconds one request may take (default 15). */
  timeout?: Seconds;
  /** Seconds between reloads of `src`; 0 (the default) is off. */
  refresh?: Seconds;
  /** The largest feed read, in bytes (default 500000000); a larger one is a `too-large` error. */
  'max-bytes'?: number | `${number}`;
  view?: ScorecardView;
  exports?: ScorecardExports;
}

/** The names of the observed attributes. */
export type PartnerScorecardAttributeName = keyof PartnerScorecardAttributes;

/** A feed in the JSON shape of the data contract (docs/data-contract.md). */
export interface ScorecardDocument {
  schema: 'partner-scorecard/v1';
  records: unknown[];
  [member: string]: unknown;
}

/** What the `data` property takes: a document object, or JSON or CSV text. */
export type ScorecardData = ScorecardDocument | string;

/** `scorecard-ready`: after every successful load. */
export interface ScorecardReadyDetail {
  /** Partners in the data. */
  partners: number;
  /** Quarters that have scores. */
  periods: number;
  /** Rejected records. */
  rejected: number;
  /** Accepted records. */
  records: number;
}

/** The `kind` of a `scorecard-error`. */
export type ScorecardErrorKind =
  | 'config' | 'unauthorised' | 'not-found' | 'http' | 'server'
  | 'network' | 'timeout' | 'parse' | 'schema' | 'empty' | 'too-large' | 'plan';

/** `scorecard-error`: after every failed load, once retries are used up. */
export interface ScorecardErrorDetail {
  kind: ScorecardErrorKind;
  /** The sentence the widget shows. */
  message: string;
  /** The technical line under "Technical detail". */
  detail: string;
  /** The resolved URL fetched, or null for `config` errors and the `data` property. */
  url: string | null;
}

/** `scorecard-select`: the user opened a partner or picked a period. */
export interface ScorecardSelectDetail {
  partner: string;
  period: Quarter;
}

/** `scorecard-present`: the deck opened or closed. */
export interface ScorecardPresentDetail {
  open: boolean;
}

/** The chart a `scorecard-export` of SVG or PNG came from. */
export type ScorecardChart = 'investment' | 'risk' | 'reward' | 'fairness' | 'health' | 'quadrant';

/** `scorecard-export`: a file was handed to the browser's download. */
export interface ScorecardExportDetail {
  format: 'csv' | 'svg' | 'png' | 'pptx';
  /** The partner shown, or null for the portfolio's quadrant. */
  partner: string | null;
  period: Quarter;
  /** Absent for the CSV. */
  chart?: ScorecardChart;
}

/** One side's agreement to the plan. */
export interface ScorecardSignOff {
  name: string;
  /** ISO time. */
  at?: string | null;
}

/** A next-quarter plan, `partner-scorecard-plan/v1` (docs/plan.md). */
export interface ScorecardPlan {
  schema: 'partner-scorecard-plan/v1';
  partner: string;
  based_on: Quarter;
  period: Quarter;
  figures: Record<'vendor' | 'partner', { investment: number; risk: number; reward: number }>;
  commitments?: Array<{
    side: 'vendor' | 'partner';
    text: string;
    owner?: string | null;
    due?: string | null;
    carried_from?: Quarter | null;
  }> | null;
  agreed?: { vendor?: ScorecardSignOff | null; partner?: ScorecardSignOff | null } | null;
}

/** `scorecard-plan`: the plan after a change (debounced) or a sign-off. */
export interface ScorecardPlanDetail {
  plan: ScorecardPlan;
  /** The same plan as JSON text, ready to store. */
  json: string;
  reason: 'change' | 'sign-off';
  /** Both sides agreed. */
  agreed: boolean;
}

/** Every event the element fires (bubbling, composed `CustomEvent`s), by name. */
export interface PartnerScorecardEventMap {
  'scorecard-ready': CustomEvent<ScorecardReadyDetail>;
  'scorecard-error': CustomEvent<ScorecardErrorDetail>;
  'scorecard-select': CustomEvent<ScorecardSelectDetail>;
  'scorecard-present': CustomEvent<ScorecardPresentDetail>;
  'scorecard-export': CustomEvent<ScorecardExportDetail>;
  'scorecard-plan': CustomEvent<ScorecardPlanDetail>;
}

/** The element. Attributes exist only as attributes; `data`, `plan` and `token` only as properties. */
export interface PartnerScorecardElement extends HTMLElement {
  /** The data itself in place of `src`; `null` or `undefined` returns to `src`. The getter returns what was set. */
  data: ScorecardData | null | undefined;
  /**
   * The next quarter's plan to load (an object or its JSON text); a refused plan keeps the
   * current one and fires `scorecard-error` with kind `plan`. The getter returns the plan on screen.
   */
  get plan(): ScorecardPlan | null;
  set plan(value: ScorecardPlan | string | null | undefined);
  /**
   * A bearer token for `src`, kept in memory only. Reads back as `'••••'` when set,
   * so the token cannot be read from the element.
   */
  get token(): string | undefined;
  set token(value: string | null | undefined);
  /** Loads the data again now, as the Retry button does. */
  reload(): void;

  addEventListener<K extends keyof PartnerScorecardEventMap>(
    type: K, listener: (this: PartnerScorecardElement, ev: PartnerScorecardEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K, listener: (this: PartnerScorecardElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof PartnerScorecardEventMap>(
    type: K, listener: (this: PartnerScorecardElement, ev: PartnerScorecardEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K, listener: (this: PartnerScorecardElement, ev: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions): void;
}

/** The CDN folder named by `<meta name="partner-scorecard-base">`, or null. */
export function basePath(): URL | null;

declare global {
  interface HTMLElementTagNameMap {
    'partner-scorecard': PartnerScorecardElement;
  }
  // The events bubble and are composed: a listener on any ancestor, or on
  // document, gets the typed detail.
  interface HTMLElementEventMap extends PartnerScorecardEventMap {}
  interface DocumentEventMap extends PartnerScorecardEventMap {}
}
