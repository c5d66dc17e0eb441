// Canonical JSON of central-api.md: keys sorted at every depth, no white space, absent fields omitted.
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      if (obj[key] === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${canonicalJson(obj[key])}`);
    }
    return `{${parts.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new Error('canonical JSON has no form for a non-finite number');
  const s = JSON.stringify(value);
  if (s === undefined) throw new Error(`canonical JSON has no form for a ${typeof value}`);
  return s;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The text hashed for one decision: prevHash followed by the canonical JSON of the decision less seq, prevHash and hash. */
export function decisionHashInput(decision: Record<string, unknown>, prevHash: string): string {
  const { seq: _seq, prevHash: _prev, hash: _hash, ...rest } = decision;
  return prevHash + canonicalJson(rest);
}
