// /inbox — the conversations, live (phone first).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EnablePushBanner } from "@/components/inbox/enable-push-banner";
import { ThreadList } from "@/components/inbox/thread-list";
import { getPageMember } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Inbox" };
export const dynamic = "force-dynamic";

export default async function InboxPage() {
  const member = await getPageMember();
  if (!member) redirect("/login");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">Inbox</h1>
      <EnablePushBanner />
      <ThreadList />
    </div>
  );
}
