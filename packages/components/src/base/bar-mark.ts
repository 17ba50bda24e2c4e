import { html, nothing, type SVGTemplateResult, svg, type TemplateResult } from 'lit';
import type { MarkHandlers } from './mark-chart.ts';
import { textWidth, tooltipLeft } from './text-width.ts';

/** Where a layout placed a horizontal bar, in SVG user units. */
export interface PlacedBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Vertical centre of the bar, for its labels. */
  readonly cy: number;
}

/**
 * The channels of a bar mark (after Observable Plot's marks: the layout places, the mark draws): for datum `d` of
 * bar `bar`, its category label, its accessible description (also the tooltip's text), its CSS classes, and its
 * value label with where it goes.
 */
export interface BarChannels<T, B extends PlacedBar = PlacedBar> {
  readonly label: (d: T) => string;
  readonly describe: (d: T) => string;
  readonly classes: (d: T) => string;
  readonly value: (d: T, bar: B) => { readonly x: number; readonly text: string; readonly anchor?: 'end' };
  /** The member `d` stands for, compared with `selected`. */
  readonly member: (d: T) => unknown;
}

export interface BarState {
  /** Right edge of the category labels (they are end-anchored there). */
  readonly labelX: number;
  readonly selected: unknown;
  /** The mark with the focus or the pointer; -1 for none. */
  readonly active: number;
  /** Keys the marks answer besides arrows, Enter and Escape (drill keys), for `aria-keyshortcuts`. */
  readonly shortcuts: string;
}

/**
 * Horizontal bars as focusable marks: one `g.mark` per datum (a button with a roving tab stop, `data-index` in
 * drawing order, pressed when its member is selected, dimmed when another is), its label, bar and value.
 */
export function barMarks<T, B extends PlacedBar>(
  data: readonly T[],
  bars: readonly B[],
  channels: BarChannels<T, B>,
  state: BarState,
  on: MarkHandlers<T>,
): SVGTemplateResult[] {
  const { selected } = state;
  const focusIndex = state.active >= 0 && state.active < bars.length ? state.active : 0;
  return bars.map((bar, i) => {
    const d = data[i]!;
    const member = channels.member(d);
    const value = channels.value(d, bar);
    return svg`
          <g class="mark" data-index=${i} tabindex=${i === focusIndex ? 0 : -1} role="button"
            aria-pressed=${member === selected ? 'true' : 'false'} aria-label=${channels.describe(d)}
            aria-keyshortcuts=${state.shortcuts || nothing} data-selected=${member === selected}
            data-dimmed=${selected !== undefined && member !== selected}
            @click=${() => on.press(d)} @focus=${() => on.activate(i)} @pointerenter=${() => on.activate(i)}>
            <text part="label" class="label" x=${state.labelX} y=${bar.cy}>${channels.label(d)}</text>
            <rect part="bar" class=${channels.classes(d)} x=${bar.x} y=${bar.y} width=${bar.width}
              height=${bar.height}></rect>
            <text part="value" class="value" x=${value.x} y=${bar.cy} text-anchor=${value.anchor ?? nothing}
              >${value.text}</text>
          </g>`;
  });
}

/** Where a bar's value label goes and what it says, as a {@link BarChannels} `value` gives it. */
export type BarValue = ReturnType<BarChannels<unknown>['value']>;

/**
 * The tooltip of the active bar, in the bar's own row: vertically centred on it (it is no taller than a row), just
 * right of the bar and its value label `value`, moved left as far as it must to stay inside the chart's `width` —
 * over its own bar, value and label, which it restates, never over another row. Only a text wider than the whole
 * chart (a phone) wraps, and then reaches into the rows around. Nothing when no bar is active.
 */
export function barTooltip(
  bar: PlacedBar | undefined,
  value: BarValue | undefined,
  text: string,
  state: { readonly font: string; readonly width: number },
): TemplateResult | typeof nothing {
  if (!bar) return nothing;
  const valueEnd = !value ? 0 : value.anchor === 'end' ? value.x : value.x + textWidth(value.text, state.font);
  const left = tooltipLeft(Math.max(bar.x + bar.width, valueEnd) + 2, text, state.font, state.width);
  return html`<div part="tooltip" class="tooltip row-tooltip" role="tooltip"
            style="top: ${bar.cy}px; left: ${left}px; max-width: ${state.width - left}px">
            ${text}</div>`;
}
