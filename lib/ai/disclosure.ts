// The first AI-written message of a thread says who is writing: the business's virtual assistant (several US states
// require it). On by default; the owner may word it ({business} is the business's name) or switch it off. Model and
// scripted assistant alike: it is added where every AI reply passes, once per thread.
import { sqlDb } from "@/lib/db/kysely";
import type { ReplyLanguage } from "@/lib/language/languages";

export const defaultDisclosures: Record<ReplyLanguage, (business: string) => string> = {
  en: (business) => `Hi, this is ${business}'s virtual assistant.`,
  es: (business) => `Hola, le escribe el asistente virtual de ${business}.`,
};

export function disclosureText(business: { name: string; aiDisclosureText: string }, language: ReplyLanguage): string {
  const custom = business.aiDisclosureText.trim();
  return custom ? custom.replaceAll("{business}", business.name) : defaultDisclosures[language](business.name);
}

/** The reply, introduced when it is the thread's first AI-written message and the business keeps disclosure on. */
export async function withDisclosure({
  threadId,
  business,
  language,
  text,
}: {
  threadId: string;
  business: { name: string; aiDisclosure: boolean; aiDisclosureText: string };
  language: ReplyLanguage;
  text: string;
}): Promise<string> {
  if (!business.aiDisclosure) return text;
  const earlier = await sqlDb()
    .selectFrom("Message")
    .select("id")
    .where("threadId", "=", threadId)
    .where("direction", "=", "outbound")
    .where("authorKind", "=", "ai")
    .limit(1)
    .executeTakeFirst();
  return earlier ? text : `${disclosureText(business, language)} ${text}`;
}
