// /offline — what the service worker shows when a page cannot be reached. No data, no session needed, no script.
import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Offline" };

export default async function OfflinePage() {
  // Per request, like every page: the CSP nonce must match the HTML the service worker caches with it.
  await connection();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-3xl font-bold tracking-tight text-brand-700">Ringback</p>
      <h1 className="text-2xl font-semibold">You are offline</h1>
      <p className="max-w-sm text-lg text-slate-600">
        Ringback needs a connection to show your conversations. Missed calls still get their text while you are away:
        that happens on the server.
      </p>
      {/* A plain link, not <Link>: offline, client routing has nothing to fetch; a full load retries the network. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a
        href="/inbox"
        className="inline-flex min-h-11 items-center rounded-xl bg-brand-600 px-5 text-base font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        Try again
      </a>
    </main>
  );
}
