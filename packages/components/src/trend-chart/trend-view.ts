import { fiscalYearLabel, formatDay, MEASURES } from '@atliq/sdk';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { dataTable } from '../base/data-table.ts';
import { measureFormats } from '../base/format.ts';
import { type TrendLayout, type TrendPoint, trendLayout } from './trend-layout.ts';
import type { Trend } from './trend-query.ts';

export interface TrendViewState {
  readonly width: number;
  readonly height: number;
  /** Index of the period with the keyboard focus or the pointer (the tooltip's period); -1 for none. */
  readonly active: number;
  /** The selected (or being brushed) periods, first and last index; null for none. */
  readonly range: readonly [number, number] | null;
  /** Drill keys the chart answers besides the listbox keys, for `aria-keyshortcuts`; empty for none. */
  readonly shortcuts: string;
}

export interface TrendViewHandlers {
  readonly key: (event: KeyboardEvent) => void;
  /** Pointer down, move or up over the plot; `layout` places the periods. */
  readonly pointer: (event: PointerEvent, layout: TrendLayout) => void;
  readonly leave: (event: PointerEvent) => void;
  readonly focus: () => void;
  readonly blur: () => void;
}

/** The id of period `index`'s option, for `aria-activedescendant`. */
export const periodId = (index: number) => `period-${index}`;

/**
 * The trend as a multi-select listbox of its periods: the drawing itself is hidden from assistive technology (the
 * table tells the same), one transparent column per period is an option the focus moves over; the focused column
 * is outlined while the chart has the keyboard focus.
 */
export function trendView(
  { grain, measure, money, points, fiscalYearStart }: Trend,
  state: TrendViewState,
  on: TrendViewHandlers,
): TemplateResult {
  const { width, height, range } = state;
  const layout = trendLayout(points, width, height, fiscalYearStart);
  const periodText = (p: TrendPoint) => pointText(p, fiscalYearStart);
  const format = measureFormats(MEASURES[measure].format, money);
  const label = MEASURES[measure].label;
  const active = points[state.active];
  const at = layout.points[state.active];
  const onPointer = (e: PointerEvent) => on.pointer(e, layout);
  const describe = (p: TrendPoint) =>
    `${periodText(p)}: ${format.full(p.value)}; a year earlier ${p.previous === null ? 'no data' : format.full(p.previous)}`;
  const lastAt = layout.points.at(-1);
  const cutShort = points.at(-1)?.to;
  const half = points.length > 1 ? (layout.points[1]!.x - layout.points[0]!.x) / 2 : 8;
  // Half a period either side of a point, kept inside the plot: the span of a period's column and of the brush.
  const x0 = (i: number) => Math.max(layout.plot.left, layout.points[i]!.x - half);
  const x1 = (i: number) => Math.min(layout.plot.right, layout.points[i]!.x + half);
  const plotHeight = layout.plot.bottom - layout.plot.top;
  const inRange = (i: number) => range !== null && i >= range[0] && i <= range[1];
  // The tooltip opens towards the middle so it never leaves the chart.
  const tipSide = at && at.x > width / 2 ? `right: ${width - at.x}px` : `left: ${at?.x ?? 0}px`;
  // The tooltip is placed relative to the plot, below the toolbar.
  return html`<div class="plot">
      <svg part="chart" width=${width} height=${height} role="listbox" tabindex="0" aria-multiselectable="true"
        aria-orientation="horizontal" aria-activedescendant=${at ? periodId(state.active) : nothing}
        aria-keyshortcuts=${state.shortcuts || nothing}
        aria-label="${label} by ${grain}; arrow keys move between periods, Enter selects one, Shift with an arrow selects a range, Escape clears"
        @keydown=${on.key} @focus=${on.focus} @blur=${on.blur} @pointerdown=${onPointer} @pointermove=${onPointer}
        @pointerup=${onPointer} @pointerleave=${on.leave}>
        <g aria-hidden="true">
          ${layout.yTicks.map(
            (t) => svg`<line class="grid" x1=${layout.plot.left} x2=${layout.plot.right} y1=${t.y} y2=${t.y}></line>
              <text class="axis y" x=${layout.plot.left - 6} y=${t.y}>${format.compact(t.value)}</text>`,
          )}
          ${layout.xTicks.map((t) => svg`<text class="axis x" x=${t.x} y=${height - 6} text-anchor=${t.anchor}>${t.label}</text>`)}
          ${
            range
              ? svg`<rect part="brush" class="brush" x=${x0(range[0])} y=${layout.plot.top}
                  width=${x1(range[1]) - x0(range[0])} height=${plotHeight}></rect>`
              : ''
          }
          <path part="area" class="area" d=${layout.area}></path>
          <path class="line" d=${layout.line}></path>
          ${
            cutShort && lastAt
              ? svg`<path part="partial" class="partial" d=${layout.partialLine}></path>
                <circle class="partial-point" cx=${lastAt.x} cy=${lastAt.y} r="3.5"></circle>
                <text class="partial-label" x=${lastAt.x - 6} y=${Math.max(layout.plot.top + 10, lastAt.y - 10)}
                  text-anchor="end">to ${formatDay(cutShort, false)}</text>`
              : ''
          }
          <path part="previous" class="previous" d=${layout.previousLine}></path>
          ${at ? svg`<circle class="focus" cx=${at.x} cy=${at.y} r="4"></circle>` : ''}
        </g>
        ${points.map(
          (p, i) => svg`<rect part="period" class="period" role="option" id=${periodId(i)} data-index=${i}
            data-active=${i === state.active} aria-selected=${inRange(i)} aria-label=${describe(p)}
            x=${x0(i)} y=${layout.plot.top} width=${x1(i) - x0(i)} height=${plotHeight}></rect>`,
        )}
      </svg>
      <div class="legend" aria-hidden="true"><span class="key current"></span>${label}
        <span class="key last"></span>Same period a year earlier</div>
      ${active && at ? html`<div part="tooltip" class="tooltip" role="tooltip" style=${tipSide}>${describe(active)}</div>` : ''}</div>
    ${dataTable(
      `${label} by ${grain}, with the same period a year earlier`,
      ['Period', label, 'A year earlier'],
      points.map((p) => [periodText(p), format.full(p.value), p.previous === null ? '—' : format.full(p.previous)]),
    )}
  `;
}

/** A period as read in the tooltip and the table: its key, and the days counted when the data covers part of it. */
export function pointText({ key, from, to }: TrendPoint, fiscalYearStart = 1): string {
  const name = fiscalYearStart !== 1 && /^\d{4}$/.test(key) ? fiscalYearLabel(Number(key), fiscalYearStart) : key;
  if (to) return `${name} (to ${formatDay(to)})`;
  return from ? `${name} (from ${formatDay(from)})` : name;
}
