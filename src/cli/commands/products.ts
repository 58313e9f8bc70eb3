import { renderJson } from "../../render/json.js";
import { COMMANDS, type CommandContext, DEBUG_HELP, paintFor, refuseOptionsBefore } from "../commandKit.js";
import { UsageError } from "../cliError.js";

/** `mmn-dose products`: the catalog, with the source of every number. */
export function addProductsCommand({ program, io }: CommandContext): void {
  program
    .command("products")
    .description(COMMANDS.products)
    .option("--debug", DEBUG_HELP)
    .option("--json", "print the catalog as JSON")
    .option("--brief", "one line per product: id, route, name, and whether the US and EU labels name MMN")
    .option("--color", "force color")
    .option("--no-color", "no color")
    .action(async (opts: { json?: boolean; brief?: boolean; color?: boolean }) => {
      refuseOptionsBefore(program, "products");
      if (opts.json && opts.brief)
        throw new UsageError("CONFLICTING_OPTIONS", "--json and --brief cannot be used together");
      const view = await import("../../render/products.js");
      if (opts.json) io.writeOut(renderJson(view.productsJson()));
      else {
        const render = opts.brief ? view.renderProductsBrief : view.renderProductsTable;
        io.writeOut(render(undefined, await paintFor(opts.color, io)));
      }
    });
}
