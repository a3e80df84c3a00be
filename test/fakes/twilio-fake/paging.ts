// The envelope of Twilio's list resources (`{ <key>: [...], first_page_uri, next_page_uri, ... }`).
export function listPage<T>({ key, items, uri }: { key: string; items: T[]; uri: string }) {
  return {
    [key]: items,
    first_page_uri: uri,
    next_page_uri: null,
    previous_page_uri: null,
    page: 0,
    page_size: 50,
    start: 0,
    end: items.length,
    uri,
  };
}
