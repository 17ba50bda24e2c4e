import { afterEach, describe, expect, test, vi } from 'vitest';
import '../index.ts';
import { mount, until } from '../../test/dom.ts';
import { recordingSource } from '../../test/recording-source.ts';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** The right edge of the chart's rightmost mark: where its layout ends. */
const extent = (el: Element, marks: string) =>
  Math.max(
    ...[...el.shadowRoot!.querySelectorAll<SVGRectElement>(marks)].map(
      (r) => r.x.baseVal.value + r.width.baseVal.value,
    ),
  );

const svgOf = (el: Element) => el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]');

describe('every chart resizes with its container', () => {
  test.each([
    { tag: 'atliq-revenue-chart', extract: '/extracts/manifest.json', marks: 'rect.bar' },
    { tag: 'atliq-trend-chart', extract: '/extracts/manifest.json', marks: 'rect.period' },
    { tag: 'atliq-profit-chart', extract: '/extracts-profit/manifest.json', marks: 'rect.bar' },
  ] as const)(
    '<$tag> lays itself out again for 400px then 900px, querying nothing',
    async ({ tag, extract, marks }) => {
      const { src, source, queries } = recordingSource(`${extract}?resize=${tag}`);
      const asked = vi.spyOn(source, 'query');
      const container = mount('div', {});
      const el = mount(tag, { src }, container);
      // The chart fills its container, which is what the page resizes.
      el.style.width = '';
      await until(() => el.data);
      await vi.waitFor(() => expect(svgOf(el)?.width.baseVal.value).toBe(640));
      const specs = asked.mock.calls.length;
      const sent = queries.length;
      expect(specs).toBeGreaterThan(0);

      const extents: number[] = [];
      for (const width of [640, 400, 900]) {
        container.style.width = `${width}px`;
        await vi.waitFor(() => expect(svgOf(el)?.width.baseVal.value).toBe(width));
        await el.updateComplete;
        expect(svgOf(el)!.getBoundingClientRect().width).toBe(width);
        const right = extent(el, marks);
        // The marks use the room there is: inside the chart, and most of its width.
        expect(right).toBeLessThanOrEqual(width);
        expect(right).toBeGreaterThan(width / 2);
        extents.push(right);
      }
      expect(extents[1]).toBeLessThan(extents[0]!);
      expect(extents[2]).toBeGreaterThan(extents[0]!);
      expect(asked.mock.calls.length).toBe(specs);
      expect(queries.length).toBe(sent);
    },
  );
});
