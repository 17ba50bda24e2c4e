/**
 * Presentation properties copied from the live chart onto its copy: the copy leaves the shadow root's stylesheet
 * and the page's `--atliq-*` custom properties behind, so each element gets its computed (resolved) values inline.
 */
const STYLED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'font-variant-numeric',
  'visibility',
  'display',
] as const;

/** A standalone copy of `svg` with every element's computed presentation inlined, ready to serialise. */
export function inlineSvg(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const computed = getComputedStyle(original);
    const target = copies[i] as SVGElement;
    target.setAttribute('style', STYLED.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';'));
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(svg.width.baseVal.value));
  copy.setAttribute('height', String(svg.height.baseVal.value));
  // Text colour on the svg itself (currentColor of the labels) travels with it.
  copy.style.color = getComputedStyle(svg).color;
  return copy;
}

/**
 * Draws `svg` as a PNG at the screen's pixel density on `background` (the chart's own background, so light text on
 * a dark theme stays readable). SVG rendered from a blob has no external resources, so the canvas stays readable.
 */
export async function svgToPng(svg: SVGSVGElement, background: string, scale = devicePixelRatio || 1): Promise<Blob> {
  const copy = inlineSvg(svg);
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d')!;
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be drawn as PNG.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The first non-transparent background from `element` up through its ancestors (across shadow roots), else white. */
export function backgroundOf(element: Element): string {
  for (let el: Element | null = element; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
    const colour = getComputedStyle(el).backgroundColor;
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}
