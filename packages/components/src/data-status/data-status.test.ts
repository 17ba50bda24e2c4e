import { afterEach, describe, expect, inject, test, vi } from 'vitest';
import '../index.ts';
import { mount, nextEvent, sum, texts, until } from '../../test/dom.ts';
import { editedManifestSource } from '../../test/manifest-source.ts';
import type { AtliqErrorDetail } from '../base/events.ts';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<atliq-data-status>', () => {
  test('states what the ETL published, quarantined and could not match, with the numbers of the manifest', async () => {
    const { quality, source } = inject('manifest');
    const total = sum(inject('byMonth').map((m) => m.revenue));
    const el = mount('atliq-data-status', { src: '/extracts/manifest.json', 'stale-after': '2d' });
    el.now = new Date(Date.parse(source.snapshot_at) + 36 * 36e5);
    const list = await until(() => el.data);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const finding = (id: string) => root.querySelector(`[data-id="${id}"]`)!.textContent!.replace(/\s+/g, ' ');

    expect(list[0]).toMatchObject({ id: 'freshness', level: 'ok', title: 'Current: snapshot taken 1 day ago' });
    // The sample source totals its lines itself (the generator runs again): 20,000 lines, every one matched.
    expect(finding('totals')).toMatch(
      /Reconciled with the source: 20,000 lines, ₹[\d.]+(Cr|L) and [\d.]+L? units match to the paisa/,
    );
    const published = quality.rows_published.toLocaleString('en-IN');
    expect(finding('reconcile')).toContain(`${published} published, ${quality.rows_rejected} quarantined`);
    for (const [, n] of Object.entries(quality.rejected_by_reason)) expect(finding('rejected')).toContain(`${n}: `);
    const unknown = sum(quality.unknown_members.map((m) => m.revenue));
    expect(finding('unknown')).toContain(`${((100 * unknown) / total).toFixed(1)}% of revenue`);
    expect(texts(root, '[part="summary"]')[0]).toMatch(/^Data status: \d+ things to know$/);
    if (quality.duplicate_market_names?.length) {
      expect(finding('duplicates')).toContain(quality.duplicate_market_names[0]!.codes.join(', '));
    }

    el.now = new Date(Date.parse(source.snapshot_at) + 3 * 864e5);
    await el.updateComplete;
    expect(el.data![0]).toMatchObject({ level: 'warn', title: 'Out of date: snapshot taken 3 days ago' });
  });

  test('says how the snapshot was refreshed, in the locale asked for', async () => {
    const { quality } = inject('manifest');
    const src = editedManifestSource('/extracts/manifest.json?refresh=incremental', (m) => {
      m.refresh = { mode: 'incremental', from_snapshot: 'S-1', months_read: 1, months_reused: 32, rows_reused: 19_500 };
    });
    const el = mount('atliq-data-status', { src, locale: 'de-DE' });
    await until(() => el.data);
    await el.updateComplete;
    const finding = (id: string) =>
      el.shadowRoot!.querySelector(`[data-id="${id}"]`)?.textContent?.replace(/\s+/g, ' ');
    expect(finding('refresh')).toBe(
      ' ✓ Incremental refresh: 1 month read, 32 copied from the previous snapshot 19.500 transactions copied unchanged from snapshot S-1. ',
    );
    expect(finding('reconcile')).toContain(`${quality.rows_published.toLocaleString('de-DE')} published`);
    el.locale = 'en-IN';
    await vi.waitFor(() => expect(finding('refresh')).toContain('19,500 transactions'));
  });

  test('says profit was checked on the extract with profit columns, and in which reading', async () => {
    const el = mount('atliq-data-status', { src: '/extracts-profit/manifest.json' });
    await until(() => el.data);
    await el.updateComplete;
    const text = el.shadowRoot!.querySelector('[data-id="profit"]')?.textContent?.replace(/\s+/g, ' ');
    expect(text).toContain('Profit checked: cost + profit = revenue on every published line');
    // The sample stores profit in INR, like the Atliq dump version 2; its USD line tells the readings apart.
    expect(text).toContain('read in the reporting currency (INR) on every line, as the lines in other currencies show');
    const plain = mount('atliq-data-status', { src: '/extracts/manifest.json' });
    await until(() => plain.data);
    expect(plain.data!.map((f) => f.id)).not.toContain('profit');
  });

  test('a hostile stale-after is explained and fires atliq-error', async () => {
    const heard = nextEvent<AtliqErrorDetail>('atliq-error');
    const el = mount('atliq-data-status', { src: '/extracts/status-unused/manifest.json', 'stale-after': '<b>1</b>' });
    expect((await heard).detail.message).toBe('stale-after must be a duration like 90m, 24h or 2d, got "<b>1</b>".');
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).toContain('"<b>1</b>"'));
    expect(el.shadowRoot!.querySelector('b')).toBeNull();
  });
});
