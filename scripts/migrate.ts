// npm run db:migrate — applies pending migrations (to DATABASE_URL, or the embedded database in DATA_DIR).
import { bootDatabase, stopEmbeddedDatabase } from "@/lib/db/boot";

bootDatabase()
  .then(async ({ databaseUrl, isEmbedded }) => {
    console.log(
      `migrations up to date on ${isEmbedded ? "the embedded database" : databaseUrl.replace(/:[^:@/]+@/, ":***@")}`,
    );
    await stopEmbeddedDatabase();
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
