import { describe, expect, it } from "vitest";
import { forwardingCodes } from "@/lib/telephony/forwarding-codes";

describe("forwardingCodes", () => {
  it("fills the business's number into the GSM codes (international) and the Verizon-style codes (ten digits)", () => {
    const codes = forwardingCodes("+14155550123")!;
    expect(codes.gsm.set.map((entry) => entry.code)).toEqual([
      "**61*+14155550123#",
      "**67*+14155550123#",
      "**62*+14155550123#",
    ]);
    expect(codes.gsm.cancel.map((entry) => entry.code)).toEqual(["##004#"]);
    expect(codes.cdma?.set.map((entry) => entry.code)).toEqual(["*714155550123"]);
    expect(codes.cdma?.cancel.map((entry) => entry.code)).toEqual(["*73"]);
  });

  it("outside North America only the GSM codes apply", () => {
    const codes = forwardingCodes("+442079460958")!;
    expect(codes.gsm.set[0]!.code).toBe("**61*+442079460958#");
    expect(codes.cdma).toBeNull();
  });

  it("no valid number, no codes", () => {
    expect(forwardingCodes("")).toBeNull();
    expect(forwardingCodes("+1555")).toBeNull();
  });
});
