import { css } from 'lit';
import { visuallyHiddenStyles } from '../base/data-table.ts';
import { hostStyles } from '../base/host.styles.ts';
import { barTextStyles, tooltipStyles } from '../base/mark.styles.ts';
import { statusStyles } from '../base/status.ts';
import { toolbarStyles } from '../base/toolbar.ts';

export const revenueChartStyles = [
  hostStyles,
  tooltipStyles,
  barTextStyles,
  statusStyles,
  visuallyHiddenStyles,
  toolbarStyles,
  css`
    .plot {
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
      left: 0;
    }
  `,
];
