// The caller's voicemail (and later its transcript) joins the thread as an event; the call keeps the URL.
import { db } from "@/lib/db/client";
import { publishRecordedEvents, recordEvent } from "@/lib/events/record-event";

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
    return [
      await recordEvent(
        {
          businessId: stored.businessId,
          threadId: stored.threadId,
          leadId: stored.leadId,
          callId: call.id,
          type: "call.voicemail",
          actor: { kind: "customer" },
          payload: { recordingUrl: input.recordingUrl, durationSec: input.durationSec ?? null },
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
      select: { id: true, businessId: true, threadId: true, leadId: true },
    });
    if (!call) return [];
    const changed = await tx.call.updateMany({
      where: { id: call.id, voicemailTranscript: null },
      data: { voicemailTranscript: input.text.trim() },
    });
    if (changed.count === 0) return [];
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
