// Any address that leads nowhere (an old link, a conversation of another business, a typo): the app's own page
// with a way back, not Next's bare default.
import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 bg-slate-50 px-6 text-center">
      <p className="text-3xl font-bold tracking-tight text-brand-700">Ringback</p>
      <h1 className="text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="max-w-sm text-lg text-slate-600">
        This page does not exist, or it belongs to another account. The link may be old or mistyped.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <Link href="/inbox" className={buttonClassName("primary")}>
          Back to the inbox
        </Link>
        <Link href="/leads" className={buttonClassName("secondary")}>
          Leads
        </Link>
      </div>
    </main>
  );
}
