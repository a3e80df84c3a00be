// Each reader of the scripted intake recognises its own field only, in English and Spanish.
import { describe, expect, it } from "vitest";
import {
  readAddress,
  readAddressAnswer,
  readAvailability,
  readName,
  readNameAnswer,
  readService,
  readTime,
  readUrgency,
  readUrgencyAnswer,
} from "@/lib/ai/intake/read-intake-fields";

describe("intake readers", () => {
  it("reads addresses, and nothing else as one", () => {
    expect(readAddress("Water heater leaking at 12 Elm St, Austin. Please hurry")).toBe("12 Elm St, Austin");
    expect(readAddress("vivo en la Calle Olmo 12, Austin")).toBe("Calle Olmo 12, Austin");
    expect(readAddress("I have 2 dogs in the way")).toBeNull();
    expect(readAddressAnswer("12 Elm, Springfield")).toBe("12 Elm, Springfield");
    expect(readAddressAnswer("tomorrow at 5")).toBeNull();
    expect(readAddressAnswer("why?")).toBeNull();
  });

  it("reads times, and tells an offer of time from the story", () => {
    expect(readTime("3pm works, thanks!")).toBe("3pm works, thanks");
    expect(readTime("mañana en la tarde")).toBe("mañana en la tarde");
    expect(readTime("Dana")).toBeNull();
    expect(readAvailability("can someone come tomorrow morning?")).toBe("can someone come tomorrow morning");
    expect(readAvailability("it started this morning")).toBeNull();
  });

  it("reads names only where they are names", () => {
    expect(readName("Hi, my name is Dana Smith and the sink is clogged")).toBe("Dana Smith");
    expect(readName("me llamo miguel ángel")).toBe("Miguel Ángel");
    expect(readName("this is urgent")).toBeNull();
    expect(readNameAnswer("it's Bob")).toBe("Bob");
    expect(readNameAnswer("soy Carmen")).toBe("Carmen");
    expect(readNameAnswer("I'm at work")).toBeNull();
    expect(readNameAnswer("12 Main St")).toBeNull();
    expect(readNameAnswer("tomorrow")).toBeNull();
    expect(readNameAnswer("yes")).toBeNull();
  });

  it("reads urgency from plain words", () => {
    expect(readUrgency("asap please")).toBe("high");
    expect(readUrgency("no rush, next week is fine")).toBe("low");
    expect(readUrgency("no es urgente")).toBe("low");
    expect(readUrgency("No heat since yesterday")).toBe("high");
    expect(readUrgency("no tengo agua caliente")).toBeNull();
    expect(readUrgency("hmm")).toBeNull();
    expect(readUrgencyAnswer("yes")).toBe("high");
    expect(readUrgencyAnswer("nope")).toBe("low");
  });

  it("reads a job description, never a thank-you, a time or a question", () => {
    expect(readService("Water heater is leaking")).toEqual({
      service: "Water heater",
      problem: "Water heater is leaking",
    });
    expect(readService("Se tapó el fregadero")?.service).toBe("Drain cleaning");
    expect(readService("Need a quote for a new deck")?.service).toBe("Need a quote for a new deck");
    expect(readService("3pm works, thanks!")).toBeNull();
    expect(readService("Hola buenas tardes")).toBeNull();
    expect(readService("Who is this?")).toBeNull();
  });
});
