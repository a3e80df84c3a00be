// The bench's statement counts are real: every statement a pg client sends through the proxy is counted once.
import { inject } from "vitest";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { startCountingProxy } from "./pg-counting-proxy";

describe("the counting proxy", () => {
  it("counts each simple query and each extended-protocol execute, and their round trips", async () => {
    const proxy = await startCountingProxy(inject("databaseUrl"));
    const client = new pg.Client({ connectionString: proxy.url });
    await client.connect();
    try {
      const before = proxy.counts();
      await client.query("SELECT 1"); // simple Query
      await client.query("SELECT $1::int + 1 AS two", [1]); // Parse, Bind, Describe, Execute, Sync
      await client.query("BEGIN");
      await client.query("SELECT $1::text", ["a".repeat(100_000)]); // a message larger than one TCP chunk
      await client.query("COMMIT");
      const after = proxy.counts();
      expect(after.statements - before.statements).toBe(5);
      expect(after.roundTrips - before.roundTrips).toBe(5);
      expect(after.connections).toBe(1);
      expect((await client.query("SELECT $1::int + 1 AS two", [1])).rows).toEqual([{ two: 2 }]);
    } finally {
      await client.end();
      await proxy.close();
    }
  });
});
