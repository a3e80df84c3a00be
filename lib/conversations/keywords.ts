// Carrier-style SMS keywords. They are matched before anything else and never reach the AI.
// One word, any case, surrounding spaces/punctuation ignored — exactly what carriers and Twilio treat as keywords.
export const optOutKeywords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"] as const;
export const optInKeywords = ["START", "YES", "UNSTOP"] as const;
export const helpKeywords = ["HELP", "INFO"] as const;

export type KeywordMatch = { kind: "opt_out" | "opt_in" | "help"; keyword: string };

export function detectKeyword(body: string): KeywordMatch | null {
  const word = body
    .trim()
    .replace(/[.!?\s]+$/u, "")
    .toUpperCase();
  if (!/^[A-Z]+$/.test(word)) return null;
  if ((optOutKeywords as readonly string[]).includes(word)) return { kind: "opt_out", keyword: word };
  if ((optInKeywords as readonly string[]).includes(word)) return { kind: "opt_in", keyword: word };
  if ((helpKeywords as readonly string[]).includes(word)) return { kind: "help", keyword: word };
  return null;
}

// A customer asking in their own words to stop ("please stop texting me") is not a carrier opt-out, but the AI
// must not argue or continue: the thread goes to a person.
const informalStopPatterns = [
  /\bstop\s+(?:texting|messaging|txting|sending|contacting|bothering)\b/i,
  /\b(?:don'?t|do not|dont|never)\s+(?:text|message|contact|txt)\s+me\b/i,
  /\bleave me alone\b/i,
  /\bremove me\b/i,
  /\b(?:take|delete) me off\b/i,
  /\bno more (?:texts|messages)\b/i,
];

export function isInformalStopRequest(body: string): boolean {
  return informalStopPatterns.some((pattern) => pattern.test(body));
}
