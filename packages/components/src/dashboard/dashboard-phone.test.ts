import { afterEach, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import '../index.ts';
import { mount } from '../../test/dom.ts';

const PROFIT = '/extracts-profit/manifest.json';

afterEach(async () => {
  document.body.replaceChildren();
  await page.viewport(1280, 900);
});

test('the default dashboard fits a 390 px phone: nothing makes the page scroll sideways', async () => {
  await page.viewport(390, 844);
  document.body.style.margin = '0';
  const dashboard = mount('atliq-dashboard', { src: PROFIT });
  // As a page would place it: as wide as the phone (mount() fixes test elements at 640 px).
  dashboard.style.width = '';
  // Every tile drawn with data, the screen-reader tables and the insights' pictures included.
  await vi.waitFor(
    () => {
      const tiles = [...dashboard.shadowRoot!.querySelectorAll<HTMLElement & { data?: unknown }>('*')].filter(
        (e) => e.localName.startsWith('atliq-') && e.localName !== 'atliq-data-status',
      );
      expect(tiles.length).toBeGreaterThan(8);
      expect(tiles.every((t) => t.data !== undefined)).toBe(true);
    },
    { timeout: 30_000 },
  );
  await new Promise((r) => requestAnimationFrame(r));
  const wide: string[] = [];
  // Every element, shadow roots included, whose box ends past the phone's right edge.
  const walk = (root: ParentNode, path: string) => {
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > 391) wide.push(`${path} ${el.localName}.${el.getAttribute('class') ?? ''} ${Math.round(r.right)}`);
      if (el.shadowRoot) walk(el.shadowRoot, `${path} ${el.localName}`);
    }
  };
  walk(document, '');
  // On failure, the elements that reach past the phone's edge (a screen-reader table inside its clipped wrapper may).
  expect(document.documentElement.scrollWidth, wide.slice(0, 10).join('\n')).toBeLessThanOrEqual(390);
});
