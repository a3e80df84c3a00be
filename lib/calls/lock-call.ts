// Idempotency on CallSid: insert-or-ignore the Call, then lock its row for the rest of the transaction, so the
// same webhook delivered five times at once is processed once and the others see the finished row.
import type { Call, Prisma } from "@prisma/client";
import { isSetupTestPhone } from "@/lib/setup-test/test-caller";

export async function lockCallInTx(
  tx: Prisma.TransactionClient,
  { businessId, callSid, from, to }: { businessId: string; callSid: string; from: string; to: string },
): Promise<Call> {
  // A call from the reserved "test my setup" caller is a test call: kept out of the metrics.
  await tx.call.createMany({
    data: [{ businessId, callSid, fromNumber: from, toNumber: to, isTest: isSetupTestPhone(from) }],
    skipDuplicates: true,
  });
  await tx.$queryRaw`SELECT id FROM "Call" WHERE "callSid" = ${callSid} FOR UPDATE`;
  return tx.call.findUniqueOrThrow({ where: { callSid } });
}
