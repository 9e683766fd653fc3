// The shape of src/, checked by the test suite (test/project/structure.test.ts): imports go one way,
// doors (http, graphql) → services (the domain folders) → infrastructure, and nothing is circular.
const INFRA = '^src/(db|jobs|crypto|validation|outbound|types)/|^src/(config|log|errors|ids)\\.ts$';
const DOORS = '^src/(http|graphql)/';
const WORKER = '^src/worker/';
const DOMAINS = '^src/(auth|channels|clients|conversations|delivery|devices|events|live-chat|media|messages|rate-limit|targets|webhooks|workspaces)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A module may not import itself through others (a job loading its handler lazily, where workers run, is not an import cycle).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'A domain imports another only one way: two folders never import each other.',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    { name: 'infrastructure-stays-down', severity: 'error', comment: 'db, jobs, crypto, validation, outbound know nothing of services, doors or workers.', from: { path: INFRA }, to: { path: [DOMAINS, DOORS, WORKER, '^src/(app|main|runtime)\\.ts$'] } },
    { name: 'services-below-doors', severity: 'error', comment: 'Services never know which door called them, nor start workers.', from: { path: DOMAINS }, to: { path: [DOORS, WORKER, '^src/(app|main)\\.ts$'] } },
    { name: 'doors-do-not-start-workers', severity: 'error', from: { path: DOORS }, to: { path: [WORKER, '^src/(app|main)\\.ts$'] } },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
  },
};
