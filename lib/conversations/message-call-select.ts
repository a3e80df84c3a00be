// What a conversation's messages and calls look like wherever the app shows them (the thread view and the lead
// detail): one select for each, and one way to present a call, so the two views never disagree on a field.
import type { Prisma } from "@prisma/client";
import { voicemailUrlFor } from "@/lib/calls/voicemail-url";
import { attachmentsOf } from "@/lib/messages/message-attachments";

export const messageSelect = {
  id: true,
  direction: true,
  authorKind: true,
  purpose: true,
  body: true,
  status: true,
  errorCode: true,
  createdAt: true,
  messageSid: true,
  mediaUrls: true,
  mediaContentTypes: true,
  authorUser: { select: { id: true, name: true } },
} satisfies Prisma.MessageSelect;

export const callSelect = {
  id: true,
  direction: true,
  createdAt: true,
  status: true,
  dialStatus: true,
  isMissed: true,
  missReason: true,
  skipReason: true,
  isRepeat: true,
  isTest: true,
  smsAcceptedAt: true,
  detectedAt: true,
  voicemailUrl: true,
  recordingSid: true,
  voicemailDurationSec: true,
  voicemailTranscript: true,
} satisfies Prisma.CallSelect;

type SelectedMessage = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;
type SelectedCall = Prisma.CallGetPayload<{ select: typeof callSelect }>;

/**
 * A message with its author flattened to `authorName` / `authorUserId`, and its MMS media as `attachments`: our own
 * URLs (Twilio's and the message's sid stay on the server).
 */
export function presentMessage({ authorUser, messageSid, mediaUrls, mediaContentTypes, ...message }: SelectedMessage) {
  return {
    ...message,
    authorName: authorUser?.name ?? null,
    authorUserId: authorUser?.id ?? null,
    attachments: attachmentsOf({ id: message.id, messageSid, mediaUrls, mediaContentTypes }),
  };
}

/** A call as the API shows it: Twilio's recording URL stays on the server; the app plays it through its own route. */
export function presentCall({ recordingSid, ...call }: SelectedCall) {
  return { ...call, voicemailUrl: voicemailUrlFor({ ...call, recordingSid }) };
}
