// What the inbox receives from /api/threads and /api/threads/{id} (dates arrive as ISO strings).
export type ThreadMode = "auto" | "ai" | "human" | "closed";

export type ThreadRow = {
  id: string;
  customerPhone: string;
  mode: ThreadMode;
  holderUserId: string | null;
  isWaitingOnPerson: boolean;
  /** when the AI answers if nobody acts (ISO; null: no AI answer pending) and how far away by the server's clock */
  aiDueAt: string | null;
  aiDueInMs: number | null;
  /** the AI will not answer: the customer waits on a person */
  waitingOnPerson: boolean;
  unreadCount: number;
  lastActivityAt: string;
  lead: {
    id: string;
    name: string | null;
    status: string;
    service: string | null;
    urgency: string;
    isOptedOut: boolean;
    language: string;
    languageSource: string;
  };
  lastMessage: { body: string; direction: string | null; authorKind: string | null; at: string } | null;
};

export type ThreadMessage = {
  id: string;
  direction: "inbound" | "outbound";
  authorKind: "customer" | "system" | "ai" | "user";
  purpose: string;
  body: string;
  status: string;
  errorCode: number | null;
  createdAt: string;
  authorName: string | null;
  authorUserId: string | null;
  /** MMS media: same-origin URLs; `isImage` ones are shown as pictures, the rest as downloads */
  attachments: MessageAttachment[];
};

export type MessageAttachment = { url: string; contentType: string; isImage: boolean };

export type ThreadCall = {
  id: string;
  direction: "inbound" | "outbound";
  status: string;
  isMissed: boolean | null;
  missReason: string | null;
  voicemailUrl: string | null;
  voicemailDurationSec: number | null;
  voicemailTranscript: string | null;
  createdAt: string;
};

export type ThreadLead = {
  id: string;
  phone: string;
  name: string | null;
  address: string | null;
  service: string | null;
  problem: string | null;
  urgency: string;
  preferredTime: string | null;
  status: string;
  isOptedOut: boolean;
  language: string;
  languageSource: string;
  /** the latest opt-out or opt-in, with the customer's own words when they gave them */
  consent: ConsentRecord | null;
};

export type ConsentRecord = {
  action: "opt_out" | "opt_in";
  /** keyword | free_text | ai_tool | twilio_error | manual */
  source: string;
  keyword: string | null;
  reason: string | null;
  messageId: string | null;
  createdAt: string;
};

/** The AI's reply waiting for a person's approval ("AI suggests, I approve"). */
export type ThreadDraft = { id: string; body: string; createdAt: string; autoSendAt: string | null };

export type ThreadDetail = {
  id: string;
  mode: ThreadMode;
  isWaitingOnPerson: boolean;
  aiDueAt: string | null;
  aiDueInMs: number | null;
  waitingOnPerson: boolean;
  isAiWriting: boolean;
  aiGenerationId: string | null;
  /** the AI answered in this conversation at some point */
  hasAiTurns: boolean;
  draft: ThreadDraft | null;
  holder: { id: string; name: string; email: string } | null;
  lead: ThreadLead;
  messages: ThreadMessage[];
  calls: ThreadCall[];
  events: { id: string; type: string; actorKind: string; createdAt: string; payload: unknown }[];
};

/** One frame of /api/events or /api/threads/{id}/events. */
export type LiveFrame = { type: string; id?: string | null; threadId?: string | null; data?: Record<string, unknown> };
