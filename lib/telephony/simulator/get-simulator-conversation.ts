// What the simulated phone shows: every text between the business and this caller, oldest first.
import { db } from "@/lib/db/client";

export async function getSimulatorConversation({ businessId, phone }: { businessId: string; phone: string }) {
  const messages = await db.message.findMany({
    where: {
      businessId,
      OR: [
        { direction: "outbound", toNumber: phone },
        { direction: "inbound", fromNumber: phone },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: { id: true, direction: true, body: true, status: true, purpose: true, authorKind: true, createdAt: true },
  });
  // The phone only "receives" what actually left: queued/sending messages are not on the handset yet.
  return messages.filter(
    (message) => message.direction === "inbound" || ["sent", "delivered"].includes(message.status),
  );
}
