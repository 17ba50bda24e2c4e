/**
 * A chart's SVG as stable text for file snapshots (CONVENTIONS §10, after Plot's test/plot-snapshot.js): one element
 * per line, attributes sorted, every decimal number rounded to one decimal, generated ids renumbered in document
 * order, Lit's marker comments and blank text dropped. The root gets the SVG namespace, so a copy renamed to
 * `.svg` opens in a viewer.
 */
export function normalisedSvg(svg: SVGSVGElement): string {
  const ids = new Map<string, string>();
  for (const el of [svg, ...svg.querySelectorAll('[id]')]) {
    if (el.id) ids.set(el.id, `id-${ids.size + 1}`);
  }
  const lines: string[] = [];
  const write = (node: Element, depth: number) => {
    const pad = '  '.repeat(depth);
    const attributes = [...node.attributes]
      .map((a) => [a.name, value(a.name, a.value, ids)] as const)
      .concat(depth === 0 ? [['xmlns', 'http://www.w3.org/2000/svg'] as const] : [])
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, v]) => ` ${name}="${escapeXml(v)}"`)
      .join('');
    const children = [...node.childNodes].filter(
      (c) => c.nodeType === Node.ELEMENT_NODE || (c.nodeType === Node.TEXT_NODE && c.textContent?.trim()),
    );
    const tag = node.tagName.toLowerCase();
    if (children.length === 0) {
      lines.push(`${pad}<${tag}${attributes}/>`);
      return;
    }
    lines.push(`${pad}<${tag}${attributes}>`);
    for (const child of children) {
      if (child.nodeType === Node.ELEMENT_NODE) write(child as Element, depth + 1);
      else lines.push(`${pad}  ${escapeXml(rounded(child.textContent!.replace(/\s+/g, ' ').trim()))}`);
    }
    lines.push(`${pad}</${tag}>`);
  };
  write(svg, 0);
  return `${lines.join('\n')}\n`;
}

/** Rounds every decimal in `text` to one decimal; `-0.0` becomes `0.0` so a sign flip of nothing is no change. */
const rounded = (text: string) =>
  text.replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => {
    const r = Number(n).toFixed(1);
    return r === '-0.0' ? '0.0' : r;
  });

function value(name: string, raw: string, ids: Map<string, string>): string {
  if (name === 'id') return ids.get(raw) ?? raw;
  return rounded(raw.replace(/#([\w-]+)/g, (whole, id: string) => (ids.has(id) ? `#${ids.get(id)}` : whole)));
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
