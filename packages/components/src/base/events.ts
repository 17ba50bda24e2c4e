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

/**
 * Detail of `atliq-target-change`: the profit target (margin %) chosen in the filter bar, or null when the control was
 * emptied (the profit charts then draw last year's margin again).
 */
export interface AtliqTargetChangeDetail {
  readonly target: number | null;
}

/** Detail of `atliq-drill`: the members opened so far (empty at the top level) and the dimension now shown. */
export interface AtliqDrillDetail {
  /** e.g. `[{ dimension: 'market', member: 'Mumbai', label: 'Mumbai' }]`. */
  readonly path: readonly DrillStep[];
  /** The level the chart shows after the change, e.g. `customer`. */
  readonly dimension: string;
}

/** Every event an `<atliq-*>` element fires, by type, with its detail. All bubble out of shadow roots. */
export interface AtliqEventMap {
  /** A component could not load or show its data. */
  'atliq-error': AtliqErrorDetail;
  /** A person selected (or cleared) a member in a chart; it now filters the dashboard's other charts. */
  'atliq-select': AtliqSelectDetail;
  /** A person changed the filter bar. */
  'atliq-filter-change': AtliqFilterChangeDetail;
  /**
   * A person changed the profit target in the filter bar; `<atliq-dashboard>` takes it as its `target`, which its
   * context hands to the profit charts inside.
   */
  'atliq-target-change': AtliqTargetChangeDetail;
  /** A person drilled a chart down into a member or back up its breadcrumb; only that chart's query changed. */
  'atliq-drill': AtliqDrillDetail;
}

/** The events as the DOM types them, so `addEventListener('atliq-select', …)` knows its detail. */
type AtliqEvents = { readonly [K in keyof AtliqEventMap]: CustomEvent<AtliqEventMap[K]> };

declare global {
  interface HTMLElementEventMap extends AtliqEvents {}
}
