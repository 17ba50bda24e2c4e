import { css } from 'lit';
import { barChartStyles } from '../base/mark.styles.ts';

export const revenueChartStyles = [
  ...barChartStyles,
  css`
    .bar.negative {
      fill: var(--atliq-negative-color, #c0392b);
    }
  `,
];
