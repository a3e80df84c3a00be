// The language to answer a customer in: the lead's, once detected or set by a person; until then, what their texts
// so far say (the last few together read more reliably than one "ok"); English when nothing tells.
import { detectLanguage } from "@/lib/language/detect-language";
import { defaultLanguage } from "@/lib/language/languages";

export async function resolveCustomerLanguage({
  lead,
  customerTexts,
}: {
  lead: { language: string; languageSource: string };
  customerTexts: string[];
}): Promise<string> {
  if (lead.languageSource !== "unknown") return lead.language;
  return (await detectLanguage(customerTexts.slice(-5).join("\n"))) ?? defaultLanguage;
}
