import type { ATLIQ_ELEMENTS, AtliqTagName } from '@atliq/components/elements';
import { createComponent, type ReactWebComponent } from '@lit/react';
import * as React from 'react';
import { type EventProps, eventProps } from './events.ts';

/** The React component of element `I` under tag `T`: its props, and the `on…` props of the events `T` fires. */
export type AtliqComponent<I extends HTMLElement, T extends AtliqTagName> = ReactWebComponent<I, EventProps<T>>;

/**
 * Defines `tagName` (unless the page already did, e.g. with the `atliq.js` script tag) and wraps it, with the `on…`
 * props of the events it fires. Nothing is defined on a server, where there is no `customElements`: the elements
 * render in the browser only. The class is passed in, not looked up by tag, so a page importing one wrapper bundles
 * one element.
 */
export function wrap<T extends AtliqTagName, I extends InstanceType<(typeof ATLIQ_ELEMENTS)[T]>>(
  tagName: T,
  elementClass: new () => I,
  displayName: string,
): AtliqComponent<I, T> {
  if (typeof customElements !== 'undefined' && !customElements.get(tagName)) {
    customElements.define(tagName, elementClass);
  }
  return createComponent({ react: React, tagName, elementClass, events: eventProps(tagName), displayName });
}
