import { describe, expect, it } from 'vitest';
import { quoteId, tableStatements } from './ddl.ts';

describe('tableStatements()', () => {
  it('creates transactions without any key, like the dump', () => {
    expect(tableStatements('sales', 'transactions', false)).toEqual([
      'DROP TABLE IF EXISTS `sales`.`transactions`',
      'CREATE TABLE `sales`.`transactions` (\n' +
        '  `product_code` varchar(45) DEFAULT NULL,\n' +
        '  `customer_code` varchar(45) DEFAULT NULL,\n' +
        '  `market_code` varchar(45) DEFAULT NULL,\n' +
        '  `order_date` date DEFAULT NULL,\n' +
        '  `sales_qty` int DEFAULT NULL,\n' +
        '  `sales_amount` double DEFAULT NULL,\n' +
        '  `currency` varchar(45) DEFAULT NULL\n' +
        ') ENGINE=InnoDB DEFAULT CHARSET=utf8mb4',
    ]);
  });

  it('adds the three profit columns of schema v2 on request', () => {
    const create = tableStatements('sales', 'transactions', true)[1]!;
    expect(create).toContain(
      '`profit_margin_percentage` double DEFAULT NULL,\n  `profit_margin` double DEFAULT NULL,\n  `cost_price` double DEFAULT NULL\n)',
    );
    expect(tableStatements('sales', 'customers', true)).toEqual(tableStatements('sales', 'customers', false));
  });

  it('keeps the misspelt custmer_name and the primary keys of the small tables', () => {
    const create = tableStatements('sales', 'customers', false)[1]!;
    expect(create).toContain('`custmer_name` varchar(45) DEFAULT NULL');
    expect(create).toContain('PRIMARY KEY (`customer_code`)');
    expect(create).not.toContain('0900');
  });
});

describe('quoteId()', () => {
  it('doubles backticks so a name cannot break out', () => {
    expect(quoteId('a`b')).toBe('`a``b`');
  });
});
