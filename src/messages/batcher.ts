type Pending<I, O> = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };

/**
 * Groups concurrent calls into batches: while `maxConcurrent` batches are running, new items wait
 * and go together in the next one. Under no load an item runs at once; under load batches grow,
 * so one transaction carries many messages. If a batch fails, its items are retried one by one, so
 * one bad item cannot fail the others.
 */
export class Batcher<I, O> {
  readonly #run: (items: I[]) => Promise<O[]>;
  readonly #maxSize: number;
  readonly #maxConcurrent: number;
  readonly #lingerMs: number;
  #linger: NodeJS.Timeout | null = null;
  #queue: Pending<I, O>[] = [];
  #running = 0;

  constructor(run: (items: I[]) => Promise<O[]>, options: { maxSize: number; maxConcurrent: number; lingerMs: number }) {
    this.#run = run;
    this.#maxSize = options.maxSize;
    this.#maxConcurrent = options.maxConcurrent;
    this.#lingerMs = options.lingerMs;
  }

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#next();
    });
  }

  #next() {
    while (this.#running < this.#maxConcurrent && this.#queue.length) {
      // With a batch already running, linger a moment so the next one is worth a transaction.
      if (this.#running > 0 && this.#queue.length < this.#maxSize) {
        this.#linger ??= setTimeout(() => {
          this.#linger = null;
          this.#start();
          this.#next();
        }, this.#lingerMs);
        return;
      }
      this.#start();
    }
  }

  #start() {
    if (!this.#queue.length || this.#running >= this.#maxConcurrent) return;
    const batch = this.#queue.splice(0, this.#maxSize);
    this.#running++;
    void this.#execute(batch).finally(() => {
      this.#running--;
      this.#next();
    });
  }

  async #execute(batch: Pending<I, O>[]) {
    try {
      const results = await this.#run(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const b of batch) {
        try {
          b.resolve((await this.#run([b.item]))[0]!);
        } catch (single) {
          b.reject(single);
        }
      }
    }
  }
}
