import { CONTRACT_VERSION, type Manifest, RESERVED_SCOPE_NAMES, SCOPE_NAME, TABLES } from './contract.ts';

/** A manifest that does not follow the extract contract; `path` names the offending field. */
export class ManifestError extends Error {
  override name = 'ManifestError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(`${message} (at ${path})`);
  }
}

type Json = Record<string, unknown>;

function obj(v: unknown, path: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ManifestError('expected an object', path);
  return v as Json;
}
function str(v: unknown, path: string, nullable = false): string {
  if (nullable && v === null) return v as unknown as string;
  if (typeof v !== 'string' || v === '') throw new ManifestError('expected a non-empty string', path);
  return v;
}
function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new ManifestError('expected a number ≥ 0', path);
  return v;
}
function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new ManifestError('expected true or false', path);
  return v;
}
/** Relative, forward-slash paths only: a manifest must never point outside its own folder. */
function relPath(v: unknown, path: string): string {
  const p = str(v, path);
  if (p.startsWith('/') || p.includes('\\') || p.split('/').includes('..') || /^[a-z]+:/i.test(p)) {
    throw new ManifestError(`path must be relative to the manifest, got ${JSON.stringify(p)}`, path);
  }
  return p;
}

function strings(v: unknown, path: string): void {
  if (!Array.isArray(v)) throw new ManifestError('expected an array', path);
  for (const [i, item] of v.entries()) str(item, `${path}[${i}]`);
}

/** The quality fields added within contract version 1: optional (older manifests lack them), checked when present. */
function checkQualityExtras(q: Json): void {
  const list = (key: string, each: (item: Json, path: string) => void) => {
    const v = q[key];
    if (v === undefined) return;
    if (!Array.isArray(v)) throw new ManifestError('expected an array', `$.quality.${key}`);
    for (const [i, item] of v.entries()) each(obj(item, `$.quality.${key}[${i}]`), `$.quality.${key}[${i}]`);
  };
  list('missing_months', (gap, p) => {
    str(gap.market_code, `${p}.market_code`);
    str(gap.market_name, `${p}.market_name`);
    strings(gap.months, `${p}.months`);
    (gap.months as string[]).forEach((m, i) => {
      if (!/^\d{4}-\d{2}$/.test(m)) throw new ManifestError('expected YYYY-MM', `${p}.months[${i}]`);
    });
  });
  list('duplicate_market_names', (dup, p) => {
    str(dup.name, `${p}.name`);
    strings(dup.codes, `${p}.codes`);
  });
  if (q.warnings !== undefined) strings(q.warnings, '$.quality.warnings');
  if (q.profit_check !== undefined) checkProfitCheck(obj(q.profit_check, '$.quality.profit_check'));
  if (q.reconciliation !== undefined) checkReconciliation(obj(q.reconciliation, '$.quality.reconciliation'));
}

/** `quality.reconciliation`: a known status, counts ≥ 0, money by currency (sums may be negative). */
function checkReconciliation(r: Json): void {
  const at = '$.quality.reconciliation';
  if (r.status !== 'matched' && r.status !== 'off' && r.status !== 'unavailable') {
    throw new ManifestError('expected matched, off or unavailable', `${at}.status`);
  }
  for (const k of ['cells', 'lines', 'quantity']) if (r[k] !== undefined) num(r[k], `${at}.${k}`);
  for (const k of ['amount', 'profit']) {
    if (r[k] === undefined) continue;
    for (const [code, v] of Object.entries(obj(r[k], `${at}.${k}`))) {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new ManifestError('expected a number', `${at}.${k}.${code}`);
    }
  }
}

/** `quality.profit_check`: the unit profit was read in, and lines checked ≥ lines consistent. */
function checkProfitCheck(p: Json): void {
  const at = '$.quality.profit_check';
  if (p.reading !== 'reporting' && p.reading !== 'line') {
    throw new ManifestError('expected reporting or line', `${at}.reading`);
  }
  if (p.basis !== 'configured' && p.basis !== 'detected' && p.basis !== 'undetermined') {
    throw new ManifestError('expected configured, detected or undetermined', `${at}.basis`);
  }
  const checked = num(p.lines_checked, `${at}.lines_checked`);
  if (num(p.lines_consistent, `${at}.lines_consistent`) > checked) {
    throw new ManifestError('more lines consistent than checked', `${at}.lines_consistent`);
  }
}

/** `refresh`, added within contract version 1: optional, checked when present. */
function checkRefresh(v: unknown): void {
  if (v === undefined) return;
  const r = obj(v, '$.refresh');
  if (r.mode !== 'full' && r.mode !== 'incremental')
    throw new ManifestError('expected full or incremental', '$.refresh.mode');
  for (const k of ['reason', 'from_snapshot']) if (r[k] !== undefined) str(r[k], `$.refresh.${k}`);
  for (const k of ['months_read', 'months_reused', 'rows_reused']) if (r[k] !== undefined) num(r[k], `$.refresh.${k}`);
}

