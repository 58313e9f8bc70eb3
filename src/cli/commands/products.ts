import { renderJson } from "../../render/json.js";
import { type CommandContext, DEBUG_HELP, paintFor, refuseOptionsBefore } from "../commandKit.js";

/** `mmn-dose products`: the catalog, with the source of every number. */
export function addProductsCommand({ program, io }: CommandContext): void {
  program
    .command("products")
    .description("list the product catalog with the source of every number")
    .option("--debug", DEBUG_HELP)
    .option("--json", "print the catalog as JSON")
    .option("--color", "force color")
    .option("--no-color", "no color")
    .action(async (opts: { json?: boolean; color?: boolean }) => {
      refuseOptionsBefore(program, "products");
      const { productsJson, renderProductsTable } = await import("../../render/products.js");
      io.writeOut(
        opts.json ? renderJson(productsJson()) : `${renderProductsTable(undefined, await paintFor(opts.color, io))}`,
      );
    });
}
