/**
 * @atliq/react/jsx — types for writing the `<atliq-*>` tags directly in React 19 JSX, without the wrappers:
 * `import type {} from '@atliq/react/jsx';` once in the app, then `<atliq-kpi src="…" measure="revenue" />`.
 *
 * React 19 sets a prop as the element's property when the element has one by that name (`asOf`, `compare`),
 * as an attribute otherwise (`as-of`), and listens to `on<event>` props (`onatliq-select`). React 18 sets every prop
 * as a string attribute and ignores the event props: with React 18, use the wrappers of `@atliq/react`.
 */
import type { ATLIQ_ELEMENTS, AtliqEventMap, AtliqTagName } from '@atliq/components/elements';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { AtliqEvent, EventsOf } from './events.ts';

/** The attribute names of the properties whose attribute is not their name. */
interface KebabAttributes {
  'as-of'?: string;
  'fiscal-year-start'?: string;
  'stale-after'?: string;
  'target-control'?: boolean;
}

type Period = 'asOf' | 'fiscalYearStart' | 'comparison';
type ChartProperties = 'src' | 'theme' | 'locale' | 'currency' | Period;
type ChartAttributes = 'as-of' | 'fiscal-year-start';

type ElementOf<T extends AtliqTagName> = InstanceType<(typeof ATLIQ_ELEMENTS)[T]>;

/** What tag `T` takes besides React's HTML attributes: properties `P` of its element, kebab-case attributes `A`. */
interface Settings<T extends AtliqTagName, P extends keyof ElementOf<T>, A extends keyof KebabAttributes> {
  tag: T;
  properties: P;
  attributes: A;
}

/** Keyed by every tag of `@atliq/components/elements`: a new element does not type-check until it is listed here. */
interface TagSettings {
  'atliq-dashboard': Settings<'atliq-dashboard', 'src' | 'hash' | 'target' | 'theme' | Period, ChartAttributes>;
  'atliq-data-status': Settings<
    'atliq-data-status',
    ChartProperties | 'staleAfter' | 'now',
    ChartAttributes | 'stale-after'
  >;
  'atliq-filter-bar': Settings<
    'atliq-filter-bar',
    'src' | 'theme' | 'target' | 'targetControl' | 'fiscalYearStart',
    'fiscal-year-start' | 'target-control'
  >;
  'atliq-insights': Settings<'atliq-insights', ChartProperties | 'max' | 'kinds' | 'target', ChartAttributes>;
  'atliq-kpi': Settings<'atliq-kpi', ChartProperties | 'measure', ChartAttributes>;
  'atliq-profit-chart': Settings<'atliq-profit-chart', ChartProperties | 'target', ChartAttributes>;
  'atliq-revenue-chart': Settings<
    'atliq-revenue-chart',
    ChartProperties | 'by' | 'measure' | 'top' | 'compare',
    ChartAttributes
  >;
  'atliq-top-list': Settings<'atliq-top-list', ChartProperties | 'by' | 'n' | 'measure', ChartAttributes>;
  'atliq-trend-chart': Settings<'atliq-trend-chart', ChartProperties | 'grain' | 'measure', ChartAttributes>;
}

/**
 * The props of tag `T`: React's HTML attributes, the element's properties and attributes from {@link TagSettings},
 * and a listener prop for each event it fires (`onatliq-select={(e) => e.detail.label}`).
 */
type TagProps<T extends AtliqTagName> = DetailedHTMLProps<HTMLAttributes<ElementOf<T>>, ElementOf<T>> &
  Partial<Pick<ElementOf<T>, TagSettings[T]['properties'] & keyof ElementOf<T>>> &
  Pick<KebabAttributes, TagSettings[T]['attributes']> & {
    [K in EventsOf<T> as `on${K}`]?: (event: AtliqEvent<K & keyof AtliqEventMap>) => void;
  };

/** Every `<atliq-*>` tag with its props. */
export type AtliqIntrinsicElements = { [T in AtliqTagName]: TagProps<T> };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends AtliqIntrinsicElements {}
  }
}
