// The Twilio account's numbers (IncomingPhoneNumbers, every page), each with its webhook settings and drift.
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { toAccountNumber, type AccountNumber } from "@/lib/telephony/numbers/account-number";
import { getTwilioClient } from "@/lib/telephony/twilio-client";

export async function listAccountNumbers(filter: { phoneNumber?: string } = {}): Promise<AccountNumber[]> {
  try {
    // The SDK follows Twilio's next_page_uri until the list ends (or 1,000 numbers, more than any business has).
    const numbers = await getTwilioClient().incomingPhoneNumbers.list({ ...filter, pageSize: 100, limit: 1_000 });
    return numbers.map(toAccountNumber);
  } catch (error) {
    const { status, code } = error as { status?: number; code?: number };
    logger.warn({ status, code }, "could not list the Twilio account's numbers");
    throw new AppError("service_unavailable", "Twilio did not answer the list of numbers; try again shortly.");
  }
}
