/**
 * Draws one clean transaction of a given day the way Atliq's customers buy: a (customer, market) pair
 * and a product with the dump's skew, a quantity that is 1 for about half the rows with a long tail, and
 * an amount of quantity × the product's list price ± noise. The dirt (currencies, zero amounts,
 * duplicates…) is layered on by `transactions.ts`.
 */
import type { SourceValue } from '../source/source.ts';
import { createAliasSampler } from './alias.ts';
import { createRandom, normal, type Random } from './prng.ts';
import { code, customerCode, KNOWN_PRODUCTS } from './reference-tables.ts';
import { CUSTOMER_MARKET_ROWS, MISSING_PRODUCT_SHARE, MISSING_PRODUCTS } from './sales-mix.ts';

/** The catalogue (product popularity and list prices) is one fixed world that every sample seed shares. */
const CATALOGUE_SEED = 0x41544c51;

/** Fitted to the dump: qty median 1 (54% are 1), p90 ≈ 32, p99 ≈ 215, max 14049. */
const QTY_ONE_SHARE = 0.54;
const QTY_LOG_MEDIAN = 2;
const QTY_LOG_SIGMA = 1.7;
const QTY_MAX = 14_049;

/** List prices that bring amounts near the dump's: median ≈ 509, p90 ≈ 12 380, max ≈ 1.5 million. */
const PRICE_LOG_MEDIAN = Math.log(320);
const PRICE_LOG_SIGMA = 1;
const PRICE_NOISE_SIGMA = 0.35;
/** Bulk lines are cheaper per unit: in the dump lines of 1000+ units cost about a fifth per unit. */
const BULK_QTY = 300;
const POPULARITY_LOG_SIGMA = 1.6;

/** Draws a row in `SOURCE_TABLES` order; with `withProfit`, three zeros follow for the profit columns. */
export type TransactionRowDrawer = (random: Random, orderDate: string) => SourceValue[];

export function createTransactionRowDrawer(withProfit: boolean): TransactionRowDrawer {
  const pairCustomers: string[] = [];
  const pairMarkets: string[] = [];
  const pairWeights: number[] = [];
  CUSTOMER_MARKET_ROWS.forEach((flat, customer) => {
    for (let i = 0; i < flat.length; i += 2) {
      pairCustomers.push(customerCode(customer));
      pairMarkets.push(code('Mark', flat[i]));
      pairWeights.push(flat[i + 1]);
    }
  });
  const drawPair = createAliasSampler(pairWeights);

  const catalogue = createRandom(CATALOGUE_SEED);
  const productCount = KNOWN_PRODUCTS + MISSING_PRODUCTS;
  const productCodes = Array.from({ length: productCount }, (_, i) => code('Prod', i + 1));
  const popularity = productCodes.map(() => Math.exp(POPULARITY_LOG_SIGMA * normal(catalogue)));
  const prices = productCodes.map(() => Math.exp(PRICE_LOG_MEDIAN + PRICE_LOG_SIGMA * normal(catalogue)));
  // Rescale so the products missing from `products` carry their measured share of the rows.
  const knownTotal = popularity.slice(0, KNOWN_PRODUCTS).reduce((a, b) => a + b, 0);
  const missingTotal = popularity.slice(KNOWN_PRODUCTS).reduce((a, b) => a + b, 0);
  const drawProduct = createAliasSampler(
    popularity.map((p, i) =>
      i < KNOWN_PRODUCTS ? (p * (1 - MISSING_PRODUCT_SHARE)) / knownTotal : (p * MISSING_PRODUCT_SHARE) / missingTotal,
    ),
  );

  return (random, orderDate) => {
    const pair = drawPair(random());
    const product = drawProduct(random());
    const qty =
      random() < QTY_ONE_SHARE
        ? 1
        : Math.min(QTY_MAX, 1 + Math.floor(Math.exp(QTY_LOG_MEDIAN + QTY_LOG_SIGMA * normal(random))));
    const unitPrice = (prices[product] * Math.exp(PRICE_NOISE_SIGMA * normal(random))) / (1 + qty / BULK_QTY);
    const amount = Math.max(1, Math.round(qty * unitPrice));
    const productCode = productCodes[product];
    // Room for the profit columns is allocated up front: growing the array later costs half the speed.
    return withProfit
      ? [productCode, pairCustomers[pair], pairMarkets[pair], orderDate, qty, amount, 'INR\r', 0, 0, 0]
      : [productCode, pairCustomers[pair], pairMarkets[pair], orderDate, qty, amount, 'INR\r'];
  };
}
