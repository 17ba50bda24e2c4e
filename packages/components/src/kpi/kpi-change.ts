import type { MeasureDef } from '@atliq/sdk';
import { type CurrencyFormats, formatPoints, percentFormat } from '../base/format.ts';

/** How a change is expressed: relative in percent, in percentage points (for a percentage), or as an amount. */
export type ChangeUnit = 'percent' | 'points' | 'amount';

export interface Change {
  readonly value: number;
  readonly unit: ChangeUnit;
}

/**
 * The change from `previous` to `current`. A percentage measure (margin) changes in percentage points. Otherwise
 * the change is relative, in percent of the previous value — unless that base is zero or negative, where a
 * percentage means nothing (a loss of 100 turning into a profit of 193 is not "+293%"): then it is the amount.
 * Null when either value is unknown.
 */
export function change(format: MeasureDef['format'], current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  if (format === 'percent') return { value: current - previous, unit: 'points' };
  if (previous <= 0) return { value: current - previous, unit: 'amount' };
  return { value: (100 * (current - previous)) / previous, unit: 'percent' };
}

const signed = (value: number, text: string) => (value > 0 && !text.startsWith('+') ? `+${text}` : text);

/**
 * A change as shown on the tile, signed: `+12.3%`, `-0.4 pp`, `+₹1.2L`; and, when it is an amount, why (for the
 * tile's title and the screen reader).
 */
export function describeChange(
  { value, unit }: Change,
  amount: CurrencyFormats,
  locale?: string,
): { readonly text: string; readonly why: string } {
  if (unit === 'points') return { text: formatPoints(value, locale), why: '' };
  if (unit === 'percent') return { text: signed(value, percentFormat(locale)(value)), why: '' };
  return {
    text: signed(value, amount.compact(value)),
    why: 'Shown as an amount: the previous period was zero or negative, so a percentage change would mislead.',
  };
}
