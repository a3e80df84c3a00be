// The customer's language at a glance ("ES"), once Ringback has detected it or a person has set it.
import { languageName } from "@/lib/language/languages";

export function LanguageBadge({ lead }: { lead: { language: string; languageSource: string } }) {
  // English is what every conversation is in unless told otherwise: only another language earns a badge.
  if (lead.languageSource === "unknown" || lead.language === "en") return null;
  const name = languageName(lead.language) ?? lead.language;
  return (
    <span
      className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900"
      title={`Writes in ${name}`}
      data-testid="language-badge"
    >
      <span aria-hidden>{lead.language.toUpperCase()}</span>
      <span className="sr-only">Writes in {name}</span>
    </span>
  );
}
