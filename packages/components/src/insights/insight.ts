import type { BridgeDimension } from '@atliq/sdk';

/** What an insight is about; each kind has its own sentence and picture. */
export type InsightKind =
  | 'change'
  | 'margin'
  | 'customers'
  | 'trend'
  | 'unusual-month'
  | 'concentration'
  | 'loss'
  | 'below-target'
  | 'caveat';

/** How the insight reads for the business. */
export type Tone = 'good' | 'bad' | 'neutral';

/** "Show the math": how the numbers were found, so anyone can check them. */
export interface InsightMath {
  /** The method in a sentence, with its parameters. */
  readonly method: string;
  /** The numbers the sentence is built from, labelled. */
  readonly numbers: readonly (readonly [string, string])[];
  /** SQL over the published tables that reproduces them (values written in), one statement per query. */
  readonly sql: readonly string[];
}

/** One insight as shown; `data` of `<atliq-insights>` is a list of these, most important first. */
export interface Insight {
  readonly kind: InsightKind;
  /** One plain sentence in the element's locale and currency. */
  readonly text: string;
  readonly tone: Tone;
  /** The periods compared or looked at, with exact days. */
  readonly basis: string;
  /** What it is worth, in the reporting currency: how insights are ranked. */
  readonly impact: number;
  /** For statistical insights: the evidence in a few words ("3.4 σ above the expected ₹41–48 L", "p < 0.01"). */
  readonly confidence?: string;
  readonly math: InsightMath;
  /** What a click (or Enter) cross-filters the dashboard to. */
  readonly select?: { readonly dimension: string; readonly member: string; readonly label: string };
  /** A bridge: the change's periods and the members that made it (`kind: 'change'`). */
  readonly measure?: 'revenue';
  readonly current?: { readonly from: string; readonly to: string; readonly value: number };
  readonly baseline?: { readonly from: string; readonly to: string; readonly value: number };
  readonly contributions?: readonly { dimension: BridgeDimension; member: string; change: number }[];
  /** For the picture: a waterfall's steps, an unusual month's band (and its bridge), a Pareto curve's shares. */
  readonly picture?:
    | { readonly type: 'waterfall'; readonly steps: readonly WaterfallStep[] }
    | {
        readonly type: 'band';
        readonly value: number;
        readonly expected: number;
        readonly band: readonly [number, number];
        /** A flagged month's own bridge against the same month a year earlier, drawn under the band. */
        readonly steps?: readonly WaterfallStep[];
      }
    | {
        readonly type: 'pareto';
        /** The share of revenue the largest 1, 2, … customers make together (0–1, the last is 1). */
        readonly cumulative: readonly number[];
      };
}

/** A waterfall's bar: a total (the baseline or the current value) or a member's step up or down. */
export interface WaterfallStep {
  readonly label: string;
  readonly value: number;
  readonly total?: boolean;
}
