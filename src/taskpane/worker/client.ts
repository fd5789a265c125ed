/**
 * The page's side of the worker (check-worker.ts): each call posts one request and resolves with
 * its answer; progress events go to the caller's onProgress meanwhile. The worker is started
 * with the page and lives as long as it does.
 */
import type { ProgressFn } from '../../workbook/host';
import { fromWireError, type Reply, type Request } from './protocol';

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: ProgressFn;
  /** Arrays received ahead of the answer, by part and key. */
  slices?: Map<string, { part: string; key: string; pieces: unknown[][] }>;
}

export class CheckWorker {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const reply = e.data;
      const p = this.pending.get(reply.id);
      if (!p) return; // the warm-up's rehearsal (REHEARSAL_ID) is taken in and dropped here
      if ('progress' in reply) return p.onProgress?.(reply.progress);
      if ('slice' in reply) {
        const { part, key, items } = reply.slice;
        p.slices ??= new Map();
        const list = p.slices.get(`${part}.${key}`);
        if (list) list.pieces.push(items);
        else p.slices.set(`${part}.${key}`, { part, key, pieces: [items] });
        return;
      }
      this.pending.delete(reply.id);
      if (!reply.ok) return p.reject(fromWireError(reply.error));
      if (p.slices) {
        const value = reply.value as Record<string, Record<string, unknown>>;
        for (const { part, key, pieces } of p.slices.values()) value[part][key] = ([] as unknown[]).concat(...pieces);
      }
      p.resolve(reply.value);
    };
    // The worker itself failed (its script did not load, or it ran out of memory): every call ends.
    worker.onerror = (e) => {
      e.preventDefault();
      const error = new Error(e.message || 'worker failed');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
  }

  call<T>(req: Request, onProgress?: ProgressFn, transfer: Transferable[] = []): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      this.worker.postMessage({ id, req }, transfer);
    });
  }
}
