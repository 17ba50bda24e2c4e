import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, sum, texts, until } from '../../test/dom.ts';
import type { AtliqDrillDetail, AtliqSelectDetail } from '../base/events.ts';
import type { AtliqTrendChart } from './trend-chart.ts';

const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

const root = (el: Element) => el.shadowRoot!;
const crumbs = (el: Element) => texts(root(el), '[part="breadcrumb"] li');
const toggle = (el: Element) => root(el).querySelector<HTMLButtonElement>('[part="drill-toggle"]')!;
const chart = (el: Element) => root(el).querySelector<SVGSVGElement>('svg[part="chart"]')!;
const key = (el: Element, init: KeyboardEventInit) =>
  chart(el).dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** The by-month truth of the year with the most months, and its month of most revenue. */
function truth() {
  const months = inject('byMonth');
  const count = (y: string) => months.filter((m) => m.month.startsWith(`${y}-`)).length;
  const year = [...new Set(months.map((m) => m.month.slice(0, 4)))].sort((a, b) => count(b) - count(a))[0]!;
  const ofYear = months.filter((m) => m.month.startsWith(`${year}-`));
  const top = ofYear.reduce((a, b) => (b.revenue > a.revenue ? b : a));
  return { months, year, ofYear, top };
}

/** Waits until the chart shows exactly the periods `keys`, in order. */
async function shows(el: AtliqTrendChart, keys: readonly string[]) {
  await vi.waitFor(() => expect(el.data?.map((p) => p.key)).toEqual(keys), { timeout: 25_000 });
  await el.updateComplete;
  return el.data!;
}

/** Clicks period `i` of `count`: a pointer down and up on its column (plot margins: 56 px left, 12 px right). */
function click(el: AtliqTrendChart, i: number, count: number) {
  const box = chart(el).getBoundingClientRect();
  const clientX = box.left + 56 + (i * (box.width - 56 - 12)) / (count - 1);
  chart(el).dispatchEvent(new PointerEvent('pointerdown', { clientX, pointerId: 1 }));
  chart(el).dispatchEvent(new PointerEvent('pointerup', { clientX, pointerId: 1 }));
}

