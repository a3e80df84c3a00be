// /leads/{id} — one lead: conversation, calls, voicemail, AI-captured fields, status and notes.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { LeadDetail } from "@/components/leads/lead-detail";
import { getPageMember } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getLeadById } from "@/lib/leads/get-lead";

export const metadata: Metadata = { title: "Lead" };
export const dynamic = "force-dynamic";

export default async function LeadPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await getPageMember();
  if (!member) redirect("/login");
  const { id } = await params;
  const lead = await getLeadById({ businessId: member.businessId, leadId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return <LeadDetail lead={lead} />;
}
