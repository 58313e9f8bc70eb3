// The bundle's entry (scripts/bundle.mjs): what bin/mmn-dose.cjs and scripts/code-cache.cjs call.
export { IoError, main } from "./main.js";
export { runProcess } from "./node.js";
