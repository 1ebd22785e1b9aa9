import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A set of watched files. */
export interface FileWatch {
  /** Replaces the set of watched files. */
  update(files: ReadonlyArray<string>): void;
  /** Stops watching; no `onChange` call follows. */
  close(): void;
}

/**
 * Calls `onChange` with the changed files once changes to any of `files` have settled for
 * `debounceMs` (RCFG-035).
 *
 * Directories are watched rather than the files themselves, so that an editor that saves by
 * writing a new file and renaming it over the old one, and a file that is created later (such
 * as `app-config.local.yaml`), are both noticed. The watchers do not keep the process alive.
 */
export function watchFiles(
  files: ReadonlyArray<string>,
  onChange: (changed: string[]) => void,
  options: { debounceMs: number; onError?: (error: Error, dir: string) => void },
): FileWatch {
  const watchers = new Map<string, FSWatcher>();
  let wanted = new Map<string, Set<string>>();
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const fire = (): void => {
    timer = undefined;
    const changed = [...pending];
    pending = new Set();
    if (!closed && changed.length > 0) onChange(changed);
  };

  const update = (next: ReadonlyArray<string>): void => {
    wanted = new Map();
    for (const file of next) {
      const dir = dirname(file);
      const names = wanted.get(dir) ?? new Set<string>();
      names.add(basename(file));
      wanted.set(dir, names);
    }
    for (const [dir, watcher] of watchers) {
      if (!wanted.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of wanted.keys()) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: false }, (_event, name) => {
          const file = name === null ? undefined : join(dir, name.toString());
          if (closed || name === null || !wanted.get(dir)?.has(basename(name.toString()))) return;
          pending.add(file as string);
          if (timer) clearTimeout(timer);
          timer = setTimeout(fire, options.debounceMs);
          timer.unref();
        });
        watcher.on('error', (error) => options.onError?.(error, dir));
        watchers.set(dir, watcher);
      } catch (error) {
        // A directory that does not exist (an include in a missing folder) cannot be watched;
        // the load that named it has already failed or skipped it.
        options.onError?.(error as Error, dir);
      }
    }
  };

  update(files);
  return {
    update,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
