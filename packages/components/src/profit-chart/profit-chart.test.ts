import { afterEach, describe, expect, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, texts, until } from '../../test/dom.ts';
import { PROFIT_CUSTOMER_ROWS, PROFIT_ROWS, profitQueries, registerProfitSource } from '../../test/profit-source.ts';
import type { AtliqDrillDetail, AtliqErrorDetail } from '../base/events.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<atliq-profit-chart>', () => {
  test('says profit is not available when the extract has no profit columns', async () => {
    const el = mount('atliq-profit-chart', { src: '/extracts/manifest.json' });
    await vi.waitFor(
      () =>
        expect(el.shadowRoot!.querySelector('[data-state="unavailable"]')?.textContent).toContain(
          'Not available in this source',
        ),
      { timeout: 25_000 },
    );
  });

  test('colours and lists the markets below target with their gap', async () => {
    const src = registerProfitSource('/extracts/manifest.json?profit=test');
    const el = mount('atliq-profit-chart', { src, target: '1.5' });
    const data = await until(() => el.data);
    expect(data.map((d) => d.label)).toEqual(PROFIT_ROWS.map((r) => r.market));
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(texts(root, '.label')).toEqual(['Delhi NCR', 'Nagpur', 'Mumbai', 'Ahmedabad', 'Kochi']);
    expect(root.querySelectorAll('rect.bar.below')).toHaveLength(3);
    expect(texts(root, '.gap')).toEqual(['Mumbai -0.1 pp', 'Ahmedabad -0.9 pp', 'Kochi -3.3 pp']);
    expect(texts(root, 'tbody tr')[0]).toBe('Delhi NCR3.2%+1.7 pp38.1%61.5%');
    el.target = '-5';
    await el.updateComplete;
    expect(texts(root, '[part="below-list"]')[0]).toBe('Every market meets the -5.0% target.');
  });

  test('in drill mode a market opens into its customers, queried with the market as a bound parameter', async () => {
    const src = registerProfitSource('/extracts/manifest.json?profit=drill');
    const el = mount('atliq-profit-chart', { src, target: '1.5' });
    await until(() => el.data);
    await el.updateComplete;
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('[part="drill-toggle"]')!.click();
    const drilled = nextEvent<AtliqDrillDetail>('atliq-drill');
    const kochi = [...root.querySelectorAll('g.mark')].find((g) => g.querySelector('.label')?.textContent === 'Kochi')!;
    kochi.dispatchEvent(new MouseEvent('click'));
    expect((await drilled).detail.dimension).toBe('customer');
    await vi.waitFor(() => expect(el.data?.map((d) => d.label)).toEqual(PROFIT_CUSTOMER_ROWS.map((r) => r.customer)));
    const query = profitQueries.at(-1)!;
    expect(query.sql).toContain('AS "customer"');
    expect(query.sql).not.toContain('Kochi');
    expect(query.params).toContain('Kochi');
    await el.updateComplete;
    expect(texts(root, '[part="breadcrumb"] li')).toEqual(['All markets', 'Kochi']);
    expect(texts(root, '.gap')).toEqual(['Nova Stores -2.0 pp']);
    expect(el.toCSV().split('\r\n')[0]).toBe(
      'Customer,Margin (%),Gap to target (pp),Revenue share (%),Profit share (%)',
    );
    root.querySelector<HTMLButtonElement>('[part="crumb"]')!.click();
    await vi.waitFor(() => expect(el.data?.map((d) => d.label)).toEqual(PROFIT_ROWS.map((r) => r.market)));
  });

  test('a hostile target is explained and fires atliq-error', async () => {
    const src = registerProfitSource('/extracts/manifest.json?profit=hostile');
    const heard = nextEvent<AtliqErrorDetail>('atliq-error');
    const el = mount('atliq-profit-chart', { src, target: '5%" onload="x' });
    expect((await heard).detail.message).toContain('target must be a margin in percent from -100 to 100');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('target must be');
  });
});
