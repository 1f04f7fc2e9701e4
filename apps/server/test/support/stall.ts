/**
 * A slow WeChat on demand, for the fakes. While held, a fake takes calls but answers none until
 * `release()` — or until `maxMs` has passed, so that a test which deadlocks on a held call fails
 * on its assertions instead of hanging.
 */
export class Stall {
  private gate: { open: () => void; opened: Promise<void> } | null = null;
  /** Calls taken and not answered yet. */
  waiting = 0;

  /** From now on, calls wait. */
  hold(maxMs = 10_000): void {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    const timer = setTimeout(() => this.release(), maxMs);
    timer.unref();
    this.gate = {
      open: () => {
        clearTimeout(timer);
        open();
      },
      opened,
    };
  }

  /** Answers the waiting calls, and the next ones at once. */
  release(): void {
    this.gate?.open();
    this.gate = null;
  }

  /** Resolves once `n` calls are waiting; refuses after `maxMs` (the call never reached WeChat). */
  async arrived(n = 1, maxMs = 5_000): Promise<void> {
    const until = Date.now() + maxMs;
    while (this.waiting < n) {
      if (Date.now() > until) throw new Error(`${n} call(s) expected at the fake, ${this.waiting} arrived`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** A fake awaits this before answering. */
  async pass(): Promise<void> {
    const gate = this.gate;
    if (!gate) return;
    this.waiting++;
    try {
      await gate.opened;
    } finally {
      this.waiting--;
    }
  }
}
