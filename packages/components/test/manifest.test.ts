import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { literalOptions, manifestArgTypes, type Package } from '../../../.storybook/manifest-arg-types.ts';
import { TAG_EVENTS } from '../../react/src/events.ts';
import { DIMENSIONS, MEASURES } from '../../sdk/src/model.ts';

const read = (file: string) => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));

interface Typed {
  name: string;
  type?: { text: string };
}
interface Declaration {
  tagName?: string;
  attributes?: Typed[];
  events?: Typed[];
}

const manifest = read('custom-elements.json') as Package;
const elements = (manifest.modules as { declarations?: Declaration[] }[])
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.tagName);
const element = (tag: string) => elements.find((e) => e.tagName === tag)!;
const typeOf = (tag: string, attribute: string) =>
  element(tag).attributes?.find((a) => a.name === attribute)?.type?.text;
/** The values the manifest allows, in any order (the generator sorts them). */
const values = (tag: string, attribute: string) => literalOptions(typeOf(tag, attribute))?.sort();

// Expected values come from the SDK's model and the elements' documented contracts, not from the generator.
const measures = Object.keys(MEASURES).sort();
const dimensions = Object.keys(DIMENSIONS).sort();
const shares = Object.entries(MEASURES)
  .filter(([, m]) => m.aggregate.kind === 'share')
  .map(([name]) => name);

describe('custom-elements.json: closed-set attributes list their values', () => {
  test('measure: the KPI takes every measure but the shares, the revenue and trend charts every measure', () => {
    expect(shares).toEqual(['revenue_share', 'profit_share']);
    expect(values('atliq-kpi', 'measure')).toEqual(measures.filter((m) => !shares.includes(m)));
    expect(values('atliq-revenue-chart', 'measure')).toEqual(measures);
    expect(values('atliq-trend-chart', 'measure')).toEqual(measures);
    expect(values('atliq-top-list', 'measure')).toEqual(['quantity', 'revenue']);
  });

  test('by: the revenue chart groups by any dimension of the model, the top list by customer or product', () => {
    expect(values('atliq-revenue-chart', 'by')).toEqual(dimensions);
    expect(values('atliq-top-list', 'by')).toEqual(['customer', 'product']);
  });

  test('grain, comparison and fiscal-year-start list their values on every element that has them', () => {
    expect(values('atliq-trend-chart', 'grain')).toEqual(['day', 'month', 'year']);
    const withPeriod = elements.filter((e) => e.attributes?.some((a) => a.name === 'comparison'));
    expect(withPeriod.map((e) => e.tagName).sort()).toEqual([
      'atliq-dashboard',
      'atliq-data-status',
      'atliq-insights',
      'atliq-kpi',
      'atliq-profit-chart',
      'atliq-revenue-chart',
      'atliq-top-list',
      'atliq-trend-chart',
    ]);
    const months = ['', ...Array.from({ length: 12 }, (_, i) => String(i + 1))];
    for (const { tagName } of withPeriod) {
      expect(values(tagName!, 'comparison'), tagName).toEqual(['', 'previous', 'year']);
      expect(literalOptions(typeOf(tagName!, 'fiscal-year-start')), tagName).toEqual(months);
    }
    expect(literalOptions(typeOf('atliq-filter-bar', 'fiscal-year-start'))).toEqual(months);
  });

  test('the attributes still typed string are the open ones: URLs, days, numbers, locales, currencies, lists', () => {
    const open = new Set(
      elements.flatMap((e) => (e.attributes ?? []).filter((a) => a.type?.text === 'string').map((a) => a.name)),
    );
    expect([...open].sort()).toEqual([
      'as-of',
      'currency',
      'hash',
      'kinds',
      'locale',
      'max',
      'n',
      'src',
      'stale-after',
      'target',
      'top',
    ]);
  });
});

describe('custom-elements.json: events carry their detail type', () => {
  const details: Record<string, string> = {
    'atliq-select': 'AtliqSelectDetail',
    'atliq-filter-change': 'AtliqFilterChangeDetail',
    'atliq-target-change': 'AtliqTargetChangeDetail',
    'atliq-drill': 'AtliqDrillDetail',
    'atliq-error': 'AtliqErrorDetail',
  };

  test('every event of every element is a CustomEvent of its detail type', () => {
    const events = elements.flatMap((e) => e.events ?? []);
    expect(events.length).toBeGreaterThan(9);
    for (const event of events) expect(event.type?.text, event.name).toBe(`CustomEvent<${details[event.name]}>`);
  });

  test('every element fires atliq-error; <atliq-dashboard> declares all five events, which bubble out of it', () => {
    for (const e of elements)
      expect(
        e.events?.map((v) => v.name),
        e.tagName,
      ).toContain('atliq-error');
    expect(
      element('atliq-dashboard')
        .events?.map((v) => v.name)
        .sort(),
    ).toEqual(Object.keys(details).sort());
  });
});

describe('Storybook controls from the manifest', () => {
  test('measure of <atliq-kpi> is a select of the KPI measures of the model', () => {
    const measure = manifestArgTypes(manifest, 'atliq-kpi').measure!;
    expect(measure.control).toEqual({ type: 'select' });
    expect([...(measure.options ?? [])].sort()).toEqual(measures.filter((m) => !shares.includes(m)));
  });

  test('comparison is a select whose empty value (the dashboard’s) is labelled', () => {
    const comparison = manifestArgTypes(manifest, 'atliq-revenue-chart').comparison!;
    expect(comparison.control).toEqual({ type: 'select', labels: { '': '(unset)' } });
    expect(comparison.options).toEqual(['', 'previous', 'year']);
  });

  test('open attributes stay text boxes; events are documented with their detail type', () => {
    const argTypes = manifestArgTypes(manifest, 'atliq-top-list');
    expect(argTypes.src!.control).toEqual({ type: 'text' });
    expect(argTypes['events:atliq-select']!.table?.type).toEqual({ summary: 'CustomEvent<AtliqSelectDetail>' });
  });
});

describe('VS Code custom data offers the values', () => {
  const html = read('vscode.html-custom-data.json') as {
    tags: { name: string; attributes: { name: string; values?: { name: string }[] }[] }[];
  };
  const offered = (tag: string, attribute: string) =>
    html.tags
      .find((t) => t.name === tag)
      ?.attributes.find((a) => a.name === attribute)
      ?.values?.map((v) => v.name)
      .sort();

  test('measure, by and grain list the model’s values; comparison leaves out the empty value', () => {
    expect(offered('atliq-revenue-chart', 'measure')).toEqual(measures);
    expect(offered('atliq-revenue-chart', 'by')).toEqual(dimensions);
    expect(offered('atliq-trend-chart', 'grain')).toEqual(['day', 'month', 'year']);
    expect(offered('atliq-kpi', 'comparison')).toEqual(['previous', 'year']);
  });
});

describe('@atliq/react follows the manifest', () => {
  test('each wrapper and JSX tag listens to exactly the events its element declares', () => {
    expect(Object.keys(TAG_EVENTS).sort()).toEqual(elements.map((e) => e.tagName).sort());
    for (const e of elements) {
      const declared = (e.events ?? []).map((v) => v.name).sort();
      expect([...TAG_EVENTS[e.tagName as keyof typeof TAG_EVENTS]].sort(), e.tagName).toEqual(declared);
    }
  });
});
