// Every event the append-only log can hold: its name and the zod schema of its payload. `outbox.record` and
// `recordEvent` accept only these names (an unknown name does not compile) and parse the payload before it is
// stored, so what the thread view, the lead history and the metrics read back has one known shape per name.
// A new kind of event starts here.
import { z } from "zod";
import { missReasons } from "@/lib/calls/miss-reason";

const id = z.string().min(1);
const nullableId = id.nullable();
const phoneOrMasked = z.string().min(1);

const callSkipReason = z.enum([
  "opted_out",
  "anonymous",
  "invalid_number",
  "ignored",
  "own_number",
  "repeat_caller",
  "landline",
  "rejected",
  "too_old",
]);
const threadMode = z.enum(["auto", "ai", "human", "closed"]);
const messageStatus = z.enum([
  "received",
  "queued",
  "sending",
  "sent",
  "delivered",
  "undelivered",
  "failed",
  "canceled",
]);
const messagePurpose = z.enum([
  "inbound",
  "auto_reply",
  "follow_up",
  "ai_reply",
  "manual",
  "keyword_reply",
  "escalation",
  "consent_reply",
  "safety_advice",
]);
const leadStatus = z.enum(["new", "contacted", "qualified", "won", "lost"]);
const draftVia = z.enum(["thread", "push", "auto_send"]);
const draftDiscardReason = z.enum(["discarded", "taken_over", "manual_reply", "customer_message", "superseded"]);
const consentSource = z.enum(["keyword", "twilio_error", "manual", "free_text", "ai_tool"]);

export const eventCatalogue = {
  // calls
  "call.missed": z.object({
    callSid: z.string(),
    missReason: z.enum(missReasons),
    skipReason: callSkipReason.nullable(),
    isRepeat: z.boolean(),
    autoReplyMessageId: nullableId,
    /** how Ringback learned of it: absent = the webhook */
    detectedBy: z.enum(["webhook", "reconciliation"]).optional(),
  }),
  "call.answered": z.object({ callSid: z.string(), dialDurationSec: z.number().int().nullable() }),
  "call.screened": z.object({ callSid: z.string() }),
  /** the recording (from the recording webhook) or, later, its transcript */
  "call.voicemail": z.union([
    z.object({ recordingSid: z.string().nullable(), durationSec: z.number().int().nullable() }),
    z.object({ transcript: z.string() }),
  ]),
  "call.call_back": z.object({
    callSid: z.string(),
    professionalPhone: z.string(),
    customerPhone: z.string(),
    businessNumber: z.string(),
    simulated: z.boolean(),
  }),
  /** how a call Ringback placed (Call back) is going, as Twilio reports it */
  "call.status": z.object({
    status: z.enum([
      "queued",
      "initiated",
      "ringing",
      "in-progress",
      "completed",
      "busy",
      "failed",
      "no-answer",
      "canceled",
    ]),
  }),

  // leads
  "lead.created": z.object({ source: z.enum(["call", "text"]) }),
  /** what changed (field names), or a status the system moved on its own with the reason */
  "lead.updated": z.union([
    z.object({ fields: z.array(z.string()) }),
    z.object({ status: leadStatus, reason: z.string() }),
  ]),
  /** an emergency recognised in the conversation: at receipt (the deterministic check) or by the model's tool */
  "lead.emergency": z.object({
    reason: z.string(),
    source: z.enum(["receipt", "ai_tool"]),
    isNewAlert: z.boolean(),
    adviceMessageId: nullableId,
  }),
  "lead.status_changed": z.object({ from: z.string(), to: leadStatus, valueCents: z.number().int().nullable() }),

  // messages
  "message.received": z.object({ messageId: id }),
  "message.queued": z.object({ messageId: id, purpose: messagePurpose }),
  "message.status": z.object({
    messageId: id,
    status: messageStatus,
    errorCode: z.number().int().nullable().optional(),
    reason: z.string().optional(),
  }),

  // threads
  "thread.mode_changed": z.object({ from: threadMode, to: threadMode, reason: z.string() }),
  "thread.taken_over": z.object({
    via: z.string(),
    previousMode: z.string(),
    previousHolderUserId: nullableId,
    abandonedGenerationId: nullableId,
  }),
  "thread.released": z.object({
    previousMode: z.string(),
    previousHolderUserId: nullableId,
    now: z.boolean(),
    via: z.string(),
  }),
  "thread.handed_off": z.object({ reason: z.string() }),
  "thread.waiting_on_person": z.object({ reason: z.enum(["business_hours", "ai_disabled"]) }),

  // consent
  /** `reason`: the customer's own words (free text) or the model's reason (its opt_out tool) */
  "consent.opted_out": z.object({
    source: consentSource,
    keyword: z.string().optional(),
    reason: z.string().optional(),
    messageSid: z.string().nullable().optional(),
    messageId: nullableId.optional(),
    errorCode: z.number().int().optional(),
  }),
  "consent.opted_in": z.object({
    source: consentSource,
    keyword: z.string().optional(),
    reason: z.string().optional(),
    messageSid: z.string().nullable().optional(),
    messageId: nullableId.optional(),
  }),

  // the AI
  "ai.tool_call": z.object({ tool: z.string(), arguments: z.record(z.string(), z.unknown()), generationId: id }),
  "ai.usage": z.object({
    generationId: id,
    reason: z.string(),
    model: z.string(),
    usage: z.unknown(),
    attempts: z.number().int(),
  }),
  "ai.error": z.object({ generationId: id, attempt: z.number().int(), error: z.string() }),
  "ai.abandoned": z.object({ generationId: id, stage: z.enum(["streaming", "sending"]) }),
  "ai.blocked_reply": z.object({ generationId: id, reasons: z.array(z.string()), blockedText: z.string() }),

  // drafts ("AI suggests, I approve"): who wrote, edited, sent or dropped each one is the event's actor
  "draft.created": z.object({ draftId: id, generationId: id, body: z.string(), autoSendAt: z.string().nullable() }),
  /** a person changed the AI's text before sending it */
  "draft.edited": z.object({ draftId: id, body: z.string(), previousBody: z.string() }),
  /** approved: by a person (from the thread or the notification) or by the auto-send delay */
  "draft.sent": z.object({ draftId: id, via: draftVia, messageIds: z.array(id), isEdited: z.boolean() }),
  "draft.discarded": z.object({ draftId: id, reason: draftDiscardReason }),

  // notifications
  "notification.escalated": z.object({
    notificationId: id,
    userId: id,
    kind: z.string(),
    call: z.boolean(),
  }),
  "notification.emergency_call": z.object({
    to: phoneOrMasked,
    callSid: z.string().nullable(),
    simulated: z.boolean(),
    error: z.string().nullable(),
  }),

  // settings and the team
  "business.updated": z.object({ fields: z.array(z.string()), available: z.boolean().optional() }),
  "business.availability_changed": z.object({ fields: z.array(z.string()), available: z.boolean().optional() }),
  "member.added": z.object({ userId: id, role: z.enum(["owner", "member"]) }),
  "member.removed": z.object({ userId: id }),
} as const;

