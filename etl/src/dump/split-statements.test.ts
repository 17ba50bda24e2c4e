import { describe, expect, it } from 'vitest';
import { splitStatements } from './split-statements.ts';

async function split(text: string, chunkSize = text.length): Promise<string[]> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
  }
  const statements: string[] = [];
  for await (const s of splitStatements(chunks())) statements.push(s);
  return statements;
}

const DUMP = [
  '-- MySQL dump 10.13\n--\n/*!40101 SET NAMES utf8 */;\n',
  'CREATE TABLE `t` (\n  `a` varchar(45) DEFAULT NULL -- trailing; comment\n) ENGINE=InnoDB;\r\n',
  "# hash comment; still a comment\nINSERT INTO `t` VALUES ('x;y','it''s'),('back\\\\slash\\';',\"d;q\"),('INR\\r');\r\n",
  '/* block; comment */ SELECT 1-1;\nSELECT 2 --not-a-comment\n;\nSELECT 3',
].join('');

const EXPECTED = [
  '/*!40101 SET NAMES utf8 */',
  'CREATE TABLE `t` (\n  `a` varchar(45) DEFAULT NULL \n) ENGINE=InnoDB',
  "INSERT INTO `t` VALUES ('x;y','it''s'),('back\\\\slash\\';',\"d;q\"),('INR\\r')",
  '/* block; comment */ SELECT 1-1',
  'SELECT 2 --not-a-comment',
  'SELECT 3',
];

describe('splitStatements()', () => {
  it('splits on semicolons outside strings and comments, dropping line comments', async () => {
    expect(await split(DUMP)).toEqual(EXPECTED);
  });

  it('gives the same statements however the stream is chunked', async () => {
    for (const size of [1, 2, 3, 5, 7, 64]) expect(await split(DUMP, size)).toEqual(EXPECTED);
  });

  it('yields nothing for a file of comments only', async () => {
    expect(await split('-- just a comment\n# another\n  \n')).toEqual([]);
  });
});
