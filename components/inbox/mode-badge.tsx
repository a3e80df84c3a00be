// Who holds the conversation: the auto-text (nobody yet), the AI, a person, or nobody (closed).
import { Badge } from "@/components/ui/badge";
import type { ThreadMode } from "@/components/inbox/types";

const looks: Record<ThreadMode, { label: string; tone: "neutral" | "brand" | "success" | "warning" }> = {
  auto: { label: "Auto", tone: "warning" },
  ai: { label: "AI", tone: "brand" },
  human: { label: "You", tone: "success" },
  closed: { label: "Closed", tone: "neutral" },
};

export function ModeBadge({ mode, holderName }: { mode: ThreadMode; holderName?: string | null }) {
  const look = looks[mode];
  return (
    <span data-testid="mode-badge" data-mode={mode}>
      <Badge tone={look.tone}>{mode === "human" && holderName ? holderName : look.label}</Badge>
    </span>
  );
}
