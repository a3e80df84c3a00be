// What we know about the customer; the AI fills it in as it learns, a person can correct it (PATCH /api/leads/{id}).
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { postJson } from "@/components/inbox/fetch-json";
import { PhoneNumber } from "@/components/display/phone-number";
import type { ThreadLead } from "@/components/inbox/types";
import { statusLabels, urgencyLabels } from "@/components/leads/lead-labels";
import { languageName, replyLanguages } from "@/lib/language/languages";

const fields = [
  ["name", "Name"],
  ["address", "Address"],
  ["service", "Service"],
  ["preferredTime", "Preferred time"],
] as const;

const urgencies = ["low", "normal", "high", "emergency"] as const;

/** The languages a person can pick: the ones Ringback writes in, plus the customer's own if it is another. */
function languageChoices(current: string): string[] {
  return [...new Set<string>([...replyLanguages, current])];
}

export function LeadCard({ lead, onSaved }: { lead: ThreadLead; onSaved: () => void }) {
  const [isEditing, setIsEditing] = useState(false);
  const [draft, setDraft] = useState(lead);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function save() {
    setIsSaving(true);
    setError(null);
    try {
      const patch = Object.fromEntries(fields.map(([key]) => [key, draft[key]?.trim() || null]));
      const language = draft.language === lead.language ? {} : { language: draft.language };
      await postJson(`/api/leads/${lead.id}`, { ...patch, urgency: draft.urgency, ...language }, "PATCH");
      setIsEditing(false);
      onSaved();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not save.");
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <section className="rounded-2xl bg-white p-4 ring-1 ring-slate-200" aria-label="Lead" data-testid="lead-card">
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold">
          <PhoneNumber value={lead.phone} />
        </h2>
        {!isEditing ? (
          <Button look="ghost" onClick={() => (setDraft(lead), setIsEditing(true))}>
            Edit
          </Button>
        ) : null}
      </div>
      {isEditing ? (
        <form className="mt-2 space-y-2" onSubmit={(event) => (event.preventDefault(), void save())}>
          {fields.map(([key, label]) => (
            <label key={key} className="block text-sm">
              <span className="text-slate-600">{label}</span>
              <input
                className="mt-0.5 block min-h-11 w-full rounded-lg border border-slate-300 px-3"
                value={draft[key] ?? ""}
                onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
              />
            </label>
          ))}
          <label className="block text-sm">
            <span className="text-slate-600">Urgency</span>
            <select
              className="mt-0.5 block min-h-11 w-full rounded-lg border border-slate-300 px-3"
              value={draft.urgency}
              onChange={(event) => setDraft({ ...draft, urgency: event.target.value })}
            >
              {urgencies.map((urgency) => (
                <option key={urgency} value={urgency}>
                  {urgencyLabels[urgency]}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm">
            <span className="text-slate-600">Language</span>
            <select
              className="mt-0.5 block min-h-11 w-full rounded-lg border border-slate-300 px-3"
              value={draft.language}
              data-testid="lead-language"
              onChange={(event) => setDraft({ ...draft, language: event.target.value })}
            >
              {languageChoices(lead.language).map((code) => (
                <option key={code} value={code}>
                  {languageName(code) ?? code}
                </option>
              ))}
            </select>
          </label>
          {error ? (
            <p className="text-sm text-red-700" role="alert">
              {error}
            </p>
          ) : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={isSaving}>
              Save
            </Button>
            <Button look="secondary" onClick={() => setIsEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {fields.map(([key, label]) => (
            <div key={key} className="contents">
              <dt className="text-slate-500">{label}</dt>
              <dd className="text-slate-900">{lead[key] || "—"}</dd>
            </div>
          ))}
          <dt className="text-slate-500">Urgency</dt>
          <dd className={lead.urgency === "emergency" ? "font-bold text-red-700" : "text-slate-900"}>
            {urgencyLabels[lead.urgency as keyof typeof urgencyLabels] ?? lead.urgency}
          </dd>
          <dt className="text-slate-500">Language</dt>
          <dd className="text-slate-900">
            {languageName(lead.language) ?? lead.language}
            {lead.languageSource === "unknown" ? <span className="text-slate-500"> (not detected yet)</span> : null}
          </dd>
          <dt className="text-slate-500">Status</dt>
          <dd className="text-slate-900">{statusLabels[lead.status as keyof typeof statusLabels] ?? lead.status}</dd>
        </dl>
      )}
    </section>
  );
}
