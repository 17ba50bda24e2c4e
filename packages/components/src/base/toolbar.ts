import { css, html, nothing, type TemplateResult } from 'lit';
import type { DrillController } from './drill-controller.ts';
import { dimensionLabel } from './labels.ts';

/** The chart header: the drill breadcrumb on the left, the drill toggle and export buttons on the right. */
export const toolbarStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 4px 8px;
    margin-bottom: 6px;
  }
  .actions {
    display: flex;
    gap: 4px;
    margin-inline-start: auto;
  }
  .toolbar button {
    font: inherit;
    font-size: 0.9em;
    color: var(--atliq-text-color, #1f2733);
    background: var(--atliq-input-background, #ffffff);
    border: 1px solid var(--atliq-muted-color, #5b6472);
    border-radius: 4px;
    padding: 1px 8px;
    min-height: 24px;
    cursor: pointer;
  }
  .toolbar button:focus-visible {
    outline: 2px solid var(--atliq-focus-color, #f5a623);
    outline-offset: 1px;
  }
  .toolbar button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .toolbar button[aria-pressed='true'] {
    background: var(--atliq-chip-background, #e8effc);
    font-weight: 600;
  }
  .covers {
    order: 1;
    flex-basis: 100%;
    margin: 0;
    font-size: 0.85em;
    color: var(--atliq-muted-color, #5b6472);
  }
  .breadcrumb ol {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .breadcrumb li + li::before {
    content: '›';
    padding: 0 6px;
    color: var(--atliq-muted-color, #5b6472);
  }
  .breadcrumb button {
    border: none;
    background: transparent;
    padding: 0 2px;
    text-decoration: underline;
  }
  .breadcrumb [aria-current] {
    font-weight: 600;
  }
`;

/** What the toolbar offers: drilling through a hierarchy and downloading what is shown. */
export interface ToolbarOptions {
  readonly drill?: {
    readonly controller: DrillController;
    readonly root: string;
    /** What a click or Enter opens, for the toggle's title: "bar" when absent. */
    readonly mark?: string;
    /**
     * Keep the toggle (disabled) even where `root` has nothing below it, for a chart whose hierarchy is always
     * there (the trend's dates), so its header does not change with the grain.
     */
    readonly always?: boolean;
  };
  /**
   * Absent while nothing is shown (loading, empty, error, not available in this source): then the drill toggle is
   * disabled too, as there is no mark to open.
   */
  readonly exports?: { readonly csv: () => void; readonly png: () => void };
  /** The days the numbers shown cover (`coversLabel()`), under the breadcrumb; absent until data is shown. */
  readonly covers?: string | undefined;
}

const plural = (root: string) => `All ${dimensionLabel(root).toLowerCase()}s`;

/**
 * The breadcrumb of a drillable chart: the top level and every opened member but the last are buttons that go
 * back up to them; the last names the level shown.
 */
function breadcrumb(drill: DrillController, root: string): TemplateResult {
  const crumbs = [plural(root), ...drill.path.map((step) => step.label)];
  return html`<nav part="breadcrumb" class="breadcrumb" aria-label="Drill path">
    <ol>${crumbs.map((text, depth) =>
      depth === crumbs.length - 1
        ? html`<li aria-current="location">${text}</li>`
        : html`<li><button type="button" part="crumb" @click=${() => drill.up(depth)}>${text}</button></li>`,
    )}</ol>
  </nav>`;
}

/** The header above a chart; always there (export disabled until data is shown), so nothing jumps on load. */
export function toolbar({ drill, exports, covers }: ToolbarOptions): TemplateResult {
  const drillable = drill !== undefined && drill.controller.levels.length > 1;
  const { controller, mark = 'bar' } = drill ?? {};
  return html`<div part="toolbar" class="toolbar">
    ${drillable ? breadcrumb(controller!, drill.root) : nothing}
    <span class="actions">
      ${
        drillable || drill?.always
          ? html`<button type="button" part="drill-toggle" aria-pressed=${controller!.mode && controller!.canDrill}
              ?disabled=${!controller!.canDrill || !exports} @click=${() => controller!.toggleMode()}
              title="When on, click or Enter on a ${mark} opens it (Shift+Enter always does; Backspace goes back up)"
              >Drill down</button>`
          : nothing
      }
      <button type="button" part="export-csv" ?disabled=${!exports} @click=${() => exports?.csv()}
        aria-label="Download what is shown as CSV">CSV</button>
      <button type="button" part="export-png" ?disabled=${!exports} @click=${() => exports?.png()}
        aria-label="Download the chart as a PNG image">PNG</button>
    </span>
    ${covers ? html`<p part="covers" class="covers">${covers}</p>` : nothing}
  </div>`;
}
