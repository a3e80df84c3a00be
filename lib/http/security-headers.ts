// The headers every response carries: next.config.ts sets them on what Next.js answers, and the server's direct
// Twilio path (lib/telephony/webhooks/serve-direct.ts) on what it answers itself. The CSP (with a per-request nonce)
// is set in proxy.ts, for pages only.

/** HSTS only in production: in development it would pin localhost to https. */
export function securityHeaders({ isProduction }: { isProduction: boolean }): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
