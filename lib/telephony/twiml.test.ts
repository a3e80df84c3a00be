import { describe, expect, it } from "vitest";
import { buildDial, dialProfessional } from "@/lib/telephony/twiml";

const dial = { timeoutSeconds: 18, forwardTo: "+14155550123" };

describe("dialProfessional", () => {
  it("answers what the Dial built for the call would, the caller's number as callerId", () => {
    for (const callerNumber of ["+14155550100", "+442071838750", "+14155550199"]) {
      const answer = dialProfessional({ ...dial, callerNumber });
      expect(answer.body).toBe(buildDial({ ...dial, callerNumber }).body);
      expect(answer.body).toContain(`callerId="${callerNumber}"`);
      expect(answer.body).toContain("<Number>+14155550123</Number>");
      expect(answer.headers["content-type"]).toBe("text/xml; charset=utf-8");
    }
  });

  it("leaves callerId out for a number Twilio would refuse as one, whatever was built before", () => {
    dialProfessional({ ...dial, callerNumber: "+14155550100" });
    for (const callerNumber of ["anonymous", "+1 415 555 0100", '+1"><Hangup/>', ""]) {
      const answer = dialProfessional({ ...dial, callerNumber });
      expect(answer.body).not.toContain("callerId");
      expect(answer.body).toBe(buildDial({ ...dial, callerNumber }).body);
    }
  });

  it("keeps each business's Dial apart (timeout, number)", () => {
    const callerNumber = "+14155550100";
    const first = dialProfessional({ ...dial, callerNumber }).body;
    const otherNumber = dialProfessional({ ...dial, forwardTo: "+14155550124", callerNumber }).body;
    expect(otherNumber).toContain("<Number>+14155550124</Number>");
    const otherTimeout = dialProfessional({ ...dial, timeoutSeconds: 25, callerNumber }).body;
    expect(otherTimeout).toContain('timeout="25"');
    expect(dialProfessional({ ...dial, callerNumber }).body).toBe(first);
  });
});

describe("buildDial", () => {
  it("with a call sid, rings the professional through the whisper named by it", () => {
    const body = buildDial({ ...dial, callerNumber: "+14155550100", callSid: "CA123" }).body!;
    expect(body).toMatch(
      /<Number url="[^"]*\/api\/twilio\/whisper\?parentCallSid=CA123[^"]*" method="POST">\+14155550123<\/Number>/,
    );
  });
});
