import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";

const BASE = ["--weight", "82", "--route", "scig", "--scig-factor", "1.37", "--dose", "1", "--every", "3"];

describe("the table's SCIG dose line names the rounding the SCIG dose got", () => {
  it("--round 5g: the SCIG dose went to whole vials, not '--round vial'", async () => {
    // 82 g → 80 g (nearest 5 g); 80 ÷ 3 × 1.37 = 36.53 g a week → 37 g in whole vials (+0.47 g).
    const { stdout } = await runInProcess([...BASE, "--round", "5g"]);
    const line = stdout.split("\n").find((l) => l.includes("SCIG dose"))!;
    expect(line).toContain("37 g every 1 week (exact 36.53 g, whole vials: +0.47 g)");
    expect(line).not.toContain("--round vial");
  });
});
