// Idempotency on CallSid: insert-or-find the Call and lock its row for the rest of the unit of work, in one
// statement (ON CONFLICT DO UPDATE takes the row lock), so the same webhook delivered five times at once is
// processed once and the others see the finished row.
import { sql, type Selectable } from "kysely";
import { newId } from "@/lib/db/new-id";
import type { Queryable } from "@/lib/db/kysely";
import type { Call } from "@/lib/db/generated/kysely-types";
import { isSetupTestPhone } from "@/lib/setup-test/test-caller";

export type LockedCall = Selectable<Call>;

export async function lockCallInTx(
  tx: Queryable,
  { businessId, callSid, from, to }: { businessId: string; callSid: string; from: string; to: string },
): Promise<LockedCall> {
  // A call from the reserved "test my setup" caller is a test call: kept out of the metrics.
  const { rows } = await sql<LockedCall>`
    INSERT INTO "Call" (id, "businessId", "callSid", "fromNumber", "toNumber", "isTest", "updatedAt")
    VALUES (${newId()}, ${businessId}, ${callSid}, ${from}, ${to}, ${isSetupTestPhone(from)}, now())
    ON CONFLICT ("callSid") DO UPDATE SET "callSid" = EXCLUDED."callSid"
    RETURNING *`.execute(tx);
  return rows[0]!;
}
