import { formatDay } from '@atliq/sdk';
import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../index.ts';
import { mount, nextEvent, sum, until } from '../../test/dom.ts';
import type { AtliqErrorDetail, AtliqSelectDetail } from '../base/events.ts';

const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

const monthBefore = (key: string) => `${Number(key.slice(0, 4)) - 1}${key.slice(4)}`;

/** The points once the last period's earlier days (loaded after the chart is drawn) have arrived too. */
async function compared(el: HTMLElementTagNameMap['atliq-trend-chart']) {
  await vi.waitFor(() => expect(el.data?.at(-1)?.previous).toEqual(expect.any(Number)), { timeout: 25_000 });
  await el.updateComplete;
  return el.data!;
}

/** A dashboard with the trend and a revenue KPI (which shows the cross-filter's effect), once the trend is drawn. */
async function trendInDashboard() {
  const dashboard = mount('atliq-dashboard', { src: SRC });
  const trend = mount('atliq-trend-chart', {}, dashboard);
  const kpi = mount('atliq-kpi', { measure: 'revenue' }, dashboard);
  const points = await until(() => trend.data);
  await trend.updateComplete;
  return { dashboard, trend, kpi, points };
}

/** The screen x of period `i` of `count` on the chart (plot margins: 56 px left, 12 px right). */
function periodX(chart: SVGSVGElement, i: number, count: number): number {
  const box = chart.getBoundingClientRect();
  return box.left + 56 + (i * (box.width - 56 - 12)) / (count - 1);
}

