// npm run db:migration:new NAME — writes prisma/migrations/<timestamp>_NAME/migration.sql from the schema change.
// Each migration folder keeps a copy of the schema it produced (schema.prisma); the new migration is the diff from
// the latest copy to prisma/schema.prisma. (Prisma's --from-migrations/--from-schema-datasource need its schema
// engine, which cannot be used with the driver adapter here.) The CLI still wants a database to talk to: a
// throwaway in-memory one.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { listMigrations } from "@/lib/db/migrate";

async function main() {
  const name = (process.argv[2] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  if (!name) throw new Error("Usage: npm run db:migration:new <name>, e.g. add_lead_notes");
  const scratch = await startEmbeddedDatabase({ dataDir: null });
  try {
    const migrations = listMigrations(path.resolve("prisma/migrations"));
    const latest = migrations.at(-1);
    const from = latest ? path.join("prisma/migrations", latest.name, "schema.prisma") : null;
    if (from && !fs.existsSync(from)) throw new Error(`${from} is missing: it records the schema of that migration.`);
    // Asynchronous on purpose: the scratch database is served by this process's event loop.
    const { stdout: sql } = await promisify(execFile)(
      "npx",
      [
        "prisma",
        "migrate",
        "diff",
        ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
        "--to-schema-datamodel",
        "prisma/schema.prisma",
        "--script",
      ],
      { env: { ...process.env, DATABASE_URL: scratch.url }, encoding: "utf8" },
    );
    if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
      console.log("The schema matches the migrations: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    fs.copyFileSync("prisma/schema.prisma", path.join(dir, "schema.prisma"));
    console.log(`wrote ${dir}/migration.sql`);
  } finally {
    await scratch.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
