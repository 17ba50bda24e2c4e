import { DIMENSIONS, isDimension, isMeasure, MEASURES } from '@atliq/sdk';
import type { Money } from './money.ts';

/** A dimension's name as people read it, e.g. `Customer type`; an unknown name as it is. */
export const dimensionLabel = (name: string): string => (isDimension(name) ? DIMENSIONS[name].label : name);

/** A measure's name as people read it, e.g. `Revenue`; an unknown name as it is. */
export const measureLabel = (name: string): string => (isMeasure(name) ? MEASURES[name].label : name);

/** ` (INR)` after a money measure's heading, naming the currency its values are in; empty for other measures. */
export const currencySuffix = (measure: string, money: Pick<Money, 'currency'> | undefined): string =>
  money && isMeasure(measure) && MEASURES[measure].format === 'currency' ? ` (${money.currency})` : '';

/** A column of `measure`'s values in a CSV or table: `Revenue (INR)`, `Quantity`. */
export const valueHeading = (measure: string, money: Pick<Money, 'currency'> | undefined): string =>
  `${measureLabel(measure)}${currencySuffix(measure, money)}`;
