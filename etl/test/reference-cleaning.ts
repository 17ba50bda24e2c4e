/**
 * The reference cleaning, written directly in MySQL/MariaDB SQL and independent of the ETL's code: amounts > 0,
 * INR/USD only (trimmed of `\r`), USD × 75 into `inr`, exact twins once (DISTINCT). Tests total its rows to get the
 * truth the published extract must equal.
 */
export const CLEAN_SQL = `
  SELECT DISTINCT t.product_code, t.customer_code, t.market_code, t.order_date, t.sales_qty, t.sales_amount,
    TRIM(BOTH '\\r' FROM t.currency) AS cur,
    t.sales_amount * IF(TRIM(BOTH '\\r' FROM t.currency) = 'USD', 75, 1) AS inr
  FROM transactions t
  WHERE t.sales_amount > 0 AND TRIM(BOTH '\\r' FROM t.currency) IN ('INR', 'USD')`;
