// The session signing secret: AUTH_SECRET, or outside production one generated once and kept in DATA_DIR.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensurePrivateDir } from "@/lib/db/private-dir";
import { ConfigError, env } from "@/lib/env";

export function resolveAuthSecret(): string {
  const configured = env().authSecret;
  if (configured) return configured;
  // env() already refuses this; kept so no path can ever generate a production secret.
  if (env().isProduction) throw new ConfigError("AUTH_SECRET is required in production.");
  const file = path.join(env().dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  ensurePrivateDir(env().dataDir);
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
