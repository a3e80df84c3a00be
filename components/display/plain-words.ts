// What the product's internal states mean, said the way a tradesperson would say them. One place, so the inbox, the
// lead pages and the dashboard use the same words.

/** Twilio's delivery error codes a small business actually meets, in words (the code stays for support). */
const deliveryErrors: Record<number, string> = {
  21211: "not a valid phone number",
  21610: "the customer replied STOP",
  21612: "the number can't receive texts",
  21614: "not a mobile number",
  30003: "phone unreachable",
  30004: "blocked by the customer",
  30005: "the number doesn't exist",
  30006: "landline or carrier can't take texts",
  30007: "filtered as spam by the carrier",
  30008: "unknown carrier error",
  30034: "number not registered for business texting (A2P 10DLC)",
};

export function deliveryErrorText(code: number | null | undefined): string {
  if (!code) return "not delivered";
  const words = deliveryErrors[code];
  return words ? `${words} (${code})` : `error ${code}`;
}

/** "Undelivered: phone unreachable (30003)". */
export function undeliveredText(code: number | null | undefined): string {
  return `Undelivered: ${deliveryErrorText(code)}`;
}

export const messageStatusWords: Record<string, string> = {
  received: "Received",
  queued: "Sending…",
  sending: "Sending…",
  sent: "Sent",
  delivered: "Delivered",
  undelivered: "Undelivered",
  failed: "Not sent",
  canceled: "Not sent",
};

/** Who is answering the conversation now. */
export const threadModeWords: Record<string, string> = {
  auto: "Auto-reply sent, waiting for the customer",
  ai: "The assistant is handling this",
  human: "You're handling this",
  closed: "Closed",
};

/** Who did something to a lead, for its history. */
export const actorWords: Record<string, string> = {
  user: "by a team member",
  ai: "by the assistant",
  system: "automatically",
  twilio: "by the phone network",
  customer: "by the customer",
};

export const consentSourceWords: Record<string, string> = {
  keyword: "by text",
  free_text: "in their own words",
  ai_tool: "in their own words (recognised by the assistant)",
  twilio_error: "reported by the phone network",
  user: "by a team member",
  api: "by an integration",
};

/** "Opted out in their own words: “please stop texting me”" — what the customer said, as the reason. */
export function consentReasonText(change: { source: string; keyword: string | null; reason: string | null }): string {
  const how = consentSourceWords[change.source] ?? "";
  const words = change.reason ?? change.keyword;
  return words ? `${how}: “${words}”` : how;
}

/** Who wrote an outgoing message the app sent by itself, by its purpose (the auto-reply when none fits). */
const systemMessageLabels: Record<string, string> = {
  keyword_reply: "Automatic",
  consent_reply: "Opt-out confirmation",
  safety_advice: "Safety advice",
};

export function systemMessageLabel(purpose: string): string {
  return systemMessageLabels[purpose] ?? "Auto-reply";
}

/** An AI message names the person who approved it when it was a draft someone sent. */
export function aiMessageLabel(approvedBy: string | null): string {
  return approvedBy ? `AI draft · sent by ${approvedBy}` : "AI assistant";
}

/** Who wrote a message, in the thread and on the lead alike: the app's own texts by purpose, the AI, a person. */
export function messageAuthorLabel(message: {
  authorKind: "customer" | "system" | "ai" | "user";
  purpose: string;
  authorName: string | null;
}): string {
  if (message.authorKind === "system") return systemMessageLabel(message.purpose);
  if (message.authorKind === "ai") return aiMessageLabel(message.authorName);
  if (message.authorKind === "user") return message.authorName || "Team member";
  return "Customer";
}
