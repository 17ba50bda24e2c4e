import { css } from 'lit';
import { visuallyHiddenStyles } from '../base/data-table.ts';
import { hostStyles } from '../base/host.styles.ts';
import { tooltipStyles } from '../base/mark.styles.ts';
import { statusStyles } from '../base/status.ts';
import { toolbarStyles } from '../base/toolbar.ts';

export const trendChartStyles = [
  hostStyles,
  tooltipStyles,
  statusStyles,
  visuallyHiddenStyles,
  toolbarStyles,
  css`
    .plot {
      position: relative;
    }
    svg {
      display: block;
      touch-action: none;
      cursor: crosshair;
      outline: none;
    }
    svg:focus-visible {
      box-shadow: 0 0 0 2px var(--atliq-focus-color, #f5a623);
    }
    /* One transparent column per period: the listbox's options, outlined where the keyboard focus is. */
    .period {
      fill: none;
      pointer-events: none;
    }
    svg:focus-visible .period[data-active='true'] {
      stroke: var(--atliq-focus-color, #f5a623);
      stroke-width: 2px;
    }
    .area {
      fill: var(--atliq-bar-color, #2f6bd8);
      fill-opacity: 0.15;
    }
    .line {
      fill: none;
      stroke: var(--atliq-bar-color, #2f6bd8);
      stroke-width: 2;
    }
    /* The last period, cut short by the as-of day: a dashed line into a hollow point, labelled with its last day. */
    .partial {
      fill: none;
      stroke: var(--atliq-bar-color, #2f6bd8);
      stroke-width: 2;
      stroke-dasharray: 4 3;
    }
    .partial-point {
      fill: var(--atliq-tile-background, #ffffff);
      stroke: var(--atliq-bar-color, #2f6bd8);
      stroke-width: 2;
    }
    .partial-label {
      fill: var(--atliq-muted-color, #5b6472);
      font-size: 0.8em;
    }
    .previous {
      fill: none;
      stroke: var(--atliq-previous-color, #9aa3b2);
      stroke-width: 1.5;
      stroke-dasharray: 4 3;
    }
    .grid {
      stroke: var(--atliq-muted-color, #5b6472);
      stroke-opacity: 0.2;
    }
    .axis {
      fill: var(--atliq-muted-color, #5b6472);
      font-size: 0.85em;
      font-variant-numeric: tabular-nums;
    }
    .axis.y {
      text-anchor: end;
      dominant-baseline: central;
    }
    .brush {
      fill: var(--atliq-brush-color, rgb(245 166 35 / 0.25));
    }
    .focus {
      fill: var(--atliq-bar-color, #2f6bd8);
    }
    .legend {
      display: flex;
      align-items: center;
      gap: 6px;
      color: var(--atliq-muted-color, #5b6472);
      font-size: 0.85em;
    }
    .key {
      display: inline-block;
      width: 16px;
      border-top: 2px solid var(--atliq-bar-color, #2f6bd8);
    }
    .key.last {
      margin-left: 12px;
      border-top: 2px dashed var(--atliq-previous-color, #9aa3b2);
    }
    .tooltip {
      top: 0;
    }
  `,
];
