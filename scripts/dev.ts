// npm run dev — the whole product on http://localhost:3000 with the embedded defaults, in one process.
import { serve } from "./serve";

serve({ dev: true }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
