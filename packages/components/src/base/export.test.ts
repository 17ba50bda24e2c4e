import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, texts, until } from '../../test/dom.ts';

const SRC = '/extracts/manifest.json';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** The CSV's data rows split into fields (the test extract's names hold no commas or quotes). */
const csvRows = (csv: string) =>
  csv
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','));

/** Width and height from a PNG's IHDR chunk, after checking the 8-byte signature. */
async function pngSize(blob: Blob) {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The image's pixels, RGBA row by row. */
async function pixels(blob: Blob) {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** The RGB of the image's pixel at (x, y) in CSS pixels of the exported area. */
async function pixel(blob: Blob, x: number, y: number) {
  const { data, width } = await pixels(blob);
  const at = 4 * (Math.round(y * devicePixelRatio) * width + Math.round(x * devicePixelRatio));
  return [...data.slice(at, at + 3)];
}

/** How many bands of rows hold anything but white from CSS pixel `y` down: one per line of text drawn there. */
async function inkBands(blob: Blob, y: number) {
  const { data, width, height } = await pixels(blob);
  const inked = (row: number) => {
    for (let i = 4 * row * width; i < 4 * (row + 1) * width; i += 4) {
      if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) return true;
    }
    return false;
  };
  let bands = 0;
  for (let row = Math.ceil(y * devicePixelRatio), was = false; row < height; row++) {
    const ink = inked(row);
    if (ink && !was) bands++;
    was = ink;
  }
  return bands;
}

/** How many pixels other than white the image has inside `box` (CSS pixels of the exported area). */
async function inkIn(blob: Blob, box: { left: number; top: number; right: number; bottom: number }) {
  const { data, width } = await pixels(blob);
  const [x0, x1] = [Math.floor(box.left * devicePixelRatio), Math.ceil(box.right * devicePixelRatio)];
  let ink = 0;
  for (let row = Math.floor(box.top * devicePixelRatio); row < Math.ceil(box.bottom * devicePixelRatio); row++) {
    for (let i = 4 * (row * width + x0); i < 4 * (row * width + x1); i += 4) {
      if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) ink++;
    }
  }
  return ink;
}

/** Whether a pixel from CSS pixel row `y` down is within 24 of `rgb` on each channel (anti-aliased text has a core). */
async function hasColour(blob: Blob, y: number, rgb: readonly number[]) {
  const { data, width } = await pixels(blob);
  for (let i = 4 * Math.ceil(y * devicePixelRatio) * width; i < data.length; i += 4) {
    if (rgb.every((c, k) => Math.abs(data[i + k]! - c) <= 24)) return true;
  }
  return false;
}

/** The box around `elements` on the page: what a PNG of those parts spans. */
function area(...elements: Element[]) {
  const boxes = elements.map((el) => el.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  return {
    left,
    top,
    width: Math.max(...boxes.map((b) => b.right)) - left,
    height: Math.max(...boxes.map((b) => b.bottom)) - top,
  };
}

/** The PNG size of a box at the screen's pixel density. */
const deviceSize = ({ width, height }: { width: number; height: number }) => ({
  width: Math.ceil(width * devicePixelRatio),
  height: Math.ceil(height * devicePixelRatio),
});

/** How many lines of text `el` takes on screen. */
const linesOf = (el: Element) =>
  Math.round(el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight));

/** Clicks a toolbar button and returns the file it offered: name and text. */
async function downloaded(host: Element, part: 'export-csv' | 'export-png') {
  // A second call must wrap the real function, not the first call's spy.
  vi.restoreAllMocks();
  const blobs: Blob[] = [];
  const create = URL.createObjectURL;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return create(blob);
  });
  const names: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  host.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${part}"]`)!.click();
  // PNG export decodes an image and draws a canvas; on a busy machine, with the engine compiling, that takes a while.
  await vi.waitFor(() => expect(names).toHaveLength(1), { timeout: 10_000 });
  return { name: names[0]!, blob: blobs.at(-1)! };
}

