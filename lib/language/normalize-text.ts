// Text as the consent rules read it: lower case, accents and apostrophes gone ("Don’t" → "dont", "más" → "mas"),
// split into clauses at sentence punctuation so that "The water won't stop. Text me when you're close" never reads
// as "stop text me".
export function normalizeClause(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function splitClauses(text: string): string[] {
  return text
    .split(/[.!?¡¿;\n]+|,\s|\s[-–—]\s/u)
    .map(normalizeClause)
    .filter(Boolean);
}
