import type { DuckDBConnection } from '@duckdb/node-api';
import { columnList, createTableSql } from '../contract-ddl.ts';

/**
 * Builds the conformed dimensions from the staged source tables. A code the facts use but the source table
 * lacks gets an explicit member (`known = false`, "Unknown …") instead of being joined away; the quality report
 * counts them. Needs `fact_sales` and the `clean` macro from buildFacts.
 */
export async function buildDimensions(db: DuckDBConnection): Promise<void> {
  await db.run(createTableSql('dim_market'));
  await db.run(`
    INSERT INTO dim_market (${columnList('dim_market')})
    SELECT DISTINCT ON (code) code, coalesce(clean(markets_name), code), clean(zone), true
    FROM (SELECT clean(markets_code) AS code, * FROM stg_markets) WHERE code IS NOT NULL
    UNION ALL
    SELECT DISTINCT market_code, 'Unknown market', NULL, false FROM fact_sales f
    WHERE NOT EXISTS (SELECT 1 FROM stg_markets m WHERE clean(m.markets_code) = f.market_code)`);

  await db.run(createTableSql('dim_customer'));
  await db.run(`
    INSERT INTO dim_customer (${columnList('dim_customer')})
    SELECT DISTINCT ON (code) code, coalesce(clean(custmer_name), code), coalesce(clean(customer_type), 'Unknown'), true
    FROM (SELECT clean(customer_code) AS code, * FROM stg_customers) WHERE code IS NOT NULL
    UNION ALL
    SELECT DISTINCT customer_code, 'Unknown customer', 'Unknown', false FROM fact_sales f
    WHERE NOT EXISTS (SELECT 1 FROM stg_customers c WHERE clean(c.customer_code) = f.customer_code)`);

  await db.run(createTableSql('dim_product'));
  await db.run(`
    INSERT INTO dim_product (${columnList('dim_product')})
    SELECT DISTINCT ON (code) code, coalesce(clean(product_type), 'Unknown'), true
    FROM (SELECT clean(product_code) AS code, * FROM stg_products) WHERE code IS NOT NULL
    UNION ALL
    SELECT DISTINCT product_code, 'Unknown', false FROM fact_sales f
    WHERE NOT EXISTS (SELECT 1 FROM stg_products p WHERE clean(p.product_code) = f.product_code)`);

  await db.run(createTableSql('dim_date'));
  await db.run(`
    INSERT INTO dim_date (${columnList('dim_date')})
    SELECT d::DATE, year(d), month(d), monthname(d), strftime(d, '%Y-%m')
    FROM (SELECT unnest(generate_series(min(order_date)::TIMESTAMP, max(order_date)::TIMESTAMP, INTERVAL 1 DAY)) AS d
          FROM fact_sales)
    WHERE d IS NOT NULL ORDER BY d`);
}
