/**
 * Where a CPU profile's time goes, by stage of a call rather than by function: each sample is put
 * in the first stage its stack matches (ky building the Request, ky's clone for a retry, fetch
 * itself, class-transformer, ...), weighed by the time it stands for. The notes on missed targets
 * quote these stages for the SDK and for its baseline side by side.
 */

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** The stages, in the order a sample's stack is tested against them. */
export const STAGES = {
  gc: 'garbage collection',
  json: 'JSON.parse of the answer',
  kyRequest: 'ky: new Ky() per call (options, Headers, AbortController, new Request)',
  kyClone: 'ky: request.clone() kept for a retry',
  kyMerge: "ky: merging the call's options into the defaults",
  classTransformer: 'class-transformer: JSON to entities',
  timestamps: 'las-sdk: timestamps',
  fetch: 'fetch() (undici): the request',
  transport: 'createNodeFetch() (undici Dispatcher): the request',
  kyOther: 'ky: timers and races, retry checks, body read',
  sdk: 'las-sdk: session, pagination, entities',
  undici: 'undici: response and body',
  node: 'Node: sockets, HTTP parser, microtasks',
} as const;
export type Stage = keyof typeof STAGES;

/** Microseconds of CPU per stage (idle left out), and their sum. */
export interface StageTimes {
  busyUs: number;
  stages: Partial<Record<Stage, number>>;
}

type Frame = ProfileNode['callFrame'];

const isKy = (frame: Frame) => frame.url.includes('/node_modules/ky/');
const isSdk = (frame: Frame) => frame.url.includes('/las-sdk-bench/dist');

function stageOf(stack: readonly Frame[]): Stage | 'idle' {
  const leaf = stack[0]?.functionName;
  if (leaf === '(idle)') return 'idle';
  if (leaf === '(garbage collector)') return 'gc';
  // JSON.parse is a builtin: the profiler counts it as self time of the function that calls it,
  // which for every side is a function that does little else (Session#send, the bench's clients).
  const top = stack[0];
  if ((top.functionName === 'parse' && !top.url) || (top.functionName === '#send' && isSdk(top)) || top.url.endsWith('/bench/lib/clients.ts')) {
    return 'json';
  }
  const has = (test: (frame: Frame) => boolean) => stack.some(test);
  if (has((f) => f.functionName === 'Ky' && isKy(f))) return 'kyRequest';
  if (has((f) => f.functionName === 'clone' && f.url.includes('undici')) && has(isKy)) return 'kyClone';
  if (has((f) => f.functionName === 'validateAndMerge' && isKy(f))) return 'kyMerge';
  if (has((f) => isSdk(f) && f.url.includes('/schema/timestamp'))) return 'timestamps';
  if (has((f) => f.url.includes('/class-transformer/'))) return 'classTransformer';
  if (has((f) => (f.functionName === 'fetch2' || f.functionName === 'fetch') && f.url.includes('undici'))) return 'fetch';
  if (has((f) => isSdk(f) && f.url.endsWith('/http/transport.js'))) return 'transport';
  if (has(isKy)) return 'kyOther';
  if (has(isSdk)) return 'sdk';
  if (has((f) => f.url.includes('undici'))) return 'undici';
  return 'node';
}

/** Sums a profile's samples by stage, each weighed by the time since the sample before it. */
export function stageTimes(profile: CpuProfile): StageTimes {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stageById = new Map<number, Stage | 'idle'>();
  const stageOfNode = (id: number) => {
    let stage = stageById.get(id);
    if (stage === undefined) {
      const stack: Frame[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
      stageById.set(id, (stage = stageOf(stack)));
    }
    return stage;
  };
  const result: StageTimes = { busyUs: 0, stages: {} };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const stage = stageOfNode(samples[i]);
    const us = Math.max(0, deltas[i] ?? 0);
    if (stage === 'idle') continue;
    result.busyUs += us;
    result.stages[stage] = (result.stages[stage] ?? 0) + us;
  }
  return result;
}

/** `times` divided by `count` (per call, per page). */
export function per(times: StageTimes, count: number): StageTimes {
  return {
    busyUs: times.busyUs / count,
    stages: Object.fromEntries(Object.entries(times.stages).map(([stage, us]) => [stage, us / count])),
  };
}

/** A text table of the stages of the SDK and of its baseline, in µs per unit. */
export function formatStages(sides: Record<string, StageTimes>, unit: string): string {
  const names = Object.keys(sides);
  const stages = (Object.keys(STAGES) as Stage[]).filter((stage) => names.some((name) => (sides[name].stages[stage] ?? 0) > 0));
  const cell = (us: number | undefined) => (us ? us.toFixed(1) : '-').padStart(9);
  const lines = [`µs per ${unit} ${names.map((name) => name.padStart(9)).join('')}`];
  for (const stage of stages) lines.push(`  ${names.map((name) => cell(sides[name].stages[stage])).join('')}  ${STAGES[stage]}`);
  lines.push(`  ${names.map((name) => cell(sides[name].busyUs)).join('')}  CPU in all (idle left out)`);
  return lines.join('\n');
}
