// The leads filter as state and as URL: shared by the page (server: the first render from the URL) and the view.
import { statusOrder, urgencyLabels } from "@/components/leads/lead-labels";

export type LeadFilterState = {
  q: string;
  status: string;
  urgency: string;
  source: string;
  from: string;
  to: string;
  sort: string;
  dir: "asc" | "desc";
};

export const emptyFilter: LeadFilterState = {
  q: "",
  status: "",
  urgency: "",
  source: "",
  from: "",
  to: "",
  sort: "createdAt",
  dir: "desc",
};

/** The filter as a query string; the defaults (newest first) are left out, so a plain /leads stays plain. */
export function filterQuery(filter: LeadFilterState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter))
    if (value && value !== emptyFilter[key as keyof LeadFilterState]) params.set(key, value);
  return params.toString();
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const sortKeys = new Set(["createdAt", "updatedAt", "name", "status", "urgency", "valueCents"]);

/** The filter a URL asks for (a reload, a shared link); anything unknown falls back to "no filter". */
export function filterFromSearchParams(params: Record<string, string | string[] | undefined>): LeadFilterState {
  const one = (key: string) => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
  };
  const pick = (key: string, allowed: readonly string[]) => (allowed.includes(one(key)) ? one(key) : "");
  return {
    q: one("q").slice(0, 100),
    status: pick("status", statusOrder),
    urgency: pick("urgency", Object.keys(urgencyLabels)),
    source: pick("source", ["call", "text"]),
    from: isoDay.test(one("from")) ? one("from") : "",
    to: isoDay.test(one("to")) ? one("to") : "",
    sort: sortKeys.has(one("sort")) ? one("sort") : emptyFilter.sort,
    dir: one("dir") === "asc" ? "asc" : "desc",
  };
}
