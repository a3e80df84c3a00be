// The process is stopping (SIGTERM from a deploy, Ctrl-C): long-lived work registers here to be ended in order.
// Open live streams are closed first with a short retry hint, so browsers reconnect at once, to another instance.
const globalForShutdown = globalThis as unknown as {
  ringbackShutdown?: { isStopping: boolean; streams: Set<() => void> };
};

function state() {
  globalForShutdown.ringbackShutdown ??= { isStopping: false, streams: new Set() };
  return globalForShutdown.ringbackShutdown;
}

export function isShuttingDown(): boolean {
  return state().isStopping;
}

/** Registers a live stream's closer; returns the function that unregisters it (when the stream ends first). */
export function onShutdownCloseStream(close: () => void): () => void {
  const { streams } = state();
  streams.add(close);
  return () => streams.delete(close);
}

/** Marks the process as stopping and closes every open live stream; returns how many were open. */
export function closeLiveStreamsForShutdown(): number {
  const current = state();
  current.isStopping = true;
  const closers = [...current.streams];
  current.streams.clear();
  for (const close of closers) close();
  return closers.length;
}
