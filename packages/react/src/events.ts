import type { AtliqEventMap, AtliqTagName } from '@atliq/components/elements';
import type { EventName } from '@lit/react';

/** An `atliq-*` event as the DOM delivers it: a `CustomEvent` whose detail is typed from the components' event map. */
export type AtliqEvent<K extends keyof AtliqEventMap> = CustomEvent<AtliqEventMap[K]>;

/**
 * The events each element fires — for the dashboard, those of the elements inside it, which bubble out of their
 * shadow roots — as custom-elements.json lists them (a unit test compares the two). The wrappers listen to these,
 * the JSX types of `@atliq/react/jsx` offer them.
 */
export const TAG_EVENTS = {
  'atliq-dashboard': ['atliq-select', 'atliq-filter-change', 'atliq-target-change', 'atliq-drill', 'atliq-error'],
  'atliq-data-status': ['atliq-error'],
  'atliq-filter-bar': ['atliq-filter-change', 'atliq-target-change', 'atliq-error'],
  'atliq-insights': ['atliq-select', 'atliq-error'],
  'atliq-kpi': ['atliq-error'],
  'atliq-profit-chart': ['atliq-select', 'atliq-drill', 'atliq-error'],
  'atliq-revenue-chart': ['atliq-select', 'atliq-drill', 'atliq-error'],
  'atliq-top-list': ['atliq-select', 'atliq-drill', 'atliq-error'],
  'atliq-trend-chart': ['atliq-select', 'atliq-drill', 'atliq-error'],
} as const satisfies Record<AtliqTagName, readonly (keyof AtliqEventMap)[]>;

/** The React prop of each event, by what it means. */
export const EVENT_PROPS = {
  'atliq-select': 'onSelect',
  'atliq-filter-change': 'onFilterChange',
  'atliq-target-change': 'onTargetChange',
  'atliq-drill': 'onDrill',
  'atliq-error': 'onError',
} as const satisfies Record<keyof AtliqEventMap, `on${string}`>;

/** The events element `T` fires. */
export type EventsOf<T extends AtliqTagName> = (typeof TAG_EVENTS)[T][number];

/** `@lit/react`'s events option for element `T`: `{ onSelect: 'atliq-select', … }`, each typed with its detail. */
export type EventProps<T extends AtliqTagName> = {
  [K in EventsOf<T> as (typeof EVENT_PROPS)[K]]: EventName<AtliqEvent<K>>;
};

export function eventProps<T extends AtliqTagName>(tag: T): EventProps<T> {
  const events: readonly (keyof AtliqEventMap)[] = TAG_EVENTS[tag];
  return Object.fromEntries(events.map((type) => [EVENT_PROPS[type], type])) as EventProps<T>;
}
