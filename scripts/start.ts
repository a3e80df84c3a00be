// npm start — the production server: migrations and bootstrap first, then Next.js on PORT.
import { serve } from "./serve";

serve({ dev: false }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
