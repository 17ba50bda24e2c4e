import { css } from 'lit';
import { statusStyles } from '../base/status.ts';

export const revenueChartStyles = [
  statusStyles,
  css`
    :host {
      display: block;
      font: var(--atliq-font, 13px / 1.4 system-ui, sans-serif);
      color: var(--atliq-text-color, #1f2733);
    }
    :host([hidden]) {
      display: none;
    }
    svg {
      display: block;
      overflow: visible;
    }
    .bar {
      fill: var(--atliq-bar-color, #2f6bd8);
    }
    .label {
      text-anchor: end;
      dominant-baseline: central;
      fill: currentColor;
    }
    .value {
      dominant-baseline: central;
      fill: var(--atliq-muted-color, #5b6472);
      font-variant-numeric: tabular-nums;
    }
    /* The table is the screen-reader view of the chart: present in the accessibility tree, not on screen. */
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
  `,
];
