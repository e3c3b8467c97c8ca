import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Sql, SqlQuery, SqlResult } from './sql';

function queryOn(db: PGlite | Transaction): SqlQuery {
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
      const result = await db.query<R>(text, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
    },
    async exec(script: string): Promise<void> {
      await db.exec(script);
    },
  };
}

/** Sql over an embedded PGlite instance (one connection; PGlite serialises transactions). */
export function pgliteSql(db: PGlite): Sql {
  return {
    ...queryOn(db),
    transaction: <T>(work: (tx: SqlQuery) => Promise<T>): Promise<T> =>
      db.transaction((tx) => work(queryOn(tx))),
  };
}
