import type pg from 'pg';
import type { Sql, SqlQuery, SqlResult } from './sql';

function queryOn(client: pg.Pool | pg.PoolClient): SqlQuery {
  return {
    async query<R>(text: string, params: readonly unknown[] = []): Promise<SqlResult<R>> {
      const result = await client.query(text, [...params]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(script: string): Promise<void> {
      await client.query(script);
    },
  };
}

/** Sql over a node-postgres pool (external PostgreSQL). */
export function pgSql(pool: pg.Pool): Sql {
  return {
    ...queryOn(pool),
    async transaction<T>(work: (tx: SqlQuery) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryOn(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
