/**
 * What a benchmark section reports: rows for the table, the targets the issue sets with what was
 * measured against them, and the raw numbers for bench/results.json. Sections never assert:
 * a missed target is reported, not thrown.
 */
import { cpus, totalmem, release } from 'node:os';

export interface Row {
  readonly name: string;
  readonly values: Readonly<Record<string, string | number>>;
}

export interface Target {
  readonly name: string;
  /** The target as the issue states it, e.g. "p50 ≤ 20 µs". */
  readonly target: string;
  /** What was measured, with its unit. */
  readonly measured: string;
  readonly met: boolean;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly Row[];
  readonly targets: readonly Target[];
  /** Everything else worth keeping in results.json. */
  readonly data?: unknown;
  /** What a reader must know to read the numbers (e.g. a smaller run than the issue asks). */
  readonly notes?: readonly string[];
}

/** Options every section takes: `quick` shrinks the run for smoke tests (counts, durations). */
export interface BenchOptions {
  readonly quick: boolean;
}

export function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${process.platform} ${release()}`,
  };
}

/** The value at quantile q of sorted numbers (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
export const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

/** A plain-text table: one line per row, columns padded. */
export function table(rows: readonly Row[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const header = ['', ...columns];
  const lines = rows.map((r) => [r.name, ...columns.map((c) => String(r.values[c] ?? ''))]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [fmt(header), ...lines.map(fmt)].join('\n');
}

export function targetsTable(targets: readonly Target[]): string {
  return table(targets.map((t) => ({ name: t.name, values: { target: t.target, measured: t.measured, met: t.met ? 'yes' : 'NO' } })));
}
