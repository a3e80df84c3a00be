// Run as its own process by lib/db/fresh-data-dir.int.test.ts: boots the embedded database the way the server does
// (`bootDatabase({ prepareFreshInChild: true })`, DATABASE_URL unset, DATA_DIR from the environment), prints what it
// found as one JSON line, and stops.
import pg from "pg";
import { bootDatabase, stopEmbeddedDatabase } from "@/lib/db/boot";

async function main() {
  const { databaseUrl, isEmbedded } = await bootDatabase({ prepareFreshInChild: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    console.log(JSON.stringify({ msg: "booted", isEmbedded, migrations: Number(rows[0]!.count) }));
  } finally {
    await client.end();
    await stopEmbeddedDatabase();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
