// /login — sign in; someone already signed in goes straight on.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/shell/login-form";
import { getPageMember } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  if (await getPageMember()) redirect("/inbox");
  const params = await searchParams;
  return (
    <div className="w-full max-w-sm">
      <div className="mb-6 text-center">
        <p className="text-3xl font-bold tracking-tight text-brand-700">Ringback</p>
        <p className="mt-2 text-base text-slate-600">Every missed call becomes a conversation.</p>
      </div>
      <div className="rounded-2xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h1 className="mb-4 text-xl font-semibold">Sign in</h1>
        <LoginForm callbackUrl={first(params.callbackUrl)} initialError={first(params.error)} />
      </div>
    </div>
  );
}
