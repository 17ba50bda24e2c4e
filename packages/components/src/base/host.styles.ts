import { css } from 'lit';

/** What every `<atliq-*>` host shares: block layout, the themable font and text colour, and `hidden` honoured. */
export const hostStyles = css`
  :host {
    display: block;
    font: var(--atliq-font, 13px / 1.4 system-ui, sans-serif);
    color: var(--atliq-text-color, #1f2733);
  }
  :host([hidden]) {
    display: none;
  }
`;
