// Keeps the customer's language on the lead as their texts arrive: detected from their last few messages together
// (one "ok" says nothing), never over a language a person chose. Detection is CPU work (and loads eld the first
// time): it runs before the unit of work, so no lock is held and no timestamp inside the transaction drifts.
import { sqlDb, type Tx } from "@/lib/db/kysely";
import type { Outbox } from "@/lib/db/run-transaction";
import { detectLanguage } from "@/lib/language/detect-language";

/** The language of the customer's last five texts in the thread of `messageId`; null when they do not tell. */
export async function detectThreadLanguage({ messageId }: { messageId: string }): Promise<string | null> {
  const recent = await sqlDb()
    .selectFrom("Message as current")
    .innerJoin("Message", (join) =>
      join
        .onRef("Message.threadId", "=", "current.threadId")
        .onRef("Message.createdAt", "<=", "current.createdAt")
        .on("Message.direction", "=", "inbound"),
    )
    .select("Message.body")
    .where("current.id", "=", messageId)
    .orderBy("Message.createdAt", "desc")
    .limit(5)
    .execute();
  return detectLanguage(
    recent
      .reverse()
      .map((message) => message.body)
      .join("\n"),
  );
}

/** Inside the unit of work: store `language` on the lead unless a person chose one or it is already there. */
export function rememberCustomerLanguage(
  tx: Tx,
  outbox: Outbox,
  { leadId, language }: { leadId: string; language: string | null },
): void {
  if (!language) return;
  // Read by nothing later in the unit of work: it goes out with the commit's one statement.
  outbox.write(
    tx
      .updateTable("Lead")
      .set({ language, languageSource: "detected", updatedAt: new Date() })
      .where("id", "=", leadId)
      .where((where) => where.or([where("languageSource", "=", "unknown"), where("language", "<>", language)]))
      .where("languageSource", "<>", "owner"),
  );
}
