// The auto-SMS as the customer receives it (the settings preview calls the same function): placeholders filled or
// their sentence left out, the caller's number as their phone shows it, English, Spanish or both.
import { describe, expect, it } from "vitest";
import {
  autoReplyLanguageFor,
  defaultAutoReplyTemplate,
  defaultAutoReplyTemplateEs,
  describeUnknownPlaceholders,
  findUnknownPlaceholders,
  renderAutoReply,
  usesMissingBookingLink,
} from "@/lib/business/auto-reply-template";

const base = { businessName: "Acme Plumbing", callerNumber: "+15125550157" };

describe("renderAutoReply", () => {
  it("fills every placeholder, the caller's number in the national format", () => {
    expect(
      renderAutoReply({
        ...base,
        template: "Hi from {business}. Book here: {booking_link}. You called from {caller_number}.",
        bookingUrl: "https://acme.example/book",
      }),
    ).toBe(
      "Hi from Acme Plumbing. Book here: https://acme.example/book. You called from (512) 555-0157. Reply STOP to opt out.",
    );
  });

  it("leaves out, whole, a sentence whose placeholder has no value or is not ours", () => {
    // The text a customer once received: "Book here: . You called from +15125550157. {first_name} Reply STOP…"
    expect(
      renderAutoReply({
        ...base,
        template: "Hi from {business}. Book here: {booking_link}. You called from {caller_number}. Hi {first_name}!",
        bookingUrl: null,
      }),
    ).toBe("Hi from Acme Plumbing. You called from (512) 555-0157. Reply STOP to opt out.");
  });

  it("always names the business and says how to opt out, in the text's language", () => {
    expect(renderAutoReply({ ...base, template: "Sorry we missed you!" })).toBe(
      "Acme Plumbing: Sorry we missed you! Reply STOP to opt out.",
    );
    expect(renderAutoReply({ ...base, template: defaultAutoReplyTemplate, language: "es" })).toBe(
      "Hola, le escribe Acme Plumbing. Perdón por no contestar su llamada, estamos en un trabajo. ¿En qué le podemos ayudar? Responda PARAR para no recibir más mensajes.",
    );
  });

  it("puts both languages in one text", () => {
    const text = renderAutoReply({
      ...base,
      template: defaultAutoReplyTemplate,
      templateEs: defaultAutoReplyTemplateEs,
      language: "en+es",
    });
    expect(text.split("\n")).toEqual([
      "Hi, this is Acme Plumbing. Sorry we missed your call! We're on a job right now. What can we help you with? Reply STOP to opt out.",
      "Hola, le escribe Acme Plumbing. Perdón por no contestar su llamada, estamos en un trabajo. ¿En qué le podemos ayudar? Responda PARAR para no recibir más mensajes.",
    ]);
  });
});

describe("template checks", () => {
  it("names unknown placeholders, each once", () => {
    expect(findUnknownPlaceholders("Hi {first_name} {business} {first_name} {Business} {}")).toEqual([
      "{first_name}",
      "{Business}",
      "{}",
    ]);
    expect(describeUnknownPlaceholders(["{first_name}"])).toBe(
      "Unknown placeholder {first_name}. Use {business}, {booking_link}, {caller_number}.",
    );
  });

  it("knows when {booking_link} has nothing to fill in", () => {
    expect(usesMissingBookingLink("Book: {booking_link}", null)).toBe(true);
    expect(usesMissingBookingLink("Book: {booking_link}", "  ")).toBe(true);
    expect(usesMissingBookingLink("Book: {booking_link}", "https://acme.example")).toBe(false);
    expect(usesMissingBookingLink("No link here", null)).toBe(false);
  });

  it("answers a customer whose language is known in it, anyone else in the business's choice", () => {
    expect(autoReplyLanguageFor("en", { language: "es", languageSource: "detected" })).toBe("es");
    expect(autoReplyLanguageFor("en+es", { language: "en", languageSource: "owner" })).toBe("en");
    expect(autoReplyLanguageFor("en+es", { language: "en", languageSource: "unknown" })).toBe("en+es");
    expect(autoReplyLanguageFor("es", { language: "fr", languageSource: "detected" })).toBe("es");
    expect(autoReplyLanguageFor("es", null)).toBe("es");
  });

  it("a call found late (reconciliation) is called earlier, in English and Spanish, whatever the template", () => {
    const late = (template: string, language: "en" | "es" | "en+es" = "en") =>
      renderAutoReply({ template, language, businessName: "Acme", isLate: true });
    expect(late(defaultAutoReplyTemplate)).toContain("Sorry we missed your call earlier!");
    expect(late("Acme here. How can we help?")).toMatch(/^About your call earlier: Acme here\./);
    expect(late(defaultAutoReplyTemplate, "es")).toContain("no contestar su llamada de hace un rato");
    expect(renderAutoReply({ template: defaultAutoReplyTemplate, businessName: "Acme" })).not.toContain("earlier");
  });
});
