import { css } from 'lit';
import { hostStyles } from '../base/host.styles.ts';
import { tooltipStyles } from '../base/mark.styles.ts';
import { statusStyles } from '../base/status.ts';
import { toolbarStyles } from '../base/toolbar.ts';

export const topListStyles = [
  hostStyles,
  statusStyles,
  toolbarStyles,
  tooltipStyles,
  css`
    /* The frame the active row's tooltip is placed in. */
    .frame {
      position: relative;
    }
    .caveat {
      margin: 8px 0 0;
      color: var(--atliq-muted-color, #5b6472);
      font-size: 0.9em;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
    }
    .item {
      display: grid;
      grid-template-columns: 1.5em minmax(0, 1fr) auto 4em;
      grid-template-areas: 'rank name value share' '. track track track';
      column-gap: 8px;
      padding: 4px 6px;
      border-radius: 4px;
      cursor: pointer;
      outline: none;
    }
    .item:focus-visible {
      box-shadow: 0 0 0 2px var(--atliq-focus-color, #f5a623);
    }
    .item[aria-pressed='true'] .name {
      font-weight: 600;
    }
    .item[data-dimmed='true'] {
      opacity: 0.45;
    }
    .rank,
    .share {
      color: var(--atliq-muted-color, #5b6472);
      font-variant-numeric: tabular-nums;
    }
    .share {
      text-align: end;
    }
    .name {
      grid-area: name;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .note {
      color: var(--atliq-muted-color, #5b6472);
      font-size: 0.9em;
    }
    .value {
      font-variant-numeric: tabular-nums;
    }
    .track {
      grid-area: track;
      height: 6px;
    }
    .bar {
      display: block;
      height: 100%;
      border-radius: 3px;
      background: var(--atliq-bar-color, #2f6bd8);
    }
  `,
];
