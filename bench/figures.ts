/** One figure of `bench/results.json` (see BENCH.md for the names and their meanings). */
export interface Figure {
  value: number;
  unit: string;
  /** The goal as text ("< 300"), or "" where a figure is informative only. */
  target: string;
  note: string;
}

export type Figures = Record<string, Figure>;

/** What every bench module gets: a log line printer and the shared run context. */
export interface BenchContext {
  log: (line: string) => void;
  /** Facts for the `machine` line (browser version…), filled in by modules that learn them. */
  machine: Map<string, string>;
  /** Repository root (absolute). */
  root: string;
}

/** A bench module: adding one to the list in `run.ts` adds its figures to the results. */
export interface BenchModule {
  name: string;
  run(ctx: BenchContext): Promise<Figures>;
}

export function figure(value: number, unit: string, target: string, note: string): Figure {
  return { value, unit, target, note };
}
