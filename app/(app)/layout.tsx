// The signed-in app shell: header with the business name and the availability toggle, a sidebar on a desktop,
// a bottom tab bar on a phone. Every page below still checks the member itself (layouts do not guard route handlers).
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { DisplayProvider } from "@/components/display/display-context";
import { homeCallingCode } from "@/components/display/format-phone";
import { IosInstallHint } from "@/components/pwa/ios-install-hint";
import { RegisterServiceWorker } from "@/components/pwa/register-service-worker";
import { BottomNav, SidebarNav } from "@/components/shell/app-nav";
import { AvailabilityToggle } from "@/components/shell/availability-toggle";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { getPageMember } from "@/lib/auth/session";
import { getBusiness } from "@/lib/business/get-business";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const member = await getPageMember();
  if (!member) redirect("/login");
  // A generated first password (production bootstrap) must be replaced before anything else.
  if (member.mustChangePassword) redirect("/change-password");
  const business = await getBusiness({ businessId: member.businessId });

  return (
    <div className="min-h-dvh md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-dvh w-64 shrink-0 flex-col border-r border-slate-200 bg-white p-4 md:flex">
        <p className="px-3 pb-6 text-2xl font-bold tracking-tight text-brand-700">Ringback</p>
        <SidebarNav isSimulator={business.isSimulator} />
        <div className="mt-auto space-y-1 border-t border-slate-200 pt-4">
          <p className="truncate px-3 text-sm text-slate-500" title={member.email}>
            {member.name || member.email}
          </p>
          <SignOutButton className="w-full" />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-10 flex items-center justify-between gap-3 border-b border-slate-200 bg-white/95 px-4 pb-2 pt-[max(0.5rem,env(safe-area-inset-top))] backdrop-blur">
          <p className="min-w-0 truncate text-lg font-semibold" data-testid="business-name">
            {business.name}
          </p>
          {/* Keyed by the saved value: a change made elsewhere (settings) resets the toggle after a refresh. */}
          <AvailabilityToggle key={String(business.available)} initialAvailable={business.available} />
        </header>
        <IosInstallHint />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 pb-28 pt-4 md:pb-8">
          <DisplayProvider
            timeZone={business.timezone}
            callingCode={homeCallingCode(business.phoneNumbers[0]?.e164, business.forwardTo)}
          >
            {children}
          </DisplayProvider>
        </main>
      </div>
      <BottomNav isSimulator={business.isSimulator} />
      <RegisterServiceWorker />
    </div>
  );
}
