import { css } from 'lit';
import { hostStyles } from '../base/host.styles.ts';
import { statusStyles } from '../base/status.ts';

export const dataStatusStyles = [
  hostStyles,
  statusStyles,
  css`
    .summary {
      margin: 0 0 8px;
      font-size: 1.1em;
    }
    .findings {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
      gap: 8px 24px;
    }
    .finding {
      display: grid;
      grid-template-columns: 1.5em 1fr;
      gap: 6px;
      align-items: start;
    }
    .marker {
      display: inline-grid;
      place-items: center;
      width: 1.4em;
      height: 1.4em;
      border-radius: 50%;
      color: #fff;
      font-weight: 700;
      font-size: 0.85em;
      background: var(--atliq-positive-color, #1b7f3b);
    }
    [data-level='warn'] > .marker {
      background: var(--atliq-warning-color, #b35c00);
    }
    p,
    .items {
      margin: 2px 0 0;
      color: var(--atliq-muted-color, #5b6472);
    }
    .items {
      padding-left: 1.1em;
    }
  `,
];
