import { css } from 'lit';
import { hostStyles } from '../base/host.styles.ts';
import { statusStyles } from '../base/status.ts';

export const filterBarStyles = [
  hostStyles,
  statusStyles,
  css`
    :host {
      --atliq-status-min-height: 3rem;
    }
    .fields {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 8px 16px;
    }
    .field {
      display: grid;
      gap: 2px;
      color: var(--atliq-muted-color, #5b6472);
      font-size: 0.9em;
    }
    select,
    input,
    button {
      font: inherit;
      color: var(--atliq-text-color, #1f2733);
      background: var(--atliq-input-background, #ffffff);
      border: 1px solid var(--atliq-muted-color, #5b6472);
      border-radius: 4px;
      padding: 4px 8px;
      min-height: 28px;
    }
    select {
      min-width: 8em;
    }
    input {
      width: 6em;
    }
    .target-error {
      max-width: 24em;
      color: var(--atliq-error-color, #a12622);
      font-size: 0.9em;
    }
    button:disabled {
      opacity: 0.5;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      padding: 2px 4px 2px 10px;
      border-radius: 999px;
      background: var(--atliq-chip-background, #e8effc);
    }
    .chip button {
      border: none;
      background: transparent;
      padding: 0 6px;
      min-height: 0;
      cursor: pointer;
    }
  `,
];
