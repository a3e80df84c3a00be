// Why a call counts as missed. The database holds the same list as a CHECK on "Call"."missReason".
//   no-answer, busy, failed, canceled: Twilio's DialCallStatus of the professional's leg;
//   short_answer: answered, but shorter than the business's minimum (a carrier voicemail picked up);
//   not_screened: the whisper screen was on and nobody pressed 1;
//   forwarded: the carrier forwarded a call the professional did not take (it arrives already missed);
//   no_forward_to: ring-first with no number to ring;
//   not_reached: Twilio took the call while Ringback could not answer it (found by reconciliation): nobody's phone rang.
export const missReasons = [
  "no-answer",
  "busy",
  "failed",
  "canceled",
  "short_answer",
  "not_screened",
  "forwarded",
  "no_forward_to",
  "not_reached",
] as const;
export type MissReason = (typeof missReasons)[number];

/**
 * Why a call of this business is missed before anybody could ring: forwarded (the carrier sends only the calls the
 * professional did not take) or ring-first with no number to ring. Null: Ringback rings the professional first.
 */
export function missedBeforeRinging(business: {
  routingMode: string;
  forwardTo: string | null;
}): Extract<MissReason, "forwarded" | "no_forward_to"> | null {
  if (business.routingMode === "forwarded") return "forwarded";
  if (!business.forwardTo) return "no_forward_to";
  return null;
}
