/**
 * @atliq/react/jsx — types for writing the `<atliq-*>` tags directly in React 19 JSX, without the wrappers:
 * `import type {} from '@atliq/react/jsx';` once in the app, then `<atliq-kpi src="…" measure="revenue" />`.
 *
 * React 19 sets a prop as the element's property when the element has one by that name (`asOf`, `compare`),
 * as an attribute otherwise (`as-of`), and listens to `on<event>` props (`onatliq-select`). React 18 sets every prop
 * as a string attribute and ignores the event props: with React 18, use the wrappers of `@atliq/react`.
 */
import type {
  AtliqDashboard,
  AtliqDataStatus,
  AtliqEventMap,
  AtliqFilterBar,
  AtliqInsights,
  AtliqKpi,
  AtliqProfitChart,
  AtliqRevenueChart,
  AtliqTopList,
  AtliqTrendChart,
} from '@atliq/components/elements';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AtliqEvent } from './events.ts';

/** The attribute names of the properties whose attribute is not their name. */
interface KebabAttributes {
  'as-of'?: string;
  'fiscal-year-start'?: string;
  'stale-after'?: string;
  'target-control'?: boolean;
}

/**
 * The props of tag `E`: React's HTML attributes, the element's properties `P`, the attributes among `A` and a
 * listener prop for each event `V` it fires (`onatliq-select={(e) => e.detail.label}`).
 */
type TagProps<
  E extends HTMLElement,
  P extends keyof E,
  A extends keyof KebabAttributes = never,
  V extends keyof AtliqEventMap = never,
> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  Partial<Pick<E, P>> &
  Pick<KebabAttributes, A> & { [K in V as `on${K}`]?: (event: AtliqEvent<K>) => void };

type Period = 'asOf' | 'fiscalYearStart' | 'comparison';
type ChartProperties = 'src' | 'theme' | 'locale' | 'currency' | Period;
type ChartAttributes = 'as-of' | 'fiscal-year-start';
type MarkEvents = 'atliq-select' | 'atliq-drill' | 'atliq-error';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'atliq-dashboard': TagProps<
        AtliqDashboard,
        'src' | 'hash' | 'target' | 'theme' | Period,
        ChartAttributes,
        keyof AtliqEventMap
      >;
      'atliq-data-status': TagProps<
        AtliqDataStatus,
        ChartProperties | 'staleAfter' | 'now',
        ChartAttributes | 'stale-after',
        'atliq-error'
      >;
      'atliq-filter-bar': TagProps<
        AtliqFilterBar,
        'src' | 'theme' | 'target' | 'targetControl' | 'fiscalYearStart',
        'fiscal-year-start' | 'target-control',
        'atliq-filter-change' | 'atliq-target-change' | 'atliq-error'
      >;
      'atliq-insights': TagProps<
        AtliqInsights,
        ChartProperties | 'max' | 'kinds' | 'target',
        ChartAttributes,
        'atliq-select' | 'atliq-error'
      >;
      'atliq-kpi': TagProps<AtliqKpi, ChartProperties | 'measure', ChartAttributes, 'atliq-error'>;
      'atliq-profit-chart': TagProps<AtliqProfitChart, ChartProperties | 'target', ChartAttributes, MarkEvents>;
      'atliq-revenue-chart': TagProps<
        AtliqRevenueChart,
        ChartProperties | 'by' | 'measure' | 'top' | 'compare',
        ChartAttributes,
        MarkEvents
      >;
      'atliq-top-list': TagProps<AtliqTopList, ChartProperties | 'by' | 'n' | 'measure', ChartAttributes, MarkEvents>;
      'atliq-trend-chart': TagProps<
        AtliqTrendChart,
        ChartProperties | 'grain' | 'measure',
        ChartAttributes,
        MarkEvents
      >;
    }
  }
}
