// Every AI tool call is in the thread's Event log with its arguments.
import type { Prisma } from "@prisma/client";
import { recordEvent } from "@/lib/events/record-event";
import type { TurnContext } from "@/lib/ai/turn-context";

export function recordToolCall(
  tx: Prisma.TransactionClient,
  context: TurnContext,
  tool: string,
  args: Record<string, unknown>,
) {
  return recordEvent(
    {
      businessId: context.businessId,
      threadId: context.threadId,
      leadId: context.leadId,
      type: "ai.tool_call",
      actor: { kind: "ai" },
      payload: { tool, arguments: args, generationId: context.generationId } as Prisma.InputJsonValue,
    },
    tx,
  );
}
