// The business settings as /api/business reads and writes them (docs/api.md), validated in and out.
import { z } from "zod";
import {
  autoReplyLanguages,
  describeUnknownPlaceholders,
  findUnknownPlaceholders,
} from "@/lib/business/auto-reply-template";
import { businessHoursSchema, isValidTimeZone } from "@/lib/business/business-hours";
import { e164Schema } from "@/lib/telephony/phone";

const text = (max: number) => z.string().trim().max(max);

const template = text(480)
  .min(1, "The auto-reply cannot be empty.")
  .refine((value) => findUnknownPlaceholders(value).length === 0, {
    error: (issue) => describeUnknownPlaceholders(findUnknownPlaceholders(String(issue.input))),
  });

export const businessPatchSchema = z
  .object({
    name: text(120).min(1, "The business needs a name."),
    timezone: z.string().refine(isValidTimeZone, "Use an IANA timezone such as America/Chicago."),
    businessHours: businessHoursSchema,
    available: z.boolean(),
    routingMode: z.enum(["ring_first", "forwarded"]),
    forwardTo: e164Schema.nullable(),
    ringTimeoutSeconds: z.number().int().min(5).max(60),
    whisperEnabled: z.boolean(),
    minAnsweredSeconds: z.number().int().min(0).max(60),
    repeatWindowMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    ignoreList: z.array(e164Schema).max(500),
    autoReplyTemplate: template,
    autoReplyTemplateEs: template,
    autoReplyLanguage: z.enum(autoReplyLanguages, "Choose en, es or en+es."),
    greetingMessage: text(300),
    lookupEnabled: z.boolean(),
    followUpEnabled: z.boolean(),
    followUpDelayMinutes: z
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 60),
    escalationEnabled: z.boolean(),
    escalationDelayMinutes: z.number().int().min(1).max(120),
    emergencyCallEnabled: z.boolean(),
    emergencyAdvice: z.boolean(),
    aiEnabled: z.boolean(),
    aiInstructions: text(4000),
    aiMaxTurns: z.number().int().min(1).max(50),
    aiDisclosure: z.boolean(),
    aiDisclosureText: text(200),
    aiReplyMode: z.enum(["auto", "approve"], "Choose auto (the AI sends) or approve (a person approves each reply)."),
    /** a draft nobody acted on goes out after this many minutes; null: never */
    aiDraftAutoSendMinutes: z
      .number()
      .int("Use whole minutes.")
      .min(1, "Use at least 1 minute, or never.")
      .max(24 * 60, "Use at most 1,440 minutes (a day), or never.")
      .nullable(),
    /** the human-priority window in seconds; null: the server's default */
    aiEngageDelaySeconds: z
      .number()
      .int("Use whole seconds.")
      .min(0, "Use 0 seconds or more.")
      .max(86_400, "Use at most 86,400 seconds (a day).")
      .nullable(),
    services: text(2000),
    serviceArea: text(1000),
    bookingUrl: z
      .string()
      .trim()
      .max(500)
      .refine((value) => /^https?:\/\/\S+$/.test(value), "Use a full https:// link.")
      .nullable(),
    priceList: text(2000),
  })
  .partial()
  .strict();

export type BusinessPatch = z.infer<typeof businessPatchSchema>;

export const businessSelect = {
  id: true,
  name: true,
  timezone: true,
  businessHours: true,
  available: true,
  routingMode: true,
  forwardTo: true,
  ringTimeoutSeconds: true,
  whisperEnabled: true,
  minAnsweredSeconds: true,
  repeatWindowMinutes: true,
  ignoreList: true,
  autoReplyTemplate: true,
  autoReplyTemplateEs: true,
  autoReplyLanguage: true,
  greetingMessage: true,
  lookupEnabled: true,
  followUpEnabled: true,
  followUpDelayMinutes: true,
  escalationEnabled: true,
  escalationDelayMinutes: true,
  emergencyCallEnabled: true,
  emergencyAdvice: true,
  aiEnabled: true,
  aiInstructions: true,
  aiMaxTurns: true,
  aiDisclosure: true,
  aiDisclosureText: true,
  aiReplyMode: true,
  aiDraftAutoSendMinutes: true,
  aiEngageDelaySeconds: true,
  services: true,
  serviceArea: true,
  bookingUrl: true,
  priceList: true,
  updatedAt: true,
  phoneNumbers: { select: { e164: true, label: true }, orderBy: { createdAt: "asc" } },
} as const;
