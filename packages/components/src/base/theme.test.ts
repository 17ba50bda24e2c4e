import type { CSSResultGroup } from 'lit';
import { afterEach, describe, expect, test } from 'vitest';
import { cssTexts, varFallbacks } from '../../test/css-vars.ts';
import * as components from '../index.ts';
import { DARK_THEME, LIGHT_THEME } from './theme.styles.ts';

const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

/** Every `var(--atliq-…, fallback)` in the styles of every exported element, as [property, fallback, element]. */
function fallbacks(): [string, string, string][] {
  return Object.entries(components).flatMap(([name, element]) =>
    cssTexts((element as { styles?: CSSResultGroup }).styles)
      .flatMap(varFallbacks)
      .map(([property, fallback]): [string, string, string] => [property, fallback, name]),
  );
}

const colour = (el: Element, property = 'color') => getComputedStyle(el).getPropertyValue(property);

describe('themes', () => {
  test('LIGHT_THEME holds exactly the fallback every component style uses for its colours', () => {
    const all = fallbacks();
    const colours = all.filter(([property]) => property in LIGHT_THEME);
    // The chart, KPI, filter and status styles all draw with themed colours.
    expect(new Set(colours.map(([, , name]) => name)).size).toBeGreaterThanOrEqual(8);
    for (const [property, fallback, name] of colours) {
      expect(`${name} ${property}: ${fallback}`).toBe(`${name} ${property}: ${LIGHT_THEME[property as never]}`);
    }
    // A colour property in a style that neither theme sets could not be themed as a whole.
    const unthemed = all.filter(([p]) => /color|background|border/.test(p) && !(p in LIGHT_THEME)).map(([p]) => p);
    expect(unthemed).toEqual([]);
    expect(Object.keys(DARK_THEME).sort()).toEqual(Object.keys(LIGHT_THEME).sort());
  });

  test('theme="dark" on a dashboard colours the components inside; theme="light" on one of them restores it', async () => {
    const dashboard = document.createElement('atliq-dashboard');
    dashboard.setAttribute('src', SRC);
    dashboard.setAttribute('theme', 'dark');
    const kpi = document.createElement('atliq-kpi');
    const light = document.createElement('atliq-kpi');
    light.setAttribute('theme', 'light');
    dashboard.append(kpi, light);
    document.body.append(dashboard);
    await dashboard.updateComplete;
    await kpi.updateComplete;
    const rgb = (hex: string) => {
      const probe = document.createElement('div');
      probe.style.color = hex;
      document.body.append(probe);
      const value = colour(probe);
      probe.remove();
      return value;
    };
    expect(colour(dashboard, 'background-color')).toBe(rgb(DARK_THEME['--atliq-background']!));
    expect(colour(kpi)).toBe(rgb(DARK_THEME['--atliq-text-color']!));
    expect(colour(light)).toBe(rgb(LIGHT_THEME['--atliq-text-color']!));
    expect(colour(light, 'background-color')).toBe(rgb(LIGHT_THEME['--atliq-tile-background']!));
    expect(getComputedStyle(kpi).colorScheme).toBe('dark');
    // Reflected: the property sets the attribute the styles select.
    dashboard.theme = 'light';
    await dashboard.updateComplete;
    expect(dashboard.getAttribute('theme')).toBe('light');
    expect(colour(kpi)).toBe(rgb(LIGHT_THEME['--atliq-text-color']!));
  });

  test('a page rule for the element wins over its theme', () => {
    const style = document.createElement('style');
    style.textContent = 'atliq-kpi.branded { --atliq-text-color: rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const kpi = document.createElement('atliq-kpi');
      kpi.className = 'branded';
      kpi.setAttribute('theme', 'dark');
      document.body.append(kpi);
      expect(colour(kpi)).toBe('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });
});
