"use client";
// j/k move through rows, Enter opens the highlighted one; ignored while typing in a field.
import { useEffect, useState } from "react";

export function useKeyboardNavigation(count: number, onOpen: (index: number) => void) {
  const [activeIndex, setActiveIndex] = useState(-1);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "j") setActiveIndex((index) => Math.min(count - 1, index + 1));
      else if (event.key === "k") setActiveIndex((index) => Math.max(0, index - 1));
      else if (event.key === "Enter" && activeIndex >= 0 && activeIndex < count) onOpen(activeIndex);
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [count, activeIndex, onOpen]);
  return { activeIndex, setActiveIndex };
}
