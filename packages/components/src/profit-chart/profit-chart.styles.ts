import { css } from 'lit';
import { barChartStyles } from '../base/mark.styles.ts';

export const profitChartStyles = [
  ...barChartStyles,
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
