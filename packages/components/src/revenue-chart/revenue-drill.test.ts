import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, texts, until } from '../../test/dom.ts';
import type { AtliqDrillDetail, AtliqErrorDetail, AtliqSelectDetail } from '../base/events.ts';
import type { AtliqRevenueChart } from './revenue-chart.ts';

const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

const root = (el: Element) => el.shadowRoot!;
const crumbs = (el: Element) => texts(root(el), '[part="breadcrumb"] li');
const bar = (el: Element, label: string) =>
  [...root(el).querySelectorAll<SVGGElement>('g.mark')].find((g) => g.querySelector('.label')?.textContent === label)!;
const labels = (el: AtliqRevenueChart) => el.data?.map((d) => d.label);
const key = (target: Element, init: KeyboardEventInit) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));

/** Waits until the chart shows exactly `truth`, in order, with the same values. */
async function shows(el: AtliqRevenueChart, truth: readonly { name: string; revenue: number }[]) {
  await vi.waitFor(() => expect(labels(el)).toEqual(truth.map((t) => t.name)), { timeout: 25_000 });
  el.data!.forEach((d, i) => {
    expect(d.value).toBeCloseTo(truth[i]!.revenue, 2);
  });
  await el.updateComplete;
}

describe('<atliq-revenue-chart> drill-down', () => {
  test('in drill mode a click opens market → customer → product; the breadcrumb goes back up', async () => {
    const { market, customers, customer, products } = inject('drill');
    const markets = inject('revenueByMarket').map((m) => ({ name: m.market, revenue: m.revenue }));
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const el = mount('atliq-revenue-chart', { by: 'market' }, dashboard);
    await shows(el, markets);
    expect(crumbs(el)).toEqual(['All markets']);

    const toggle = root(el).querySelector<HTMLButtonElement>('[part="drill-toggle"]')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');

    const drilled = nextEvent<AtliqDrillDetail>('atliq-drill');
    bar(el, market).dispatchEvent(new MouseEvent('click'));
    expect((await drilled).detail).toEqual({
      path: [{ dimension: 'market', member: market, label: market }],
      dimension: 'customer',
    });
    expect(dashboard.selection.clauses().size).toBe(0);
    await shows(el, customers);
    expect(crumbs(el)).toEqual(['All markets', market]);
    expect(root(el).querySelector('caption')?.textContent).toBe(`Revenue by customer in ${market}, largest first`);

    bar(el, customer).dispatchEvent(new MouseEvent('click'));
    await shows(el, products);
    expect(crumbs(el)).toEqual(['All markets', market, customer]);
    expect(el.drillPath.map((s) => s.member)).toEqual([market, customer]);
    // The bottom level: nothing to open, so a click selects, and only the other charts are filtered by it.
    expect(toggle.disabled).toBe(true);
    const selected = nextEvent<AtliqSelectDetail>('atliq-select');
    bar(el, products[0]!.name).dispatchEvent(new MouseEvent('click'));
    expect((await selected).detail.dimension).toBe('product');
    expect(el.selected).toBe(products[0]!.name);

    // Back to the top: the selection on a level no longer shown is cleared.
    const cleared = nextEvent<AtliqSelectDetail>('atliq-select');
    root(el).querySelector<HTMLButtonElement>('[part="crumb"]')!.click();
    expect((await cleared).detail.value).toBeNull();
    await shows(el, markets);
    expect(crumbs(el)).toEqual(['All markets']);
    expect(dashboard.selection.clauses().size).toBe(0);
  });

  test('keys: Enter still selects, Shift+Enter drills, Backspace goes up, Escape clears only the selection', async () => {
    const { market, customers } = inject('drill');
    const markets = inject('revenueByMarket').map((m) => ({ name: m.market, revenue: m.revenue }));
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const el = mount('atliq-revenue-chart', { by: 'market' }, dashboard);
    await shows(el, markets);
    const mark = bar(el, market);
    expect(mark.getAttribute('aria-keyshortcuts')).toBe('Shift+Enter Backspace');
    mark.focus();
    key(mark, { key: 'Enter' });
    expect(el.selected).toBe(market);

    key(mark, { key: 'Enter', shiftKey: true });
    await shows(el, customers);
    expect(el.selected).toBeUndefined();
    expect(crumbs(el)).toEqual(['All markets', market]);
    const first = root(el).querySelector<SVGGElement>('g.mark')!;
    await vi.waitFor(() => expect(root(el).activeElement).toBe(first));
    key(first, { key: 'Enter' });
    expect(el.selected).toBe(customers[0]!.name);
    key(first, { key: 'Escape' });
    expect(el.selected).toBeUndefined();
    expect(el.drillPath).toHaveLength(1);

    key(first, { key: 'Backspace' });
    await shows(el, markets);
    expect(el.drillPath).toEqual([]);
  });

  test('the drilled level composes with the cross-filter of the other charts', async () => {
    const { market, customers } = inject('drill');
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const el = mount('atliq-revenue-chart', { by: 'market' }, dashboard);
    el.drillPath = [{ dimension: 'market', member: market, label: market }];
    await shows(el, customers);
    dashboard.selection.set('other', { filters: { customer: [customers[1]!.name] }, label: 'x' });
    await shows(el, [customers[1]!]);
    // Another chart's market and the drilled one disagree: nothing, said as "for the current filters".
    const other = inject('revenueByMarket').find((m) => m.market !== market)!.market;
    dashboard.selection.set('other', { filters: { market: [other] }, label: 'y' });
    await vi.waitFor(() =>
      expect(root(el).querySelector('[data-state="empty"]')?.textContent).toBe('No revenue for the current filters.'),
    );
  });

  test('a hostile member stays text and reaches the engine only as a bound parameter', async () => {
    const hostile = `Mumbai') OR 1=1; DROP TABLE fact_sales; --<img src=x onerror="globalThis.pwned=1">`;
    const errors: AtliqErrorDetail[] = [];
    document.body.addEventListener('atliq-error', (e) => errors.push(e.detail));
    const el = mount('atliq-revenue-chart', { src: SRC });
    el.drillPath = [
      { dimension: 'market', member: hostile, label: hostile },
      { dimension: 'zone', member: 'North', label: 'North' },
    ];
    expect(el.drillPath).toHaveLength(1);
    await vi.waitFor(
      () =>
        expect(root(el).querySelector('[data-state="empty"]')?.textContent).toBe('No revenue for the current filters.'),
      { timeout: 25_000 },
    );
    expect(crumbs(el)).toEqual(['All markets', hostile]);
    expect(root(el).querySelector('img')).toBeNull();
    expect(errors).toEqual([]);
    root(el).querySelector<HTMLButtonElement>('[part="crumb"]')!.click();
    expect(await until(() => (el.data?.length ? el.data : undefined))).toHaveLength(inject('revenueByMarket').length);
  });

  test('by=zone does not drill: no breadcrumb, no toggle, and drill keys do nothing', async () => {
    const el = mount('atliq-revenue-chart', { src: SRC, by: 'zone' });
    await until(() => el.data);
    await el.updateComplete;
    expect(root(el).querySelector('[part="breadcrumb"]')).toBeNull();
    expect(root(el).querySelector('[part="drill-toggle"]')).toBeNull();
    expect(root(el).querySelector('g.mark')!.hasAttribute('aria-keyshortcuts')).toBe(false);
    key(root(el).querySelector('g.mark')!, { key: 'Enter', shiftKey: true });
    expect(el.drillPath).toEqual([]);
  });
});
