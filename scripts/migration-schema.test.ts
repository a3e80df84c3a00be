// `npm run db:migration:new` writes the next migration as the diff from the schema copy kept in the latest migration
// folder to prisma/schema.prisma. A latest copy that is not the current schema (two branches each added a migration,
// and the later one kept the schema it saw before rebasing) would make the next migration repeat or undo a change.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listMigrations } from "@/lib/db/migrate";

const migrationsDir = path.resolve("prisma/migrations");

describe("migrations", () => {
  it("the latest migration keeps a copy of the current prisma/schema.prisma", () => {
    const latest = listMigrations(migrationsDir).at(-1);
    expect(latest).toBeDefined();
    const copy = fs.readFileSync(path.join(migrationsDir, latest!.name, "schema.prisma"), "utf8");
    expect(
      copy === fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8"),
      `${latest!.name}/schema.prisma`,
    ).toBe(true);
  });
});