describe('<atliq-trend-chart> drill-down', () => {
  test('in drill mode a click opens a year by month, Enter a month by day; Backspace and the breadcrumb go up', async () => {
    const { year, ofYear, top } = truth();
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const el = mount('atliq-trend-chart', { grain: 'year' }, dashboard);
    const years = (await until(() => el.data)).map((p) => p.key);
    await el.updateComplete;
    expect(crumbs(el)).toEqual(['All years']);
    expect(toggle(el).getAttribute('aria-pressed')).toBe('false');
    toggle(el).click();
    await el.updateComplete;
    expect(toggle(el).getAttribute('aria-pressed')).toBe('true');

    const drilled = nextEvent<AtliqDrillDetail>('atliq-drill');
    click(el, years.indexOf(year), years.length);
    expect((await drilled).detail).toEqual({
      path: [{ dimension: 'year', member: Number(year), label: year }],
      dimension: 'month',
    });
    // Only this chart is narrowed: the drill is no selection of the dashboard.
    expect(dashboard.selection.clauses().size).toBe(0);
    const months = await shows(
      el,
      ofYear.map((m) => m.month),
    );
    months.forEach((p, i) => {
      expect(p.value).toBeCloseTo(ofYear[i]!.revenue, 2);
    });
    expect(crumbs(el)).toEqual(['All years', year]);

    // Enter in drill mode opens the focused month.
    chart(el).focus();
    key(el, { key: 'Home' });
    for (let i = 0; i < months.findIndex((p) => p.key === top.month); i++) key(el, { key: 'ArrowRight' });
    key(el, { key: 'Enter' });
    const days = await until(() => (el.data?.[0]?.key.length === 10 ? el.data : undefined));
    expect(days.every((p) => p.key.startsWith(`${top.month}-`))).toBe(true);
    expect(sum(days.map((p) => p.value))).toBeCloseTo(top.revenue, 2);
    await el.updateComplete;
    expect(crumbs(el)).toEqual(['All years', year, monthLabel(top.month)]);
    expect(el.drillPath.map((s) => s.member)).toEqual([Number(year), top.month]);
    expect(toggle(el).disabled).toBe(true);

    key(el, { key: 'Backspace' });
    await shows(
      el,
      ofYear.map((m) => m.month),
    );
    expect(crumbs(el)).toEqual(['All years', year]);
    root(el).querySelector<HTMLButtonElement>('[part="crumb"]')!.click();
    await shows(el, years);
    expect(crumbs(el)).toEqual(['All years']);
    expect(el.drillPath).toEqual([]);
  });

  test('from grain="month": Shift+Enter opens a month by day, where the keys select days; Escape keeps the drill', async () => {
    const { months, top } = truth();
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const el = mount('atliq-trend-chart', {}, dashboard);
    await shows(
      el,
      months.map((m) => m.month),
    );
    expect(crumbs(el)).toEqual(['All months']);
    expect(chart(el).getAttribute('aria-keyshortcuts')).toBe('Shift+Enter Backspace');
    chart(el).focus();
    key(el, { key: 'Home' });
    for (let i = 0; i < months.findIndex((m) => m.month === top.month); i++) key(el, { key: 'ArrowRight' });
    // Enter alone selects, out of drill mode; Shift+Enter drills and clears that selection.
    key(el, { key: 'Enter' });
    expect(dashboard.selection.clauses().get(el.clientId)?.label).toBe(`Month: ${top.month}`);
    key(el, { key: 'Enter', shiftKey: true });
    expect(dashboard.selection.clauses().size).toBe(0);
    const days = await until(() => (el.data?.[0]?.key.length === 10 ? el.data : undefined));
    expect(sum(days.map((p) => p.value))).toBeCloseTo(top.revenue, 2);
    await el.updateComplete;
    expect(crumbs(el)).toEqual(['All months', monthLabel(top.month)]);
    expect(toggle(el).disabled).toBe(true);

    // The drilled level keeps the chart's own keys: End and Enter select the last day, as a day clause.
    const selected = nextEvent<AtliqSelectDetail>('atliq-select');
    key(el, { key: 'End' });
    key(el, { key: 'Enter' });
    const last = days.at(-1)!.key;
    expect((await selected).detail).toEqual({ dimension: 'day', value: last, label: `Day: ${last}` });
    key(el, { key: 'Escape' });
    expect(dashboard.selection.clauses().size).toBe(0);
    expect(el.drillPath).toHaveLength(1);
    key(el, { key: 'Backspace' });
    await shows(
      el,
      months.map((m) => m.month),
    );
  });

  test('the drilled year composes with the cross-filter of the other charts', async () => {
    const { year, ofYear } = truth();
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const el = mount('atliq-trend-chart', { grain: 'year' }, dashboard);
    el.drillPath = [
      { dimension: 'year', member: Number(year), label: year },
      { dimension: 'day', member: `${year}-01-01`, label: 'x' },
    ];
    expect(el.drillPath).toHaveLength(1);
    await shows(
      el,
      ofYear.map((m) => m.month),
    );
    const [a, b] = [ofYear[1]!.month, ofYear[2]!.month];
    dashboard.selection.set('other', { filters: { month: { from: a, to: b } }, label: 'x' });
    await shows(el, [a, b]);
    dashboard.selection.set('other', { filters: { year: [Number(year) + 100] }, label: 'y' });
    await vi.waitFor(() =>
      expect(root(el).querySelector('[data-state="empty"]')?.textContent).toBe('No sales in this period.'),
    );
  });

  test('grain="day" does not drill: the toggle is disabled, no breadcrumb, and the drill keys do nothing', async () => {
    const el = mount('atliq-trend-chart', { src: SRC, grain: 'day' });
    await until(() => el.data);
    await el.updateComplete;
    expect(toggle(el).disabled).toBe(true);
    expect(root(el).querySelector('[part="breadcrumb"]')).toBeNull();
    expect(chart(el).hasAttribute('aria-keyshortcuts')).toBe(false);
    chart(el).focus();
    key(el, { key: 'Enter', shiftKey: true });
    expect(el.drillPath).toEqual([]);
  });
});
