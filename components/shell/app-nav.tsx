"use client";
// The navigation, twice: a sidebar from md up, a bottom tab bar on a phone (within thumb reach, above the home bar).
import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { NavIcon } from "@/components/shell/nav-icon";
import { isActivePath, navItems } from "@/components/shell/nav-items";

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

export function SidebarNav({ isSimulator }: { isSimulator: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {navItems({ isSimulator }).map((item) => {
        const isActive = isActivePath(pathname, item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={isActive ? "page" : undefined}
            className={clsx(
              "flex min-h-11 items-center gap-3 rounded-xl px-3 text-base font-medium",
              isActive ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
              focusRing,
            )}
          >
            <NavIcon name={item.icon} />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

export function BottomNav({ isSimulator }: { isSimulator: boolean }) {
  const pathname = usePathname();
  const items = navItems({ isSimulator });
  return (
    <nav
      aria-label="Main"
      className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
    >
      <ul className="flex">
        {items.map((item) => {
          const isActive = isActivePath(pathname, item.href);
          return (
            <li key={item.href} className="flex-1">
              <Link
                href={item.href}
                aria-current={isActive ? "page" : undefined}
                className={clsx(
                  "flex min-h-16 flex-col items-center justify-center gap-0.5 text-xs font-semibold",
                  isActive ? "text-brand-700" : "text-slate-600",
                  focusRing,
                )}
              >
                <NavIcon name={item.icon} />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
