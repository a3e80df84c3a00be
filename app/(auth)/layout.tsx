import { connection } from "next/server";
import type { ReactNode } from "react";

// Rendered per request: the CSP nonce from proxy.ts must reach Next's inline scripts.
export default async function AuthLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <main className="flex min-h-dvh items-center justify-center bg-gradient-to-b from-brand-50 to-slate-50 px-4 py-10">
      {children}
    </main>
  );
}
