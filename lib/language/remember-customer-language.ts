// Keeps the customer's language on the lead as their texts arrive: detected from their last few messages together
// (one "ok" says nothing), never over a language a person chose. Runs inside the inbound message's unit of work.
import type { Tx } from "@/lib/db/kysely";
import { detectLanguage } from "@/lib/language/detect-language";

export async function rememberCustomerLanguage(
  tx: Tx,
  { leadId, threadId }: { leadId: string; threadId: string },
): Promise<void> {
  const lead = await tx
    .selectFrom("Lead")
    .select(["language", "languageSource"])
    .where("id", "=", leadId)
    .executeTakeFirstOrThrow();
  if (lead.languageSource === "owner") return;
  const recent = await tx
    .selectFrom("Message")
    .select("body")
    .where("threadId", "=", threadId)
    .where("direction", "=", "inbound")
    .orderBy("createdAt", "desc")
    .limit(5)
    .execute();
  const detected = await detectLanguage(
    recent
      .reverse()
      .map((message) => message.body)
      .join("\n"),
  );
  if (!detected || (detected === lead.language && lead.languageSource === "detected")) return;
  await tx
    .updateTable("Lead")
    .set({ language: detected, languageSource: "detected", updatedAt: new Date() })
    .where("id", "=", leadId)
    .execute();
}
