// Which secret signs /api/twilio/* requests: the account's auth token, or the simulator's local token.
import { env } from "@/lib/env";
import { getSimulatorAuthToken } from "@/lib/telephony/simulator-token";

/** null means "no way to check a signature": webhooks then fail closed. */
export async function getWebhookAuthToken(): Promise<string | null> {
  const twilio = env().twilio;
  if (twilio.authToken) return twilio.authToken;
  if (twilio.isSimulator) return getSimulatorAuthToken();
  return null;
}
