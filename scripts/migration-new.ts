// npm run db:migration:new NAME — writes prisma/migrations/<timestamp>_NAME/migration.sql from the schema change:
// the committed migrations are applied to a throwaway in-memory PostgreSQL, then diffed against schema.prisma.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDatabase } from "@/lib/db/migrate";

async function main() {
  const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!name) throw new Error("Usage: npm run db:migration:new <name>, e.g. add_lead_notes");
  const scratch = await startEmbeddedDatabase({ dataDir: null });
  try {
    await migrateDatabase({ databaseUrl: scratch.url });
    const sql = execFileSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-schema-datasource", "prisma/schema.prisma", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
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
    console.log(`wrote ${dir}/migration.sql`);
  } finally {
    await scratch.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
