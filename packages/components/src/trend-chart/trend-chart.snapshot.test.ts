import { expect, test, vi } from 'vitest';
import '../index.ts';
import { mount, until } from '../../test/dom.ts';
import { normalisedSvg } from '../../test/svg-snapshot.ts';

// Label widths are measured with canvas measureText, which depends on the fonts installed: a fixed 7 px per
// character keeps every position in the snapshot the same on any machine.
vi.mock('../base/text-width.ts', () => ({ textWidth: (text: string) => text.length * 7 }));

test('trend chart renders revenue by month with the year before (snapshot)', async () => {
  const el = mount('atliq-trend-chart', { src: '/extracts/manifest.json' });
  await until(() => el.data);
  // The last month runs to 26 June: its earlier value (the same days a year before) arrives after the first draw.
  await vi.waitFor(() => expect(el.data?.at(-1)?.previous).toEqual(expect.any(Number)), { timeout: 25_000 });
  await el.updateComplete;
  const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
  await expect(normalisedSvg(svg)).toMatchFileSnapshot('./__snapshots__/trend-chart.svg.snap');
});
