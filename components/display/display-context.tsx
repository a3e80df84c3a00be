"use client";
// How this business reads phone numbers and times, for every component below the app shell: the time zone of the
// business and the calling code of its country. Set once by the signed-in layout.
import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import { formatPhoneNumber } from "@/components/display/format-phone";

type Display = { timeZone: string; callingCode: string };

const DisplayContext = createContext<Display>({ timeZone: "UTC", callingCode: "1" });

export function DisplayProvider({ timeZone, callingCode, children }: Display & { children: ReactNode }) {
  const value = useMemo(() => ({ timeZone, callingCode }), [timeZone, callingCode]);
  return <DisplayContext value={value}>{children}</DisplayContext>;
}

export function useDisplay() {
  const display = useContext(DisplayContext);
  return { ...display, phone: (e164: string) => formatPhoneNumber(e164, display.callingCode) };
}

const subscribeNever = () => () => {};

/** The device's time zone, or null while rendering on the server and hydrating (the server cannot know it). */
export function useDeviceTimeZone(): string | null {
  return useSyncExternalStore(
    subscribeNever,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => null,
  );
}
