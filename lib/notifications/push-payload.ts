// What a push carries: ids and a short preview, never a whole conversation. Web push limits the encrypted record,
// leaving 3,993 bytes of plaintext; previews are trimmed until the JSON fits.
import type { NotificationKind } from "@prisma/client";

export const MAX_PUSH_PAYLOAD_BYTES = 3_993;

/** What a tap on a notification's button does (the service worker runs it with the member's session). */
export type PushActionId = "takeover" | "let-ai" | "call-back" | "draft-send" | "draft-edit";
export type PushAction = { action: PushActionId; title: string };

export type PushPayload = {
  notificationId: string;
  threadId: string | null;
  kind: NotificationKind;
  title: string;
  body: string;
  url: string;
  urgent: boolean;
  /** when the AI answers if nobody acts (ISO), the same deadline the thread shows; null: no AI answer is pending */
  aiDueAt?: string | null;
  /** the AI will not answer: the customer waits on a person */
  waitingOnPerson?: boolean;
  /** the notification's buttons, most useful first (a phone that shows fewer keeps the first ones) */
  actions?: PushAction[];
  /** kind ai_draft: the draft that the notification's Send action sends */
  draftId?: string | null;
};

const takeOver: PushAction = { action: "takeover", title: "Take over" };
const letAiHandle: PushAction = { action: "let-ai", title: "Let AI handle" };
const callBack: PushAction = { action: "call-back", title: "Call back" };
/** An AI draft waiting for approval: Send sends exactly that draft; Edit opens the thread with it in the reply box. */
export const draftActions: PushAction[] = [
  { action: "draft-send", title: "Send" },
  { action: "draft-edit", title: "Edit" },
];

/**
 * The buttons of a notification about a conversation. Take over always leads. While the AI is due to answer, "Let AI
 * handle" comes next (answer now instead of waiting out the window); when the hours and availability rule leaves the
 * customer to a person, "Call back" does (the bridged call from the business number). Chrome shows two buttons.
 */
export function pushActions({ threadId, waitingOnPerson }: { threadId: string | null; waitingOnPerson: boolean }) {
  if (!threadId) return [];
  return waitingOnPerson ? [takeOver, callBack, letAiHandle] : [takeOver, letAiHandle, callBack];
}

function cut(text: string, chars: number): string {
  const characters = Array.from(text);
  return characters.length <= chars ? text : `${characters.slice(0, Math.max(chars - 1, 0)).join("")}…`;
}

/**
 * How much of an AI draft a notification carries: up to three SMS of the AI's, all of it, so Send (from the
 * notification) sends what the person read. Other previews stay short.
 */
export const DRAFT_PREVIEW_CHARS = 1000;

export function buildPushPayload(input: PushPayload): string {
  let titleChars = 120;
  // A draft is read in the notification before Send: as much of it as fits.
  let bodyChars = input.kind === "ai_draft" ? DRAFT_PREVIEW_CHARS : 240;
  for (;;) {
    const json = JSON.stringify({ ...input, title: cut(input.title, titleChars), body: cut(input.body, bodyChars) });
    if (Buffer.byteLength(json) <= MAX_PUSH_PAYLOAD_BYTES || (titleChars === 0 && bodyChars === 0)) return json;
    titleChars = Math.floor(titleChars * 0.8);
    bodyChars = Math.floor(bodyChars * 0.8);
  }
}

/** Missed calls and emergencies wake the phone; they also stay deliverable longer. */
export function pushDeliveryOptions(kind: NotificationKind, isUrgent: boolean) {
  const isHigh = isUrgent || kind === "missed_call" || kind === "called_again" || kind === "emergency";
  return { urgency: isHigh ? ("high" as const) : ("normal" as const), TTL: kind === "emergency" ? 86_400 : 3_600 };
}
