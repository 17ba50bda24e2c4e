import { AtliqError } from '@atliq/sdk';
import { backgroundOf } from './png.ts';

/** The opacity of the row `el` sits in (a dimmed, unselected row stays dimmed in the image). */
const alphaOf = (el: Element) => Number(getComputedStyle(el.closest('[part~="item"]') ?? el).opacity);

/**
 * Draws an HTML ranked list as a PNG: every text node and every `[part~="bar"]` of `host`'s `[part="list"]`, at
 * the place, font and colour the page gave it. Canvas cannot draw HTML, and the list has no SVG to serialise.
 */
export async function listPng(host: HTMLElement, scale = devicePixelRatio || 1): Promise<Blob> {
  const list = host.shadowRoot?.querySelector<HTMLElement>('[part="list"]');
  if (!list) throw new AtliqError('There is no list to export yet: wait until it has loaded.');
  const frame = list.getBoundingClientRect();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(frame.width * scale);
  canvas.height = Math.ceil(frame.height * scale);
  const context = canvas.getContext('2d')!;
  context.scale(scale, scale);
  context.fillStyle = backgroundOf(host);
  context.fillRect(0, 0, frame.width, frame.height);
  context.textBaseline = 'middle';
  for (const bar of list.querySelectorAll<HTMLElement>('[part~="bar"]')) {
    const box = bar.getBoundingClientRect();
    context.fillStyle = getComputedStyle(bar).backgroundColor;
    context.globalAlpha = alphaOf(bar);
    context.fillRect(box.left - frame.left, box.top - frame.top, box.width, box.height);
  }
  const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const parent = node.parentElement;
    if (!text || !parent) continue;
    const style = getComputedStyle(parent);
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    // Not the `font` shorthand: it reads as '' when a longhand has no shorthand form, and canvas ignores ''.
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    context.fillStyle = style.color;
    context.globalAlpha = alphaOf(parent);
    // A name cut with an ellipsis on screen is cut to the same width here.
    context.fillText(
      text,
      box.left - frame.left,
      box.top - frame.top + box.height / 2,
      parent.clientWidth || undefined,
    );
  }
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The list could not be drawn as PNG.'))),
      'image/png',
    ),
  );
}
