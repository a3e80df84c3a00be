// The follow-up goes out in the customer's language, or in the language(s) of the auto-reply they never answered.
import { describe, expect, it } from "vitest";
import { followUpText } from "@/lib/conversations/follow-up";

const business = { name: "Acme Plumbing", autoReplyLanguage: "en" };

describe("followUpText", () => {
  it("uses the customer's known language", () => {
    expect(followUpText({ business, lead: { language: "es", languageSource: "detected" } })).toBe(
      "Hola, le escribe Acme Plumbing sobre su llamada. ¿Le podemos ayudar en algo? Responda PARAR para no recibir más mensajes.",
    );
  });

  it("otherwise follows the auto-reply's language, both when it had both", () => {
    const unknown = { language: "en", languageSource: "unknown" };
    expect(followUpText({ business, lead: unknown })).toMatch(/^Hi, it's Acme Plumbing following up/);
    const both = followUpText({ business: { ...business, autoReplyLanguage: "en+es" }, lead: unknown });
    expect(both.split("\n")).toHaveLength(2);
    expect(both).toContain("Reply STOP to opt out.");
    expect(both).toContain("Responda PARAR");
  });
});
