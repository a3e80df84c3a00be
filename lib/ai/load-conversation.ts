// The conversation so far, as chat messages: customer texts are `user` content only (data, never instructions);
// everything we sent is `assistant`. Keywords (STOP/START/HELP) and escalation texts to the professional are left out.
import type { ModelMessage } from "ai";
import { db } from "@/lib/db/client";
import { detectKeyword } from "@/lib/conversations/keywords";

export type ConversationLine = { role: "user" | "assistant"; text: string; purpose: string; createdAt: Date };

export async function loadConversation(threadId: string, limit = 30): Promise<ConversationLine[]> {
  const rows = await db.message.findMany({
    where: { threadId, purpose: { notIn: ["escalation", "keyword_reply"] }, status: { notIn: ["failed", "canceled"] } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { direction: true, body: true, purpose: true, createdAt: true },
  });
  return rows
    .reverse()
    .filter((row) => !(row.direction === "inbound" && detectKeyword(row.body)))
    .map((row) => ({
      role: row.direction === "inbound" ? "user" : "assistant",
      text: row.body || "[photo]",
      purpose: row.purpose,
      createdAt: row.createdAt,
    }));
}

export function toModelMessages(lines: ConversationLine[]): ModelMessage[] {
  return lines.map((line) => ({ role: line.role, content: line.text }));
}
