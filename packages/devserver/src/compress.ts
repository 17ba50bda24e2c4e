import type { Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript))/;
const cache = new Map<string, Promise<Buffer>>();

/**
 * The file compressed for the client (brotli or gzip), computed once per file version and kept in memory:
 * the DuckDB engine is 34 MB raw and ~6 MB as brotli, which decides how fast the first chart appears.
 */
export async function compressedBody(
  file: string,
  info: Stats,
  type: string,
  acceptEncoding: string | undefined,
): Promise<{ encoding: 'br' | 'gzip'; body: Buffer } | null> {
  if (!COMPRESSIBLE.test(type) || info.size < 1024) return null;
  const accepts = acceptEncoding ?? '';
  const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
  if (!encoding) return null;
  const key = `${encoding}:${file}:${info.size}:${info.mtimeMs}`;
  let body = cache.get(key);
  if (!body) {
    // Quality 5 compresses the engine in about a second and lands within a few percent of quality 11.
    body = readFile(file).then((raw) =>
      encoding === 'br' ? brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gz(raw),
    );
    cache.set(key, body);
  }
  return { encoding, body: await body };
}
