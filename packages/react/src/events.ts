import type { AtliqEventMap } from '@atliq/components/elements';
import type { EventName } from '@lit/react';

/** An `atliq-*` event as the DOM delivers it: a `CustomEvent` whose detail is typed from the components' event map. */
export type AtliqEvent<K extends keyof AtliqEventMap> = CustomEvent<AtliqEventMap[K]>;

const event = <K extends keyof AtliqEventMap>(type: K) => type as EventName<AtliqEvent<K>>;

/**
 * The React props of the events the elements fire, by what they mean. Each wrapper lists only the ones its element
 * (or, for the dashboard, something inside it: the events bubble out of shadow roots) can fire.
 */
export const onSelect = event('atliq-select');
export const onFilterChange = event('atliq-filter-change');
export const onTargetChange = event('atliq-target-change');
export const onDrill = event('atliq-drill');
export const onError = event('atliq-error');
