import { css } from 'lit';
import { visuallyHiddenStyles } from './data-table.ts';
import { hostStyles } from './host.styles.ts';
import { statusStyles } from './status.ts';
import { toolbarStyles } from './toolbar.ts';

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
  /* Its top is the middle of the row it describes, which it alone covers: it is no taller than a row. */
  .row-tooltip {
    transform: translateY(-50%);
    box-sizing: border-box;
    width: max-content;
    white-space: normal;
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

/**
 * The horizontal bar charts' plot and marks: default bar fill, focus outline, dimmed when another member is selected,
 * bold label when selected, tooltip at the left unless the chart places it (`barTooltip`). Each chart adds only
 * its own bar variants (losses, below target).
 */
export const barMarkStyles = css`
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
  .tooltip {
    left: 0;
  }
`;

/** Everything a horizontal bar chart on `barMarks()` shares; a chart adds its own bar variants after it. */
export const barChartStyles = [
  hostStyles,
  tooltipStyles,
  barTextStyles,
  statusStyles,
  visuallyHiddenStyles,
  toolbarStyles,
  barMarkStyles,
];
