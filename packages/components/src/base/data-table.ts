import { css, html, type TemplateResult } from 'lit';

/** The screen-reader view of a chart: present in the accessibility tree, not on screen. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/** A visually hidden table of what a chart draws: the first cell of each row is its header. */
export function dataTable(
  caption: string,
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): TemplateResult {
  // The wrapper is what is hidden: a table ignores `width: 1px` and, wider than a phone, made the page scroll sideways.
  return html`<div class="visually-hidden"><table part="table">
    <caption>${caption}</caption>
    <thead><tr>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
    <tbody>${rows.map(([head, ...cells]) => html`<tr><th scope="row">${head}</th>${cells.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}
