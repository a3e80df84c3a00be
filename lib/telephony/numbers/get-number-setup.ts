// What the settings page shows for number setup: in simulator mode, the URLs Ringback would set; with Twilio, the
// account's numbers with their current settings, and which of them this business already uses.
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { AccountNumber, NumberSettings } from "@/lib/telephony/numbers/account-number";
import { expectedNumberSettings } from "@/lib/telephony/numbers/account-number";
import { listAccountNumbers } from "@/lib/telephony/numbers/list-account-numbers";

export type NumberSetup =
  | { mode: "simulator"; wouldSet: NumberSettings; businessNumbers: string[] }
  | {
      mode: "twilio";
      wouldSet: NumberSettings;
      businessNumbers: string[];
      numbers: (AccountNumber & { isThisBusiness: boolean })[];
    };

export async function getNumberSetup({ businessId }: { businessId: string }): Promise<NumberSetup> {
  const rows = await db.phoneNumber.findMany({
    where: { businessId },
    orderBy: { createdAt: "asc" },
    select: { e164: true },
  });
  const businessNumbers = rows.map((row) => row.e164);
  const wouldSet = expectedNumberSettings();
  if (env().twilio.isSimulator) return { mode: "simulator", wouldSet, businessNumbers };
  const numbers = await listAccountNumbers();
  // One Twilio account serves every business here: numbers another business uses are not shown.
  const taken = await db.phoneNumber.findMany({
    where: { e164: { in: numbers.map((number) => number.phoneNumber) }, businessId: { not: businessId } },
    select: { e164: true },
  });
  const takenNumbers = new Set(taken.map((row) => row.e164));
  return {
    mode: "twilio",
    wouldSet,
    businessNumbers,
    numbers: numbers
      .filter((number) => !takenNumbers.has(number.phoneNumber))
      .map((number) => ({ ...number, isThisBusiness: businessNumbers.includes(number.phoneNumber) })),
  };
}
