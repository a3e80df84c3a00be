// The calls the simulated handset "receives": a professional's Call back rings the customer from the business
// number (outbound Calls to this phone; in simulator mode nothing dials out, so this is where it shows).
import { db } from "@/lib/db/client";

export async function getSimulatorIncomingCalls({ businessId, phone }: { businessId: string; phone: string }) {
  const calls = await db.call.findMany({
    where: { businessId, direction: "outbound", toNumber: phone },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, fromNumber: true, status: true, createdAt: true },
  });
  return calls.map((call) => ({ id: call.id, from: call.fromNumber, status: call.status, createdAt: call.createdAt }));
}
