import { css } from 'lit';
import { hostStyles } from '../base/host.styles.ts';
import { statusStyles } from '../base/status.ts';

export const insightsStyles = [
  hostStyles,
  statusStyles,
  css`
    :host {
      --atliq-status-min-height: 6rem;
    }
    .basis {
      color: var(--atliq-muted-color, #5b6472);
      font-size: 0.85em;
      margin: 0 0 0.5rem;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .insight {
      border-inline-start: 4px solid var(--atliq-muted-color, #5b6472);
      padding: 0.35rem 0.6rem;
      border-radius: 4px;
      cursor: pointer;
      min-width: 0;
    }
    .insight:focus-visible {
      outline: 2px solid var(--atliq-focus-color, #f5a623);
    }
    .insight[data-tone='good'] {
      border-color: var(--atliq-positive-color, #1b7f3b);
    }
    .insight[data-tone='bad'] {
      border-color: var(--atliq-negative-color, #c0392b);
    }
    .insight[aria-pressed='true'] {
      background: var(--atliq-chip-background, #e8effc);
    }
    .text {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .headline .text {
      font-size: var(--atliq-insights-headline-size, 1.35em);
      font-weight: 600;
      line-height: 1.3;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: baseline;
      color: var(--atliq-muted-color, #5b6472);
      font-size: 0.85em;
    }
    .confidence {
      background: var(--atliq-chip-background, #e8effc);
      color: var(--atliq-text-color, #1f2733);
      border-radius: 999px;
      padding: 0 0.5rem;
    }
    .picture {
      display: block;
      max-width: 100%;
      height: auto;
      margin-top: 0.25rem;
    }
    .step.up {
      fill: var(--atliq-positive-color, #1b7f3b);
    }
    .step.down {
      fill: var(--atliq-negative-color, #c0392b);
    }
    .step.total,
    .band {
      fill: var(--atliq-previous-color, #9aa3b2);
    }
    .band {
      fill-opacity: 0.4;
    }
    .expected {
      stroke: var(--atliq-text-color, #1f2733);
    }
    .actual {
      fill: var(--atliq-bar-color, #2f6bd8);
    }
    .curve {
      fill: none;
      stroke: var(--atliq-bar-color, #2f6bd8);
      stroke-width: 2;
    }
    .axis,
    .guide {
      stroke: var(--atliq-muted-color, #5b6472);
    }
    .guide {
      stroke-dasharray: 3 3;
      stroke-opacity: 0.7;
    }
    .mark80 {
      fill: var(--atliq-text-color, #1f2733);
    }
    .step-label,
    .step-value {
      fill: var(--atliq-muted-color, #5b6472);
      font-size: 10px;
    }
    .dense .step-label,
    .dense .step-value {
      font-size: 9px;
    }
    details {
      font-size: 0.85em;
      margin-top: 0.25rem;
    }
    summary {
      cursor: pointer;
      color: var(--atliq-muted-color, #5b6472);
    }
    pre {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      background: var(--atliq-input-background, #ffffff);
      border: var(--atliq-tile-border, 1px solid #e3e7ee);
      padding: 0.4rem;
      margin: 0.25rem 0;
      font-size: 0.9em;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      text-align: start;
      padding: 0 0.75rem 0 0;
      font-weight: normal;
    }
    .pending {
      margin: 0.5rem 0 0;
      color: var(--atliq-muted-color, #5b6472);
      font-size: 0.9em;
      font-style: italic;
    }
    .caveats {
      margin: 0.5rem 0 0;
      padding-inline-start: 1.1rem;
      color: var(--atliq-warning-color, #b35c00);
      font-size: 0.9em;
    }
  `,
];
