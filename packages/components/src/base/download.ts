/** Offers `blob` as a file download named `filename`. */
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  a.click();
  // The click starts the download asynchronously: keep the URL alive until it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name for what a chart shows, e.g. `revenue-by-market-mumbai.csv`: lower case, safe on every system. */
export function fileName(parts: readonly (string | number)[], extension: string): string {
  const stem = parts
    .map((p) =>
      String(p)
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-');
  return `${stem.slice(0, 100) || 'chart'}.${extension}`;
}
