import { scaleBand, scaleLinear } from 'd3';
import { svg, type TemplateResult } from 'lit';
import type { CurrencyFormats } from '../base/format.ts';
import type { Insight } from './insight.ts';

const W = 360;
const short = (s: string) => (s.length > 11 ? `${s.slice(0, 10)}…` : s);

const signed = (money: CurrencyFormats, v: number) => `${v >= 0 ? '+' : '−'}${money.compact(Math.abs(v))}`;

/** A bridge as a waterfall: the baseline, each driver's step up or down, the others, the current total. */
function waterfall(steps: readonly { label: string; value: number; total?: boolean }[], money: CurrencyFormats) {
  const H = 120;
  const bars: { label: string; from: number; to: number; total: boolean }[] = [];
  let level = 0;
  for (const s of steps) {
    if (s.total) {
      bars.push({ label: s.label, from: 0, to: s.value, total: true });
      level = s.value;
    } else {
      bars.push({ label: s.label, from: level, to: level + s.value, total: false });
      level += s.value;
    }
  }
  // The axis starts near the lowest level, not at zero: a change of a tenth would otherwise be a sliver. The total
  // bars then rise from the axis's floor (their value is written under them).
  const levels = bars.flatMap((b) => (b.total ? [b.to] : [b.from, b.to]));
  const [low, high] = [Math.min(...levels), Math.max(...levels)];
  const floor = Math.max(0, low - (high - low) * 0.6);
  const y = scaleLinear()
    .domain([Math.min(floor, low), high])
    .nice()
    .range([H - 30, 6]);
  for (const b of bars) if (b.total) b.from = y.domain()[0]!;
  const x = scaleBand()
    .domain(bars.map((_, i) => String(i)))
    .range([0, W])
    .padding(0.25);
  return svg`<svg part="picture" class="picture" viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="img"
    aria-label=${bars.map((b) => `${b.label} ${money.compact(b.to - (b.total ? 0 : b.from))}`).join(', ')}>
    ${bars.map((b, i) => {
      const up = b.to >= b.from;
      const cls = b.total ? 'total' : up ? 'up' : 'down';
      return svg`<rect class="step ${cls}" x=${x(String(i))!} width=${x.bandwidth()} y=${y(Math.max(b.from, b.to))}
          height=${Math.max(1, Math.abs(y(b.from) - y(b.to)))}></rect>
        <text class="step-label" x=${x(String(i))! + x.bandwidth() / 2} y=${H - 16} text-anchor="middle">${short(b.label)}</text>
        <text class="step-value" x=${x(String(i))! + x.bandwidth() / 2} y=${H - 4} text-anchor="middle">${b.total ? money.compact(b.to) : signed(money, b.to - b.from)}</text>`;
    })}
  </svg>`;
}

/** An unusual month: the expected band, the expectation, and where the month landed. */
function band(value: number, expected: number, [lo, hi]: readonly [number, number], money: CurrencyFormats) {
  const H = 40;
  const x = scaleLinear()
    .domain([Math.min(lo, value), Math.max(hi, value)])
    .nice()
    .range([8, W - 8]);
  return svg`<svg part="picture" class="picture" viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="img"
    aria-label="Expected ${money.compact(lo)} to ${money.compact(hi)}, actual ${money.compact(value)}">
    <rect class="band" x=${x(lo)} width=${x(hi) - x(lo)} y="8" height="14"></rect>
    <line class="expected" x1=${x(expected)} x2=${x(expected)} y1="6" y2="24"></line>
    <circle class="actual" cx=${x(value)} cy="15" r="5"></circle>
    <text class="step-label" x=${x(lo)} y="36">${money.compact(lo)}</text>
    <text class="step-label" x=${x(hi)} y="36" text-anchor="end">${money.compact(hi)}</text>
  </svg>`;
}

/** The insight's small picture, where people would rather look than read. */
export function picture(insight: Insight, money: CurrencyFormats): TemplateResult | string {
  const p = insight.picture;
  if (!p) return '';
  if (p.type === 'waterfall') return waterfall(p.steps, money);
  if (p.type === 'band') return band(p.value, p.expected, p.band, money);
  return '';
}
