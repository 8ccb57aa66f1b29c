import type { SyncModel } from "../model.ts";
import { SyncCommand } from "./command.ts";

/**
 * Each pause costs seconds of wall time, and sequences that pause run side by side, so
 * the slowest of them sets the time: a sequence pauses once. Once is enough for what
 * only time shows (a write or read seconds after the write that set a ttl or a date).
 */
export const MAX_PAUSES = 1;

/**
 * Lets time pass, so what follows is seconds apart from what came before: expiry counted
 * from the wrong write, a ttl that slides on a read, a date_updated that does not move
 * only show then. Dates have whole seconds, hence over two of them.
 */
export class Pause extends SyncCommand {
  static override readonly op = "Pause";
  constructor(readonly args: { readonly ms: number }) {
    super();
  }
  check(model: Readonly<SyncModel>): boolean {
    if (model.callsSincePause === 0 || model.pauses >= MAX_PAUSES) return false;
    const live = model.live();
    return live.some((map) => map.expiry !== undefined || map.items.size > 0);
  }
  describe(): string {
    return `Pause(${(this.args.ms / 1000).toFixed(1)} s)`;
  }
  async run(model: SyncModel): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.args.ms));
    model.pauses += 1;
    model.callsSincePause = 0;
  }
}
