// npm run db:migrate — applies pending migrations (to DATABASE_URL, or the embedded database in DATA_DIR).
import { bootDatabase, stopEmbeddedDatabase } from "@/lib/db/boot";
import { exitOnStartupError } from "./exit-on-startup-error";

bootDatabase()
  .then(async ({ databaseUrl, isEmbedded }) => {
    console.log(
      `migrations up to date on ${isEmbedded ? "the embedded database" : databaseUrl.replace(/:[^:@/]+@/, ":***@")}`,
    );
    await stopEmbeddedDatabase();
  })
  .catch(exitOnStartupError);