export type EventName = keyof typeof eventCatalogue;
export type EventPayload<Name extends EventName> = z.input<(typeof eventCatalogue)[Name]>;

export const actorKinds = ["system", "customer", "ai", "user", "twilio"] as const;
export type ActorKind = (typeof actorKinds)[number];
/** Who did it: a person (`user`, with their id), the customer, the AI, Twilio, or Ringback itself. */
export type Actor = { kind: ActorKind; userId?: string | null };

/** What an event is about, and who did it. Every event belongs to one business. */
export type EventRefs = {
  businessId: string;
  threadId?: string | null;
  leadId?: string | null;
  callId?: string | null;
  actor: Actor;
};

/** A validated event, ready to insert. */
export type EventRow = {
  businessId: string;
  threadId: string | null;
  leadId: string | null;
  callId: string | null;
  type: EventName;
  actorKind: ActorKind;
  actorUserId: string | null;
  payload: unknown;
};

/** Parses the payload against the catalogue (throws a ZodError on a wrong shape) and flattens the refs. */
export function toEventRow<Name extends EventName>(name: Name, payload: EventPayload<Name>, refs: EventRefs): EventRow {
  const schema = eventCatalogue[name] as z.ZodType;
  return {
    businessId: refs.businessId,
    threadId: refs.threadId ?? null,
    leadId: refs.leadId ?? null,
    callId: refs.callId ?? null,
    type: name,
    actorKind: refs.actor.kind,
    actorUserId: refs.actor.userId ?? null,
    payload: schema.parse(payload),
  };
}