/** `month_market` and `day_market`, added within contract version 1: optional, checked when present. */
function checkListedFile(v: unknown, key: 'month_market' | 'day_market' | 'bridge_grain'): void {
  if (v === undefined) return;
  const f = obj(v, `$.${key}`);
  relPath(f.path, `$.${key}.path`);
  num(f.rows, `$.${key}.rows`);
  num(f.bytes, `$.${key}.bytes`);
  if (typeof f.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256)) {
    throw new ManifestError('expected a hex sha256', `$.${key}.sha256`);
  }
  if (key === 'day_market') {
    if (
      !Array.isArray(f.months) ||
      !f.months.every((m) => typeof m === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(m))
    ) {
      throw new ManifestError('expected a list of YYYY-MM months', '$.day_market.months');
    }
  }
  if (key === 'bridge_grain') {
    const day = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);
    const periods = f.periods;
    const market = (m: unknown) => m === undefined || typeof m === 'string';
    if (
      !Array.isArray(periods) ||
      !periods.every((p) => day(p?.from) && day(p?.to) && p.from <= p.to && market(p.market))
    ) {
      throw new ManifestError('expected a list of { from, to, market? }', '$.bridge_grain.periods');
    }
  }
}

/** `scope`, added within contract version 1: present on scoped extracts only, checked when present. */
function checkScope(v: unknown): void {
  if (v === undefined) return;
  const s = obj(v, '$.scope');
  const name = str(s.name, '$.scope.name');
  if (!SCOPE_NAME.test(name) || RESERVED_SCOPE_NAMES.includes(name)) {
    throw new ManifestError(`not a valid scope name: ${JSON.stringify(name)}`, '$.scope.name');
  }
  if (s.detail !== 'full' && s.detail !== 'aggregate')
    throw new ManifestError('expected full or aggregate', '$.scope.detail');
  if (s.days !== undefined) {
    const days = obj(s.days, '$.scope.days');
    for (const side of ['from', 'to'] as const) {
      const day = str(days[side], `$.scope.days.${side}`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new ManifestError('expected YYYY-MM-DD', `$.scope.days.${side}`);
    }
  }
}

/**
 * Checks that `input` (parsed JSON) is a manifest this reader understands and returns it typed.
 * Throws {@link ManifestError} naming the first field that is wrong.
 */
export function parseManifest(input: unknown): Manifest {
  const m = obj(input, '$');
  if (m.contract_version !== CONTRACT_VERSION) {
    throw new ManifestError(
      `contract version ${JSON.stringify(m.contract_version)} is not supported by this reader (expects ${CONTRACT_VERSION}); publish with a matching ETL or upgrade the components`,
      '$.contract_version',
    );
  }
  str(m.snapshot_id, '$.snapshot_id');
  str(m.generated_at, '$.generated_at');
  const source = obj(m.source, '$.source');
  if (source.kind !== 'mysql' && source.kind !== 'sample')
    throw new ManifestError('unknown source kind', '$.source.kind');
  str(source.server, '$.source.server', true);
  str(source.database, '$.source.database', true);
  str(source.snapshot_at, '$.source.snapshot_at');
  str(m.reporting_currency, '$.reporting_currency');
  const fx = obj(m.fx_rates, '$.fx_rates');
  for (const [code, rate] of Object.entries(fx)) num(rate, `$.fx_rates.${code}`);
  const measures = obj(m.measures, '$.measures');
  for (const k of ['revenue', 'quantity', 'profit']) bool(measures[k], `$.measures.${k}`);
  relPath(m.browser_db, '$.browser_db');
  if (m.query_service !== undefined) relPath(m.query_service, '$.query_service');
  if (!Array.isArray(m.files)) throw new ManifestError('expected an array', '$.files');
  m.files.forEach((f, i) => {
    const p = `$.files[${i}]`;
    const file = obj(f, p);
    relPath(file.path, `${p}.path`);
    if (file.table !== 'browser_db' && !(typeof file.table === 'string' && file.table in TABLES)) {
      throw new ManifestError('unknown table', `${p}.table`);
    }
    num(file.rows, `${p}.rows`);
    num(file.bytes, `${p}.bytes`);
    if (typeof file.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(file.sha256)) {
      throw new ManifestError('expected a hex sha256', `${p}.sha256`);
    }
  });
  if (!m.files.some((f) => (f as Json).path === m.browser_db)) {
    throw new ManifestError('browser_db is not listed in files', '$.browser_db');
  }
  const q = obj(m.quality, '$.quality');
  const read = num(q.rows_read, '$.quality.rows_read');
  const published = num(q.rows_published, '$.quality.rows_published');
  const rejected = num(q.rows_rejected, '$.quality.rows_rejected');
  if (published + rejected !== read) {
    throw new ManifestError(
      `rows do not reconcile: ${published} published + ${rejected} rejected ≠ ${read} read`,
      '$.quality',
    );
  }
  obj(q.rejected_by_reason, '$.quality.rejected_by_reason');
  if (!Array.isArray(q.unknown_members)) throw new ManifestError('expected an array', '$.quality.unknown_members');
  checkQualityExtras(q);
  checkRefresh(m.refresh);
  checkListedFile(m.month_market, 'month_market');
  checkListedFile(m.day_market, 'day_market');
  checkListedFile(m.bridge_grain, 'bridge_grain');
  checkScope(m.scope);
  return input as Manifest;
}
