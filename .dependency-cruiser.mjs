/**
 * The layers of src (see ARCHITECTURE.md), checked by `npm run lint`. Each rule names what a
 * layer may not import; everything not forbidden is allowed.
 */
import { nodeOnlyPattern } from './scripts/node-only.mjs';

const NODE_ONLY = `^${nodeOnlyPattern('src', 'ts')}`;

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycles, type-only imports included.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'api-is-a-leaf',
      severity: 'error',
      comment: 'The wire shapes (src/api) and their schema builder (src/schema) import nothing of the SDK and no package.',
      from: { path: '^src/(api|schema)/' },
      to: { pathNot: '^src/(api|schema)/|^node:' },
    },
    {
      name: 'http-below-resources',
      severity: 'error',
      comment: 'src/http is the transport: it imports no resource, job, CLI, emulator or Las.',
      from: { path: '^src/http/' },
      to: { path: '^src/(resources|jobs|cli|emulator)/|^src/las\\.ts$' },
    },
    {
      name: 'only-http-imports-ky',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/http/' },
      to: { path: 'node_modules/ky/' },
    },
    {
      name: 'resources-delegate-to-jobs-only-where-documented',
      severity: 'error',
      comment:
        'Resources import no job, except the entity methods that hand long work to one: ' +
        'execution.wait() (jobs/wait), dataset.uploadDocuments() and downloadDocuments() (their types; the work through #platform), transition.work() (jobs/work-transition, and the worker types).',
      from: { path: '^src/resources/' },
      to: { path: '^src/jobs/', pathNot: '^src/jobs/(wait|upload-documents|upload-types|download-types|work-transition|transition-work-types)\\.ts$' },
    },
    {
      name: 'resources-wait-delegation',
      severity: 'error',
      from: { path: '^src/resources/', pathNot: '^src/resources/(collection|predictions|transition-executions|workflow-executions)\\.ts$' },
      to: { path: '^src/jobs/wait\\.ts$' },
    },
    {
      name: 'resources-upload-delegation',
      severity: 'error',
      from: { path: '^src/resources/', pathNot: '^src/resources/datasets\\.ts$' },
      to: { path: '^src/jobs/upload-documents\\.ts$' },
    },
    {
      name: 'resources-work-delegation',
      severity: 'error',
      from: { path: '^src/resources/', pathNot: '^src/resources/transitions\\.ts$' },
      to: { path: '^src/jobs/(work-transition|transition-work-types)\\.ts$' },
    },
    {
      name: 'jobs-build-no-las-but-the-docker-entry-point',
      severity: 'error',
      comment:
        "Jobs take the client or the resource they work with; only the docker transition's entry point " +
        '(jobs/handle-transition-execution) builds a Las, when it is given none.',
      from: { path: '^src/jobs/', pathNot: '^src/jobs/handle-transition-execution\\.ts$' },
      to: { path: '^src/las\\.ts$' },
    },
    {
      name: 'resources-below-las',
      severity: 'error',
      from: { path: '^src/resources/' },
      to: { path: '^src/(cli|emulator)/|^src/las\\.ts$' },
    },
    {
      name: 'emulator-imports-api-and-errors-only',
      severity: 'error',
      comment: 'The emulator serves the wire shapes: of the SDK it imports src/api, src/schema and errors.ts only, never ky or entities.',
      from: { path: '^src/emulator/', pathNot: '^src/emulator/index\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(emulator|api|schema)/|^src/errors\\.ts$' },
    },
    {
      name: 'emulator-entry-hands-out-credentials',
      severity: 'error',
      comment:
        "The emulator's entry point also builds the Credentials it hands out (auth/credentials.ts, which loads ky only at its first token request).",
      from: { path: '^src/emulator/index\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(emulator|api|schema)/|^src/errors\\.ts$|^src/auth/credentials\\.ts$' },
    },
    {
      name: 'emulator-no-sdk-packages',
      severity: 'error',
      from: { path: '^src/emulator/' },
      to: { path: 'node_modules/(ky|class-transformer)/' },
    },
    {
      name: 'node-builtins-only-in-node-code',
      severity: 'error',
      comment:
        'The browser build shares every module but the Node-only ones: only these import node: builtins (or undici). ' +
        'The rest reaches Node through #platform/* (package.json "imports": the browser condition picks src/platform/browser).',
      from: { path: '^src/', pathNot: NODE_ONLY },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'browser-side-is-browser-only',
      severity: 'error',
      from: { path: '^src/platform/browser/' },
      to: { path: `${NODE_ONLY}|node_modules/undici/` },
    },
    {
      name: 'cli-is-imported-by-nothing',
      severity: 'error',
      comment: 'The `las` command line is a top layer: it may import anything, nothing imports it.',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
