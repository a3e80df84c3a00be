"use client";
// The AI-captured fields and the notes, editable by a person.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { patchLead } from "@/components/leads/lead-status-editor";
import { urgencyLabels } from "@/components/leads/lead-labels";
import { Button } from "@/components/ui/button";

type Fields = {
  name: string;
  address: string;
  service: string;
  problem: string;
  preferredTime: string;
  urgency: string;
  notes: string;
};

const textFields = [
  { key: "name", label: "Name" },
  { key: "address", label: "Service address" },
  { key: "service", label: "Service" },
  { key: "problem", label: "Problem" },
  { key: "preferredTime", label: "Preferred time" },
] as const;

export function LeadFieldsEditor({ leadId, initial }: { leadId: string; initial: Fields }) {
  const router = useRouter();
  const [fields, setFields] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const isDirty = JSON.stringify(fields) !== JSON.stringify(initial);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    setMessage(null);
    const body: Record<string, unknown> = { urgency: fields.urgency, notes: fields.notes };
    for (const { key } of textFields) body[key] = fields[key].trim() === "" ? null : fields[key];
    try {
      await patchLead(leadId, body);
      setMessage("Saved.");
      router.refresh();
    } catch (caught) {
      setMessage((caught as Error).message);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      {textFields.map(({ key, label }) => (
        <label key={key} className="block text-sm">
          <span className="font-medium text-slate-700">{label}</span>
          <input
            value={fields[key]}
            onChange={(event) => setFields({ ...fields, [key]: event.target.value })}
            className="mt-1 min-h-10 w-full rounded-lg border border-slate-300 px-3"
          />
        </label>
      ))}
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Urgency</span>
        <select
          value={fields.urgency}
          onChange={(event) => setFields({ ...fields, urgency: event.target.value })}
          className="mt-1 min-h-10 w-full rounded-lg border border-slate-300 bg-white px-2"
        >
          {Object.entries(urgencyLabels).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Notes</span>
        <textarea
          data-testid="lead-notes"
          rows={4}
          value={fields.notes}
          onChange={(event) => setFields({ ...fields, notes: event.target.value })}
          className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2"
        />
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={!isDirty || isSaving} data-testid="lead-save">
          {isSaving ? "Saving…" : "Save"}
        </Button>
        {message ? (
          <span role="status" className="text-sm text-slate-600">
            {message}
          </span>
        ) : null}
      </div>
    </form>
  );
}
