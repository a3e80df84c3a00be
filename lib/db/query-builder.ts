// Builds PostgreSQL queries typed by the schema, compiled by Kysely's own compiler, and runs none: for the parts of a
// unit of work's one statement (runStatement's `qb`, the conditions of outbox.enqueue), which renumberPlaceholders
// fits together.
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

/** A piece of SQL compiled by Kysely, with its own parameters ($1…), to be placed inside a larger statement. */
export type CompiledPart = { sql: string; parameters: readonly unknown[] };

/**
 * A compiled SQL part's text with its placeholders moved up by `offset` ($1 becomes $<offset + 1>). Kysely passes
 * every value as a parameter, so `$<n>` appears in its SQL only as a placeholder; a part whose placeholders do not
 * match its parameters is refused rather than sent with the wrong values.
 */
export function renumberPlaceholders(part: CompiledPart, offset: number): string {
  const seen = new Set<number>();
  const text = part.sql.replace(/\$(\d+)/g, (_match, digits: string) => {
    const index = Number(digits);
    seen.add(index);
    return `$${index + offset}`;
  });
  if (seen.size !== part.parameters.length || [...seen].some((index) => index < 1 || index > seen.size)) {
    throw new Error(`a compiled part's placeholders do not match its ${part.parameters.length} parameters`);
  }
  return text;
}
