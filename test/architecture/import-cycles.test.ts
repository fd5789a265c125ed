/**
 * No import cycles in src/ (type imports included): a cycle makes module order matter and keeps
 * the domain's layers from being read, tested or replaced one at a time.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec.replace(/\.js$/, ''));
  const tries = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.js`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ];
  return tries.find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
}

function importGraph(files: string[], read: (f: string) => string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps = new Set<string>();
    for (const m of read(f).matchAll(IMPORT)) {
      const to = resolveImport(f, m[1] ?? m[2]);
      if (to) deps.add(to);
    }
    graph.set(f, [...deps]);
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) !== order.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

describe('import cycles', () => {
  it('src/ has none', () => {
    const files = sourceFiles(SRC);
    const found = cycles(importGraph(files, (f) => fs.readFileSync(f, 'utf8')));
    expect(found.map((c) => c.map((f) => path.relative(SRC, f)))).toEqual([]);
  });

  it('the check finds a cycle of type-only imports', () => {
    const a = path.join(SRC, 'domain/engine.ts');
    const b = path.join(SRC, 'domain/types.ts');
    const text: Record<string, string> = {
      [a]: "import type { CheckResult } from './types';",
      [b]: "import type { CheckInput } from './engine';",
    };
    expect(cycles(importGraph([a, b], (f) => text[f]))).toEqual([[a, b].sort()]);
  });
});
