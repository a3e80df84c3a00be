import { describe, expect, it } from "vitest";
import {
  changedSettings,
  draftFromSettings,
  errorAt,
  fieldErrorsFrom,
  type SavedSettings,
} from "@/components/settings/settings-draft";
import { defaultBusinessHours } from "@/lib/business/business-hours";

const saved: SavedSettings = {
  name: "Acme Plumbing",
  timezone: "America/Chicago",
  businessHours: defaultBusinessHours,
  available: false,
  routingMode: "ring_first",
  forwardTo: "+14155550123",
  ringTimeoutSeconds: 18,
  whisperEnabled: false,
  minAnsweredSeconds: 8,
  repeatWindowMinutes: 30,
  ignoreList: ["+14155550100"],
  autoReplyTemplate: "Hi from {business}",
  autoReplyTemplateEs: "Hola de {business}",
  autoReplyLanguage: "en",
  greetingMessage: "Sorry",
  lookupEnabled: false,
  followUpEnabled: false,
  followUpDelayMinutes: 120,
  escalationEnabled: true,
  escalationDelayMinutes: 5,
  emergencyCallEnabled: false,
  emergencyAdvice: true,
  aiEnabled: true,
  aiInstructions: "",
  aiMaxTurns: 8,
  aiDisclosure: true,
  aiDisclosureText: "",
  aiReplyMode: "auto",
  aiDraftAutoSendMinutes: null,
  aiEngageDelaySeconds: null,
  defaultAiEngageDelaySeconds: 60,
  services: "",
  serviceArea: "",
  bookingUrl: null,
  priceList: "",
};

describe("settings draft", () => {
  it("sends nothing when nothing changed", () => {
    expect(changedSettings(saved, draftFromSettings(saved))).toEqual({});
  });

  it("sends only changed fields, with text fields turned back into values", () => {
    const draft = draftFromSettings(saved);
    draft.name = "Acme Drains";
    draft.ignoreList = "+14155550100\n (415) 555-0199 \n\n";
    draft.forwardTo = "  ";
    draft.businessHours = { ...saved.businessHours, sat: [{ open: "09:00", close: "12:00" }] };
    expect(changedSettings(saved, draft)).toEqual({
      name: "Acme Drains",
      ignoreList: ["+14155550100", "(415) 555-0199"],
      forwardTo: null,
      businessHours: { ...saved.businessHours, sat: [{ open: "09:00", close: "12:00" }] },
    });
  });

  it("sends the AI's wait as seconds, and null to go back to the server's default; never the default itself", () => {
    const draft = draftFromSettings(saved);
    draft.aiEngageDelaySeconds = 300;
    expect(changedSettings(saved, draft)).toEqual({ aiEngageDelaySeconds: 300 });
    const chosen = { ...saved, aiEngageDelaySeconds: 300 };
    expect(changedSettings(chosen, { ...draftFromSettings(chosen), aiEngageDelaySeconds: null })).toEqual({
      aiEngageDelaySeconds: null,
    });
  });

  it("maps 422 details to field errors, matching nested paths", () => {
    const errors = fieldErrorsFrom([
      { path: "businessHours.mon.0", message: "Opening time must be before closing time." },
      { path: "name", message: "The business needs a name." },
      { path: "name", message: "second" },
    ]);
    expect(errors.name).toBe("The business needs a name.");
    expect(errorAt(errors, "businessHours.mon")).toBe("Opening time must be before closing time.");
    expect(errorAt(errors, "businessHours.tue")).toBeUndefined();
    expect(fieldErrorsFrom("nope")).toEqual({});
  });
});
