/** Where in a run something went wrong: enough to find the row or statement again. */
export interface EtlErrorContext {
  cause?: unknown;
  table?: string;
  sql?: string;
  phase?: string;
}

/** An ETL failure with its cause and context; `message` says what happened and what to do next. */
export class EtlError extends Error {
  override name = 'EtlError';
  readonly table: string | undefined;
  readonly sql: string | undefined;
  readonly phase: string | undefined;

  constructor(message: string, context: EtlErrorContext = {}) {
    super(message, { cause: context.cause });
    this.table = context.table;
    this.sql = context.sql;
    this.phase = context.phase;
  }
}
