// The "test my setup" caller: numbers in Twilio's reserved 500-555 test range. Nothing real ever answers them: the
// send job never hands a message to them to Twilio, and their leads and threads stay out of every count, list,
// metric and export (the filters below are the one way to say so).
import { randomInt } from "node:crypto";
import { Prisma } from "@prisma/client";

export const SETUP_TEST_CALLER_PREFIX = "+1500555";

export function isSetupTestPhone(phone: string | null | undefined): boolean {
  return Boolean(phone?.startsWith(SETUP_TEST_CALLER_PREFIX));
}

/** A fresh test caller per run (1000–9999: clear of Twilio's magic 000x numbers), so the repeat-caller rule never hides a run. */
export function newSetupTestCaller(): string {
  return `${SETUP_TEST_CALLER_PREFIX}${randomInt(1000, 10_000)}`;
}

/** Prisma filter for leads of real customers: spread it into a `LeadWhereInput` (it owns the `NOT` key). */
export const customerLeadsOnly = {
  NOT: { phone: { startsWith: SETUP_TEST_CALLER_PREFIX } },
} satisfies Prisma.LeadWhereInput;

/** The same rule in SQL, for the lead table under `alias` (a fixed identifier of ours, never user input). */
export function sqlIsCustomerLead(alias: "l"): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(`${alias}."phone"`)} NOT LIKE ${`${SETUP_TEST_CALLER_PREFIX}%`}`;
}
