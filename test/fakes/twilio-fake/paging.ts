// Twilio's paging of list resources (2010-04-01), as the API and the twilio SDK use it:
//   PageSize  records per page, default 50, at most 1000
//   Page      the page's index (0 first), informative alongside PageToken
//   PageToken where the page starts: `PA<sid>` = after that record, `PB<sid>` = the page that ends before it; so a
//             record created meanwhile (lists are newest first) never shifts the pages a reader is walking
// The envelope: `{ <key>: [...], first_page_uri, next_page_uri, previous_page_uri, uri, page, page_size, start, end }`,
// every URI relative to the API's domain and carrying the list's filters, `next_page_uri` null on the last page.

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

export function servePage<T extends { sid: string }>({
  query,
  listPath,
  key,
  items,
  filterKeys,
  toJson,
}: {
  query: URLSearchParams;
  listPath: string;
  key: string;
  /** every matching record, in the list's order */
  items: T[];
  /** the filters the list understands: kept, as given, in every page URI */
  filterKeys: string[];
  toJson(item: T): unknown;
}) {
  const pageSize = Math.min(
    Math.max(Math.trunc(Number(query.get("PageSize") ?? DEFAULT_PAGE_SIZE)) || 1, 1),
    MAX_PAGE_SIZE,
  );
  const page = Math.max(Math.trunc(Number(query.get("Page") ?? 0)) || 0, 0);
  const token = query.get("PageToken");
  let start = page * pageSize;
  const tokenSid = token?.slice(2);
  const tokenIndex = tokenSid ? items.findIndex((item) => item.sid === tokenSid) : -1;
  if (token?.startsWith("PA") && tokenIndex !== -1) start = tokenIndex + 1;
  if (token?.startsWith("PB") && tokenIndex !== -1) start = Math.max(tokenIndex - pageSize, 0);
  const pageItems = items.slice(start, start + pageSize);

  const filters = new URLSearchParams();
  for (const name of filterKeys) {
    for (const value of query.getAll(name)) filters.append(name, value);
  }
  const pageUri = (index: number, pageToken?: string | null) => {
    const params = new URLSearchParams(filters);
    params.set("PageSize", String(pageSize));
    params.set("Page", String(index));
    if (pageToken) params.set("PageToken", pageToken);
    return `${listPath}?${params.toString()}`;
  };
  const hasNext = start + pageSize < items.length;
  const first = pageItems[0];
  const last = pageItems.at(-1);
  return {
    [key]: pageItems.map(toJson),
    first_page_uri: pageUri(0),
    next_page_uri: hasNext && last ? pageUri(page + 1, `PA${last.sid}`) : null,
    previous_page_uri: start > 0 && first ? pageUri(Math.max(page - 1, 0), `PB${first.sid}`) : null,
    uri: pageUri(page, token),
    page,
    page_size: pageSize,
    start,
    end: start + Math.max(pageItems.length - 1, 0),
  };
}
