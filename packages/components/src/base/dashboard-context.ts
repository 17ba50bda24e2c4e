import type { AtliqSource, Selection } from '@atliq/sdk';
import { createContext } from '@lit/context';
import type { PeriodAttributes } from './period-settings.ts';

/**
 * What an `<atliq-dashboard>` hands down to every component inside it: one source, one cross-filter, how its
 * periods are reckoned, and its profit target.
 */
export interface DashboardContext {
  readonly source: AtliqSource;
  readonly selection: Selection;
  readonly period: PeriodAttributes;
  /**
   * The profit target (margin %, as written) of every profit chart inside that has no `target` of its own; empty for
   * last year's margin.
   */
  readonly target: string;
}

/** Keyed by a symbol from this module, so two copies of the bundle on one page never answer each other. */
export const dashboardContext = createContext<DashboardContext | undefined>(Symbol('atliq-dashboard'));
