// The emergency check against a corpus of customer texts in English and Spanish: each emergency found with its kind
// and the advice in the text's language, and everyday jobs (even with "gas", "smoke", "flood", "no heat") left alone.
import { describe, expect, it } from "vitest";
import { detectEmergency, isWithoutHeat } from "@/lib/ai/detect-emergency";
import { emergencyAdvice } from "@/lib/ai/emergency-advice";
import { emergencyTexts, ordinaryJobTexts } from "@/lib/ai/emergency-corpus";

describe("detectEmergency", () => {
  it.each(emergencyTexts)("$kind ($language): $text", ({ text, kind, language }) => {
    expect(detectEmergency(text)).toEqual({
      kind,
      language,
      reason: expect.any(String),
      advice: emergencyAdvice(kind, language),
    });
  });

  it.each(ordinaryJobTexts)("no emergency: %s", (text) => {
    expect(detectEmergency(text)).toBeNull();
  });

  it("tells no heat apart from no heat in the cold", () => {
    expect(isWithoutHeat("No heat since yesterday")).toBe(true);
    expect(isWithoutHeat("No hay calefacción desde ayer")).toBe(true);
    expect(isWithoutHeat("No hot water this morning")).toBe(false);
  });
});
