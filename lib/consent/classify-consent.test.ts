// The consent classifier against the corpus: every text must land in its class, in both languages.
import { describe, expect, it } from "vitest";
import { classifyConsent } from "@/lib/consent/classify-consent";
import { optOutTexts, ordinaryTexts, unclearTexts } from "@/lib/consent/consent-corpus";

const cases = (corpus: { en: string[]; es: string[] }) =>
  (["en", "es"] as const).flatMap((language) => corpus[language].map((text) => ({ language, text })));

describe("classifyConsent", () => {
  it("has a corpus of at least 40 opt-outs and 40 ordinary messages per language", () => {
    for (const language of ["en", "es"] as const) {
      expect(optOutTexts[language].length).toBeGreaterThanOrEqual(40);
      expect(ordinaryTexts[language].length).toBeGreaterThanOrEqual(40);
      expect(unclearTexts[language].length).toBeGreaterThanOrEqual(10);
    }
  });

  it.each(cases(optOutTexts))("opts out ($language): $text", ({ language, text }) => {
    expect(classifyConsent(text)).toMatchObject({ kind: "opt_out", language });
  });

  it.each(cases(ordinaryTexts))("ordinary ($language): $text", ({ text }) => {
    const intent = classifyConsent(text);
    // An opt-in or help word is a keyword, but never an opt-out or a vague request.
    expect(intent === null || intent.kind === "opt_in" || intent.kind === "help").toBe(true);
  });

  it.each(cases(unclearTexts))("unclear ($language): $text", ({ language, text }) => {
    expect(classifyConsent(text)).toMatchObject({ kind: "unclear", language });
  });

  it("marks only the English carrier keywords as confirmed by the carrier", () => {
    expect(classifyConsent("STOP")).toMatchObject({ source: "keyword", isCarrierKeyword: true, keyword: "STOP" });
    expect(classifyConsent("Parar")).toMatchObject({ source: "keyword", isCarrierKeyword: false, keyword: "PARAR" });
    expect(classifyConsent("please stop texting me")).toMatchObject({ source: "free_text" });
  });

  it.each([
    ["START", "opt_in", "en"],
    ["unstop", "opt_in", "en"],
    ["Comenzar", "opt_in", "es"],
    ["SÍ", "opt_in", "es"],
    ["si", "opt_in", "es"],
    ["HELP", "help", "en"],
    ["ayuda", "help", "es"],
  ])("%s is a keyword: %s in %s", (text, kind, language) => {
    expect(classifyConsent(text)).toMatchObject({ kind, language, source: "keyword" });
  });
});
