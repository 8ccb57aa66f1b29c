import type { SyncModel } from "../../model.ts";
import { SyncCommand } from "../command.ts";

/**
 * Lets time pass, so a later write is seconds apart from an earlier one: expiry counted
 * from the wrong write only shows then. Dates have whole seconds, hence over two of them.
 */
export class Pause extends SyncCommand {
  static override readonly op = "Pause";
  constructor(readonly args: { readonly ms: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    return model.writesSincePause > 0 && model.live().some((map) => map.expiry !== undefined);
  }
  describe(): string {
    return `Pause(${this.args.ms} ms)`;
  }
  async run(model: SyncModel): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.args.ms));
    model.writesSincePause = 0;
  }
}
