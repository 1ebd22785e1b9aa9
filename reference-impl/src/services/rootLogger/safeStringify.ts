/**
 * `JSON.stringify` that never throws: cycles become `"[Circular]"`, bigints strings, and a
 * throwing `toJSON` or getter the string `"[Unserializable]"`. Only used once the fast path
 * has failed, so its cost does not matter.
 */
export function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  try {
    return (
      JSON.stringify(value, (_key, v: unknown) => {
        if (typeof v === 'bigint') return v.toString();
        if (typeof v === 'object' && v !== null) {
          if (seen.has(v)) return '[Circular]';
          seen.add(v);
        }
        return v;
      }) ?? 'null'
    );
  } catch {
    return '"[Unserializable]"';
  }
}
