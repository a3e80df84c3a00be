// /docs/webhooks — the CRM webhook guide for integrators (what is sent, retries, verifying Ringback-Signature),
// rendered from the repository's own docs/webhooks.md so that the page and the file never disagree. Public: the
// person wiring up the CRM may have no Ringback account. The markdown is ours, never user input.
import fs from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import Link from "next/link";
import { marked } from "marked";

export const metadata: Metadata = { title: "CRM webhooks" };

export default async function WebhooksGuidePage() {
  const markdown = await fs.readFile(
    path.join(/* turbopackIgnore: true */ process.cwd(), "docs", "webhooks.md"),
    "utf8",
  );
  const html = await marked.parse(markdown, { gfm: true });
  return (
    <main id="main" className="mx-auto max-w-3xl space-y-4 px-4 py-6">
      <Link href="/settings#crm-webhooks" className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
        ← Back to settings
      </Link>
      <article className="doc" dangerouslySetInnerHTML={{ __html: html }} />
    </main>
  );
}
