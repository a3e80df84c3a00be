// Prisma CLI configuration: the JavaScript engine with the pg driver adapter (no engine binaries to download).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The CLI reads env("DATABASE_URL") even for offline commands (generate, migrate diff); without a value it
// fails with a misleading engine-download error. The app itself never reads this placeholder.
process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:5432/placeholder";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
