// The "test my setup" caller: numbers in Twilio's reserved 500-555 test range. Nothing real ever answers them: the
// send job never hands a message to them to Twilio, and their leads and threads stay out of the inbox, the leads
// list and the metrics.
import { randomInt } from "node:crypto";

export const SETUP_TEST_CALLER_PREFIX = "+1500555";

export function isSetupTestPhone(phone: string | null | undefined): boolean {
  return Boolean(phone?.startsWith(SETUP_TEST_CALLER_PREFIX));
}

/** A fresh test caller per run (1000–9999: clear of Twilio's magic 000x numbers), so the repeat-caller rule never hides a run. */
export function newSetupTestCaller(): string {
  return `${SETUP_TEST_CALLER_PREFIX}${randomInt(1000, 10_000)}`;
}
