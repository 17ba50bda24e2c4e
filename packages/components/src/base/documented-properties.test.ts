import type { CSSResultGroup } from 'lit';
import { describe, expect, test } from 'vitest';
import { cssTexts, varFallbacks } from '../../test/css-vars.ts';
import dashboardSource from '../dashboard/dashboard.ts?raw';
import dataStatusSource from '../data-status/data-status.ts?raw';
import filterBarSource from '../filter-bar/filter-bar.ts?raw';
import {
  AtliqDashboard,
  AtliqDataStatus,
  AtliqFilterBar,
  AtliqKpi,
  AtliqProfitChart,
  AtliqRevenueChart,
  AtliqTopList,
  AtliqTrendChart,
} from '../index.ts';
import kpiSource from '../kpi/kpi.ts?raw';
import profitSource from '../profit-chart/profit-chart.ts?raw';
import revenueSource from '../revenue-chart/revenue-chart.ts?raw';
import topListSource from '../top-list/top-list.ts?raw';
import trendSource from '../trend-chart/trend-chart.ts?raw';
import { LIGHT_THEME, themeStyles } from './theme.styles.ts';

/**
 * Each `--atliq-*` property the styles read, with its default: the fallback of `var(--atliq-…, fallback)`, or the
 * value the element's own styles give it (`--atliq-status-min-height: 4.5rem` on a KPI's host). The theme rules are
 * left out: they apply only with a `theme` attribute.
 */
function used(styles: CSSResultGroup): Map<string, string> {
  const texts = cssTexts(styles, themeStyles);
  const set = new Map(
    texts.flatMap((text) =>
      [...text.matchAll(/(?<![\w-])(--atliq-[\w-]+)\s*:\s*([^;}]+)/g)].map((m): [string, string] => [
        m[1]!,
        m[2]!.trim(),
      ]),
    ),
  );
  return new Map(texts.flatMap(varFallbacks).map(([property, fallback]) => [property, set.get(property) ?? fallback]));
}

/** The class's header comment, its lines joined; and its `@cssproperty` lines: property and documented default. */
function documented(source: string) {
  const header = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export class/.exec(source)![1]!;
  const properties = header.matchAll(/@cssproperty (--atliq-[\w-]+) - .*Default `([^`]+)`\.$/gm);
  return {
    text: header.replace(/\s*\n\s*\*\s*/g, ' '),
    defaults: new Map([...properties].map((m) => [m[1]!, m[2]!])),
  };
}

describe('the header documents every custom property the styles use', () => {
  test.each([
    { tag: 'atliq-dashboard', element: AtliqDashboard, source: dashboardSource },
    { tag: 'atliq-data-status', element: AtliqDataStatus, source: dataStatusSource },
    { tag: 'atliq-filter-bar', element: AtliqFilterBar, source: filterBarSource },
    { tag: 'atliq-kpi', element: AtliqKpi, source: kpiSource },
    { tag: 'atliq-profit-chart', element: AtliqProfitChart, source: profitSource },
    { tag: 'atliq-revenue-chart', element: AtliqRevenueChart, source: revenueSource },
    { tag: 'atliq-top-list', element: AtliqTopList, source: topListSource },
    { tag: 'atliq-trend-chart', element: AtliqTrendChart, source: trendSource },
  ])('<$tag>: each with the default it has, the light theme', ({ element, source }) => {
    const { text, defaults: docs } = documented(source);
    const styles = used(element.styles);
    expect(styles.size).toBeGreaterThan(3);
    for (const [property, fallback] of styles)
      expect(`${property}: ${docs.get(property)}`).toBe(`${property}: ${fallback}`);
    for (const [property, value] of docs) {
      if (property in LIGHT_THEME)
        expect(`${property}: ${value}`).toBe(`${property}: ${LIGHT_THEME[property as never]}`);
    }
    expect(text).toMatch(/`theme`.*\bdark\b.*\blight\b.*\bauto\b/);
  });
});
