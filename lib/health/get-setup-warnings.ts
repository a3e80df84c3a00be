// Setup problems that lose calls quietly, for the health panel: PUBLIC_BASE_URL not https in production (Twilio
// then signs and calls a URL that is not the one users reach), and drift: a connected number whose webhook settings
// at Twilio point somewhere else than this Ringback (an old deployment, a hand edit in the console).
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { maskPhone } from "@/lib/log";
import { listAccountNumbers } from "@/lib/telephony/numbers/list-account-numbers";

export type SetupWarning = {
  code: "public_url_not_https" | "number_drift" | "number_missing" | "drift_unknown";
  message: string;
};

const LABELS = {
  voiceUrl: "calls go to",
  voiceMethod: "the calls method is",
  voiceFallbackUrl: "the fallback goes to",
  smsUrl: "texts go to",
  smsMethod: "the texts method is",
  statusCallback: "call status goes to",
} as const;
const CHECK_TIMEOUT_MS = 5_000;

async function numberWarnings(e164: string): Promise<SetupWarning[]> {
  const [number] = await listAccountNumbers({ phoneNumber: e164 });
  if (!number || number.phoneNumber !== e164) {
    return [{ code: "number_missing", message: `${e164} is not a number of this Twilio account.` }];
  }
  return number.drift.map((drift) => ({
    code: "number_drift" as const,
    message: `${e164}: ${LABELS[drift.field]} ${drift.actual || "nothing"} instead of ${drift.expected}. Connect it again in Settings.`,
  }));
}

export async function getSetupWarnings({ businessId }: { businessId: string }): Promise<SetupWarning[]> {
  const warnings: SetupWarning[] = [];
  const { isProduction, publicBaseUrl, twilio } = env();
  if (isProduction && !publicBaseUrl.startsWith("https://")) {
    warnings.push({
      code: "public_url_not_https",
      message: `PUBLIC_BASE_URL is ${publicBaseUrl}: use the https:// address Twilio and your team reach this app at.`,
    });
  }
  if (twilio.isSimulator) return warnings;
  const numbers = await db.phoneNumber.findMany({ where: { businessId }, select: { e164: true } });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), CHECK_TIMEOUT_MS)));
  const checked = await Promise.race([
    Promise.all(numbers.map((number) => numberWarnings(number.e164))).catch(() => null),
    timeout,
  ]).finally(() => clearTimeout(timer));
  if (!checked) {
    warnings.push({
      code: "drift_unknown",
      message: `Could not check ${numbers.map((number) => maskPhone(number.e164)).join(", ")} with Twilio just now.`,
    });
    return warnings;
  }
  return [...warnings, ...checked.flat()];
}
