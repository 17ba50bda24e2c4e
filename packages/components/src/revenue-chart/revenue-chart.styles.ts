import { css } from 'lit';
import { visuallyHiddenStyles } from '../base/data-table.ts';
import { hostStyles } from '../base/host.styles.ts';
import { statusStyles } from '../base/status.ts';

export const revenueChartStyles = [
  hostStyles,
  statusStyles,
  visuallyHiddenStyles,
  css`
    :host {
      position: relative;
    }
    svg {
      display: block;
      overflow: visible;
    }
    .bar {
      fill: var(--atliq-bar-color, #2f6bd8);
    }
    .mark {
      cursor: pointer;
      outline: none;
    }
    .mark:focus-visible .bar {
      stroke: var(--atliq-focus-color, #f5a623);
      stroke-width: 2px;
    }
    .mark[data-dimmed='true'] {
      opacity: 0.4;
    }
    .mark[data-selected='true'] .label {
      font-weight: 600;
    }
    .bar.negative {
      fill: var(--atliq-negative-color, #c0392b);
    }
    .tooltip {
      position: absolute;
      left: 0;
      pointer-events: none;
      padding: 0.25rem 0.5rem;
      border-radius: 4px;
      background: var(--atliq-surface-color, #ffffff);
      color: var(--atliq-text-color, #1f2733);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
      white-space: nowrap;
      z-index: 1;
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
  `,
];
