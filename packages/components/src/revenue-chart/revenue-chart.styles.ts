import { css } from 'lit';
import { visuallyHiddenStyles } from '../base/data-table.ts';
import { hostStyles } from '../base/host.styles.ts';
import { barMarkStyles, barTextStyles, tooltipStyles } from '../base/mark.styles.ts';
import { statusStyles } from '../base/status.ts';
import { toolbarStyles } from '../base/toolbar.ts';

export const revenueChartStyles = [
  hostStyles,
  tooltipStyles,
  barTextStyles,
  statusStyles,
  visuallyHiddenStyles,
  toolbarStyles,
  barMarkStyles,
  css`
    .bar.negative {
      fill: var(--atliq-negative-color, #c0392b);
    }
  `,
];
