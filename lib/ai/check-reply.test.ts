import { describe, expect, it } from "vitest";
import { checkReply, type ReplyProfile } from "@/lib/ai/check-reply";

const profile: ReplyProfile = {
  profileText: "Drain cleaning, water heaters. Serving Austin. Book at https://book.acme.test/now",
  priceList: "Service call $89. Seniors 10% off.",
  bookingUrl: "https://book.acme.test/now",
  phoneNumbers: ["+15125550100"],
};

const blocked = (text: string) => checkReply(text, profile).isAllowed === false;

describe("checkReply", () => {
  it("allows plain, helpful replies and what the profile states", () => {
    expect(checkReply("Thanks Dana! What's the address for the job?", profile)).toEqual({ isAllowed: true });
    expect(checkReply("Our service call is $89.", profile).isAllowed).toBe(true);
    expect(checkReply("Seniors get 10% off.", profile).isAllowed).toBe(true);
    expect(
      checkReply("You can book at https://book.acme.test/now or text us at (512) 555-0100.", profile).isAllowed,
    ).toBe(true);
  });
  it("blocks prices, discounts and percentages the profile does not state", () => {
    expect(blocked("That usually costs $150.")).toBe(true);
    expect(blocked("It's about 200 dollars.")).toBe(true);
    expect(blocked("Sure, 90% off for you!")).toBe(true);
    expect(blocked("I can give you a discount.")).toBe(true);
  });
  it("blocks arrival-time promises", () => {
    for (const text of [
      "A tech will be there in 20 minutes.",
      "We can be there by 3pm.",
      "Someone can come today at noon.",
      "He's on his way!",
      "within the hour",
    ]) {
      expect(blocked(text), text).toBe(true);
    }
  });
  it("blocks phone numbers and links not in the profile", () => {
    expect(blocked("Call +1 (415) 555-0199 instead.")).toBe(true);
    expect(blocked("Text 4155550199 for a deal")).toBe(true);
    expect(blocked("See https://evil.example.com/pay")).toBe(true);
    expect(blocked("Visit cheap-plumbers.com")).toBe(true);
  });
});
