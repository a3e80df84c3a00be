import { describe, expect, it } from "vitest";
import { formatPhone, toE164 } from "@/lib/telephony/phone";

describe("phone numbers", () => {
  it("toE164: the same answer the first time and from the cache, a refusal included", () => {
    for (let round = 0; round < 2; round++) {
      expect(toE164("+1 (415) 555-0100")).toBe("+14155550100");
      expect(toE164(" 415-555-0100 ")).toBe("+14155550100");
      expect(toE164("020 7946 0958", "GB")).toBe("+442079460958");
      // The same digits in another default country are another number (the country is part of the cache key).
      expect(toE164("020 7946 0958")).toBeNull();
      expect(toE164("not a number")).toBeNull();
      expect(toE164("")).toBeNull();
    }
  });

  it("formatPhone: national for US and Canada, international elsewhere, as given when it cannot be read", () => {
    for (let round = 0; round < 2; round++) {
      expect(formatPhone("+14155550100")).toBe("(415) 555-0100");
      expect(formatPhone("+442079460958")).toBe("+44 20 7946 0958");
      expect(formatPhone("anonymous")).toBe("anonymous");
    }
  });
});
