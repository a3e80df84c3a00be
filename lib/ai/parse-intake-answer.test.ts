import { describe, expect, it } from "vitest";
import { detectEmergency } from "@/lib/ai/detect-emergency";
import { parseIntakeAnswer, parseName, parseUrgency } from "@/lib/ai/parse-intake-answer";

describe("scripted intake parsing", () => {
  it("reads names, urgency and fields", () => {
    expect(parseName("My name is Dana Smith.")).toBe("Dana Smith");
    expect(parseName("it's Bob")).toBe("Bob");
    expect(parseName("12 Main St")).toBeNull();
    expect(parseUrgency("asap please")).toBe("high");
    expect(parseUrgency("no rush, next week is fine")).toBe("low");
    expect(parseUrgency("hmm")).toBe("normal");
    expect(parseIntakeAnswer("address", " 12 Elm St, Austin ")).toEqual({ address: "12 Elm St, Austin" });
    expect(parseIntakeAnswer("service", "Water heater is leaking")).toMatchObject({
      service: "Water heater",
      problem: "Water heater is leaking",
    });
    expect(parseIntakeAnswer("service", "Kitchen drain is backed up again").service).toBe("Drain cleaning");
    expect(parseIntakeAnswer("service", "The breaker keeps tripping").service).toBe("Electrical");
    expect(parseIntakeAnswer("service", "Need a quote for a new deck").service).toBe("Need a quote for a new deck");
  });
  it("detects emergencies", () => {
    expect(detectEmergency("I smell gas in the kitchen")?.reason).toMatch(/gas/);
    expect(detectEmergency("basement is flooding")?.reason).toMatch(/flood/);
    expect(detectEmergency("no heat and it's freezing")?.reason).toMatch(/heat/);
    expect(detectEmergency("locked out and my baby is inside")?.reason).toMatch(/locked/);
    expect(detectEmergency("no heat since yesterday")).toBeNull();
    expect(detectEmergency("dripping faucet")).toBeNull();
  });
});
