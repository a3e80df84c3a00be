// On a PostgreSQL server the typed SQL is prepared once per connection: a statement that lists its columns gets a
// name (and, after a few runs, PostgreSQL's generic plan), one with `*` does not; a prepared statement PostgreSQL
// refuses after a column changed type fails once as a retryable refusal and then runs unnamed.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, inject, it } from "vitest";
import { sqlDb } from "@/lib/db/kysely";
import { isRetryableTransactionError } from "@/lib/db/run-transaction";
import { createTestBusiness } from "@/test/helpers/business";

type Prepared = { name: string; statement: string; generic_plans: string };

// The embedded database gets no names (one PGlite session behind every connection): nothing to see there.
describe.skipIf(inject("databaseKind") !== "server")("prepared statements", () => {
  it("names a statement that lists its columns, not one with *; the named one stops being planned", async () => {
    const { business } = await createTestBusiness();
    const prepared = await sqlDb()
      .connection()
      .execute(async (connection) => {
        for (let run = 0; run < 8; run++) {
          await connection.selectFrom("Business").select(["id", "name"]).where("id", "=", business.id).execute();
          await connection.selectFrom("Business").selectAll().where("id", "=", business.id).execute();
        }
        const { rows } = await sql<Prepared>`
          SELECT name, statement, generic_plans::text FROM pg_prepared_statements`.execute(connection);
        return rows;
      });
    const listed = prepared.filter((row) => row.statement.includes(`select "id", "name" from "Business"`));
    expect(listed).toHaveLength(1);
    expect(listed[0]!.name).toMatch(/^rb_/);
    expect(Number(listed[0]!.generic_plans)).toBeGreaterThan(0);
    expect(prepared.filter((row) => row.statement.includes(`select * from "Business"`))).toHaveLength(0);
  });

  it("a refused prepared statement fails once as retryable, then runs unnamed", async () => {
    const table = sql.table(`prepared_probe_${randomBytes(4).toString("hex")}`);
    await sql`CREATE TABLE ${table} (a int)`.execute(sqlDb());
    await sql`INSERT INTO ${table} VALUES (7)`.execute(sqlDb());
    try {
      const outcome = await sqlDb()
        .connection()
        .execute(async (connection) => {
          const read = () => sql<{ a: unknown }>`SELECT a FROM ${table}`.execute(connection);
          await read();
          await sql`ALTER TABLE ${table} ALTER COLUMN a TYPE text`.execute(connection);
          const refusal = await read().then(
            () => null,
            (error: unknown) => error,
          );
          return { refusal, after: (await read()).rows };
        });
      expect(String(outcome.refusal)).toMatch(/cached plan must not change result type/);
      expect(isRetryableTransactionError(outcome.refusal)).toBe(true);
      expect(outcome.after).toEqual([{ a: "7" }]);
    } finally {
      await sql`DROP TABLE ${table}`.execute(sqlDb());
    }
  });
});
