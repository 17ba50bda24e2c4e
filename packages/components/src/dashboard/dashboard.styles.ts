import { css } from 'lit';
import { statusStyles } from '../base/status.ts';
import { themeStyles } from '../base/theme.styles.ts';

export const dashboardStyles = [
  statusStyles,
  themeStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      background: var(--atliq-background, transparent);
      color: var(--atliq-text-color, #1f2733);
      font: var(--atliq-font, 13px / 1.4 system-ui, sans-serif);
    }
    :host([hidden]) {
      display: none;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(12, minmax(0, 1fr));
      gap: var(--atliq-dashboard-gap, 16px);
    }
    /* Slotted and default tiles alike: a half by default, sized by data-span. */
    ::slotted(*),
    .grid > * {
      grid-column: span 6;
      min-width: 0;
    }
    ::slotted([data-span='full']),
    .grid > [data-span='full'] {
      grid-column: 1 / -1;
    }
    ::slotted([data-span='third']),
    .grid > [data-span='third'] {
      grid-column: span 4;
    }
    ::slotted([data-span='quarter']),
    .grid > [data-span='quarter'] {
      grid-column: span 3;
    }
    .tile {
      box-sizing: border-box;
      padding: 12px 16px;
      background: var(--atliq-tile-background, #ffffff);
      border: var(--atliq-tile-border, 1px solid #e3e7ee);
      border-radius: 8px;
    }
    h2 {
      margin: 0 0 8px;
      font-size: 1.05em;
      font-weight: 600;
    }
    @container (max-width: 900px) {
      ::slotted([data-span='quarter']),
      .grid > [data-span='quarter'] {
        grid-column: span 6;
      }
    }
    @container (max-width: 640px) {
      ::slotted(*),
      .grid > * {
        grid-column: 1 / -1;
      }
    }
  `,
];
