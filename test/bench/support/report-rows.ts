import { writeFileSync } from 'node:fs';

/**
 * One figure of a benchmark in the shape `npm run bench` collects for bench/report.md: the
 * measured value, the bare reference measured in the same run where there is one, their ratio,
 * and the target (with met or missed) where an issue sets one.
 */
export interface ReportRow {
  figure: string;
  value: string;
  baseline?: string;
  ratio?: number;
  target?: string;
  met?: boolean;
}

export interface BenchReport {
  /** The benchmark's name, as in `npm run bench:<name>`. */
  name: string;
  /** What ran, in one line (sizes, backends, the bare reference). */
  setup: string;
  rows: ReportRow[];
  notes?: string[];
}

/** Where `npm run bench` asks a benchmark run as a child process to leave its report. */
export const REPORT_FILE_VARIABLE = 'BENCH_REPORT_FILE';

/**
 * Hands the report to `npm run bench` when it started this benchmark (the file named in
 * BENCH_REPORT_FILE); run alone, a benchmark only prints its own table.
 */
export function emitReport(report: BenchReport): BenchReport {
  const file = process.env[REPORT_FILE_VARIABLE];
  if (file) writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/** "PASS" or "MISS", as the benchmarks print a verdict. */
export const verdict = (met: boolean): string => (met ? 'PASS' : 'MISS');

/** A number for a table: thousands separated, `digits` decimals. */
export function formatNumber(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : String(n);
}

/** "< 250 ms PASS" as printed in a target column: the target and whether it was met ("-" is none). */
export function parseVerdict(cell: string): Pick<ReportRow, 'target' | 'met'> {
  const match = /^(.*?)\s*\b(PASS|MISS|FAIL)$/.exec(cell.trim());
  if (!match) return {};
  return { target: match[1] || undefined, met: match[2] === 'PASS' };
}

/** Which column of a printed table holds what; a missing one is left out. */
export interface PrintedColumns { figure: number; value: number; baseline?: number; ratio?: number; target?: number }

/** The rows of a table a benchmark printed (cells as printed), in the report's shape. */
export function rowsOfTable(cells: readonly string[][], columns: PrintedColumns): ReportRow[] {
  return cells.map((cell) => {
    const ratio = columns.ratio === undefined ? NaN : Number(cell[columns.ratio].replace(/,/g, ''));
    const baseline = columns.baseline === undefined ? '' : cell[columns.baseline];
    return {
      figure: cell[columns.figure],
      value: cell[columns.value],
      ...(baseline ? { baseline } : {}),
      ...(Number.isFinite(ratio) && cell[columns.ratio!] !== '' ? { ratio } : {}),
      ...(columns.target === undefined ? {} : parseVerdict(cell[columns.target])),
    };
  });
}
