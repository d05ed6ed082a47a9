// The ordered queue of sealed items (ops and series segments) waiting for a batch, and the
// flush() callers waiting for a position in it to be processed.
import { itemPoints, type Item } from "./delivery";

export class ItemQueue {
  private items: Item[] = [];
  private head = 0;
  total = 0; // items ever queued: the position a flush() waits for

  get length() {
    return this.items.length - this.head;
  }

  push(item: Item) {
    this.items.push(item);
    this.total++;
  }

  // The next batch: at most maxOps items and, beyond its first item, at most maxPoints points.
  take(maxOps: number, maxPoints: number): Item[] {
    let end = this.head;
    let points = 0;
    while (end < this.items.length && end - this.head < maxOps) {
      const p = itemPoints(this.items[end]);
      if (end > this.head && points + p > maxPoints) break;
      points += p;
      end++;
    }
    const taken = this.items.slice(this.head, end);
    this.head = end;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return taken;
  }
}

type Waiter = { target: number; resolve: () => void; reject: (err: Error) => void; timer?: NodeJS.Timeout };

export class FlushWaiters {
  private waiters: Waiter[] = [];
  private keepAlive: NodeJS.Timeout | null = null;

  get length() {
    return this.waiters.length;
  }

  // Resolves when settle() reaches `target`; rejects after timeoutMs with timeoutError().
  wait(target: number, timeoutMs: number | undefined, timeoutError: () => Error): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = { target, resolve, reject };
      if (timeoutMs !== undefined) {
        w.timer = setTimeout(() => {
          this.waiters = this.waiters.filter((x) => x !== w);
          this.holdOpen();
          reject(timeoutError());
        }, timeoutMs);
      }
      this.waiters.push(w);
      this.holdOpen();
    });
  }

  // Settles every waiter whose target is processed: rejected with failure() when it returns an
  // error (some of its data was refused), else resolved.
  settle(processed: number, failure: () => Error | null) {
    const still: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.target > processed) {
        still.push(w);
        continue;
      }
      clearTimeout(w.timer);
      const err = failure();
      if (err) w.reject(err);
      else w.resolve();
    }
    this.waiters = still;
    this.holdOpen();
  }

  // Someone awaiting flush() keeps the process alive, though the unref'd retry timers do not.
  private holdOpen() {
    if (this.waiters.length > 0) this.keepAlive ??= setInterval(() => {}, 1 << 30);
    else if (this.keepAlive) {
      clearInterval(this.keepAlive);
      this.keepAlive = null;
    }
  }
}
