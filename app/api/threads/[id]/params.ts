// The route context of /api/threads/[id]/* (Next.js 16 passes params as a promise).
export type ThreadRouteContext = { params: Promise<{ id: string }> };
