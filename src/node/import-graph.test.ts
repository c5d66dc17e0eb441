// The layer order of src/node, read from the imports themselves: ports <- base <- store <- sync <- host <- serve | shell,
// the hub apart (it may use the store's opener); no import cycle between files, type imports included. The
// lint rule (eslint.config.js) holds the order as the code is written; this test holds it for the whole tree
// and finds cycles, and shows the lint rule refuses an import against the order.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = join(ROOT, 'src/node');
const isTest = (f: string) => /\.(test|fault)\.ts$|-test-kit\.ts$|\/fixtures\//.test(f);

/** What each folder may import besides itself and src/common. */
const MAY_IMPORT: Record<string, string[]> = {
  ports: [],
  base: ['ports'],
  signing: ['ports', 'base'],
  store: ['ports', 'base', 'signing'],
  sync: ['ports', 'base', 'signing', 'store'],
  host: ['ports', 'base', 'signing', 'store', 'sync'],
  serve: ['ports', 'base', 'signing', 'store', 'sync', 'host'],
  shell: ['ports', 'base', 'signing', 'store', 'sync', 'host'],
  hub: ['ports', 'base', 'signing'],
};
/** The few crossings the order allows by name. */
const ALLOWED = new Set(['serve/serve-cli.ts -> hub/hub.ts', 'shell/app-files.ts -> serve/static-files.ts']);
const hubMayUse = (to: string) => to === 'store/database.ts' || to.startsWith('store/migrations/');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'";]*?\bfrom\s+'([^']+)'|(?:^|\n)\s*import\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => {
      const base = resolve(dirname(file), s.replace(/\.js$/, ''));
      for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
        try {
          if (statSync(c).isFile()) return c;
        } catch {
          /* next candidate */
        }
      }
      return base;
    });
}

const graph = new Map(
  files(NODE)
    .filter((f) => !isTest(f))
    .map((f) => [f, importsOf(f).filter((t) => t.startsWith(NODE))]),
);
const rel = (f: string) => relative(NODE, f);
const folderOf = (f: string) => rel(f).split('/')[0]!;

/** Strongly connected components with more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || (g.get(v) ?? []).includes(v)) out.push(comp.map(rel).sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('src/node import graph', () => {
  it('reads the imports of every source file', () => {
    expect(graph.size).toBeGreaterThan(60);
    expect(graph.get(join(NODE, 'host/host.ts'))).toContain(join(NODE, 'sync/sync-engine.ts'));
  });

  it('keeps the layer order', () => {
    const against: string[] = [];
    for (const [from, targets] of graph) {
      const f = folderOf(from);
      if (!(f in MAY_IMPORT)) continue; // src/node/cli.ts composes the commands
      for (const to of targets) {
        const t = folderOf(to);
        const edge = `${rel(from)} -> ${rel(to)}`;
        if (t === f || MAY_IMPORT[f]!.includes(t) || ALLOWED.has(edge) || (f === 'hub' && hubMayUse(rel(to)))) continue;
        against.push(edge);
      }
    }
    expect(against).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const a = join(NODE, 'x/a.ts');
    const b = join(NODE, 'x/b.ts');
    expect(
      cycles(
        new Map([
          [a, [b]],
          [b, [a]],
        ]),
      ),
    ).toEqual([['x/a.ts', 'x/b.ts']]);
  });

  it('the lint rule refuses an import against the order, and lets the order through', async () => {
    // The snippets are not files of a tsconfig, so the type-aware rules are off for them; the import rules stay.
    const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });
    const lint = async (filePath: string, code: string) =>
      (await eslint.lintText(code, { filePath }))[0]!.messages.map((m) => m.ruleId);
    expect(
      await lint('src/node/store/bad.ts', `import { createHost } from '../host/host';\nexport const x = createHost;\n`),
    ).toEqual(['no-restricted-imports']);
    expect(
      await lint(
        'src/node/sync/bad.ts',
        `import type { ConsoleHost } from '../host/host';\nexport type X = ConsoleHost;\n`,
      ),
    ).toEqual(['no-restricted-imports']);
    expect(
      await lint(
        'src/node/host/bad.ts',
        `import { startServe } from '../serve/serve';\nexport const x = startServe;\n`,
      ),
    ).toEqual(['no-restricted-imports']);
    expect(
      await lint(
        'src/node/hub/bad.ts',
        `import { ConsoleStore } from '../store/console-store';\nexport const x = ConsoleStore;\n`,
      ),
    ).toEqual(['no-restricted-imports']);
    // The runtime lines still hold in a layer's files.
    expect(await lint('src/node/store/bad.ts', `import { app } from 'electron';\nexport const x = app;\n`)).toEqual([
      'no-restricted-imports',
    ]);
    expect(
      await lint(
        'src/node/host/ok.ts',
        `import { SyncEngine } from '../sync/sync-engine';\nexport const x = SyncEngine;\n`,
      ),
    ).toEqual([]);
    expect(
      await lint(
        'src/node/hub/ok.ts',
        `import { openDatabase } from '../store/database';\nexport const x = openDatabase;\n`,
      ),
    ).toEqual([]);
  }, 60_000);
});
