import type { AtliqSource, Selection } from '@atliq/sdk';
import { createContext } from '@lit/context';
import type { PeriodAttributes } from './period-settings.ts';

/**
 * What an `<atliq-dashboard>` hands down to every component inside it: one source, one cross-filter, and how its
 * periods are reckoned.
 */
export interface DashboardContext {
  readonly source: AtliqSource;
  readonly selection: Selection;
  readonly period: PeriodAttributes;
}

/** Keyed by a symbol from this module, so two copies of the bundle on one page never answer each other. */
export const dashboardContext = createContext<DashboardContext | undefined>(Symbol('atliq-dashboard'));
