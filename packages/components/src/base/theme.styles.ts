import { type CSSResult, css, unsafeCSS } from 'lit';

/** A theme: a value for each `--atliq-*` colour custom property. */
export type Theme = Readonly<Record<`--atliq-${string}`, string>>;

/**
 * The light theme: exactly the fallbacks every component's styles use when no property is set (a browser test
 * checks that each `var(--atliq-…, fallback)` agrees with it). Setting it with `theme="light"` restores these
 * values inside a dark dashboard.
 */
export const LIGHT_THEME: Theme = {
  '--atliq-background': 'transparent',
  '--atliq-text-color': '#1f2733',
  '--atliq-muted-color': '#5b6472',
  '--atliq-bar-color': '#2f6bd8',
  '--atliq-previous-color': '#9aa3b2',
  '--atliq-positive-color': '#1b7f3b',
  '--atliq-negative-color': '#c0392b',
  '--atliq-below-target-color': '#d9822b',
  '--atliq-warning-color': '#b35c00',
  '--atliq-error-color': '#a12622',
  '--atliq-focus-color': '#f5a623',
  '--atliq-brush-color': 'rgb(245 166 35 / 0.25)',
  '--atliq-chip-background': '#e8effc',
  '--atliq-input-background': '#ffffff',
  '--atliq-surface-color': '#ffffff',
  '--atliq-tile-background': '#ffffff',
  '--atliq-tile-border': '1px solid #e3e7ee',
};

/** The dark theme: light text on a dark surface, every colour keeping at least 4.5:1 contrast on the tiles. */
export const DARK_THEME: Theme = {
  '--atliq-background': '#151a23',
  '--atliq-text-color': '#e6e9ef',
  '--atliq-muted-color': '#a9b3c2',
  '--atliq-bar-color': '#6ea8ff',
  '--atliq-previous-color': '#8390a3',
  '--atliq-positive-color': '#5fd38a',
  '--atliq-negative-color': '#ff7b72',
  '--atliq-below-target-color': '#f0a45d',
  '--atliq-warning-color': '#f2b44c',
  '--atliq-error-color': '#ff9b94',
  '--atliq-focus-color': '#ffc857',
  '--atliq-brush-color': 'rgb(255 200 87 / 0.25)',
  '--atliq-chip-background': '#2c3a52',
  '--atliq-input-background': '#232a36',
  '--atliq-surface-color': '#232a36',
  '--atliq-tile-background': '#1c222d',
  '--atliq-tile-border': '1px solid #2c3442',
};

const declarations = (theme: Theme): CSSResult =>
  unsafeCSS(
    Object.entries(theme)
      .map(([name, value]) => `${name}: ${value};`)
      .join(' '),
  );

/**
 * The `theme` attribute of every `<atliq-*>` element: `dark`, `light`, or `auto` (the reader's
 * `prefers-color-scheme`). Without it an element inherits its colours from the page (or its dashboard), so one
 * `theme="dark"` on `<atliq-dashboard>` themes everything inside it. The properties are set on the host, so the
 * page's own rules for the element (`atliq-kpi { --atliq-bar-color: … }`) still win.
 */
export const themeStyles = css`
  :host([theme='light']) {
    ${declarations(LIGHT_THEME)}
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${declarations(DARK_THEME)}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${declarations(DARK_THEME)}
      color-scheme: dark;
    }
  }
`;
