// The app's top-level places, in navigation order. The simulator shows only in simulator mode.
import type { IconName } from "@/components/shell/nav-icon";

export type NavItem = { href: string; label: string; icon: IconName };

export function navItems({ isSimulator }: { isSimulator: boolean }): NavItem[] {
  return [
    { href: "/inbox", label: "Inbox", icon: "inbox" },
    { href: "/leads", label: "Leads", icon: "leads" },
    { href: "/dashboard", label: "Dashboard", icon: "dashboard" },
    { href: "/settings", label: "Settings", icon: "settings" },
    ...(isSimulator ? [{ href: "/simulator", label: "Simulator", icon: "simulator" as const }] : []),
  ];
}

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
