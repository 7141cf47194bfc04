/**
 * The layers of src and the packages' boundaries (see ARCHITECTURE.md), checked by `npm run lint`.
 * Each rule names what a layer may not import; everything not forbidden is allowed.
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
      comment: 'src/http is the transport: it imports no resource, job or Las.',
      from: { path: '^src/http/' },
      to: { path: '^src/(resources|jobs)/|^src/las\\.ts$' },
    },
    {
      name: 'only-http-imports-ky',
      severity: 'error',
      from: { path: '^(src|packages/[^/]+/src)/', pathNot: '^src/http/' },
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
      to: { path: '^src/las\\.ts$' },
    },
    {
      name: 'sdk-imports-no-package-of-its-own',
      severity: 'error',
      comment: 'las-sdk (src) stands alone: it imports neither las-emulator nor las-cli.',
      from: { path: '^src/' },
      to: { path: '^packages/' },
    },
    {
      name: 'packages-import-las-sdk-by-name',
      severity: 'error',
      comment:
        "las-emulator and las-cli import las-sdk as users do, by its package names: 'las-sdk' (src/index.ts), 'las-sdk/api' " +
        "(src/api/index.ts) and 'las-sdk/errors' (src/errors.ts), never a module inside it (in the checkout tsconfig paths map the names to the sources).",
      from: { path: '^packages/[^/]+/src/' },
      to: { path: '^src/', pathNot: '^src/(index|api/index|errors)\\.ts$' },
    },
    {
      name: 'packages-import-las-sdk-through-the-alias',
      severity: 'error',
      comment: "... and never by a relative path that happens to reach those entries ('../../../src/index.js').",
      from: { path: '^packages/[^/]+/src/' },
      to: { path: '^src/', dependencyTypesNot: ['aliased'] },
    },
    {
      name: 'cli-imports-las-emulator-by-name',
      severity: 'error',
      comment: "las-cli imports las-emulator by its package names: 'las-emulator' and 'las-emulator/flags'.",
      from: { path: '^packages/cli/src/' },
      to: { path: '^packages/emulator/', pathNot: '^packages/emulator/src/(index|flags)\\.ts$' },
    },
    {
      name: 'cli-imports-las-emulator-through-the-alias',
      severity: 'error',
      from: { path: '^packages/cli/src/' },
      to: { path: '^packages/emulator/', dependencyTypesNot: ['aliased'] },
    },
    {
      name: 'emulator-imports-no-cli',
      severity: 'error',
      from: { path: '^packages/emulator/' },
      to: { path: '^packages/cli/' },
    },
    {
      name: 'emulator-testing-kit-is-a-client',
      severity: 'error',
      comment:
        "The testing kit (packages/emulator/src/testing) seeds through the SDK and hands out a Las: it may use the SDK's client, " +
        'loading las.ts only when a test emulator starts (a plain emulator never loads it); nothing but the emulator entry imports it.',
      from: { path: '^packages/emulator/src/', pathNot: '^packages/emulator/src/(testing/|index\\.ts$|cli\\.ts$)' },
      to: { path: '^packages/emulator/src/testing/' },
    },
    {
      name: 'emulator-no-sdk-packages',
      severity: 'error',
      comment: "The emulator serves the wire shapes: it reaches the SDK's libraries only through las-sdk.",
      from: { path: '^packages/emulator/' },
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
      comment: 'The `las` command line is the top: nothing imports it.',
      from: { path: '^(src|packages/emulator)/' },
      to: { path: '^packages/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
