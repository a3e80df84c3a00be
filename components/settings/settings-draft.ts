// The settings form's working copy: the business as /api/business returns it, with the few fields people type as
// text (ignore list, forward-to, booking link) kept as strings until saved. Pure: unit-tested in settings-draft.test.ts.
import type { AutoReplyLanguage } from "@/lib/business/auto-reply-template";
import type { BusinessHours } from "@/lib/business/business-hours";

export type SavedSettings = {
  name: string;
  timezone: string;
  businessHours: BusinessHours;
  available: boolean;
  routingMode: "ring_first" | "forwarded";
  forwardTo: string | null;
  ringTimeoutSeconds: number;
  whisperEnabled: boolean;
  minAnsweredSeconds: number;
  repeatWindowMinutes: number;
  ignoreList: string[];
  autoReplyTemplate: string;
  autoReplyTemplateEs: string;
  autoReplyLanguage: AutoReplyLanguage;
  greetingMessage: string;
  lookupEnabled: boolean;
  followUpEnabled: boolean;
  followUpDelayMinutes: number;
  escalationEnabled: boolean;
  escalationDelayMinutes: number;
  emergencyCallEnabled: boolean;
  emergencyAdvice: boolean;
  aiEnabled: boolean;
  aiInstructions: string;
  aiMaxTurns: number;
  aiDisclosure: boolean;
  aiDisclosureText: string;
  aiReplyMode: "auto" | "approve";
  aiDraftAutoSendMinutes: number | null;
  /** the human-priority window in seconds; null: the server's default */
  aiEngageDelaySeconds: number | null;
  /** that default (read only) */
  defaultAiEngageDelaySeconds: number;
  services: string;
  serviceArea: string;
  bookingUrl: string | null;
  priceList: string;
};

/** What the form edits and saves (the default window is the server's, only shown). */
type EditableSettings = Omit<SavedSettings, "defaultAiEngageDelaySeconds">;

export type SettingsDraft = Omit<EditableSettings, "ignoreList" | "forwardTo" | "bookingUrl"> & {
  ignoreList: string;
  forwardTo: string;
  bookingUrl: string;
};

const settingKeys = [
  "name",
  "timezone",
  "businessHours",
  "available",
  "routingMode",
  "forwardTo",
  "ringTimeoutSeconds",
  "whisperEnabled",
  "minAnsweredSeconds",
  "repeatWindowMinutes",
  "ignoreList",
  "autoReplyTemplate",
  "autoReplyTemplateEs",
  "autoReplyLanguage",
  "greetingMessage",
  "lookupEnabled",
  "followUpEnabled",
  "followUpDelayMinutes",
  "escalationEnabled",
  "escalationDelayMinutes",
  "emergencyCallEnabled",
  "emergencyAdvice",
  "aiEnabled",
  "aiInstructions",
  "aiMaxTurns",
  "aiDisclosure",
  "aiDisclosureText",
  "aiReplyMode",
  "aiDraftAutoSendMinutes",
  "aiEngageDelaySeconds",
  "services",
  "serviceArea",
  "bookingUrl",
  "priceList",
] as const satisfies readonly (keyof EditableSettings)[];

export function draftFromSettings(saved: SavedSettings): SettingsDraft {
  const picked = Object.fromEntries(settingKeys.map((key) => [key, saved[key]])) as EditableSettings;
  return {
    ...picked,
    ignoreList: saved.ignoreList.join("\n"),
    forwardTo: saved.forwardTo ?? "",
    bookingUrl: saved.bookingUrl ?? "",
  };
}

function settingsFromDraft(draft: SettingsDraft): EditableSettings {
  return {
    ...draft,
    ignoreList: draft.ignoreList
      .split(/[\n,;]+/)
      .map((line) => line.trim())
      .filter(Boolean),
    forwardTo: draft.forwardTo.trim() || null,
    bookingUrl: draft.bookingUrl.trim() || null,
  };
}

/** Only what changed: a save never overwrites a field someone else changed meanwhile (the header's availability). */
export function changedSettings(saved: SavedSettings, draft: SettingsDraft): Partial<EditableSettings> {
  const next = settingsFromDraft(draft);
  const baseline = settingsFromDraft(draftFromSettings(saved));
  return Object.fromEntries(
    settingKeys
      .filter((key) => JSON.stringify(next[key]) !== JSON.stringify(baseline[key]))
      .map((key) => [key, next[key]]),
  ) as Partial<EditableSettings>;
}

/** 422 details ([{ path, message }]) → the first message per field path. */
export function fieldErrorsFrom(details: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Array.isArray(details)) return errors;
  for (const detail of details) {
    const path = typeof detail?.path === "string" ? detail.path : "";
    const message = typeof detail?.message === "string" ? detail.message : "Not valid.";
    errors[path] ??= message;
  }
  return errors;
}

/** The first error at `path` or below it (ignoreList.2 → ignoreList). */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  const key = Object.keys(errors).find((candidate) => candidate === path || candidate.startsWith(`${path}.`));
  return key === undefined ? undefined : errors[key];
}
