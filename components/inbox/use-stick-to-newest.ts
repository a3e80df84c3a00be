// A conversation opens at its newest message. While the reader is there, new messages (and the AI's reply as it is
// written) keep it in view; once they have scrolled up to read, nothing moves under them and a "new message" pill
// offers the way down. The page itself scrolls (on a phone the lead card follows the conversation), so "the newest
// message" is the end of the conversation list sitting just above the sticky composer, not the end of the page.
"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";

/** How far above the composer the conversation's end may be and still count as "at the newest" (finger slack). */
const SLACK_PX = 120;

export function useStickToNewest({
  listRef,
  composerRef,
  entryCount,
  growth,
}: {
  listRef: RefObject<HTMLElement | null>;
  composerRef: RefObject<HTMLElement | null>;
  /** messages and calls shown: a rise is a new arrival */
  entryCount: number;
  /** anything else that grows the end of the list (the AI's reply being written) */
  growth: number;
}) {
  const isAtNewest = useRef(true);
  const seenCount = useRef<number | null>(null);
  const [hasNewBelow, setHasNewBelow] = useState(false);

  /** How far the end of the conversation is below the composer's top edge (negative: above it). */
  const overshoot = useCallback(() => {
    const list = listRef.current?.getBoundingClientRect();
    const composer = composerRef.current?.getBoundingClientRect();
    if (!list || !composer) return 0;
    return list.bottom - Math.min(composer.top, window.innerHeight);
  }, [listRef, composerRef]);

  const scrollToNewest = useCallback(() => {
    const distance = overshoot();
    if (distance > 0) window.scrollBy({ top: distance, behavior: "instant" });
    isAtNewest.current = true;
    setHasNewBelow(false);
  }, [overshoot]);

  useEffect(() => {
    const onScroll = () => {
      isAtNewest.current = overshoot() <= SLACK_PX;
      if (isAtNewest.current) setHasNewBelow(false);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, [overshoot]);

  // Before paint, so the thread never flashes at its top.
  useLayoutEffect(() => {
    if (entryCount === 0) return;
    const previous = seenCount.current;
    seenCount.current = entryCount;
    if (previous === null || isAtNewest.current) {
      scrollToNewest();
    } else if (entryCount > previous) {
      setHasNewBelow(true);
    }
  }, [entryCount, growth, scrollToNewest]);

  return { hasNewBelow, scrollToNewest };
}
