import { css } from 'lit';
import { visuallyHiddenStyles } from '../base/data-table.ts';
import { hostStyles } from '../base/host.styles.ts';
import { barMarkStyles, barTextStyles, tooltipStyles } from '../base/mark.styles.ts';
import { statusStyles } from '../base/status.ts';
import { toolbarStyles } from '../base/toolbar.ts';

export const profitChartStyles = [
  hostStyles,
  tooltipStyles,
  barTextStyles,
  statusStyles,
  visuallyHiddenStyles,
  toolbarStyles,
  barMarkStyles,
  css`
    .bar.below {
      fill: var(--atliq-below-target-color, #d9822b);
    }
    .bar.loss {
      fill: var(--atliq-negative-color, #c0392b);
    }
    .zero {
      stroke: var(--atliq-muted-color, #5b6472);
    }
    .target {
      stroke: var(--atliq-negative-color, #c0392b);
      stroke-width: 2;
      stroke-dasharray: 5 3;
    }
    .target-label {
      text-anchor: middle;
      fill: var(--atliq-negative-color, #c0392b);
      font-size: 0.85em;
    }
    .below-list {
      margin: 8px 0 0;
    }
    .gap {
      color: var(--atliq-below-target-color, #d9822b);
      font-weight: 600;
    }
  `,
];
