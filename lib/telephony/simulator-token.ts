// Simulator mode has no Twilio account, yet its webhooks are signed like Twilio's: with a local token generated
// once and kept in AppSetting, so every instance (and the simulator) signs and checks with the same secret.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

const SETTING_KEY = "telephony.simulatorAuthToken";
const globalForToken = globalThis as unknown as { ringbackSimulatorToken?: Promise<string> };

async function loadOrCreate(): Promise<string> {
  const candidate = randomBytes(24).toString("hex");
  // Insert-or-ignore: two instances starting together both end up reading the one stored token.
  await db.appSetting.createMany({ data: [{ key: SETTING_KEY, value: candidate }], skipDuplicates: true });
  const stored = await db.appSetting.findUniqueOrThrow({ where: { key: SETTING_KEY } });
  if (typeof stored.value !== "string" || stored.value.length < 16)
    throw new Error("simulator token setting is corrupt");
  return stored.value;
}

/** The simulator's signing token (generated on first use). */
export function getSimulatorAuthToken(): Promise<string> {
  globalForToken.ringbackSimulatorToken ??= loadOrCreate().catch((error: unknown) => {
    globalForToken.ringbackSimulatorToken = undefined;
    throw error;
  });
  return globalForToken.ringbackSimulatorToken;
}
