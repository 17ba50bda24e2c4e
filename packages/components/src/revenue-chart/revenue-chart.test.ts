import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import type { AtliqErrorDetail } from '../index.ts';
import '../index.ts';
import { overlaps } from '../../test/dom.ts';
import { recordingSource } from '../../test/recording-source.ts';
import { currencyFormats } from '../base/format.ts';
import type { AtliqRevenueChart } from './revenue-chart.ts';

const inr = currencyFormats('INR');

function mount(attributes: Record<string, string>): AtliqRevenueChart {
  const el = document.createElement('atliq-revenue-chart');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.style.width = '640px';
  document.body.append(el);
  return el;
}

/** Resolves with the first `atliq-error` heard by the page, which must hear it without reaching into the element. */
const nextError = () =>
  new Promise<CustomEvent<AtliqErrorDetail>>((resolve) =>
    document.body.addEventListener('atliq-error', resolve, { once: true }),
  );

const shadow = (el: Element) => el.shadowRoot!;
const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((n) => n.textContent?.trim());

afterEach(() => {
  document.body.replaceChildren();
});

describe('<atliq-revenue-chart>', () => {
  test('shows revenue by market from the published extract, largest first, as bars and as a table', async () => {
    const truth = inject('revenueByMarket');
    const el = mount({ src: '/extracts/manifest.json' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="status"]')?.textContent).toContain('Loading revenue');

    await vi.waitFor(() => expect(el.data).toBeDefined(), { timeout: 25_000 });
    await el.updateComplete;

    expect(el.data!.map((d) => d.label)).toEqual(truth.map((t) => t.market));
    el.data!.forEach((d, i) => {
      expect(d.value).toBeCloseTo(truth[i]!.revenue, 2);
    });

    const root = shadow(el);
    expect(texts(root, 'text.label')).toEqual(truth.map((t) => t.market));
    expect(texts(root, 'text.value')).toEqual(truth.map((t) => inr.compact(t.revenue)));
    const widths = [...root.querySelectorAll('rect.bar')].map((r) => Number(r.getAttribute('width')));
    expect(widths).toHaveLength(truth.length);
    widths.forEach((w, i) => {
      expect(w / widths[0]!).toBeCloseTo(truth[i]!.revenue / truth[0]!.revenue, 6);
    });

    expect(texts(root, 'tbody th')).toEqual(truth.map((t) => t.market));
    const total = truth.reduce((a, t) => a + t.revenue, 0);
    expect(texts(root, 'tbody td:first-of-type')).toEqual(truth.map((t) => inr.full(t.revenue)));
    el.data!.forEach((d, i) => {
      expect(d.share).toBeCloseTo((100 * truth[i]!.revenue) / total, 6);
    });
    expect(el.toCSV().split('\r\n')).toEqual([
      'Market,Revenue (INR),Share of total (%)',
      ...el.data!.map((d) => `${d.label},${d.value},${d.share}`),
    ]);
    expect(root.querySelector('caption')?.textContent).toBe('Revenue by market, largest first');
  });

  test('top= keeps the largest N with their share of the whole, and the tooltip tells it', async () => {
    const truth = inject('revenueByMarket');
    const total = truth.reduce((a, t) => a + t.revenue, 0);
    const el = mount({ src: '/extracts/manifest.json', top: '3' });
    await vi.waitFor(() => expect(el.data).toBeDefined(), { timeout: 25_000 });
    await el.updateComplete;
    expect(el.data!.map((d) => d.label)).toEqual(truth.slice(0, 3).map((t) => t.market));
    const second = shadow(el).querySelectorAll<SVGGElement>('g.mark')[1]!;
    second.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    const share = ((100 * truth[1]!.revenue) / total).toFixed(1);
    expect(shadow(el).querySelector('[part="tooltip"]')?.textContent).toContain(`${truth[1]!.market}: `);
    expect(shadow(el).querySelector('[part="tooltip"]')?.textContent).toContain(`${share}% of total`);
    // In the hovered bar's row: the rows around keep their names readable, and it stays inside the chart. Waited
    // for: on a loaded machine the chart's observed width can arrive after the first render, which places the tip.
    await vi.waitFor(() => {
      const tip = shadow(el).querySelector('[part="tooltip"]')!.getBoundingClientRect();
      const labels = [...shadow(el).querySelectorAll('g.mark text.label')].map((t) => t.getBoundingClientRect());
      const chart = shadow(el).querySelector('svg[part="chart"]')!.getBoundingClientRect();
      expect(labels.filter((label) => overlaps(tip, label))).toEqual([]);
      const bar = second.querySelector('rect.bar')!.getBoundingClientRect();
      expect(Math.abs((tip.top + tip.bottom) / 2 - (bar.top + bar.bottom) / 2)).toBeLessThan(1);
      expect(tip.right).toBeLessThanOrEqual(chart.right + 1);
    });
  });

  test("no bar's tooltip covers another row's label or value, even when it must move left to fit", async () => {
    const el = mount({ src: '/extracts/manifest.json' });
    el.style.width = '360px';
    await vi.waitFor(() => expect(el.data).toBeDefined(), { timeout: 25_000 });
    await el.updateComplete;
    const marks = [...shadow(el).querySelectorAll<SVGGElement>('g.mark')];
    const chart = shadow(el).querySelector('svg[part="chart"]')!.getBoundingClientRect();
    let movedLeft = 0;
    for (const [i, mark] of marks.entries()) {
      mark.dispatchEvent(new PointerEvent('pointerenter'));
      await el.updateComplete;
      const tip = shadow(el).querySelector('[part="tooltip"]')!.getBoundingClientRect();
      const row = mark.querySelector('rect.bar')!.getBoundingClientRect();
      const others = marks.filter((_, j) => j !== i).flatMap((g) => [...g.querySelectorAll('text')]);
      expect(others.filter((t) => overlaps(tip, t.getBoundingClientRect())).map((t) => t.textContent)).toEqual([]);
      // Centred on its own bar, inside the chart.
      expect(Math.abs((tip.top + tip.bottom) / 2 - (row.top + row.bottom) / 2)).toBeLessThan(1);
      expect(tip.left).toBeGreaterThanOrEqual(chart.left - 1);
      if (tip.left < mark.querySelector('text.value')!.getBoundingClientRect().right) movedLeft++;
    }
    // At this width the largest bars' tooltips cannot sit after their values: the case this test is about.
    expect(movedLeft).toBeGreaterThan(0);
  });

  test('a hostile top or measure is explained and queries nothing', async () => {
    const cases: Record<string, string>[] = [{ top: '5; DROP TABLE x' }, { measure: 'revenue) --' }];
    for (const attrs of cases) {
      const heard = nextError();
      const el = mount({ src: '/extracts/top-unused/manifest.json', ...attrs });
      const message = (await heard).detail.message;
      expect(message).toMatch(attrs.top ? /top attribute must be a whole number/ : /Unknown measure "revenue\) --"/);
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')?.textContent).toContain(message);
    }
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('top-unused'))).toBe(false);
  });

  test('an unknown `by` shows why, fires atliq-error, and loads nothing', async () => {
    const heard = nextError();
    const el = mount({ src: '/extracts/unused-by-this-test/manifest.json', by: 'city' });
    const event = await heard;
    expect(event.target).toBe(el);
    expect(event.detail.message).toMatch(/^Unknown dimension "city"\. Known dimensions: market, zone/);
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]')?.textContent).toContain('Unknown dimension "city"');
    expect(el.data).toBeUndefined();
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('unused-by-this-test'))).toBe(false);
  });

  test('a hostile locale or a currency without a rate is explained and queries nothing', async () => {
    const cases: { attrs: Record<string, string>; message: RegExp }[] = [
      { attrs: { locale: '"><img src=x>' }, message: /^locale must be a language tag such as en-IN/ },
      { attrs: { currency: 'XYZ' }, message: /^currency "XYZ" cannot be shown: this extract has exchange rates for/ },
    ];
    for (const { attrs, message } of cases) {
      const { src, source, queries } = recordingSource(`/extracts/manifest.json?revenue=${Object.keys(attrs)[0]}`);
      const asked = vi.spyOn(source, 'query');
      const heard = nextError();
      const el = mount({ src, ...attrs });
      const event = await heard;
      expect(event.target).toBe(el);
      expect(event.detail.message).toMatch(message);
      await el.updateComplete;
      expect(shadow(el).querySelector('[role="alert"]')?.textContent).toContain(event.detail.message);
      expect(shadow(el).querySelector('img')).toBeNull();
      expect(asked).not.toHaveBeenCalled();
      expect(queries).toEqual([]);
    }
  });

  test('a missing manifest shows an explanation naming the URL', async () => {
    const heard = nextError();
    const el = mount({ src: '/extracts/missing/manifest.json' });
    expect((await heard).detail.message).toContain('HTTP 404');
    await el.updateComplete;
    const alert = shadow(el).querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('Revenue chart unavailable');
    expect(alert).toMatch(
      /No extract at http:\/\/.*\/extracts\/missing\/manifest\.json \(HTTP 404\)\. Check the src attribute/,
    );
  });

  test("atliq-error reaches a page listener from inside another component's shadow root", async () => {
    const heard = nextError();
    const host = document.createElement('div');
    document.body.append(host);
    host.attachShadow({ mode: 'open' }).append(document.createElement('atliq-revenue-chart'));
    expect((await heard).composed).toBe(true);
  });

  test('no src says which attribute to set', async () => {
    const heard = nextError();
    mount({});
    expect((await heard).detail.message).toBe(
      'Set the src attribute of <atliq-revenue-chart> to the URL of a published extract\'s manifest.json, or place it inside an <atliq-dashboard src="…">.',
    );
  });
});
