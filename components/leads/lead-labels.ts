// Labels and badge tones for lead statuses, urgencies and sources.
export const statusLabels = {
  new: "New",
  contacted: "Contacted",
  qualified: "Qualified",
  won: "Won",
  lost: "Lost",
} as const;
export type LeadStatusName = keyof typeof statusLabels;
export const statusOrder: LeadStatusName[] = ["new", "contacted", "qualified", "won", "lost"];

export const statusTones = {
  new: "brand",
  contacted: "neutral",
  qualified: "warning",
  won: "success",
  lost: "danger",
} as const;

export const urgencyLabels = { low: "Low", normal: "Normal", high: "High", emergency: "Emergency" } as const;
export const sourceLabels = { call: "Call", text: "Text" } as const;

/** The leads table's columns; `key` is the API's sort field (null: not sortable). */
export const sortColumns = [
  { key: "name", label: "Lead" },
  { key: "status", label: "Status" },
  { key: "urgency", label: "Urgency" },
  { key: null, label: "Service" },
  { key: "valueCents", label: "Value" },
  { key: "createdAt", label: "Created" },
] as const;
