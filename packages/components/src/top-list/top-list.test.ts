import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, overlaps, sum, texts, until } from '../../test/dom.ts';
import type { AtliqDrillDetail, AtliqErrorDetail, AtliqSelectDetail } from '../base/events.ts';
import { currencyFormats, formatPercent } from '../base/format.ts';

const inr = currencyFormats('INR');
const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<atliq-top-list>', () => {
  test.each([
    ['customer', 'revenueByCustomer'],
    ['product', 'revenueByProduct'],
  ] as const)('lists the top 5 by %s with their share of all revenue', async (by, key) => {
    const truth = inject(key);
    const total = sum(truth.map((t) => t.revenue));
    const el = mount('atliq-top-list', { src: SRC, by });
    const rows = await until(() => el.data);
    await el.updateComplete;
    expect(rows.map((r) => r.label)).toEqual(truth.slice(0, 5).map((t) => t.name));
    rows.forEach((r, i) => {
      expect(r.value).toBeCloseTo(truth[i]!.revenue, 2);
      expect(r.share).toBeCloseTo((100 * truth[i]!.revenue) / total, 6);
    });
    const root = el.shadowRoot!;
    // A product code has its type beside it, from dim_product; a code the product list lacks says so.
    const types = inject('productTypes');
    const note = (code: string) => (types[code] === 'Unknown' ? 'unknown product' : types[code]);
    expect(texts(root, '.name')).toEqual(
      truth.slice(0, 5).map((t) => (by === 'product' ? `${t.name} · ${note(t.name)}` : t.name)),
    );
    expect(texts(root, '.value')).toEqual(truth.slice(0, 5).map((t) => inr.compact(t.revenue)));
    expect(texts(root, '.share')).toEqual(truth.slice(0, 5).map((t) => formatPercent((100 * t.revenue) / total)));
    expect(el.toCSV().split('\r\n')[1]).toBe(`1,${rows[0]!.label},${rows[0]!.value},${rows[0]!.share}`);
    // Products: the share of all revenue on codes the product list lacks is said under the ranking it limits.
    const unknown = sum(truth.filter((t) => types[t.name] === 'Unknown').map((t) => t.revenue));
    const caveat = root.querySelector('[part="caveat"]')?.textContent?.trim();
    if (by === 'product') {
      expect(unknown).toBeGreaterThan(0);
      expect(caveat).toBe(
        `${formatPercent((100 * unknown) / total)} of this revenue is on product codes missing from the product list: the ranking cannot speak for them.`,
      );
    } else expect(caveat).toBeUndefined();
  });

  test('the hovered or focused row shows its full value and share of all revenue in a tooltip over it', async () => {
    const truth = inject('revenueByCustomer');
    const total = sum(truth.map((t) => t.revenue));
    const expected = (i: number) =>
      `${truth[i]!.name}: ${inr.full(truth[i]!.revenue)}, ${formatPercent((100 * truth[i]!.revenue) / total)} of total`;
    const el = mount('atliq-top-list', { src: SRC, by: 'customer', n: '3' });
    await until(() => el.data);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const tooltip = () => root.querySelector<HTMLElement>('[part="tooltip"]');
    const items = root.querySelectorAll<HTMLElement>('[part~="item"]');
    expect(tooltip()).toBeNull();

    items[1]!.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(tooltip()?.textContent).toBe(expected(1));
    expect(tooltip()?.getAttribute('role')).toBe('tooltip');
    expect(items[1]!.getAttribute('aria-describedby')).toBe(tooltip()!.id);
    // Over the hovered row itself, inside the list's width: the other rows' names and values stay readable.
    const tip = tooltip()!.getBoundingClientRect();
    const row = items[1]!.getBoundingClientRect();
    expect(tip.top).toBeGreaterThanOrEqual(row.top);
    expect(tip.bottom).toBeLessThanOrEqual(row.bottom);
    expect(tip.left).toBeGreaterThanOrEqual(row.left);
    expect(tip.right).toBeLessThanOrEqual(root.querySelector('[part="list"]')!.getBoundingClientRect().right + 1);
    const others = [items[0]!, items[2]!].flatMap((item) => [...item.querySelectorAll('.name, .value, .share')]);
    expect(others.filter((n) => overlaps(tip, n.getBoundingClientRect())).map((n) => n.textContent)).toEqual([]);
    root.querySelector('[part="list"]')!.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(tooltip()).toBeNull();

    // The keyboard too: focus, then arrows, carry the tooltip; focus leaving the list hides it.
    items[0]!.focus();
    await el.updateComplete;
    expect(tooltip()?.textContent).toBe(expected(0));
    items[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    items[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await el.updateComplete;
    expect(tooltip()?.textContent).toBe(expected(2));
    expect(tooltip()!.getBoundingClientRect().top).toBeGreaterThanOrEqual(items[2]!.getBoundingClientRect().top);
    expect(tooltip()!.getBoundingClientRect().bottom).toBeLessThanOrEqual(items[2]!.getBoundingClientRect().bottom);
    items[2]!.blur();
    await el.updateComplete;
    expect(tooltip()).toBeNull();
  });

  test('Enter on a customer filters the dashboard and tells the host page; Escape clears', async () => {
    const customers = inject('revenueByCustomer');
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const list = mount('atliq-top-list', { by: 'customer', n: '3' }, dashboard);
    const kpi = mount('atliq-kpi', { measure: 'revenue' }, dashboard);
    await until(() => list.data);
    await list.updateComplete;
    const items = list.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]');
    expect(items).toHaveLength(3);
    items[0]!.focus();
    items[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(list.shadowRoot!.activeElement).toBe(items[1]);
    const heard = nextEvent<AtliqSelectDetail>('atliq-select');
    items[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect((await heard).detail).toEqual({
      dimension: 'customer',
      value: customers[1]!.name,
      label: `Customer: ${customers[1]!.name}`,
    });
    const ytd = inject('periods').ytdByCustomer[customers[1]!.name]!;
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(ytd, 2), { timeout: 25_000 });
    items[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(dashboard.selection.clauses().size).toBe(0);
  });

  test('in drill mode a customer opens into its top products; Backspace goes back up', async () => {
    const { market, customers, customer, products } = inject('drill');
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const list = mount('atliq-top-list', { by: 'customer', n: '3' }, dashboard);
    // Another chart's market composes with the drill: the customers and products of that market only.
    dashboard.selection.set('other', { filters: { market: [market] }, label: `Market: ${market}` });
    await vi.waitFor(() => expect(list.data?.map((r) => r.label)).toEqual(customers.slice(0, 3).map((c) => c.name)), {
      timeout: 25_000,
    });
    await list.updateComplete;
    const root = list.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part="drill-toggle"]')!.click();
    const drilled = nextEvent<AtliqDrillDetail>('atliq-drill');
    root.querySelector<HTMLElement>('[part~="item"]')!.click();
    expect((await drilled).detail).toEqual({
      path: [{ dimension: 'customer', member: customer, label: customer }],
      dimension: 'product',
    });
    await vi.waitFor(() => expect(list.data?.map((r) => r.label)).toEqual(products.slice(0, 3).map((p) => p.name)));
    list.data!.forEach((r, i) => {
      expect(r.value).toBeCloseTo(products[i]!.revenue, 2);
    });
    await list.updateComplete;
    expect(texts(root, '[part="breadcrumb"] li')).toEqual(['All customers', customer]);
    expect(root.querySelector('[part="list"]')?.getAttribute('aria-label')).toBe(
      `Top 3 products by revenue for ${customer}`,
    );
    // The bottom level: Enter selects the product for the other charts.
    const item = root.querySelector<HTMLElement>('[part~="item"]')!;
    item.focus();
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(list.selected).toBe(products[0]!.name);
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'Backspace', bubbles: true }));
    await vi.waitFor(() => expect(list.data?.[0]?.label).toBe(customer));
    expect(list.drillPath).toEqual([]);
    expect(dashboard.selection.clauses().has(list.clientId)).toBe(false);
  });

  test('an invalid n or by is explained and fires atliq-error', async () => {
    const heard = nextEvent<AtliqErrorDetail>('atliq-error');
    const el = mount('atliq-top-list', { src: '/extracts/top-list-unused/manifest.json', n: '-1' });
    expect((await heard).detail.message).toBe('The n attribute must be a whole number from 1 to 1000, got "-1".');
    const next = nextEvent<AtliqErrorDetail>('atliq-error');
    el.setAttribute('n', '5');
    el.setAttribute('by', 'market');
    expect((await next).detail.message).toBe('by must be customer or product, got "market".');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('by must be customer or product');
  });
});
