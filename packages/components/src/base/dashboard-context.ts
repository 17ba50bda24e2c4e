import type { AtliqSource, Selection } from '@atliq/sdk';
import { createContext } from '@lit/context';

/** What an `<atliq-dashboard>` hands down to every component inside it: one source and one cross-filter. */
export interface DashboardContext {
  readonly source: AtliqSource;
  readonly selection: Selection;
}

/** Keyed by a symbol from this module, so two copies of the bundle on one page never answer each other. */
export const dashboardContext = createContext<DashboardContext | undefined>(Symbol('atliq-dashboard'));
