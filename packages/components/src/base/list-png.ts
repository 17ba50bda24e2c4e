import { AtliqError } from '@atliq/sdk';
import { shownParts } from './export.ts';
import { backgroundOf, partsPng } from './png.ts';

/**
 * Draws an HTML ranked list (`host`'s `[part="list"]`) as a PNG, under its drill path: its bars and text at the
 * place, font and colour the page gave them, a dimmed row dimmed. Canvas cannot draw HTML, and the list has no SVG
 * to serialise, so it is painted from its layout.
 */
export async function listPng(host: HTMLElement, scale = devicePixelRatio || 1): Promise<Blob> {
  const parts = shownParts(host, ['[part="list"]']);
  if (!parts) throw new AtliqError('There is no list to export yet: wait until it has loaded.');
  return partsPng(parts, backgroundOf(host), scale);
}
