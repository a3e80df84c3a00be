// The caller's voicemail (and later its transcript) joins the thread as an event; the call keeps the URL. A new
// voicemail is news: its conversation moves to the top of the inbox, unread, with the voicemail as its preview.
import { db } from "@/lib/db/client";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";

const PREVIEW_CHARS = 140;

export function voicemailPreview(durationSec: number | null | undefined): string {
  return durationSec ? `Voicemail (${durationSec} s)` : "Voicemail";
}

/** The inbox row's preview was written by a voicemail (not copied from a message). */
export function isVoicemailPreview(preview: string): boolean {
  return preview.startsWith("Voicemail");
}

export async function recordVoicemail(input: {
  callSid: string;
  recordingSid?: string;
  recordingUrl?: string;
  durationSec?: number;
}) {
  const call = await db.call.findUnique({ where: { callSid: input.callSid }, select: { id: true } });
  if (!call || !input.recordingUrl) return;
  const events = await db.$transaction(async (tx) => {
    const changed = await tx.call.updateMany({
      where: { id: call.id, voicemailUrl: null },
      data: {
        voicemailUrl: input.recordingUrl,
        recordingSid: input.recordingSid ?? null,
        voicemailDurationSec: input.durationSec ?? null,
      },
    });
    if (changed.count === 0) return [];
    const stored = await tx.call.findUniqueOrThrow({
      where: { id: call.id },
      select: { businessId: true, threadId: true, leadId: true },
    });
    if (stored.threadId) {
      await tx.thread.updateMany({
        where: { id: stored.threadId, businessId: stored.businessId },
        data: {
          lastMessageAt: new Date(),
          lastMessagePreview: voicemailPreview(input.durationSec),
          unreadCount: { increment: 1 },
        },
      });
    }
    return [
      await recordEvent(
        {
          businessId: stored.businessId,
          threadId: stored.threadId,
          leadId: stored.leadId,
          callId: call.id,
          type: "call.voicemail",
          actor: { kind: "customer" },
          // The recording is named by its sid: its Twilio URL stays on the call row, off the thread API.
          payload: { recordingSid: input.recordingSid ?? null, durationSec: input.durationSec ?? null },
        },
        tx,
      ),
    ];
  });
  await publishRecordedEvents(events);
}

export async function recordTranscription(input: { callSid: string; text: string; status: string }) {
  if (input.status !== "completed" || !input.text.trim()) return;
  const events = await db.$transaction(async (tx) => {
    const call = await tx.call.findUnique({
      where: { callSid: input.callSid },
      select: { id: true, businessId: true, threadId: true, leadId: true, voicemailDurationSec: true },
    });
    if (!call) return [];
    const changed = await tx.call.updateMany({
      where: { id: call.id, voicemailTranscript: null },
      data: { voicemailTranscript: input.text.trim() },
    });
    if (changed.count === 0) return [];
    if (call.threadId) {
      // Still the newest thing in the conversation (the preview is the voicemail's): show what was said.
      await tx.thread.updateMany({
        where: {
          id: call.threadId,
          businessId: call.businessId,
          lastMessagePreview: voicemailPreview(call.voicemailDurationSec),
        },
        data: { lastMessagePreview: `Voicemail: “${input.text.trim()}”`.slice(0, PREVIEW_CHARS) },
      });
    }
    return [
      await recordEvent(
        {
          businessId: call.businessId,
          threadId: call.threadId,
          leadId: call.leadId,
          callId: call.id,
          type: "call.voicemail",
          actor: { kind: "twilio" },
          payload: { transcript: input.text.trim().slice(0, 2000) },
        },
        tx,
      ),
    ];
  });
  await publishRecordedEvents(events);
}
