// A wrong DATABASE_URL stops the app with one line naming the variable and the fix, not a driver stack trace.
import { execFile } from "node:child_process";
import { createServer } from "node:net";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs `npm run db:migrate`'s script (the same boot and error path as dev and start) with `databaseUrl`. */
async function migrateWith(databaseUrl: string) {
  const run = promisify(execFile)("npx", ["tsx", "scripts/migrate.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    encoding: "utf8",
  });
  const result = await run.then(
    (output) => ({ code: 0, stderr: output.stderr }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
  return { code: result.code, lines: result.stderr.split("\n").filter(Boolean) };
}

describe("startup with a bad DATABASE_URL", () => {
  it("an unreachable database: one line naming DATABASE_URL and what to do, exit 1", async () => {
    const { code, lines } = await migrateWith(`postgresql://postgres@127.0.0.1:${await closedPort()}/postgres`);
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Ringback cannot start: DATABASE_URL: cannot reach PostgreSQL at 127\.0\.0\.1:\d+/);
    expect(lines[0]).not.toMatch(/\bat .*:\d+:\d+/);
  }, 60_000);

  it("a URL that is not PostgreSQL's: one line with the expected form", async () => {
    const { code, lines } = await migrateWith("mysql://root@localhost/ringback");
    expect(code).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/DATABASE_URL is not a PostgreSQL connection string/)]);
  }, 60_000);
});
