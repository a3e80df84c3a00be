// npm run db:seed [-- --demo] — boots the database (embedded or DATABASE_URL), makes sure the bootstrap business
// exists, and with --demo fills it with a few weeks of realistic activity (idempotent).
import { bootstrapBusiness } from "@/lib/business/bootstrap-business";
import { bootDatabase, stopEmbeddedDatabase } from "@/lib/db/boot";
import { db, disconnectDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";

async function main() {
  const isDemo = process.argv.includes("--demo");
  await bootDatabase();
  await bootstrapBusiness();
  if (isDemo) {
    const business = await db.business.findFirstOrThrow({
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true },
    });
    const result = await seedDemo({ businessId: business.id });
    console.log(
      result.created
        ? `Demo data added to ${business.name}: ${JSON.stringify(result)}`
        : `Demo data already present in ${business.name}; nothing changed.`,
    );
  } else {
    console.log("Database ready. Add --demo to fill it with demo data.");
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await disconnectDb();
    await stopEmbeddedDatabase();
  });
