// The conversation so far, as chat messages: customer texts are `user` content only (data, never instructions);
// everything we sent is `assistant`. Keywords (STOP/START/HELP) and escalation texts to the professional are left out.
import type { ModelMessage } from "ai";
import { sqlDb } from "@/lib/db/kysely";
import { isConsentKeyword } from "@/lib/consent/classify-consent";

export type ConversationLine = { role: "user" | "assistant"; text: string; purpose: string; createdAt: Date };

export async function loadConversation(threadId: string, limit = 30): Promise<ConversationLine[]> {
  // Read on every AI turn: typed SQL (the AI's own overhead is measured by the bench).
  const rows = await sqlDb()
    .selectFrom("Message")
    .select(["direction", "body", "purpose", "createdAt"])
    .where("threadId", "=", threadId)
    .where("purpose", "not in", ["escalation", "keyword_reply", "consent_reply"])
    .where("status", "not in", ["failed", "canceled"])
    .orderBy("createdAt", "desc")
    .limit(limit)
    .execute();
  return rows
    .reverse()
    .filter((row) => !(row.direction === "inbound" && isConsentKeyword(row.body)))
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
