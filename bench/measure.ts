/**
 * What every benchmark shares: inside a measured child, laps of wall time, CPU time and peak
 * memory printed as one JSON line; in the parent, running such children, medians and the
 * comparison lines (app vs baseline) in one format.
 */
import { execFileSync } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import { record } from './results';

export interface Phase {
  name: string;
  /** Wall-clock time of the phase. */
  ms: number;
  /** CPU time of the whole process (all threads) in the phase: steadier than wall time on a busy machine. */
  cpuMs: number;
  /** Peak resident set of the process so far (MB): worker threads included. */
  peakRssMb: number;
  heapUsedMb: number;
}

/** One measured child run, as its JSON line reports it. */
export interface Run {
  mode: string;
  items: number;
  totalMs: number;
  totalCpuMs: number;
  idleRssMb: number;
  peakRssMb: number;
  phases: Phase[];
}

const MB = 1024 * 1024;
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Laps inside a measured child: `lap('load')` after reading the inputs (not counted), `markIdle()`,
 * a lap after each measured phase, then `print(mode, items)` writes the JSON line.
 */
export function createLaps() {
  const phases: Phase[] = [];
  let last = performance.now();
  let lastCpu = cpuNow();
  let idleRssMb = 0;
  return {
    lap(name: string): void {
      const now = performance.now();
      const cpu = cpuNow();
      phases.push({ name, ms: Math.round(now - last), cpuMs: Math.round(cpu - lastCpu), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapUsedMb: Math.round(process.memoryUsage().heapUsed / MB) });
      last = now;
      lastCpu = cpu;
    },
    /** The resident set before the measured work (inputs loaded). */
    markIdle(): void {
      idleRssMb = Math.round(process.memoryUsage().rss / MB);
    },
    print(mode: string, items: number): void {
      const work = phases.filter((p) => p.name !== 'load');
      const total = work.reduce((s, p) => s + p.ms, 0);
      const totalCpu = work.reduce((s, p) => s + p.cpuMs, 0);
      const peakHeapMb = Math.round(getHeapStatistics().peak_malloced_memory / MB);
      process.stdout.write(`${JSON.stringify({ mode, items, totalMs: total, totalCpuMs: totalCpu, idleRssMb, peakRssMb: phases.at(-1)!.peakRssMb, peakMallocMb: peakHeapMb, phases })}\n`);
    },
  };
}

/** Runs a measuring script in its own process (clean memory numbers) and reads its JSON line. */
export function runMeasured(script: string, args: readonly string[], cwd: string): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const ratio = (a: number, b: number) => (a / b).toFixed(2);
const verdict = (r: number, target: number) => (r <= target ? '达标' : '未达标');

export function summarize(runs: Run[]) {
  const phaseNames = runs[0].phases.map((p) => p.name).filter((n) => n !== 'load');
  return {
    wall: median(runs.map((r) => r.totalMs)),
    cpu: median(runs.map((r) => r.totalCpuMs)),
    rss: median(runs.map((r) => r.peakRssMb)),
    idle: median(runs.map((r) => r.idleRssMb)),
    phases: phaseNames.map((name) => {
      const ps = runs.map((r) => r.phases.find((p) => p.name === name)!);
      return `${name} ${median(ps.map((p) => p.ms))} ms（CPU ${median(ps.map((p) => p.cpuMs))} ms，峰值 ${median(ps.map((p) => p.peakRssMb))} MB）`;
    }),
  };
}

export interface Comparison {
  /** Heading, e.g. 10,000 行. */
  title: string;
  repeats: number;
  /** Label of the app side (two characters, like 基线): 导入, 回收, 导出. */
  appLabel: string;
  base: Run[];
  app: Run[];
  /** Targets, when the issue sets them: each ratio is then marked 达标 / 未达标. */
  target?: { time: number; memory?: number };
}

/** Prints the baseline line, the app line and the ratios. */
export function printComparison(c: Comparison): void {
  const b = summarize(c.base);
  const a = summarize(c.app);
  const t = c.target;
  record({ measure: `${c.title}：时间`, value: a.wall / b.wall, unit: '×', target: t?.time });
  record({ measure: `${c.title}：峰值内存`, value: a.rss / b.rss, unit: '×', target: t?.memory });
  const mark = (r: number, target: number | undefined, withTarget: boolean) =>
    target === undefined ? '' : `（${verdict(r, target)}${withTarget ? `，目标 ${target}×` : ''}）`;
  console.log(`\n== ${c.title}（${c.repeats} 次取中位数）==`);
  console.log(`基线  ${b.wall} ms，CPU ${b.cpu} ms，峰值内存 ${b.rss} MB（空载 ${b.idle} MB）：${b.phases.join('；')}`);
  console.log(`${c.appLabel}  ${a.wall} ms，CPU ${a.cpu} ms，峰值内存 ${a.rss} MB（空载 ${a.idle} MB）：${a.phases.join('；')}`);
  console.log(
    `倍数  时间 ${ratio(a.wall, b.wall)}×${mark(a.wall / b.wall, t?.time, true)}；CPU ${ratio(a.cpu, b.cpu)}×${mark(a.cpu / b.cpu, t?.time, false)}；` +
      `峰值内存 ${ratio(a.rss, b.rss)}×${mark(a.rss / b.rss, t?.memory, true)}；扣除空载后内存 ${ratio(a.rss - a.idle, b.rss - b.idle)}×`,
  );
}
