import { css } from 'lit';
import { visuallyHiddenStyles } from '../base/data-table.ts';
import { hostStyles } from '../base/host.styles.ts';
import { statusStyles } from '../base/status.ts';

export const kpiStyles = [
  hostStyles,
  statusStyles,
  visuallyHiddenStyles,
  css`
    :host {
      --atliq-status-min-height: 4.5rem;
    }
    /* A missing measure is a fact about the extract: said in the tile's own size, not as a big alert. */
    .status[data-state='unavailable'] {
      text-align: start;
      place-content: start;
      padding: 0;
    }
    .status .reason {
      font-size: 0.85em;
    }
    .label {
      color: var(--atliq-muted-color, #5b6472);
      font-weight: 600;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      font-size: 0.85em;
    }
    .value {
      font-size: var(--atliq-kpi-value-size, 2em);
      font-weight: 650;
      font-variant-numeric: tabular-nums;
      line-height: 1.2;
    }
    .period {
      color: var(--atliq-muted-color, #5b6472);
      font-size: 0.85em;
    }
    .comparison {
      color: var(--atliq-muted-color, #5b6472);
      font-size: 0.9em;
    }
    [data-direction='up'] .change {
      color: var(--atliq-positive-color, #1b7f3b);
      font-weight: 600;
    }
    [data-direction='down'] .change {
      color: var(--atliq-negative-color, #c0392b);
      font-weight: 600;
    }
  `,
];