describe('<atliq-trend-chart>', () => {
  test('shows revenue per month with the same month a year earlier, like for like at both ends', async () => {
    const months = inject('byMonth');
    const { firstDay, lastDay, monthToDate } = inject('periods');
    const el = mount('atliq-trend-chart', { src: SRC });
    const points = await compared(el);
    expect(points.map((p) => p.key)).toEqual(months.map((m) => m.month));
    const byKey = new Map(months.map((m) => [m.month, m.revenue]));
    points.forEach((p, i) => {
      expect(p.value).toBeCloseTo(months[i]!.revenue, 2);
      const earlier = monthBefore(p.key);
      const before = byKey.get(earlier);
      // The last month runs to the newest order day: it is compared with the same days a year earlier. A month
      // whose year-earlier month the sales start within has no earlier value: part of it is missing.
      if (p.key === monthToDate.month) expect(p.previous).toBeCloseTo(monthToDate.baseline.revenue, 2);
      else if (before === undefined || `${earlier}-01` < firstDay) expect(p.previous).toBeNull();
      else expect(p.previous).toBeCloseTo(before, 2);
    });
    expect(points.at(-1)).toMatchObject({ key: monthToDate.month, to: lastDay });
    expect(points[0]).toMatchObject({ key: firstDay.slice(0, 7), from: firstDay });
    expect(points.slice(1, -1).every((p) => p.from === undefined && p.to === undefined)).toBe(true);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('tbody tr')).toHaveLength(months.length);
    expect(root.querySelector('path.area')?.getAttribute('d')).toMatch(/^M/);
    expect(root.querySelector('path.partial')?.getAttribute('d')).toMatch(/^M/);
    expect(root.querySelector('.partial-label')?.textContent).toBe(`to ${formatDay(lastDay, false)}`);
    expect(root.querySelector('tbody tr:last-child')?.textContent).toContain(`(to ${formatDay(lastDay)})`);
    expect(el.toCSV().trim().split('\n').at(-1)).toContain(`to ${lastDay}`);
  });

  test('as-of before the newest sale: the months after it are left out, the last one cut at that day', async () => {
    const months = inject('byMonth');
    const el = mount('atliq-trend-chart', { src: SRC, 'as-of': '2019-12-15' });
    const points = await until(() => el.data);
    expect(points.at(-1)).toMatchObject({ key: '2019-12', to: '2019-12-15' });
    expect(points.map((p) => p.key)).toEqual(months.filter((m) => m.month <= '2019-12').map((m) => m.month));
    expect(points.at(-2)!.value).toBeCloseTo(months.find((m) => m.month === '2019-11')!.revenue, 2);
  });

  test('dragging across months selects that period for the other charts', async () => {
    const months = inject('byMonth');
    const { dashboard, trend, kpi, points } = await trendInDashboard();
    const svg = trend.shadowRoot!.querySelector('svg')!;
    const at = (i: number) => periodX(svg, i, points.length);
    const heard = nextEvent<AtliqSelectDetail>('atliq-select');
    svg.dispatchEvent(new PointerEvent('pointerdown', { clientX: at(2), pointerId: 1 }));
    svg.dispatchEvent(new PointerEvent('pointermove', { clientX: at(4), pointerId: 1 }));
    svg.dispatchEvent(new PointerEvent('pointerup', { clientX: at(5), pointerId: 1 }));
    const range = `${points[2]!.key} – ${points[5]!.key}`;
    expect((await heard).detail).toEqual({ dimension: 'month', value: range, label: `Month: ${range}` });
    const expected = sum(months.slice(2, 6).map((m) => m.revenue));
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(expected, 2), { timeout: 25_000 });
    expect(trend.data).toHaveLength(points.length);

    svg.focus();
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(dashboard.selection.clauses().size).toBe(0);
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect([...dashboard.selection.clauses().values()][0]?.label).toBe(`Month: ${points.at(-1)!.key}`);
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(months.at(-1)!.revenue, 2), { timeout: 25_000 });
  });

  test('keys: one tab stop, arrows move the focused period with its tooltip, Enter selects it, Shift+arrows a range, Escape clears', async () => {
    const months = inject('byMonth');
    const { dashboard, trend, kpi, points } = await trendInDashboard();
    expect(points.map((p) => p.key)).toEqual(months.map((m) => m.month));
    const root = trend.shadowRoot!;
    const chart = root.querySelector<SVGSVGElement>('svg[part="chart"]')!;
    const options = () => [...chart.querySelectorAll<SVGRectElement>('[role="option"]')];
    const activeOption = () => root.getElementById(chart.getAttribute('aria-activedescendant') ?? '');
    const tooltip = () => root.querySelector('[part="tooltip"]')?.textContent ?? '';
    const selectedKeys = () =>
      options().flatMap((o, i) => (o.getAttribute('aria-selected') === 'true' ? [points[i]!.key] : []));
    const clause = () => dashboard.selection.clauses().get(trend.clientId);
    // An interactive listbox of every period, no longer an image; the drawing is hidden, the table stays.
    expect(chart.getAttribute('role')).toBe('listbox');
    expect(chart.getAttribute('aria-multiselectable')).toBe('true');
    expect(options()).toHaveLength(points.length);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(points.length);
    // One tab stop: after the toolbar's last button comes the chart, and nothing inside it is focusable.
    expect(chart.querySelectorAll('[tabindex]')).toHaveLength(0);
    root.querySelector<HTMLButtonElement>('[part="export-png"]')!.focus();
    await userEvent.keyboard('{Tab}');
    expect(root.activeElement).toBe(chart);
    await trend.updateComplete;
    expect(activeOption()).toBe(options()[0]);
    // The first month says the sales start within it.
    expect(tooltip()).toContain(`${points[0]!.key} (from ${formatDay(points[0]!.from!)}): `);

    await userEvent.keyboard('{End}');
    await trend.updateComplete;
    expect(activeOption()).toBe(options().at(-1));
    await userEvent.keyboard('{Home}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowLeft}');
    await trend.updateComplete;
    expect(activeOption()).toBe(options()[2]);
    expect(activeOption()?.getAttribute('aria-label')).toMatch(new RegExp(`^${points[2]!.key}: `));
    expect(tooltip()).toBe(activeOption()?.getAttribute('aria-label'));
    // The focused period is outlined in the focus colour; the others are not.
    expect(getComputedStyle(activeOption()!).stroke).toBe('rgb(245, 166, 35)');
    expect(getComputedStyle(options()[1]!).stroke).toBe('none');

    const selected = nextEvent<AtliqSelectDetail>('atliq-select');
    await userEvent.keyboard('{Enter}');
    const key = points[2]!.key;
    expect((await selected).detail).toEqual({ dimension: 'month', value: key, label: `Month: ${key}` });
    expect(clause()?.filters).toEqual({ month: { from: key, to: key } });
    await trend.updateComplete;
    expect(selectedKeys()).toEqual([key]);
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(months[2]!.revenue, 2), { timeout: 25_000 });

    // Each Shift+arrow extends the selection by a period, with the event the brush fires.
    for (const end of [3, 4]) {
      const extended = nextEvent<AtliqSelectDetail>('atliq-select');
      await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
      const range = `${key} – ${points[end]!.key}`;
      expect((await extended).detail).toEqual({ dimension: 'month', value: range, label: `Month: ${range}` });
    }
    const byKeys = clause();
    await trend.updateComplete;
    expect(activeOption()).toBe(options()[4]);
    expect(selectedKeys()).toEqual(points.slice(2, 5).map((p) => p.key));
    expect(root.querySelector('rect.brush')).not.toBeNull();
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(sum(months.slice(2, 5).map((m) => m.revenue)), 2), {
      timeout: 25_000,
    });
    // Shift+ArrowLeft shrinks the range from the focused end; the anchor stays.
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    expect(clause()?.label).toBe(`Month: ${key} – ${points[3]!.key}`);

    const cleared = nextEvent<AtliqSelectDetail>('atliq-select');
    await userEvent.keyboard('{Escape}');
    expect((await cleared).detail).toEqual({ dimension: 'month', value: null, label: '' });
    expect(dashboard.selection.clauses().size).toBe(0);
    await trend.updateComplete;
    expect(selectedKeys()).toEqual([]);
    expect(root.querySelector('rect.brush')).toBeNull();
    await vi.waitFor(() => expect(kpi.data?.value).toBeCloseTo(inject('periods').ytd.current.revenue, 2), {
      timeout: 25_000,
    });

    // The pointer brush across the same periods makes the same clause as Shift+arrows did.
    const at = (i: number) => periodX(chart, i, points.length);
    chart.dispatchEvent(new PointerEvent('pointerdown', { clientX: at(2), pointerId: 1 }));
    chart.dispatchEvent(new PointerEvent('pointerup', { clientX: at(4), pointerId: 1 }));
    expect(clause()).toEqual(byKeys);
  });

  test('by year, each year matches the by-month truth; each is compared like for like with the year before', async () => {
    const years = new Map<string, number>();
    for (const m of inject('byMonth'))
      years.set(m.month.slice(0, 4), (years.get(m.month.slice(0, 4)) ?? 0) + m.revenue);
    const { firstDay, ytd, lastDay } = inject('periods');
    const el = mount('atliq-trend-chart', { src: SRC, grain: 'year' });
    const points = await compared(el);
    expect(points.map((p) => p.key)).toEqual([...years.keys()]);
    expect(points.length).toBeGreaterThan(1);
    for (const p of points) {
      expect(p.value).toBeCloseTo(years.get(p.key)!, 2);
      const before = years.get(String(Number(p.key) - 1));
      // The sales start in the autumn of the first year: the year after it has nothing fair to compare with. The
      // newest year runs to the newest order day: it is compared with the same days of the year before.
      if (p.key === lastDay.slice(0, 4)) expect(p.previous).toBeCloseTo(ytd.baseline.revenue, 2);
      else if (before === undefined || `${Number(p.key) - 1}-01-01` < firstDay) expect(p.previous).toBeNull();
      else expect(p.previous).toBeCloseTo(before, 2);
    }
  });

  test('fiscal-year-start="4": years are April–March, named "FY 2019-20", compared like for like; a year drills into its months', async () => {
    const months = inject('byMonth');
    const { firstDay, lastDay, fiscalYtd } = inject('periods');
    const fy = (m: string) => Number(m.slice(0, 4)) - (Number(m.slice(5)) < 4 ? 1 : 0);
    const years = new Map<number, number>();
    for (const m of months) years.set(fy(m.month), (years.get(fy(m.month)) ?? 0) + m.revenue);
    const el = mount('atliq-trend-chart', { src: SRC, grain: 'year', 'fiscal-year-start': '4' });
    const points = await compared(el);
    expect(points.map((p) => Number(p.key))).toEqual([...years.keys()]);
    for (const p of points) {
      expect(p.value).toBeCloseTo(years.get(Number(p.key))!, 2);
      const before = years.get(Number(p.key) - 1);
      // The newest fiscal year runs to the newest order day; the first one starts with the first sale.
      if (p.key === String(fy(lastDay.slice(0, 7)))) expect(p.previous).toBeCloseTo(fiscalYtd.baseline.revenue, 2);
      else if (before === undefined || `${Number(p.key) - 1}-04-01` < firstDay) expect(p.previous).toBeNull();
      else expect(p.previous).toBeCloseTo(before, 2);
    }
    expect(points.at(-1)!.to).toBe(lastDay);
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('.axis.x')].map((t) => t.textContent)).toEqual(
      points.map((p) => `FY ${p.key}-${String((Number(p.key) + 1) % 100).padStart(2, '0')}`),
    );
    // Drilling into FY 2018-19 opens April 2018 to March 2019.
    el.drillPath = [{ dimension: 'year', member: 2018, label: 'FY 2018-19' }];
    await vi.waitFor(() => expect(el.data?.[0]?.key).toBe('2018-04'), { timeout: 25_000 });
    expect(el.data!.map((p) => p.key)).toEqual(months.filter((m) => fy(m.month) === 2018).map((m) => m.month));
  });

  test('an unknown grain is explained and fires atliq-error', async () => {
    const heard = nextEvent<AtliqErrorDetail>('atliq-error');
    const el = mount('atliq-trend-chart', { src: '/extracts/trend-unused/manifest.json', grain: 'week' });
    expect((await heard).detail.message).toBe('grain must be year, month or day, got "week".');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('grain must be');
  });
});
