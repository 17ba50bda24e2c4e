import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/source-url.ts';
import { decimalToMinor } from './clickhouse.ts';
import { chString, snapshotSuffix, suffixOf } from './clickhouse-layout.ts';
import { parseSink, redactSink } from './clickhouse-url.ts';

describe('parseSink', () => {
  it('reads every node and the database; user "default" and CLICKHOUSE_PASSWORD unless given', () => {
    expect(parseSink('clickhouse://db1:8123,10.0.0.2:8124/atliq', { CLICKHOUSE_PASSWORD: 'pw' })).toEqual({
      nodes: ['http://db1:8123', 'http://10.0.0.2:8124'],
      database: 'atliq',
      user: 'default',
      password: 'pw',
    });
    expect(parseSink('clickhouse://etl@[::1]:8123/sales_2', {})).toMatchObject({
      nodes: ['http://[::1]:8123'],
      user: 'etl',
      password: '',
    });
  });

  it.each([
    ['clickhouse://db1/atliq', /"db1" is not HOST:PORT/],
    ['clickhouse://db1:0/atliq', /"db1:0" is not HOST:PORT/],
    ['clickhouse://db1:8123,db1:8123/atliq', /listed twice/],
    ['clickhouse://db1:8123/', /the database must be/],
    ['clickhouse://db1:8123/a;DROP', /the database must be/],
    ['clickhouse://db1:8123', /is not a ClickHouse URL/],
    ['https://db1:8123/atliq', /is not a ClickHouse URL/],
    ['clickhouse://u:pw@db1:8123/atliq', /a password in the URL/],
  ])('refuses %s', (spec, message) => {
    expect(() => parseSink(spec, {})).toThrow(UsageError);
    expect(() => parseSink(spec, {})).toThrow(message);
  });

  it('never repeats a password in its messages', () => {
    expect(redactSink('clickhouse://u:pw@db1:8123/atliq')).toBe('clickhouse://u:***@db1:8123/atliq');
    expect(() => parseSink('clickhouse://u:pw@db1:8123/atliq', {})).not.toThrow(/pw/);
  });
});

describe('layout names and literals', () => {
  it('turns a snapshot id into a table suffix and back', () => {
    const s = snapshotSuffix('20261204T160040Z-f30055');
    expect(s).toBe('20261204T160040Z_f30055');
    expect(snapshotSuffix(s)).toBe(s);
    expect(suffixOf(`fact_sales_${s}`)).toBe(s);
    expect(suffixOf(`fact_sales_local_${s}`)).toBe(s);
    expect(suffixOf('atliq_publishes')).toBeUndefined();
  });

  it('escapes quotes and backslashes in string literals', () => {
    expect(chString("it's a \\ path")).toBe("'it\\'s a \\\\ path'");
  });
});

describe('decimalToMinor', () => {
  it('reads 18.16 (every decimal) and current releases (trailing zeros dropped) alike', () => {
    expect(decimalToMinor('1234.50', 2)).toBe(123450n);
    expect(decimalToMinor('1234.5', 2)).toBe(123450n);
    expect(decimalToMinor('1234', 2)).toBe(123400n);
    expect(decimalToMinor('-0.05', 2)).toBe(-5n);
    expect(decimalToMinor('98765432109876543.21', 2)).toBe(9876543210987654321n);
    expect(() => decimalToMinor('1.234', 2)).toThrow(/scale 2/);
    expect(() => decimalToMinor('1e5', 2)).toThrow();
  });
});
