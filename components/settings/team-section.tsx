"use client";
// The people who can sign in to this business. Owners add people with a starting password and remove them
// (their sessions end at once).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { AddMemberForm } from "@/components/settings/add-member-form";

export type TeamMemberView = { id: string; email: string; name: string; role: "owner" | "member" };

export function TeamSection({
  members,
  currentUserId,
  isOwner,
}: {
  members: TeamMemberView[];
  currentUserId: string;
  isOwner: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [removingId, setRemovingId] = useState<string | undefined>();

  async function remove(member: TeamMemberView) {
    if (!window.confirm(`Remove ${member.name || member.email}? They are signed out everywhere.`)) return;
    setRemovingId(member.id);
    setError(undefined);
    try {
      const response = await fetch(`/api/members/${encodeURIComponent(member.id)}`, { method: "DELETE" });
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        setError(body?.error?.message ?? "Could not remove. Try again.");
        return;
      }
      router.refresh();
    } catch {
      setError("Ringback could not be reached. Try again.");
    } finally {
      setRemovingId(undefined);
    }
  }

  return (
    <Card
      id="team"
      title="Team"
      description={
        isOwner ? "Everyone here gets the inbox and notifications." : "Only an owner can add or remove people."
      }
    >
      <ul className="divide-y divide-slate-100" data-testid="team-list">
        {members.map((member) => (
          <li key={member.id} className="flex items-center gap-3 py-3">
            <div className="min-w-0 flex-1">
              <p className="truncate font-medium">
                {member.name || member.email}
                {member.id === currentUserId ? <span className="text-slate-500"> (you)</span> : null}
              </p>
              <p className="truncate text-sm text-slate-500">{member.email}</p>
            </div>
            <Badge tone={member.role === "owner" ? "brand" : "neutral"}>
              {member.role === "owner" ? "Owner" : "Member"}
            </Badge>
            {isOwner && member.id !== currentUserId ? (
              <Button
                look="danger"
                disabled={removingId === member.id}
                onClick={() => void remove(member)}
                aria-label={`Remove ${member.email}`}
              >
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {isOwner ? <AddMemberForm onAdded={() => router.refresh()} /> : null}
    </Card>
  );
}
