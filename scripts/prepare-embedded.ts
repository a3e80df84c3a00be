// Run by the server (lib/db/boot.ts) before it starts on a DATA_DIR PostgreSQL never ran in: initdb and the
// migrations, in this short-lived process, so that the memory they make PGlite grow (it never shrinks) goes back to
// the system when this exits. The server then opens the ready directory as on any restart. Not a command of its own.
import { migrateToLatest } from "@/lib/db/boot";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { env } from "@/lib/env";

async function main() {
  const database = await startEmbeddedDatabase({ dataDir: env().dataDir });
  try {
    await migrateToLatest(database.url);
  } finally {
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
