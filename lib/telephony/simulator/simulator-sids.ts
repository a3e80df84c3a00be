// Twilio-shaped ids for the simulator: a two-letter prefix and 32 hex digits.
import { randomBytes } from "node:crypto";

export function simulatedSid(prefix: "CA" | "SM" | "RE" | "AC"): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

/** A stable fake account sid for simulator requests. */
export const SIMULATOR_ACCOUNT_SID = `AC${"5".repeat(32)}`;
