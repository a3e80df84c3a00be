// Every AI tool call is in the thread's Event log with its arguments.
import type { Outbox } from "@/lib/db/run-transaction";
import type { TurnContext } from "@/lib/ai/turn-context";

export function recordToolCall(outbox: Outbox, context: TurnContext, tool: string, args: Record<string, unknown>) {
  outbox.record(
    "ai.tool_call",
    { tool, arguments: args, generationId: context.generationId },
    { businessId: context.businessId, threadId: context.threadId, leadId: context.leadId, actor: { kind: "ai" } },
  );
}
