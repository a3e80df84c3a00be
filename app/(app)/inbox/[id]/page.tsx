// /inbox/{id} — one conversation. `?focus=composer` (opened by the notification's Take over) focuses the reply box.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { ThreadView } from "@/components/inbox/thread-view";
import { getPageMember } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Conversation" };
export const dynamic = "force-dynamic";

export default async function ThreadPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await getPageMember();
  if (!member) redirect("/login");
  const { id } = await params;
  const thread = await db.thread.findFirst({ where: { id, businessId: member.businessId }, select: { id: true } });
  if (!thread) notFound();
  return (
    <div className="space-y-3">
      <Link href="/inbox" className="inline-flex min-h-11 items-center text-brand-700">
        ← Inbox
      </Link>
      <Suspense fallback={<p className="text-slate-500">Loading…</p>}>
        <ThreadView threadId={thread.id} />
      </Suspense>
    </div>
  );
}
