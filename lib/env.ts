// The only reader of process.env: every variable the README's configuration table lists, validated once with zod.
import path from "node:path";
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const urlString = (name: string) =>
  optionalString.refine((value) => value === undefined || URL.canParse(value), {
    message: `${name} must be a full URL such as https://example.com`,
  });

const booleanFlag = (fallback: "true" | "false") =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback)
    .transform((value) => value === "true" || value === "1");

/** A refusal to start because of the configuration: scripts print its message as one line, without a stack. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** The demo owner's password: fine on a laptop, refused in production. */
export const DEMO_OWNER_PASSWORD = "ringback-demo";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString,
  DATA_DIR: optionalString,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_BASE_URL: urlString("PUBLIC_BASE_URL"),
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_API_BASE_URL: urlString("TWILIO_API_BASE_URL"),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: urlString("OPENAI_BASE_URL"),
  AI_MODEL: optionalString,
  AI_ENGAGE_DELAY_SECONDS: z.coerce.number().min(0).max(86_400).default(60),
  /// how often the reconciliation with Twilio's Calls and Messages lists runs per business (also once at boot); 0 = off
  TWILIO_RECONCILE_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  /// a missed call found by reconciliation older than this is recorded, not texted; a first run looks back this far
  TWILIO_RECONCILE_HORIZON_HOURS: z.coerce
    .number()
    .gt(0)
    .max(24 * 30)
    .default(24),
  AUTH_SECRET: optionalString,
  VAPID_PUBLIC_KEY: optionalString,
  VAPID_PRIVATE_KEY: optionalString,
  VAPID_SUBJECT: optionalString,
  BOOTSTRAP_BUSINESS_NAME: z.string().min(1).default("Demo Plumbing & Heating"),
  BOOTSTRAP_TWILIO_NUMBER: z.string().min(1).default("+15005550006"),
  BOOTSTRAP_FORWARD_TO: z.string().min(1).default("+15005550001"),
  BOOTSTRAP_TIMEZONE: z.string().min(1).default("America/New_York"),
  BOOTSTRAP_OWNER_EMAIL: z.string().email().default("owner@example.com"),
  /// unset: the demo password outside production; in production one is generated at first start (see bootstrap)
  BOOTSTRAP_OWNER_PASSWORD: optionalString.refine(
    (value) => value === undefined || (value.length >= 8 && value.length <= 128),
    { message: "BOOTSTRAP_OWNER_PASSWORD must have 8 to 128 characters" },
  ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /// how many reverse proxies of ours append to X-Forwarded-For (0 = trust none of it)
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /// runs the background worker inside the web process (the default); `npm run worker` runs it alone
  RUN_WORKER: booleanFlag("true"),
  /// lets push endpoints and CRM webhook URLs use http and reach loopback/private addresses: local testing only
  ALLOW_PRIVATE_OUTBOUND_URLS: booleanFlag("false"),
});

export type Env = ReturnType<typeof readEnv>;

function readEnv(source: NodeJS.ProcessEnv) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  const isProduction = raw.NODE_ENV === "production";
  if (Boolean(raw.TWILIO_ACCOUNT_SID) !== Boolean(raw.TWILIO_AUTH_TOKEN)) {
    throw new ConfigError("Set both TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN, or neither (simulator mode).");
  }
  const baseUrl = (raw.PUBLIC_BASE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, "");
  return {
    nodeEnv: raw.NODE_ENV,
    isProduction,
    databaseUrl: raw.DATABASE_URL,
    dataDir: path.resolve(raw.DATA_DIR ?? ".data"),
    port: raw.PORT,
    publicBaseUrl: baseUrl,
    twilio: {
      accountSid: raw.TWILIO_ACCOUNT_SID,
      authToken: raw.TWILIO_AUTH_TOKEN,
      apiBaseUrl: (raw.TWILIO_API_BASE_URL ?? "https://api.twilio.com").replace(/\/+$/, ""),
      isSimulator: !raw.TWILIO_ACCOUNT_SID,
      reconcileIntervalSeconds: raw.TWILIO_RECONCILE_INTERVAL_SECONDS,
      reconcileHorizonHours: raw.TWILIO_RECONCILE_HORIZON_HOURS,
    },
    ai: {
      apiKey: raw.OPENAI_API_KEY,
      baseUrl: (raw.OPENAI_BASE_URL ?? "https://api.openai.com/v1").replace(/\/+$/, ""),
      model: raw.AI_MODEL ?? "gpt-4.1-mini",
      engageDelaySeconds: raw.AI_ENGAGE_DELAY_SECONDS,
    },
    authSecret: raw.AUTH_SECRET,
    vapid: {
      publicKey: raw.VAPID_PUBLIC_KEY,
      privateKey: raw.VAPID_PRIVATE_KEY,
      subject: raw.VAPID_SUBJECT ?? "mailto:owner@example.com",
    },
    bootstrap: {
      businessName: raw.BOOTSTRAP_BUSINESS_NAME,
      twilioNumber: raw.BOOTSTRAP_TWILIO_NUMBER,
      forwardTo: raw.BOOTSTRAP_FORWARD_TO,
      timezone: raw.BOOTSTRAP_TIMEZONE,
      ownerEmail: raw.BOOTSTRAP_OWNER_EMAIL,
      /** undefined in production when unset: bootstrap generates one and the owner must change it */
      ownerPassword: raw.BOOTSTRAP_OWNER_PASSWORD ?? (isProduction ? undefined : DEMO_OWNER_PASSWORD),
    },
    logLevel: raw.LOG_LEVEL,
    runWorker: raw.RUN_WORKER,
    trustProxyHops: raw.TRUST_PROXY_HOPS,
    allowPrivateOutboundUrls: raw.ALLOW_PRIVATE_OUTBOUND_URLS,
  };
}

/**
 * What production refuses to start without, checked first by every entry point that serves (scripts/boot.ts), not
 * on every read of the environment: `next build` also runs with NODE_ENV=production and needs no secret.
 * Whatever the database: a generated secret in production would sign sessions with a key nobody chose or rotates.
 */
export function assertProductionConfig(config: Env = env()): void {
  if (!config.isProduction) return;
  if (!config.authSecret) {
    throw new ConfigError(
      "AUTH_SECRET is required in production: set it to a long random string (openssl rand -base64 32).",
    );
  }
  if (config.bootstrap.ownerPassword === DEMO_OWNER_PASSWORD) {
    throw new ConfigError(
      `BOOTSTRAP_OWNER_PASSWORD is the demo password "${DEMO_OWNER_PASSWORD}": choose another, or leave it unset to have one generated.`,
    );
  }
}

let cached: Env | undefined;

/** The validated environment, read on first use. */
export function env(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

/** For tests and scripts that change process.env before the app reads it. */
export function resetEnvForTests(): void {
  cached = undefined;
}
