import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/process.ts';

const require = createRequire(import.meta.url);

/** The file a package's `bin` entry points at, run with the Node running the tests. */
function binOf(pkg: string, name: string): string {
  const manifestPath = require.resolve(`${pkg}/package.json`, { paths: [ROOT] });
  const manifest = require(manifestPath) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name];
  if (!bin) throw new Error(`${pkg} has no bin ${name}`);
  return path.resolve(path.dirname(manifestPath), bin);
}

type Run = { code: number; output: string };

/** Runs `node <script> …args` in the repository root and captures everything it prints. */
function runNode(script: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, ...args],
      { cwd: ROOT, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, output: `${stdout}${stderr}`.trim() });
      },
    );
  });
}

const TOOL_TIMEOUT_MS = 240_000;

describe('the project builds', () => {
  it(
    'the code type-checks',
    async () => {
      const r = await runNode(binOf('typescript', 'tsc'), ['-p', '.', '--pretty', 'false'], TOOL_TIMEOUT_MS);
      expect(r.output, r.output).toBe('');
      expect(r.code).toBe(0);
    },
    TOOL_TIMEOUT_MS + 10_000,
  );

  it(
    'schema.graphql matches the code',
    async () => {
      const r = await runNode('scripts/print-schema.ts', ['--check'], TOOL_TIMEOUT_MS);
      expect(r.code, r.output).toBe(0);
      expect(r.output).toContain('schema.graphql is up to date');
    },
    TOOL_TIMEOUT_MS + 10_000,
  );

  it(
    'test/gql is generated from the current documents',
    async () => {
      const r = await runNode(binOf('@graphql-codegen/cli', 'graphql-codegen'), ['--check'], TOOL_TIMEOUT_MS);
      expect(r.code, `${r.output}\nRun \`npx graphql-codegen\` and commit test/gql.`).toBe(0);
    },
    TOOL_TIMEOUT_MS + 10_000,
  );

  it(
    'src has no import cycle, and imports go one way: doors → services → infrastructure',
    async () => {
      // dependency-cruiser reads TypeScript with swc (TypeScript 7 has no compiler API for it); its rules are in .dependency-cruiser.cjs.
      const r = await runNode(path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'), ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', 'src'], TOOL_TIMEOUT_MS);
      expect(r.code, r.output).toBe(0);
      expect(r.output).toContain('no dependency violations found');
    },
    TOOL_TIMEOUT_MS + 10_000,
  );
});
