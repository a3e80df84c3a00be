"use client";
// A phone number as the business writes it (see format-phone.ts).
import { useDisplay } from "@/components/display/display-context";

export function PhoneNumber({ value, className }: { value: string; className?: string }) {
  return <span className={className}>{useDisplay().phone(value)}</span>;
}
