"use client";
// iOS delivers web push only to apps added to the Home Screen. On iOS Safari outside standalone mode, say so once
// (dismissible, remembered on this device).
import { useEffect, useState } from "react";

const DISMISSED_KEY = "ringback:ios-install-hint-dismissed";

function shouldShowHint(): boolean {
  const userAgent = navigator.userAgent;
  const isIos =
    /iPhone|iPad|iPod/.test(userAgent) || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);
  const isSafari = /Safari/.test(userAgent) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(userAgent);
  const isStandalone =
    window.matchMedia("(display-mode: standalone)").matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return isIos && isSafari && !isStandalone && localStorage.getItem(DISMISSED_KEY) !== "1";
}

export function IosInstallHint() {
  const [isVisible, setIsVisible] = useState(false);

  useEffect(() => {
    // Reading the browser only after mount keeps server and client markup identical.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setIsVisible(shouldShowHint());
  }, []);

  if (!isVisible) return null;
  return (
    <aside
      role="note"
      data-testid="ios-install-hint"
      className="flex items-start gap-3 border-b border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-700"
    >
      <p className="flex-1">
        To get notified about missed calls, add Ringback to your Home Screen: tap <strong>Share</strong>, then{" "}
        <strong>Add to Home Screen</strong>, and open it from there. iPhones only deliver notifications to installed
        apps.
      </p>
      <button
        type="button"
        onClick={() => {
          localStorage.setItem(DISMISSED_KEY, "1");
          setIsVisible(false);
        }}
        className="min-h-11 min-w-11 rounded-lg px-2 font-semibold hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
        aria-label="Dismiss the Home Screen hint"
      >
        ✕
      </button>
    </aside>
  );
}
