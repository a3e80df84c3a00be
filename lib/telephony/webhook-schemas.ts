// zod schemas of the Twilio webhook parameters we rely on. Unknown extra parameters pass through untouched.
import { z } from "zod";

const callSid = z.string().regex(/^CA[0-9a-fA-F]{32}$/, "CallSid");
const messageSid = z.string().regex(/^(SM|MM)[0-9a-zA-Z]{32}$/, "MessageSid");
const seconds = z.coerce.number().int().min(0).optional();

export const voiceParamsSchema = z.object({
  CallSid: callSid,
  From: z.string().default(""),
  To: z.string().min(1),
  CallStatus: z.string().default("ringing"),
});

export const dialActionParamsSchema = z.object({
  CallSid: callSid,
  From: z.string().default(""),
  To: z.string().min(1),
  DialCallStatus: z.string().min(1),
  DialCallDuration: seconds,
});

export const whisperParamsSchema = z.object({ parentCallSid: callSid });
export const whisperResultParamsSchema = whisperParamsSchema.extend({ Digits: z.string().default("") });

export const recordingParamsSchema = z.object({
  CallSid: callSid,
  RecordingSid: z.string().optional(),
  RecordingUrl: z.string().url().optional(),
  RecordingDuration: seconds,
});

export const transcriptionParamsSchema = z.object({
  CallSid: callSid,
  TranscriptionText: z.string().default(""),
  TranscriptionStatus: z.string().default("completed"),
  RecordingUrl: z.string().optional(),
});

export const messageStatusParamsSchema = z.object({
  MessageSid: messageSid,
  MessageStatus: z.string().min(1),
  ErrorCode: z.coerce.number().int().optional(),
  ErrorMessage: z.string().optional(),
});
