import { TaskStatus } from '@lit/task';
import type { TemplateResult } from 'lit';
import { AtliqChart } from '../base/atliq-chart.ts';
import { measureFormats } from '../base/format.ts';
import { periodArgs } from '../base/period-settings.ts';
import type { Insight } from './insight.ts';
import { insightsStyles } from './insights.styles.ts';
import { type Insights, loadInsights } from './insights-query.ts';
import { insightsView } from './insights-view.ts';

export type { Insight, InsightKind, InsightMath, Tone } from './insight.ts';

/**
 * @tagname atliq-insights
 * @summary What changed, why, and how sure it is — in sentences. For the current filters: the change of revenue
 * against the same days a year earlier with the fewest members that explain two thirds of it (led by the dimension
 * where the change is most concentrated), margin split into mix and rate, customers won and lost, monthly trends
 * (Mann–Kendall, Theil–Sen) and unusual months (robust z ≥ 3 against the same month a year earlier × trend) per
 * market held to a 5 % false discovery rate, customer concentration, loss-makers and markets below the profit target
 * (`target`, else last year's margin). The change leads as the headline, the rest ranked by what each is worth;
 * `max` shown; "Nothing unusual in this period" when nothing passes. Each has its basis (exact dates), a confidence
 * chip where it is statistical, a small picture (a waterfall for the change, the expected band for a month with its
 * own bridge's waterfall, a Pareto curve for concentration) and "Show the math" with the SQL that reproduces it. A
 * click or Enter cross-filters the dashboard to what an insight names.
 *
 * What the snapshot's month and day files answer (the change by market and zone, margin, trends, unusual months,
 * market leaks) shows first, before the engine has read customers and products, with a note saying so (`pending`);
 * the full insights replace it.
 *
 * @event {CustomEvent<AtliqSelectDetail>} atliq-select - An insight was clicked; `detail` names the dimension and
 * member it filters to, or null.
 * @event {CustomEvent<AtliqErrorDetail>} atliq-error - The insights could not be computed or an attribute is invalid;
 * `detail.message` says why.
 *
 * @csspart list - The list of insights.
 * @csspart insight - One insight (a button when it can filter the dashboard).
 * @csspart headline - The first, most important insight.
 * @csspart text - An insight's sentence.
 * @csspart basis - The periods compared.
 * @csspart confidence - The evidence of a statistical insight.
 * @csspart picture - The small chart of an insight.
 * @csspart math - "Show the math".
 * @csspart sql - The SQL that reproduces an insight's numbers.
 * @csspart copy - The button that copies it.
 * @csspart pending - The note under a first stage's insights saying what is still being read.
 * @csspart caveats - What limits the insights (a partial period, unknown products).
 * @csspart nothing - The "Nothing unusual" message.
 * @csspart status - The loading or error message.
 *
 * @cssproperty --atliq-insights-headline-size - Font size of the headline. Default `1.35em`.
 * @cssproperty --atliq-positive-color - Good news. Default `#1b7f3b`.
 * @cssproperty --atliq-negative-color - Bad news. Default `#c0392b`.
 * @cssproperty --atliq-warning-color - Caveats. Default `#b35c00`.
 * @cssproperty --atliq-text-color - Text. Default `#1f2733`.
 * @cssproperty --atliq-muted-color - Basis, labels and neutral insights. Default `#5b6472`.
 * @cssproperty --atliq-chip-background - Confidence chip and the selected insight. Default `#e8effc`.
 * @cssproperty --atliq-previous-color - Totals and the expected band. Default `#9aa3b2`.
 * @cssproperty --atliq-bar-color - An unusual month's value. Default `#2f6bd8`.
 * @cssproperty --atliq-focus-color - Keyboard focus. Default `#f5a623`.
 * @cssproperty --atliq-input-background - SQL background. Default `#ffffff`.
 * @cssproperty --atliq-tile-border - SQL border. Default `1px solid #e3e7ee`.
 * @cssproperty --atliq-tile-background - Background when `theme` is set. Default `#ffffff`.
 * @cssproperty --atliq-error-color - Error text. Default `#a12622`.
 * @cssproperty --atliq-font - Font shorthand. Default `13px / 1.4 system-ui, sans-serif`.
 * @cssproperty --atliq-status-min-height - Height kept while loading or on error. Default `6rem`.
 */
export class AtliqInsights extends AtliqChart {
  static override styles = insightsStyles;
  static override properties = {
    /** How many insights to show, 1–20 (default 5). */
    max: { type: String },
    /** Only these kinds, comma-separated (e.g. `trend,unusual-month` for a market manager's page); empty for all. */
    kinds: { type: String },
    /** Profit target (margin %) for "below target"; empty for last year's margin. */
    target: { type: String },
  };

  declare max: string;
  declare kinds: string;
  declare target: string;

  /** The first stage's insights (markets only) while the full ones are read; cleared when a new load starts. */
  #first: Insights | undefined;

  readonly #task = this.dataTask(
    () => [this.max, this.kinds, this.target, this.locale, this.currency, ...periodArgs(this.period)] as const,
    (args, context) => {
      this.#first = undefined;
      return loadInsights(args, context, (first) => {
        this.#first = first;
        this.requestUpdate();
      });
    },
  );

  constructor() {
    super();
    this.max = '5';
    this.kinds = '';
    this.target = '';
  }

  /** The insights shown, most important first (caveats not included); each `{ kind, text, … }`. */
  get data(): readonly Insight[] | undefined {
    return this.#shown()?.items;
  }

  /** The caveats shown under the insights. */
  get caveats(): readonly Insight[] | undefined {
    return this.#shown()?.caveats;
  }

  /**
   * What is still being read while the first insights show (markets and zones come from the snapshot's small files
   * before the engine has read customers and products); null once every insight is in.
   */
  get pending(): string | null {
    return this.#shown()?.pending ?? null;
  }

  /** The first stage while the full insights load, else the task's value. */
  #shown(): Insights | undefined {
    return this.#task.status === TaskStatus.PENDING && this.#first ? this.#first : this.#task.value;
  }

  #select(insight: Insight): void {
    const target = insight.select;
    if (!target) return;
    this.toggleMember(target.dimension, target.label.split(':')[0]!, target.member, target.member);
  }

  #view(data: Insights): TemplateResult {
    return insightsView(data, measureFormats('currency', data.money), {
      select: (insight) => this.#select(insight),
      copy: (sql) => void navigator.clipboard?.writeText(sql).catch(() => {}),
      selected: (insight) =>
        insight.select !== undefined && this.selectedMember(insight.select.dimension) === insight.select.member,
    });
  }

  override render(): TemplateResult {
    const first = this.#task.status === TaskStatus.PENDING ? this.#first : undefined;
    if (first) return this.#view(first);
    return this.renderData(
      this.#task,
      { loading: 'Looking for insights…', empty: 'No data.', error: 'Insights unavailable' },
      () => false,
      (data: Insights) => this.#view(data),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atliq-insights': AtliqInsights;
  }
}
