import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, sum, until } from '../../test/dom.ts';
import type { AtliqErrorDetail, AtliqSelectDetail } from '../base/events.ts';

const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

const monthBefore = (key: string) => `${Number(key.slice(0, 4)) - 1}${key.slice(4)}`;

describe('<atliq-trend-chart>', () => {
  test('shows revenue per month with the same month a year earlier', async () => {
    const months = inject('byMonth');
    const el = mount('atliq-trend-chart', { src: SRC });
    const points = await until(() => el.data);
    await el.updateComplete;
    expect(points.map((p) => p.key)).toEqual(months.map((m) => m.month));
    const byKey = new Map(months.map((m) => [m.month, m.revenue]));
    points.forEach((p, i) => {
      expect(p.value).toBeCloseTo(months[i]!.revenue, 2);
      const before = byKey.get(monthBefore(p.key));
      if (before === undefined) expect(p.previous).toBeNull();
      else expect(p.previous).toBeCloseTo(before, 2);
    });
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(months.length);
    expect(el.shadowRoot!.querySelector('path.area')?.getAttribute('d')).toMatch(/^M/);
  });

  test('dragging across months selects that period for the other charts', async () => {
    const months = inject('byMonth');
    const dashboard = mount('atliq-dashboard', { src: SRC });
    const trend = mount('atliq-trend-chart', {}, dashboard);
    const kpi = mount('atliq-kpi', { measure: 'revenue' }, dashboard);
    const points = await until(() => trend.data);
    await trend.updateComplete;
    const svg = trend.shadowRoot!.querySelector('svg')!;
    const box = svg.getBoundingClientRect();
    const step = (box.width - 56 - 12) / (points.length - 1);
    const at = (i: number) => box.left + 56 + i * step;
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

  test('by year, last year is the previous point', async () => {
    const el = mount('atliq-trend-chart', { src: SRC, grain: 'year' });
    const points = await until(() => el.data);
    expect(points[0]!.previous).toBeNull();
    for (let i = 1; i < points.length; i++) expect(points[i]!.previous).toBe(points[i - 1]!.value);
  });

  test('an unknown grain is explained and fires atliq-error', async () => {
    const heard = nextEvent<AtliqErrorDetail>('atliq-error');
    const el = mount('atliq-trend-chart', { src: '/extracts/trend-unused/manifest.json', grain: 'week' });
    expect((await heard).detail.message).toBe('grain must be year, month or day, got "week".');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('grain must be');
  });
});