describe('CSV and PNG export', () => {
  test('<atliq-revenue-chart>: the CSV is the bars shown, equal to SQL truth; the PNG draws them in their colours', async () => {
    const truth = inject('revenueByMarket');
    const wrapper = mount('div', {});
    wrapper.style.setProperty('--atliq-bar-color', 'rgb(200, 30, 90)');
    const el = mount('atliq-revenue-chart', { src: SRC }, wrapper);
    await until(() => el.data);
    await el.updateComplete;
    const rows = csvRows(el.toCSV());
    expect(rows.map((r) => r[0])).toEqual(texts(el.shadowRoot!, 'text.label'));
    expect(rows.map((r) => r[0])).toEqual(truth.map((t) => t.market));
    rows.forEach((r, i) => {
      expect(Number(r[1])).toBeCloseTo(truth[i]!.revenue, 2);
    });

    const file = await downloaded(el, 'export-csv');
    expect(file.name).toBe('revenue-by-market.csv');
    expect(await file.blob.text()).toBe(el.toCSV());

    // The drill path ("All markets") is drawn above the bars, as on screen.
    // Everything measured in the same layout as the picture: fonts loaded, bars placed, before it is drawn.
    await document.fonts.ready;
    await el.updateComplete;
    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
    const shown = area(el.shadowRoot!.querySelector('[part="breadcrumb"]')!, svg);
    const svgTop = svg.getBoundingClientRect().top - shown.top;
    const first = el.shadowRoot!.querySelector<SVGRectElement>('rect.bar')!;
    const [x, y] = [first.x.baseVal.value + first.width.baseVal.value / 2, svgTop + first.y.baseVal.value + 4];
    const png = await el.toPNG();
    expect(await pngSize(png)).toEqual(deviceSize(shown));
    expect(svgTop).toBeGreaterThan(0);
    expect(await inkBands(png, 0)).toBe(1 + (await inkBands(png, svgTop)));
    expect(await pixel(png, x, y)).toEqual([200, 30, 90]);
    expect((await downloaded(el, 'export-png')).name).toBe('revenue-by-market.png');
  });

  test('<atliq-top-list>: the CSV is the ranked rows shown; the PNG is an image of the list', async () => {
    const truth = inject('revenueByCustomer');
    const el = mount('atliq-top-list', { src: SRC, by: 'customer', n: '4' });
    await until(() => el.data);
    await el.updateComplete;
    const rows = csvRows(el.toCSV());
    expect(rows.map((r) => r[1])).toEqual(texts(el.shadowRoot!, '.name'));
    rows.forEach((r, i) => {
      expect(r[0]).toBe(String(i + 1));
      expect(r[1]).toBe(truth[i]!.name);
      expect(Number(r[2])).toBeCloseTo(truth[i]!.revenue, 2);
    });
    const list = el.shadowRoot!.querySelector('[part="list"]')!;
    const png = await el.toPNG();
    expect(await pngSize(png)).toEqual(deviceSize(area(el.shadowRoot!.querySelector('[part="breadcrumb"]')!, list)));
    // The drill path's line, then each row: a line of text and its bar.
    expect(await inkBands(png, 0)).toBe(1 + 2 * rows.length);
    expect((await downloaded(el, 'export-csv')).name).toBe('top-4-customers-by-revenue.csv');
  });

  test('<atliq-profit-chart>: the CSV is each market shown with its gap to the target; the PNG lists those below it', async () => {
    const { markets } = inject('profit');
    const wrapper = mount('div', {});
    wrapper.style.setProperty('--atliq-below-target-color', 'rgb(0, 150, 0)');
    const el = mount('atliq-profit-chart', { src: '/extracts-profit/manifest.json', target: '1.5' }, wrapper);
    await until(() => el.data);
    await el.updateComplete;
    const rows = csvRows(el.toCSV());
    expect(rows.map((r) => r[0])).toEqual(markets.map((m) => m.name));
    // The order shown on screen, too.
    expect(rows.map((r) => r[0])).toEqual(texts(el.shadowRoot!, '.label'));
    rows.forEach((r, i) => {
      expect(Number(r[1])).toBeCloseTo(markets[i]!.margin, 6);
      expect(Number(r[2])).toBeCloseTo(markets[i]!.margin - 1.5, 6);
      expect(Number(r[3])).toBeCloseTo(markets[i]!.revenueShare, 6);
      expect(Number(r[4])).toBeCloseTo(markets[i]!.profitShare, 6);
    });

    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
    const list = el.shadowRoot!.querySelector('[part="below-list"]')!;
    expect(list.textContent).toMatch(/Below the 1\.5% target:/);
    // Narrower, the list wraps: each of its lines must be in the image.
    el.style.width = '300px';
    await vi.waitFor(() => expect(svg.width.baseVal.value).toBe(300));
    await el.updateComplete;
    expect(linesOf(list)).toBeGreaterThan(1);
    const breadcrumb = el.shadowRoot!.querySelector('[part="breadcrumb"]')!;
    const shown = area(breadcrumb, svg, list);
    const png = await el.toPNG();
    expect(await pngSize(png)).toEqual(deviceSize(shown));
    // Taller than the drill path and the bars alone by the list's lines (less a pixel of layout rounding).
    const lineHeight = Number.parseFloat(getComputedStyle(list).lineHeight);
    expect(shown.height - area(breadcrumb, svg).height).toBeGreaterThan(linesOf(list) * lineHeight - 1);
    const listTop = list.getBoundingClientRect().top - shown.top;
    expect(await inkBands(png, listTop)).toBe(linesOf(list));
    // The gaps keep the below-target colour.
    expect(await hasColour(png, listTop, [0, 150, 0])).toBe(true);
  });

  test('<atliq-trend-chart>: the CSV is every period shown; the PNG is the chart and its legend', async () => {
    const months = inject('byMonth');
    const wrapper = mount('div', {});
    wrapper.style.setProperty('--atliq-bar-color', 'rgb(200, 30, 90)');
    const el = mount('atliq-trend-chart', { src: SRC, grain: 'month' }, wrapper);
    await until(() => el.data);
    await el.updateComplete;
    const rows = csvRows(el.toCSV());
    expect(rows.map((r) => r[0])).toEqual(months.map((m) => m.month));
    rows.forEach((r, i) => {
      expect(Number(r[1])).toBeCloseTo(months[i]!.revenue, 2);
    });
    // The drill path above and the legend under the plot are in the image: the legend's line of text, its keys in
    // the series' colours.
    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
    const legend = el.shadowRoot!.querySelector('.legend')!;
    const breadcrumb = el.shadowRoot!.querySelector('[part="breadcrumb"]')!;
    const shown = area(breadcrumb, svg, legend);
    const png = await el.toPNG();
    expect(await pngSize(png)).toEqual(deviceSize(shown));
    const lineHeight = Number.parseFloat(getComputedStyle(legend).lineHeight);
    expect(shown.height - svg.height.baseVal.value).toBeGreaterThan(lineHeight - 1);
    const legendTop = legend.getBoundingClientRect().top - shown.top;
    expect(linesOf(legend)).toBe(1);
    expect(await inkBands(png, legendTop)).toBe(1);
    const key = el.shadowRoot!.querySelector('.key.current')!.getBoundingClientRect();
    const keyAt = [key.left - shown.left + key.width / 2, Math.floor(key.top - shown.top) + 1] as const;
    expect(await pixel(png, ...keyAt)).toEqual([200, 30, 90]);
    // The words after the last key ("Same period a year earlier") are drawn too, not only the keys.
    const last = el.shadowRoot!.querySelector('.key.last')!.getBoundingClientRect();
    const words = legend.getBoundingClientRect();
    expect(
      await inkIn(png, {
        left: last.right - shown.left + 2,
        right: words.right - shown.left,
        top: legendTop,
        bottom: shown.height,
      }),
    ).toBeGreaterThan(20);
    expect((await downloaded(el, 'export-png')).name).toBe('revenue-by-month.png');
  });

  test('export buttons stay disabled while there is nothing shown', async () => {
    const el = mount('atliq-revenue-chart', { src: '/extracts/export-missing/manifest.json' });
    await el.updateComplete;
    const buttons = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part^="export-"]');
    expect([...buttons].map((b) => b.disabled)).toEqual([true, true]);
    await expect(el.toPNG()).rejects.toThrow('There is no chart to export yet');
  });
});
