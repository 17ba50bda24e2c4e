import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, sum, texts, until } from '../../test/dom.ts';
import type { AtliqErrorDetail } from './events.ts';
import { currencyFormats, formatPoints, percentFormat } from './format.ts';

const SRC = '/extracts/manifest.json';

afterEach(() => {
  document.body.replaceChildren();
});

describe('locale and currency attributes', () => {
  test('currency="USD" shows revenue converted at the manifest rate, formatted in the locale asked for', async () => {
    const rate = inject('manifest').fx_rates['USD']!;
    expect(rate).toBeGreaterThan(1);
    const truth = inject('revenueByMarket');
    const usd = currencyFormats('USD', 'en-US');
    const el = mount('atliq-revenue-chart', { src: SRC, currency: 'USD', locale: 'en-US' });
    await until(() => el.data);
    await el.updateComplete;
    el.data!.forEach((d, i) => {
      expect(d.value).toBeCloseTo(truth[i]!.revenue / rate, 4);
    });
    const root = el.shadowRoot!;
    expect(texts(root, 'text.value')).toEqual(truth.map((t) => usd.compact(t.revenue / rate)));
    expect(texts(root, 'text.value')[0]).toMatch(/^\$[\d.]+[KM]$/);
    expect(texts(root, 'thead th')[1]).toBe('Revenue (USD)');
    expect(el.toCSV().split('\r\n')[0]).toBe('Market,Revenue (USD),Share of total (%)');
    // Shares do not depend on the currency.
    const total = sum(truth.map((t) => t.revenue));
    expect(el.data![0]!.share).toBeCloseTo((100 * truth[0]!.revenue) / total, 6);
  });

  test('the KPI converts its total and keeps the relative change; quantities are not money', async () => {
    const rate = inject('manifest').fx_rates['USD']!;
    const { ytd } = inject('periods');
    const inr = mount('atliq-kpi', { src: SRC });
    const usd = mount('atliq-kpi', { src: SRC, currency: 'usd' });
    const units = mount('atliq-kpi', { src: SRC, measure: 'quantity', currency: 'USD' });
    const compared = (el: typeof inr) => until(() => (el.data?.comparison ? el.data : undefined));
    const [a, b, q] = [await compared(inr), await compared(usd), await until(() => units.data)];
    expect(b.value).toBeCloseTo(ytd.current.revenue / rate, 4);
    expect(b.comparison!.change!.value).toBeCloseTo(a.comparison!.change!.value, 9);
    expect(q.value).toBe(ytd.current.quantity);
    await usd.updateComplete;
    expect(texts(usd.shadowRoot!, '[part="value"]')).toEqual([currencyFormats('USD').compact(b.value!)]);
  });

  test('locale="de-DE" formats the top list the German way', async () => {
    const el = mount('atliq-top-list', { src: SRC, locale: 'de-DE' });
    const rows = await until(() => el.data);
    await el.updateComplete;
    expect(texts(el.shadowRoot!, '.share')).toEqual(rows.map((r) => percentFormat('de-DE')(r.share)));
    expect(texts(el.shadowRoot!, '.share')[0]).toMatch(/^\d+,\d%$/);
    // texts() folds the no-break space German puts before the currency sign into a plain one.
    const de = (v: number) => currencyFormats('INR', 'de-DE').compact(v).replace(/\s+/g, ' ');
    expect(texts(el.shadowRoot!, '.value')).toEqual(rows.map((r) => de(r.value)));
  });

  test('locale="de-DE" writes the profit chart\'s margins and gaps with a decimal comma', async () => {
    const { markets } = inject('profit');
    const el = mount('atliq-profit-chart', { src: '/extracts-profit/manifest.json', target: '2', locale: 'de-DE' });
    await until(() => el.data);
    await el.updateComplete;
    const below = markets.filter((m) => m.margin < 2);
    expect(texts(el.shadowRoot!, '.gap')).toEqual(below.map((m) => `${m.name} ${formatPoints(m.margin - 2, 'de-DE')}`));
    expect(texts(el.shadowRoot!, '.gap')[0]).toMatch(/ [+-]\d+,\d pp$/);
    expect(texts(el.shadowRoot!, 'text.value')[0]).toBe(`${markets[0]!.margin.toFixed(1).replace('.', ',')}%`);
  });

  test('a currency without a rate, or a hostile locale, is explained and fires atliq-error', async () => {
    const heard = nextEvent<AtliqErrorDetail>('atliq-error');
    const el = mount('atliq-trend-chart', { src: SRC, currency: 'EUR' });
    expect((await heard).detail.message).toMatch(
      /^currency "EUR" cannot be shown: this extract has exchange rates for/,
    );
    const next = nextEvent<AtliqErrorDetail>('atliq-error');
    const kpi = mount('atliq-kpi', { src: SRC, locale: '"><img src=x>' });
    expect((await next).detail.message).toBe(
      'locale must be a language tag such as en-IN or en-US, got ""><img src=x>".',
    );
    await vi.waitFor(() => expect(kpi.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('locale'));
    expect(kpi.shadowRoot!.querySelector('img')).toBeNull();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('currency "EUR"');
  });
});
