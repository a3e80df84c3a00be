"use client";
// /leads: pipeline counts, search and filters, the server-paginated table, CSV export of the current filter.
import { useRouter } from "next/navigation";
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import useSWRInfinite from "swr/infinite";
import { filterQuery, type LeadFilterState } from "@/components/leads/lead-filter-state";
import { LeadFilters } from "@/components/leads/lead-filters";
import type { LeadStatusName } from "@/components/leads/lead-labels";
import { LeadTable, type LeadRow } from "@/components/leads/lead-table";
import { PipelineCounts } from "@/components/leads/pipeline-counts";
import { useKeyboardNavigation } from "@/components/leads/use-keyboard-navigation";
import { Button, buttonClassName } from "@/components/ui/button";

type Page = { leads: LeadRow[]; nextCursor: string | null; counts?: Record<LeadStatusName, number> };

const fetcher = async (url: string) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error("Could not load the leads.");
  return (await response.json()) as Page;
};

export function LeadsView({ initialFilter }: { initialFilter: LeadFilterState }) {
  const router = useRouter();
  const [filter, setFilter] = useState<LeadFilterState>(initialFilter);
  const deferred = useDeferredValue(filter);
  const query = filterQuery(deferred);
  // The filter lives in the URL, so a reload, the back button or a shared link shows the same leads. replaceState
  // (which Next's router follows) keeps typing in the search box from stacking up history entries.
  useEffect(() => {
    const search = query ? `?${query}` : "";
    if (window.location.search !== search) window.history.replaceState(null, "", `/leads${search}`);
  }, [query]);
  const { data, error, size, setSize, isValidating } = useSWRInfinite<Page>(
    (index, previous: Page | null) => {
      if (previous && !previous.nextCursor) return null;
      const cursor = previous?.nextCursor ? `&cursor=${previous.nextCursor}` : "";
      return `/api/leads?limit=50&${query}${cursor}`;
    },
    fetcher,
    { revalidateFirstPage: true },
  );
  const leads = useMemo(() => data?.flatMap((page) => page.leads) ?? [], [data]);
  const hasMore = Boolean(data?.at(-1)?.nextCursor);
  const open = useCallback(
    (index: number) => {
      const lead = leads[index];
      if (lead) router.push(`/leads/${lead.id}`);
    },
    [leads, router],
  );
  const { activeIndex } = useKeyboardNavigation(leads.length, open);
  const onSort = (key: string, dir?: "asc" | "desc") =>
    setFilter((current) => ({
      ...current,
      sort: key,
      dir: dir ?? (current.sort === key && current.dir === "desc" ? "asc" : "desc"),
    }));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Leads</h1>
        <a
          data-testid="export-csv"
          href={`/api/leads/export.csv?${filterQuery(filter)}`}
          className={buttonClassName("secondary")}
          download
        >
          Export CSV
        </a>
      </div>
      <PipelineCounts
        counts={data?.[0]?.counts}
        active={filter.status}
        onSelect={(status) => setFilter({ ...filter, status })}
      />
      <LeadFilters value={filter} onChange={setFilter} />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      ) : null}
      <LeadTable leads={leads} sort={filter.sort} dir={filter.dir} onSort={onSort} activeIndex={activeIndex} />
      {data && leads.length === 0 ? <p className="text-center text-sm text-slate-600">No leads match.</p> : null}
      <div className="flex items-center justify-between text-sm text-slate-600">
        <span className="hidden md:inline">Keys: j / k to move, Enter to open</span>
        {hasMore ? (
          <Button look="secondary" onClick={() => setSize(size + 1)} disabled={isValidating}>
            {isValidating ? "Loading…" : "Load more"}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
