import { css } from 'lit';
import { themeStyles } from './theme.styles.ts';

/**
 * What every `<atliq-*>` host shares: block layout, the themable font and text colour, the `theme` attribute, and
 * `hidden` honoured.
 */
export const hostStyles = css`
  ${themeStyles}
  :host {
    display: block;
    font: var(--atliq-font, 13px / 1.4 system-ui, sans-serif);
    color: var(--atliq-text-color, #1f2733);
  }
  /* A standalone element with its own theme is a tile of that theme; inside a dashboard the tile paints the same. */
  :host([theme]) {
    background: var(--atliq-tile-background, #ffffff);
  }
  :host([hidden]) {
    display: none;
  }
`;
