import { expect, test, vi } from 'vitest';
import '../index.ts';
import { mount, until } from '../../test/dom.ts';
import { normalisedSvg } from '../../test/svg-snapshot.ts';

// Label widths are measured with canvas measureText, which depends on the fonts installed: a fixed 7 px per
// character keeps every position in the snapshot the same on any machine.
vi.mock('../base/text-width.ts', () => ({ textWidth: (text: string) => text.length * 7 }));

test('profit chart renders margins by market against a 2% target (snapshot)', async () => {
  const el = mount('atliq-profit-chart', { src: '/extracts-profit/manifest.json', target: '2' });
  await until(() => el.data);
  await el.updateComplete;
  const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
  await expect(normalisedSvg(svg)).toMatchFileSnapshot('./__snapshots__/profit-chart.svg.snap');
});
