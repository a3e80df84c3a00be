// zod schemas of the Twilio webhook parameters we rely on. Unknown extra parameters pass through untouched. Every
// field has a ceiling well above what Twilio sends: anything longer is not Twilio, and is refused (400) rather than
// cut (a shortened number or status would mean something else).
import { z } from "zod";

const callSid = z.string().regex(/^CA[0-9a-fA-F]{32}$/, "CallSid");
const messageSid = z.string().regex(/^(SM|MM)[0-9a-zA-Z]{32}$/, "MessageSid");
const seconds = z.coerce.number().int().min(0).max(86_400).optional();
/** A phone number, "client:…", "sip:…" or "Anonymous": Twilio's From/To. */
const address = z.string().max(256);
const status = z.string().max(40);

export const voiceParamsSchema = z.object({
  CallSid: callSid,
  From: address.default(""),
  To: address.min(1),
  CallStatus: status.default("ringing"),
});

export const dialActionParamsSchema = z.object({
  CallSid: callSid,
  From: address.default(""),
  To: address.min(1),
  DialCallStatus: status.min(1),
  DialCallDuration: seconds,
});

export const whisperParamsSchema = z.object({ parentCallSid: callSid });
export const whisperResultParamsSchema = whisperParamsSchema.extend({ Digits: z.string().max(64).default("") });

export const recordingParamsSchema = z.object({
  CallSid: callSid,
  RecordingSid: z.string().max(64).optional(),
  RecordingUrl: z.string().max(2_048).url().optional(),
  RecordingDuration: seconds,
});

export const transcriptionParamsSchema = z.object({
  CallSid: callSid,
  TranscriptionText: z.string().max(20_000).default(""),
  TranscriptionStatus: status.default("completed"),
  RecordingUrl: z.string().max(2_048).optional(),
});

export const messageStatusParamsSchema = z.object({
  MessageSid: messageSid,
  MessageStatus: status.min(1),
  ErrorCode: z.coerce.number().int().min(0).max(1_000_000).optional(),
  ErrorMessage: z.string().max(1_000).optional(),
});

/** The query of the status callback URL we give Twilio with each message (older messages have none). */
export const messageStatusQuerySchema = z.object({ messageId: z.string().min(1).max(64).optional() });

/** Twilio adds ErrorCode and ErrorUrl to the voice parameters when it falls back. */
export const voiceFallbackParamsSchema = voiceParamsSchema.extend({
  ErrorCode: z.string().max(16).optional(),
  ErrorUrl: z.string().max(2_048).optional(),
});

export const callStatusParamsSchema = z.object({
  CallSid: callSid,
  CallStatus: z.enum([
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
  From: address.default(""),
  CallDuration: seconds,
});
