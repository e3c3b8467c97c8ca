/**
 * Raw SQL on the application database, for the hot path (telemetry batches) and migrations,
 * where Prisma's query builder is several times too slow (FACTS.md, "Bulk inserts").
 */
export interface SqlResult<R> {
  rows: R[];
  /** Rows inserted/updated/deleted by the statement (0 for SELECT on PGlite). */
  rowCount: number;
}

export interface SqlQuery {
  /** One statement with $1… parameters. */
  query<R = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<SqlResult<R>>;
  /** A script of several statements without parameters (migration files). */
  exec(script: string): Promise<void>;
}

export interface Sql extends SqlQuery {
  /** Runs `work` in one transaction on one connection: COMMIT if it resolves, ROLLBACK if it throws. */
  transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T>;
}
