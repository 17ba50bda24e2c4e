import { line, scaleBand, scaleLinear } from 'd3';
import { html, svg, type TemplateResult } from 'lit';
import { type CurrencyFormats, percentFormat } from '../base/format.ts';
import type { Insight, WaterfallStep } from './insight.ts';

const W = 360;
const short = (s: string) => (s.length > 11 ? `${s.slice(0, 10)}…` : s);

const signed = (money: CurrencyFormats, v: number) => `${v >= 0 ? '+' : '−'}${money.compact(Math.abs(v))}`;

/** A bridge as a waterfall: the baseline, each driver's step up or down, the others, the current total. */
function waterfall(steps: readonly WaterfallStep[], money: CurrencyFormats) {
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
  // Six bars or more leave labels like "Ahmedabad" and "Delhi NCR" a few pixels apart: a size smaller keeps them apart.
  return svg`<svg part="picture" class="picture ${bars.length > 5 ? 'dense' : ''}" viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="img"
    aria-label=${bars.map((b) => `${b.label} ${b.total ? money.compact(b.to) : signed(money, b.to - b.from)}`).join(', ')}>
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

/**
 * Concentration as a Pareto curve: the share of revenue the largest 1, 2, … customers make together, with the
 * largest customer and the fewest customers that make 80 % marked, and both named under the curve.
 */
function pareto(cumulative: readonly number[], percent: (v: number) => string) {
  const H = 140;
  const [left, right, top, bottom] = [44, 8, 8, 34];
  const n = cumulative.length;
  const for80 = cumulative.findIndex((c) => c >= 0.8 - 1e-12) + 1;
  const at80 = cumulative[for80 - 1]!;
  const x = scaleLinear()
    .domain([0, n])
    .range([left, W - right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([H - bottom, top]);
  const points: [number, number][] = [[0, 0], ...cumulative.map((c, i): [number, number] => [i + 1, c])];
  const curve = line()
    .x(([k]) => x(k))
    .y(([, c]) => y(c))(points)!;
  const pct = (v: number) => percent(100 * v);
  const largest = `Largest customer: ${pct(cumulative[0]!)}`;
  const most = `Largest ${for80} of ${n}: ${pct(at80)}`;
  return svg`<svg part="picture" class="picture pareto" viewBox="0 0 ${W} ${H}" width=${W} height=${H} role="img"
    aria-label="Share of revenue by customers, largest first: the largest makes ${pct(cumulative[0]!)}; the largest ${for80} of ${n} make ${pct(at80)}, the fewest that make ${pct(0.8)}">
    <line class="axis" x1=${x(0)} x2=${x(n)} y1=${y(0)} y2=${y(0)}></line>
    <line class="guide" x1=${x(0)} x2=${x(n)} y1=${y(0.8)} y2=${y(0.8)}></line>
    <line class="guide" x1=${x(for80)} x2=${x(for80)} y1=${y(0)} y2=${y(at80)}></line>
    <path class="curve" d=${curve}></path>
    <circle class="mark80" cx=${x(for80)} cy=${y(at80)} r="3.5"></circle>
    <circle class="actual" cx=${x(1)} cy=${y(cumulative[0]!)} r="4"></circle>
    <text class="step-label" x=${left - 4} y=${y(1)} dy="0.35em" text-anchor="end">${pct(1)}</text>
    <text class="step-label" x=${left - 4} y=${y(0.8)} dy="0.35em" text-anchor="end">${pct(0.8)}</text>
    <text class="step-label" x=${x(0)} y=${H - bottom + 12}>Customers, largest first</text>
    <text class="step-label" x=${x(n)} y=${H - bottom + 12} text-anchor="end">${n}</text>
    <circle class="actual" cx=${left + 4} cy=${H - 7} r="4"></circle>
    <text class="step-value" x=${left + 12} y=${H - 3.5}>${largest}</text>
    <text class="step-value" x=${W - right - 12} y=${H - 3.5} text-anchor="end">${most}</text>
    <circle class="mark80" cx=${W - right - 4} cy=${H - 7} r="3.5"></circle>
  </svg>`;
}

/** The insight's small picture, where people would rather look than read: in `locale` for its percentages. */
export function picture(insight: Insight, money: CurrencyFormats, locale: string): TemplateResult | string {
  const p = insight.picture;
  if (!p) return '';
  if (p.type === 'waterfall') return waterfall(p.steps, money);
  if (p.type === 'band') {
    const expected = band(p.value, p.expected, p.band, money);
    return p.steps ? html`${expected}${waterfall(p.steps, money)}` : expected;
  }
  return pareto(p.cumulative, percentFormat(locale));
}
