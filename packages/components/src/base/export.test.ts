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

/** The RGB of the image's pixel at (x, y) in CSS pixels of the chart. */
async function pixel(blob: Blob, x: number, y: number) {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return [...context.getImageData(Math.round(x * devicePixelRatio), Math.round(y * devicePixelRatio), 1, 1).data].slice(
    0,
    3,
  );
}

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

    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
    const png = await el.toPNG();
    expect(await pngSize(png)).toEqual({
      width: Math.ceil(svg.width.baseVal.value * devicePixelRatio),
      height: Math.ceil(svg.height.baseVal.value * devicePixelRatio),
    });
    const first = el.shadowRoot!.querySelector<SVGRectElement>('rect.bar')!;
    const [x, y] = [first.x.baseVal.value + first.width.baseVal.value / 2, first.y.baseVal.value + 4];
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
    const list = el.shadowRoot!.querySelector('[part="list"]')!.getBoundingClientRect();
    const size = await pngSize(await el.toPNG());
    expect(size.width).toBe(Math.ceil(list.width * devicePixelRatio));
    expect(size.height).toBe(Math.ceil(list.height * devicePixelRatio));
    expect((await downloaded(el, 'export-csv')).name).toBe('top-4-customers-by-revenue.csv');
  });

  test('<atliq-profit-chart>: the CSV is each market shown with its gap to the target', async () => {
    const { markets } = inject('profit');
    const el = mount('atliq-profit-chart', { src: '/extracts-profit/manifest.json', target: '1.5' });
    await until(() => el.data);
    await el.updateComplete;
    const rows = csvRows(el.toCSV());
    expect(rows.map((r) => r[0])).toEqual(markets.map((m) => m.name));
    // The order shown on screen, too.
    expect(rows.map((r) => r[0])).toEqual(texts(el.shadowRoot!, '.label'));
    rows.forEach((r, i) => {
      expect(Number(r[1])).toBeCloseTo(markets[i]!.margin, 6);
      expect(Number(r[2])).toBeCloseTo(markets[i]!.margin - 1.5, 6);
      expect(Number(r[4])).toBeCloseTo(markets[i]!.profitShare, 6);
    });
    const size = await pngSize(await el.toPNG());
    expect(size.width).toBeGreaterThan(0);
    expect(size.height).toBeGreaterThan(0);
  });

  test('<atliq-trend-chart>: the CSV is every period shown; the PNG is the chart', async () => {
    const months = inject('byMonth');
    const el = mount('atliq-trend-chart', { src: SRC, grain: 'month' });
    await until(() => el.data);
    await el.updateComplete;
    const rows = csvRows(el.toCSV());
    expect(rows.map((r) => r[0])).toEqual(months.map((m) => m.month));
    rows.forEach((r, i) => {
      expect(Number(r[1])).toBeCloseTo(months[i]!.revenue, 2);
    });
    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg[part="chart"]')!;
    expect((await pngSize(await el.toPNG())).width).toBe(Math.ceil(svg.width.baseVal.value * devicePixelRatio));
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
