import { describe, expect, test } from 'vitest';
import { revenueBars, sortBars } from './revenue-bars.ts';

const data = [
  { label: 'Chennai', value: 250 },
  { label: 'Delhi NCR', value: 1000 },
  { label: 'Bhopal', value: 250 },
  { label: 'Surat', value: 0 },
];

describe('revenueBars()', () => {
  test('sortBars() puts the largest first and breaks ties by label', () => {
    expect(sortBars(data).map((d) => d.label)).toEqual(['Delhi NCR', 'Bhopal', 'Chennai', 'Surat']);
  });

  test('revenueBars() sizes bars in proportion to revenue, the largest ending before the value column', () => {
    const layout = revenueBars(data, { width: 400, labelWidth: 88, step: 30, valueWidth: 60 });
    const [delhi, bhopal, , surat] = layout.bars;
    expect(layout.labelX).toBe(90);
    expect(delhi!.x).toBe(98);
    expect(delhi!.x + delhi!.width).toBe(340);
    expect(bhopal!.width).toBeCloseTo(delhi!.width / 4, 9);
    expect(surat!.width).toBe(0);
    expect(delhi!.valueX).toBe(344);
  });

  test('revenueBars() stacks one band per market without overlap', () => {
    const layout = revenueBars(data, { width: 400, labelWidth: 60, step: 30 });
    expect(layout.height).toBe(120);
    layout.bars.forEach((bar, i) => {
      expect(bar.height).toBeGreaterThan(0);
      expect(bar.cy).toBeCloseTo(bar.y + bar.height / 2, 9);
      if (i > 0) expect(bar.y).toBeGreaterThanOrEqual(layout.bars[i - 1]!.y + layout.bars[i - 1]!.height);
    });
  });

  test('revenueBars() grows a negative value leftwards from zero', () => {
    const [gain, loss] = revenueBars(
      [
        { label: 'A', value: 100 },
        { label: 'B', value: -100 },
      ],
      { width: 300, labelWidth: 10, valueWidth: 50 },
    ).bars;
    expect(loss!.x + loss!.width).toBeCloseTo(gain!.x, 9);
    expect(loss!.width).toBeCloseTo(gain!.width, 9);
  });

  test('revenueBars() of no data is empty', () => {
    expect(revenueBars([], { width: 300, labelWidth: 0 })).toMatchObject({ bars: [], height: 0 });
  });

  test('revenueBars() keeps label room within 40% of a narrow chart', () => {
    expect(
      revenueBars([{ label: 'A very long market name indeed', value: 1 }], { width: 200, labelWidth: 190 }).labelX,
    ).toBe(80);
  });
});
