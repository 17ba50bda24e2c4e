import { AtliqError } from '@atliq/sdk';
import { paintHtml } from './paint-html.ts';

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
 * `svg` as a decoded image. Rendered from a blob it has no external resources, so the canvas it is drawn on stays
 * readable (not tainted).
 */
async function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(inlineSvg(svg))], { type: 'image/svg+xml;charset=utf-8' }),
  );
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Draws `parts` of a chart as one PNG, each where the page laid it out, on `background` (the chart's own, so light
 * text on a dark theme stays readable) and at the screen's pixel density: an SVG as an image, anything else painted
 * from its layout (`paintHtml`). The image spans the parts' boxes; parts that are not rendered are left out.
 */
export async function partsPng(
  parts: readonly Element[],
  background: string,
  scale = devicePixelRatio || 1,
): Promise<Blob> {
  const shown = parts
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width > 0 && box.height > 0);
  if (shown.length === 0) throw new AtliqError('Nothing is shown to export: the chart is hidden.');
  const origin = {
    left: Math.min(...shown.map(({ box }) => box.left)),
    top: Math.min(...shown.map(({ box }) => box.top)),
  };
  const width = Math.max(...shown.map(({ box }) => box.right)) - origin.left;
  const height = Math.max(...shown.map(({ box }) => box.bottom)) - origin.top;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d')!;
  context.scale(scale, scale);
  context.fillStyle = background;
  context.fillRect(0, 0, width, height);
  for (const { el, box } of shown) {
    if (el instanceof SVGSVGElement) {
      const [x, y] = [box.left - origin.left, box.top - origin.top];
      context.drawImage(await svgImage(el), x, y, el.width.baseVal.value, el.height.baseVal.value);
    } else {
      paintHtml(context, el, origin);
    }
  }
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The chart could not be drawn as PNG.'))),
      'image/png',
    ),
  );
}

/** The first non-transparent background from `element` up through its ancestors (across shadow roots), else white. */
export function backgroundOf(element: Element): string {
  for (let el: Element | null = element; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
    const colour = getComputedStyle(el).backgroundColor;
    if (colour && colour !== 'transparent' && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}
