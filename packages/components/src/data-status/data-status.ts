import type { Manifest } from '@atliq/sdk/contract';
import { html, type TemplateResult } from 'lit';
import { AtliqChart } from '../base/atliq-chart.ts';
import { cached, currencyFormats } from '../base/format.ts';
import { type Money, moneyFor } from '../base/money.ts';
import { plan, total } from '../base/query-plan.ts';
import { dataStatusStyles } from './data-status.styles.ts';
import { type Finding, findings, parseDuration } from './quality.ts';

interface Loaded {
  readonly manifest: Manifest;
  readonly totalRevenue: number;
  /** Locale and currency shown (checked against the manifest). */
  readonly money: Money;
}

/** Snapshot times in `locale`. */
const timeFormat = (locale: string): Intl.DateTimeFormat =>
  cached(
    `time|${locale}`,
    // dateStyle cannot be combined with timeZoneName, and the zone matters: a snapshot time without it misleads.
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      }),
  );

/** Calendar days in `locale`, read in UTC: a day is a date, not an instant, and must not shift with the zone. */
const dayFormat = (locale: string): Intl.DateTimeFormat =>
  cached(`day|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));

/**
 * @tagname atliq-data-status
 * @summary "Can I trust these numbers?" — how current the extract is (with a warning past `stale-after`), whether
 * every source row is accounted for, what was quarantined and why, how much revenue sits on unknown products,
 * which markets have months without sales, and market names listed under two codes; when the manifest says how the
 * snapshot was refreshed, whether every month was read again or most were copied from the previous snapshot. Plain
 * words, for the director, in `locale` (money in `currency`, converted with the extract's rates). `theme` (dark,
 * light or auto) sets its colours; unset, they come from the page or the dashboard.
 *
 * @event {CustomEvent<AtliqErrorDetail>} atliq-error - The extract could not be read, or `stale-after`, `locale` or
 * `currency` is invalid.
 *
 * @csspart summary - The one-line verdict.
 * @csspart finding - Each finding (`data-level="ok|warn"`).
 * @csspart status - The loading or error message.
 *
 * @cssproperty --atliq-positive-color - Marker of a finding that is fine. Default `#1b7f3b`.
 * @cssproperty --atliq-warning-color - Marker of a finding to bear in mind. Default `#b35c00`.
 * @cssproperty --atliq-text-color - Text. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Details and status text. Default `#5b6472`.
 * @cssproperty --atliq-error-color - Error text. Default `#a12622`.
 * @cssproperty --atliq-tile-background - Background when `theme` is set. Default `#ffffff`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-status-min-height - Height kept while loading or on error. Default `8rem`.
 */
export class AtliqDataStatus extends AtliqChart {
  static override styles = dataStatusStyles;
  /** It describes the whole extract: the cross-filter never changes what it shows. */
  protected static override selectionUpdates = 'none' as const;

  static override properties = {
    /**
     * Age of the extract, and gap between its snapshot and its newest sale, past which each is called out: `90m`,
     * `24h` (default), `2d`.
     */
    staleAfter: { type: String, attribute: 'stale-after' },
    /** The instant ages are measured from; the current time when unset (set it for reproducible views). */
    now: { attribute: false },
  };

  declare staleAfter: string;
  declare now: Date | undefined;

  // The numbers describe the whole extract, so they ignore the dashboard's filters.
  readonly #task = this.queryTask(
    () => [this.staleAfter, this.locale, this.currency] as const,
    ([staleAfter, locale, currency]) => {
      parseDuration(staleAfter);
      return ({ manifest }) => {
        const money = moneyFor(manifest, locale, currency);
        return plan({ total: { measures: ['revenue'] } }, (rows) => ({
          manifest,
          totalRevenue: total(rows.total, 'revenue') ?? 0,
          money,
        }));
      };
    },
    { crossFiltered: false },
  );

  constructor() {
    super();
    this.staleAfter = '24h';
    this.now = undefined;
  }

  /** The findings shown, once loaded. */
  get data(): readonly Finding[] | undefined {
    const loaded = this.#task.value;
    return loaded ? this.#findings(loaded) : undefined;
  }

  #findings({ manifest, totalRevenue, money }: Loaded): Finding[] {
    const formats = currencyFormats(money.currency, money.locale);
    const time = timeFormat(money.locale);
    return findings({
      manifest,
      totalRevenue,
      now: (this.now ?? new Date()).getTime(),
      staleAfterMs: parseDuration(this.staleAfter),
      // Revenue is published in the reporting currency: another currency divides by its rate.
      formatMoney: (value) => formats.compact(value / money.rate),
      formatTime: (iso) => time.format(new Date(iso)),
      formatDay: (day) => dayFormat(money.locale).format(new Date(`${day}T00:00:00Z`)),
      locale: money.locale,
    });
  }

  override render(): TemplateResult {
    return this.renderData(
      this.#task,
      { loading: 'Checking the data…', empty: 'No data.', error: 'Data status unavailable' },
      () => false,
      (loaded) => this.#panel(this.#findings(loaded)),
    );
  }

  #panel(list: readonly Finding[]): TemplateResult {
    const warnings = list.filter((f) => f.level === 'warn').length;
    return html`
      <h2 part="summary" class="summary" data-level=${warnings > 0 ? 'warn' : 'ok'}>
        ${warnings === 0 ? 'Data is complete and current' : `Data status: ${warnings} thing${warnings === 1 ? '' : 's'} to know`}
      </h2>
      <ul class="findings">
        ${list.map(
          (f) => html`<li part="finding" class="finding" data-level=${f.level} data-id=${f.id}>
            <span class="marker" aria-hidden="true">${f.level === 'ok' ? '✓' : '!'}</span>
            <div>
              <strong>${f.title}</strong>
              ${f.detail ? html`<p>${f.detail}</p>` : ''}
              ${f.items.length > 0 ? html`<ul class="items">${f.items.map((i) => html`<li>${i}</li>`)}</ul>` : ''}
            </div>
          </li>`,
        )}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-data-status': AtliqDataStatus;
  }
}
