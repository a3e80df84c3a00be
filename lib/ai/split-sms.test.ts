import { describe, expect, it } from "vitest";
import { splitSms } from "@/lib/ai/split-sms";

describe("splitSms", () => {
  it("keeps short replies whole and splits long ones at sentences, each ≤ 320", () => {
    expect(splitSms("  Hello there.  ")).toEqual(["Hello there."]);
    const sentence = "This is a sentence that is about sixty characters long, ok. ";
    const parts = splitSms(sentence.repeat(12));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(320);
      expect(part.endsWith(".")).toBe(true);
    }
    const long = splitSms("word ".repeat(200));
    expect(long.every((part) => part.length <= 320)).toBe(true);
    expect(long.join(" ").split(" ").length).toBe(200);
  });
});
