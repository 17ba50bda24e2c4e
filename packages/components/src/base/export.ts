import { AtliqError } from '@atliq/sdk';
import { downloadCsv } from './csv.ts';
import { download, fileName } from './download.ts';
import { backgroundOf, svgToPng } from './png.ts';

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

/** The chart's SVG (`part="chart"` in `host`'s shadow root) as a PNG on the background the chart sits on. */
export function chartPng(host: HTMLElement): Promise<Blob> {
  const chart = host.shadowRoot?.querySelector<SVGSVGElement>('svg[part="chart"]');
  if (!chart) return Promise.reject(new AtliqError('There is no chart to export yet: wait until it has loaded.'));
  return svgToPng(chart, backgroundOf(host));
}
