// The VAPID key pair that signs web push requests: from VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, else generated once
// and kept in AppSetting so every instance (and every restart) signs with the same keys.
import webpush from "web-push";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

const SETTING_KEY = "vapid";

export type VapidDetails = { subject: string; publicKey: string; privateKey: string };

let cached: Promise<VapidDetails> | undefined;

async function loadOrCreate(): Promise<VapidDetails> {
  const { publicKey, privateKey, subject } = env().vapid;
  if (publicKey && privateKey) return { subject, publicKey, privateKey };
  const generated = webpush.generateVAPIDKeys();
  // Insert-or-ignore, then read: concurrent first starts agree on one pair.
  await db.appSetting.createMany({
    data: [{ key: SETTING_KEY, value: { publicKey: generated.publicKey, privateKey: generated.privateKey } }],
    skipDuplicates: true,
  });
  const stored = await db.appSetting.findUniqueOrThrow({ where: { key: SETTING_KEY } });
  const value = stored.value as { publicKey: string; privateKey: string };
  return { subject, publicKey: value.publicKey, privateKey: value.privateKey };
}

export function getVapidDetails(): Promise<VapidDetails> {
  cached ??= loadOrCreate().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
