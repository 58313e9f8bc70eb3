// `npm run dev -- <args>`: runs the CLI from the TypeScript sources through tsx, no build needed.
// For contributors only: users run the bundle (bin/mmn-dose.cjs), never tsx.
import { runProcess } from "./node.js";

runProcess();
