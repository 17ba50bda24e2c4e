import { AtliqError } from '@atliq/sdk';
import { downloadCsv } from './csv.ts';
import { download, fileName } from './download.ts';
import { backgroundOf, partsPng } from './png.ts';

/** What a chart's toolbar buttons do: download exactly what is shown, named after what is shown. */
export interface ExportActions {
  readonly csv: () => void;
  readonly png: () => void;
}

/** A chart that can give what it shows as CSV text and as a PNG image. */
export interface Exportable {
  toCSV(): string;
  toPNG(): Promise<Blob>;
}

/**
 * The toolbar's download actions for `chart`, files named after `title` (what is shown); a PNG that cannot be
 * drawn is reported with `fail` rather than lost in a rejected promise.
 */
export function exportActions(title: string, chart: Exportable, fail: (error: unknown) => void): ExportActions {
  return {
    csv: () => downloadCsv(fileName([title], 'csv'), chart.toCSV()),
    png: () => {
      chart.toPNG().then((blob) => download(fileName([title], 'png'), blob), fail);
    },
  };
}

/**
 * What `host` shows, in the order shown, as the parts of its PNG: the drill path (the toolbar's breadcrumb, which
 * says what the marks are; the toolbar's buttons are left out), then `content` — the first element matching each
 * selector in `host`'s shadow root. Null when the first content part is not there (nothing loaded yet).
 */
export function shownParts(host: HTMLElement, content: readonly string[]): Element[] | null {
  const root = host.shadowRoot;
  const [main, ...more] = content.map((selector) => root?.querySelector(selector) ?? null);
  if (!main) return null;
  const breadcrumb = root?.querySelector('[part="breadcrumb"]');
  return [...(breadcrumb ? [breadcrumb] : []), main, ...more.filter((el): el is Element => el !== null)];
}

/**
 * What the chart shows as a PNG on the background it sits on: the drill path, the chart's SVG (`part="chart"` in
 * `host`'s shadow root), and the visible HTML text that belongs to it, matched by `text` (a legend, a list of
 * members below target), so the image carries everything the reader sees.
 */
export function chartPng(host: HTMLElement, text: readonly string[] = []): Promise<Blob> {
  const parts = shownParts(host, ['svg[part="chart"]', ...text]);
  if (!parts) return Promise.reject(new AtliqError('There is no chart to export yet: wait until it has loaded.'));
  return partsPng(parts, backgroundOf(host));
}
