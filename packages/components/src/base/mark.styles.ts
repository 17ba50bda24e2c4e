import { css } from 'lit';

/** The floating tooltip of a chart; each chart sets only where it is anchored (`left`/`top`). */
export const tooltipStyles = css`
  .tooltip {
    position: absolute;
    pointer-events: none;
    padding: 0.25rem 0.5rem;
    border-radius: 4px;
    background: var(--atliq-surface-color, #ffffff);
    color: var(--atliq-text-color, #1f2733);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
    white-space: nowrap;
    z-index: 1;
  }
`;

/** Category labels (right-aligned before a bar) and value labels (after it) of the horizontal bar charts. */
export const barTextStyles = css`
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
`;
