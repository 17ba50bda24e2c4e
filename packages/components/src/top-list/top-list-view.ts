import { MEASURES, type Member } from '@atliq/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { measureFormats, percentFormat } from '../base/format.ts';
import type { MarkHandlers } from '../base/mark-chart.ts';
import { tooltipLeft } from '../base/text-width.ts';
import type { Ranked } from './ranking.ts';
import { type TopList, titleOf } from './top-query.ts';

/** Where the active row is, measured when it became active, in the coordinates of the list's frame. */
export interface RowAnchor {
  /** The row's vertical middle: the tooltip is centred on it, over the row it describes and no other. */
  readonly middle: number;
  /** Where the row's rank ends and its name starts. */
  readonly rankEnd: number;
  /** The frame's width, which the tooltip stays inside. */
  readonly width: number;
  /** The row's CSS font shorthand, to measure the tooltip's text. */
  readonly font: string;
}

export interface TopListViewState {
  readonly selected: Member | undefined;
  /** Keys the rows answer besides arrows, Enter and Escape (drill keys), for `aria-keyshortcuts`. */
  readonly shortcuts: string;
  /** Index of the row with the pointer or the focus (the tooltip's row); -1 for none. */
  readonly active: number;
  readonly anchor: RowAnchor | undefined;
}

export interface TopListViewHandlers extends Omit<MarkHandlers<Ranked>, 'activate'> {
  /** The pointer entered, or the focus reached, the row at `index` (the element `item`). */
  readonly activate: (index: number, item: HTMLElement) => void;
}

/**
 * The ranked rows and, for the active row, a tooltip with its full value and share, like the bar charts': over the
 * row's own name, value and share (which it restates), so the rows around it stay readable.
 */
export function topListView(list: TopList, state: TopListViewState, on: TopListViewHandlers): TemplateResult {
  const { measure, money, rows } = list;
  const format = measureFormats(MEASURES[measure].format, money);
  const formatPercent = percentFormat(money.locale);
  const { selected, anchor } = state;
  const focusIndex = state.active >= 0 && state.active < rows.length ? state.active : 0;
  const active = anchor ? rows[state.active] : undefined;
  const tip = active && `${active.label}: ${format.full(active.value)}, ${formatPercent(active.share)} of total`;
  // Focus moving to another row keeps the tooltip (the new row takes it); leaving the list hides it.
  const blur = (event: FocusEvent) => {
    if (!(event.currentTarget as Node).contains(event.relatedTarget as Node | null)) on.leave();
  };
  return html`<div class="frame">
    <ol part="list" class="list" aria-label=${titleOf(list)} @keydown=${on.key} @pointerleave=${on.leave}
      @focusout=${blur}>
      ${rows.map(
        (r, i) => html`<li part="item" class="item" role="button" data-index=${i} tabindex=${i === focusIndex ? 0 : -1}
          aria-pressed=${r.member === selected ? 'true' : 'false'} data-dimmed=${selected !== undefined && r.member !== selected}
          aria-keyshortcuts=${state.shortcuts || nothing} aria-describedby=${r === active ? 'tooltip' : nothing}
          @click=${() => on.press(r)} @focus=${(e: FocusEvent) => on.activate(i, e.currentTarget as HTMLElement)}
          @pointerenter=${(e: PointerEvent) => on.activate(i, e.currentTarget as HTMLElement)}>
          <span class="rank">${r.rank}</span>
          <span class="name">${r.label}${r.note ? html`<span part="note" class="note"> · ${r.note}</span>` : nothing}</span>
          <span class="value">${format.compact(r.value)}</span>
          <span class="share">${formatPercent(r.share)}</span>
          <span class="track"><span part="bar" class="bar" style="width: ${(r.extent * 100).toFixed(2)}%"></span></span>
        </li>`,
      )}
    </ol>
    ${tip && anchor ? rowTooltip(tip, anchor) : nothing}
    ${
      list.unknownShare > 0
        ? html`<p part="caveat" class="caveat">${formatPercent(list.unknownShare)} of ${
            measure === 'revenue' ? 'this revenue' : 'these units'
          } is on product codes missing from the product list: the ranking cannot speak for them.</p>`
        : nothing
    }
  </div>`;
}

/** Centred over its own row from the rank on, inside the frame; only a text wider than the frame wraps. */
function rowTooltip(tip: string, anchor: RowAnchor): TemplateResult {
  const left = tooltipLeft(anchor.rankEnd, tip, anchor.font, anchor.width);
  return html`<div part="tooltip" id="tooltip" class="tooltip row-tooltip" role="tooltip"
    style="top: ${anchor.middle}px; left: ${left}px; max-width: ${anchor.width - left}px">${tip}</div>`;
}
