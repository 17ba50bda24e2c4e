import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, texts } from '../../test/dom.ts';
import type { MarginTruth } from '../../test/profit-truth.ts';
import { recordingSource } from '../../test/recording-source.ts';
import type { AtliqDrillDetail, AtliqErrorDetail } from '../base/events.ts';
import { formatPoints } from '../base/format.ts';
import type { AtliqProfitChart } from './profit-chart.ts';

const PROFIT = '/extracts-profit/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

/** Waits until the chart shows exactly the members of `truth`, in order, with their margins and shares. */
async function shows(el: AtliqProfitChart, truth: readonly MarginTruth[]): Promise<void> {
  await vi.waitFor(() => expect(el.data?.map((d) => d.label)).toEqual(truth.map((t) => t.name)), { timeout: 25_000 });
  el.data!.forEach((d, i) => {
    expect(d.margin).toBeCloseTo(truth[i]!.margin, 6);
    expect(d.revenueShare).toBeCloseTo(truth[i]!.revenueShare, 6);
    expect(d.profitShare).toBeCloseTo(truth[i]!.profitShare, 6);
  });
  await el.updateComplete;
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
/** `2017-10-04` as the captions write it, `4 Oct 2017`. */
const dayText = (day: string) => `${Number(day.slice(8))} ${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;

const barLabels = (el: AtliqProfitChart, selector: string) =>
  [...el.shadowRoot!.querySelectorAll(`g.mark:has(${selector}) .label`)].map((n) => n.textContent);

describe('<atliq-profit-chart>', () => {
  test('says profit is not available when the extract has no profit columns, with nothing to drill or export', async () => {
    const el = mount('atliq-profit-chart', { src: '/extracts/manifest.json' });
    await vi.waitFor(
      () =>
        expect(el.shadowRoot!.querySelector('[data-state="unavailable"]')?.textContent).toContain(
          'Not available in this source',
        ),
      { timeout: 25_000 },
    );
    const buttons = ['drill-toggle', 'export-csv', 'export-png'].map(
      (part) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${part}"]`)!,
    );
    expect(buttons.map((b) => b.disabled)).toEqual([true, true, true]);
  });

  test('the drill toggle is enabled once bars are shown', async () => {
    const el = mount('atliq-profit-chart', { src: PROFIT });
    await shows(el, inject('profit').markets);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part="drill-toggle"]')!.disabled).toBe(false);
  });

  test('draws every market with its margin and shares, flags exactly the loss-making ones', async () => {
    const { markets } = inject('profit');
    const el = mount('atliq-profit-chart', { src: PROFIT, target: '2' });
    await shows(el, markets);
    const root = el.shadowRoot!;
    expect(texts(root, '.label')).toEqual(markets.map((m) => m.name));
    const losses = markets.filter((m) => m.margin < 0).map((m) => m.name);
    // The sample has loss-making markets; without them this test would prove nothing.
    expect(losses.length).toBeGreaterThan(0);
    expect(barLabels(el, 'rect.bar.loss')).toEqual(losses);
    const first = markets[0]!;
    expect(texts(root, 'tbody tr')[0]).toBe(
      `${first.name}${first.margin.toFixed(1)}%${formatPoints(first.margin - 2)}${first.revenueShare.toFixed(1)}%${first.profitShare.toFixed(1)}%`,
    );
  });

  test('colours and lists the markets below target with their gap', async () => {
    const { markets } = inject('profit');
    const el = mount('atliq-profit-chart', { src: PROFIT, target: '2' });
    await shows(el, markets);
    const below = markets.filter((m) => m.margin < 2);
    expect(below.length).toBeLessThan(markets.length);
    expect(barLabels(el, 'rect.bar.below')).toEqual(below.map((m) => m.name));
    expect(texts(el.shadowRoot!, '.gap')).toEqual(below.map((m) => `${m.name} ${formatPoints(m.margin - 2)}`));
    el.target = '-20';
    await el.updateComplete;
    expect(texts(el.shadowRoot!, '[part="below-list"]')[0]).toBe('Every market meets the -20.0% target.');
  });

  test("without a target, the target is last year's margin (the same days a year earlier), labelled so", async () => {
    const { markets } = inject('profit');
    const { ytd, lastDay } = inject('profitPeriods');
    // The truth: profit over revenue from 1 January to the newest order day a year earlier, by hand-written SQL.
    const lastYear = (100 * ytd.baseline.profit!) / ytd.baseline.revenue;
    const el = mount('atliq-profit-chart', { src: PROFIT });
    await shows(el, markets);
    await vi.waitFor(() => expect(el.target).not.toBe(''));
    expect(Number(el.target)).toBeCloseTo(lastYear, 6);
    const root = el.shadowRoot!;
    const shown = `${lastYear.toFixed(1)}%`;
    expect(texts(root, '.target-label')).toEqual([`Last year ${shown}`]);
    const below = markets.filter((m) => m.margin < lastYear);
    // Some markets meet it and some do not, or the list below would prove nothing.
    expect(below.length).toBeGreaterThan(0);
    expect(below.length).toBeLessThan(markets.length);
    expect(texts(root, '[part="below-list"] strong')).toEqual([`Below last year's margin (${shown}):`]);
    expect(texts(root, '.gap')).toEqual(below.map((m) => `${m.name} ${formatPoints(m.margin - lastYear)}`));
    expect(root.querySelector('svg')!.getAttribute('aria-label')).toMatch(
      new RegExp(`^Profit margin by market against last year's margin \\(${shown.replace('.', '\\.')}, 1 Jan–`),
    );
    // The bars cover the year to the newest day and the target the same days a year earlier: the caption says so.
    const [day, year] = [dayText(lastDay).slice(0, -5), Number(lastDay.slice(0, 4))];
    expect(texts(root, '[part="covers"]')).toEqual([`1 Jan–${day} ${year} vs 1 Jan–${day} ${year - 1}`]);
    const csv = el.toCSV().split('\r\n');
    expect(csv[0]).toBe("Market,Margin (%),Gap to last year's margin (pp),Revenue share (%),Profit share (%)");
    expect(Number(csv[1]!.split(',')[2])).toBeCloseTo(markets[0]!.margin - lastYear, 6);
    // A target set still wins, and is named as a target again.
    el.target = '5';
    await el.updateComplete;
    expect(el.target).toBe('5');
    expect(texts(root, '.target-label')).toEqual(['Target 5.0%']);
    expect(el.toCSV().split('\r\n')[0]).toContain(',Gap to target (pp),');
  });

  test('in drill mode a market opens into its customers, queried with the market as a bound parameter', async () => {
    const { markets, drill } = inject('profit');
    const { src, queries } = recordingSource(`${PROFIT}?profit=drill`);
    const el = mount('atliq-profit-chart', { src, target: '2' });
    await shows(el, markets);
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part="drill-toggle"]')!.click();
    const drilled = nextEvent<AtliqDrillDetail>('atliq-drill');
    const mark = [...root.querySelectorAll('g.mark')].find(
      (g) => g.querySelector('.label')?.textContent === drill.market,
    );
    mark!.dispatchEvent(new MouseEvent('click'));
    expect((await drilled).detail.dimension).toBe('customer');
    await shows(el, drill.customers);
    const query = queries.at(-1)!;
    expect(query.sql).toContain('AS "customer"');
    expect(query.sql).not.toContain(drill.market);
    expect(query.params).toContain(drill.market);
    expect(texts(root, '[part="breadcrumb"] li')).toEqual(['All markets', drill.market]);
    const below = drill.customers.filter((c) => c.margin < 2);
    expect(texts(root, '.gap')).toEqual(below.map((c) => `${c.name} ${formatPoints(c.margin - 2)}`));
    expect(el.toCSV().split('\r\n')[0]).toBe(
      'Customer,Margin (%),Gap to target (pp),Revenue share (%),Profit share (%)',
    );
    root.querySelector<HTMLButtonElement>('[part="crumb"]')!.click();
    await shows(el, markets);
  });

  test('a hostile target is explained, fires atliq-error and queries nothing until it is fixed', async () => {
    const { src, source, queries } = recordingSource(`${PROFIT}?profit=target`);
    const asked = vi.spyOn(source, 'query');
    const heard = nextEvent<AtliqErrorDetail>('atliq-error');
    const el = mount('atliq-profit-chart', { src, target: '5%" onload="x' });
    expect((await heard).detail.message).toContain('target must be a margin in percent from -100 to 100');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('target must be');
    // The data task ran (it failed with the target) without asking the source anything.
    expect(asked).not.toHaveBeenCalled();
    el.target = '2';
    await shows(el, inject('profit').markets);
    expect(asked).toHaveBeenCalled();
    expect(queries.length).toBeGreaterThan(0);
  });

  test('a hostile locale or a currency without a rate is explained, fires atliq-error and queries nothing', async () => {
    const cases: { attrs: Record<string, string>; message: RegExp }[] = [
      { attrs: { locale: '"><img src=x>' }, message: /^locale must be a language tag such as en-IN/ },
      { attrs: { currency: 'XYZ' }, message: /^currency "XYZ" cannot be shown: this extract has exchange rates for/ },
    ];
    for (const { attrs, message } of cases) {
      const { src, source, queries } = recordingSource(`${PROFIT}?profit=${Object.keys(attrs)[0]}`);
      const asked = vi.spyOn(source, 'query');
      const heard = nextEvent<AtliqErrorDetail>('atliq-error');
      const el = mount('atliq-profit-chart', { src, ...attrs });
      const event = await heard;
      expect(event.target).toBe(el);
      expect(event.detail.message).toMatch(message);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain(event.detail.message);
      expect(el.shadowRoot!.querySelector('img')).toBeNull();
      expect(asked).not.toHaveBeenCalled();
      expect(queries).toEqual([]);
    }
  });
});
