import { afterEach, expect, inject, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../index.ts';
import { mount, nextEvent, until } from '../../test/dom.ts';
import type { AtliqSelectDetail } from '../base/events.ts';

afterEach(() => {
  document.body.replaceChildren();
});

/** The shadow root's focused element, read after real key presses (the browser moves the focus, not the test). */
const focused = (el: Element) => el.shadowRoot!.activeElement;

test('keys on <atliq-profit-chart>: Tab reaches the bars, arrows move with the tooltip, Enter selects, Escape clears, Shift+Enter drills', async () => {
  const { markets, drill } = inject('profit');
  const dashboard = mount('atliq-dashboard', { src: '/extracts-profit/manifest.json' });
  const el = mount('atliq-profit-chart', { target: '2' }, dashboard);
  await until(() => el.data);
  await el.updateComplete;
  const root = el.shadowRoot!;
  const marks = () => [...root.querySelectorAll<SVGGElement>('g.mark')];
  // One tab stop for all bars: the first has tabindex 0, the others -1.
  expect(marks().map((m) => m.getAttribute('tabindex'))).toEqual(markets.map((_, i) => (i === 0 ? '0' : '-1')));

  root.querySelector<HTMLButtonElement>('[part="export-png"]')!.focus();
  await userEvent.keyboard('{Tab}');
  expect(focused(el)).toBe(marks()[0]);
  await el.updateComplete;
  expect(root.querySelector('[part="tooltip"]')?.textContent).toContain(`${markets[0]!.name}: margin`);

  const index = markets.findIndex((m) => m.name === drill.market);
  for (let i = 0; i < index; i++) await userEvent.keyboard('{ArrowDown}');
  await vi.waitFor(() => expect(focused(el)).toBe(marks()[index]));
  expect(root.querySelector('[part="tooltip"]')?.textContent).toContain(`${drill.market}: margin`);

  const selected = nextEvent<AtliqSelectDetail>('atliq-select');
  await userEvent.keyboard('{Enter}');
  expect((await selected).detail).toMatchObject({ dimension: 'market', value: drill.market });
  expect(dashboard.selection.clauses().size).toBe(1);
  const cleared = nextEvent<AtliqSelectDetail>('atliq-select');
  await userEvent.keyboard('{Escape}');
  expect((await cleared).detail.value).toBeNull();
  expect(dashboard.selection.clauses().size).toBe(0);

  await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
  await vi.waitFor(() => expect(el.data?.map((d) => d.label)).toEqual(drill.customers.map((c) => c.name)), {
    timeout: 10_000,
  });
  await vi.waitFor(() => expect(focused(el)).toBe(marks()[0]));
  await userEvent.keyboard('{Backspace}');
  await vi.waitFor(() => expect(el.data?.map((d) => d.label)).toEqual(markets.map((m) => m.name)));
});
