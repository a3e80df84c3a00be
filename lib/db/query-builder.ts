// Builds PostgreSQL queries typed by the schema, compiled by Kysely's own compiler, and runs none: for the parts of a
// unit of work's one statement (runStatement's `qb`, the conditions of outbox.enqueue).
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Driver,
} from "kysely";
import type { DB } from "@/lib/db/kysely";

/** A connection that runs nothing: runStatement's builder may compose queries, never execute one. */
class RefusingConnection implements DatabaseConnection {
  executeQuery(): never {
    throw new Error("runStatement builds its statement only: hand each write to outbox.write()");
  }
  async *streamQuery(): AsyncIterableIterator<never> {
    this.executeQuery();
  }
}

class BuildOnlyDriver implements Driver {
  async init() {}
  async acquireConnection() {
    return new RefusingConnection();
  }
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

export const queryBuilder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new BuildOnlyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
