import type { Filters, Member } from '@atliq/sdk';
import type { DrillStep } from './drill.ts';

/** Detail of `atliq-error`: what went wrong, in words for people, and the original error for code. */
export interface AtliqErrorDetail {
  readonly message: string;
  readonly error: unknown;
}

/** Detail of `atliq-select`: the member a person picked (or `value: null` when they cleared the selection). */
export interface AtliqSelectDetail {
  /** The dimension picked on, e.g. `market`. */
  readonly dimension: string;
  /** The member, e.g. `Mumbai`; null when the selection was cleared. */
  readonly value: Member | null;
  /** Readable form for a host page's UI, e.g. "Market: Mumbai". */
  readonly label: string;
}

/** Detail of `atliq-filter-change`: the filter bar's filters after the change (an empty object when cleared). */
export interface AtliqFilterChangeDetail {
  readonly filters: Filters;
}

/** Detail of `atliq-target-change`: the profit target (margin %) chosen in the filter bar. */
export interface AtliqTargetChangeDetail {
  readonly target: number;
}

/** Detail of `atliq-drill`: the members opened so far (empty at the top level) and the dimension now shown. */
export interface AtliqDrillDetail {
  /** e.g. `[{ dimension: 'market', member: 'Mumbai', label: 'Mumbai' }]`. */
  readonly path: readonly DrillStep[];
  /** The level the chart shows after the change, e.g. `customer`. */
  readonly dimension: string;
}

/** Every event an `<atliq-*>` element fires, by type, with its detail. */
export interface AtliqEventMap {
  'atliq-error': AtliqErrorDetail;
  'atliq-select': AtliqSelectDetail;
  'atliq-filter-change': AtliqFilterChangeDetail;
  'atliq-target-change': AtliqTargetChangeDetail;
  'atliq-drill': AtliqDrillDetail;
}

declare global {
  interface HTMLElementEventMap {
    /** A component could not load or show its data. Bubbles out of shadow roots. */
    'atliq-error': CustomEvent<AtliqErrorDetail>;
    /** A person selected (or cleared) a member in a chart; it now filters the dashboard's other charts. */
    'atliq-select': CustomEvent<AtliqSelectDetail>;
    /** A person changed the filter bar. */
    'atliq-filter-change': CustomEvent<AtliqFilterChangeDetail>;
    /** A person changed the profit target in the filter bar; `<atliq-dashboard>` passes it to its profit charts. */
    'atliq-target-change': CustomEvent<AtliqTargetChangeDetail>;
    /** A person drilled a chart down into a member or back up its breadcrumb; only that chart's query changed. */
    'atliq-drill': CustomEvent<AtliqDrillDetail>;
  }
}
