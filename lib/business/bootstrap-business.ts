// First start with no business: create one from BOOTSTRAP_* (a demo business and its owner). Idempotent.
// In production with no BOOTSTRAP_OWNER_PASSWORD the owner's password is generated here, printed once to the
// console (never to the structured log), and must be changed at the first sign-in.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { defaultAutoReplyTemplate } from "@/lib/business/auto-reply-template";
import { defaultBusinessHours } from "@/lib/business/business-hours";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/db/new-id";
import { runTransaction } from "@/lib/db/run-transaction";
import { assertProductionConfig, env } from "@/lib/env";
import { logger } from "@/lib/log";
import { toE164 } from "@/lib/telephony/phone";

export async function bootstrapBusiness(): Promise<{ created: boolean }> {
  assertProductionConfig(); // also for `npm run db:seed`: never a demo owner in production
  if ((await db.business.count()) > 0) return { created: false };
  const config = env().bootstrap;
  const twilioNumber = toE164(config.twilioNumber) ?? config.twilioNumber;
  const forwardTo = toE164(config.forwardTo);
  const generatedPassword = config.ownerPassword ? null : randomBytes(15).toString("base64url");
  const passwordHash = await hashPassword(config.ownerPassword ?? generatedPassword!);
  const isCreated = await runTransaction(
    async (tx) => {
      // Re-check inside the transaction with a lock, so two processes starting together create one business.
      await sql`SELECT pg_advisory_xact_lock(4242001)`.execute(tx);
      const existing = await tx.selectFrom("Business").select("id").limit(1).executeTakeFirst();
      if (existing) return false;
      const now = new Date();
      const businessId = newId();
      await tx
        .insertInto("Business")
        .values({
          id: businessId,
          name: config.businessName,
          timezone: config.timezone,
          businessHours: JSON.stringify(defaultBusinessHours),
          forwardTo,
          autoReplyTemplate: defaultAutoReplyTemplate,
          services: "Leak repair, drain cleaning, water heaters, boiler and furnace repair, emergency call-outs",
          serviceArea: "Within 25 miles of downtown",
          updatedAt: now,
        })
        .execute();
      await tx
        .insertInto("PhoneNumber")
        .values({ id: newId(), businessId, e164: twilioNumber, label: "Main", updatedAt: now })
        .execute();
      const user = await tx
        .insertInto("User")
        .values({
          id: newId(),
          email: config.ownerEmail.toLowerCase(),
          name: "Owner",
          passwordHash,
          mustChangePassword: generatedPassword !== null,
          updatedAt: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await tx
        .insertInto("Membership")
        .values({ id: newId(), userId: user.id, businessId, role: "owner", phone: forwardTo, updatedAt: now })
        .execute();
      return true;
    },
    { jobs: false },
  );
  if (!isCreated) return { created: false };
  logger.info({ business: config.businessName, owner: config.ownerEmail }, "bootstrap business created");
  if (generatedPassword) printGeneratedPassword(config.ownerEmail, generatedPassword);
  return { created: true };
}

/** Once, on the console only: the operator needs it to sign in, and it stops working at the first sign-in. */
function printGeneratedPassword(email: string, password: string) {
  process.stdout.write(
    `\nRingback created the owner account ${email} with the one-time password:\n\n    ${password}\n\n` +
      "Sign in with it now: Ringback asks for a new password at once. It is not shown again.\n\n",
  );
}
