// The caller's voicemail (and later its transcript) joins the thread as an event; the call keeps the URL. A new
// voicemail is news: its conversation moves to the top of the inbox, unread, with the voicemail as its preview.
import { sql } from "kysely";
import { runTransaction } from "@/lib/db/run-transaction";

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
  const recordingUrl = input.recordingUrl;
  if (!recordingUrl) return;
  await runTransaction(async (tx, outbox) => {
    // Only the first delivery stores it: a repeated recording webhook changes nothing and logs nothing.
    const call = await tx
      .updateTable("Call")
      .set({
        voicemailUrl: recordingUrl,
        recordingSid: input.recordingSid ?? null,
        voicemailDurationSec: input.durationSec ?? null,
        updatedAt: new Date(),
      })
      .where("callSid", "=", input.callSid)
      .where("voicemailUrl", "is", null)
      .returning(["id", "businessId", "threadId", "leadId"])
      .executeTakeFirst();
    if (!call) return;
    if (call.threadId) {
      await tx
        .updateTable("Thread")
        .set({
          lastMessageAt: new Date(),
          lastMessagePreview: voicemailPreview(input.durationSec),
          unreadCount: sql`"unreadCount" + 1`,
          updatedAt: new Date(),
        })
        .where("id", "=", call.threadId)
        .where("businessId", "=", call.businessId)
        .execute();
    }
    outbox.record(
      "call.voicemail",
      // The recording is named by its sid: its Twilio URL stays on the call row, off the thread API.
      { recordingSid: input.recordingSid ?? null, durationSec: input.durationSec ?? null },
      {
        businessId: call.businessId,
        threadId: call.threadId,
        leadId: call.leadId,
        callId: call.id,
        actor: { kind: "customer" },
      },
    );
  });
}

export async function recordTranscription(input: { callSid: string; text: string; status: string }) {
  const transcript = input.text.trim();
  if (input.status !== "completed" || !transcript) return;
  await runTransaction(async (tx, outbox) => {
    const call = await tx
      .updateTable("Call")
      .set({ voicemailTranscript: transcript, updatedAt: new Date() })
      .where("callSid", "=", input.callSid)
      .where("voicemailTranscript", "is", null)
      .returning(["id", "businessId", "threadId", "leadId", "voicemailDurationSec"])
      .executeTakeFirst();
    if (!call) return;
    if (call.threadId) {
      // Still the newest thing in the conversation (the preview is the voicemail's): show what was said.
      await tx
        .updateTable("Thread")
        .set({ lastMessagePreview: `Voicemail: “${transcript}”`.slice(0, PREVIEW_CHARS), updatedAt: new Date() })
        .where("id", "=", call.threadId)
        .where("businessId", "=", call.businessId)
        .where("lastMessagePreview", "=", voicemailPreview(call.voicemailDurationSec))
        .execute();
    }
    outbox.record(
      "call.voicemail",
      { transcript: transcript.slice(0, 2000) },
      {
        businessId: call.businessId,
        threadId: call.threadId,
        leadId: call.leadId,
        callId: call.id,
        actor: { kind: "twilio" },
      },
    );
  });
}
