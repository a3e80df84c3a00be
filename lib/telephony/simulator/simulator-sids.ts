// Twilio-shaped ids for the simulator: a two-letter prefix and 32 hex digits.
import { randomBytes } from "node:crypto";

export function simulatedSid(prefix: "CA" | "SM" | "RE" | "TR" | "AC"): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

/** A stable fake account sid for simulator requests. */
export const SIMULATOR_ACCOUNT_SID = `AC${"5".repeat(32)}`;

/** Where Twilio would keep a simulator recording; the app plays the shipped sample for this account's recordings. */
export function simulatorRecordingUrl(recordingSid: string): string {
  return `https://api.twilio.com/2010-04-01/Accounts/${SIMULATOR_ACCOUNT_SID}/Recordings/${recordingSid}`;
}
