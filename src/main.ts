import os from 'node:os';
import { startApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './log.ts';

/** `npm start`: one process running the API, the workers or both (SWITCHBOARD_ROLE). */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable and its meaning.\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  // A signal during start-up ends the process at once, by exiting: unlike the signal's default
  // action that still stops the embedded PostgreSQL (it runs in a process group of its own).
  const abortStart = (signal: NodeJS.Signals) => process.exit(128 + os.constants.signals[signal]);
  process.once('SIGINT', abortStart).once('SIGTERM', abortStart);
  const app = await startApp(config, log).catch((error: unknown) => {
    log.fatal({ err: error }, 'Switchboard could not start');
    process.stderr.write(`\nSwitchboard could not start: ${(error as Error).message}\n`);
    process.exit(1);
  });
  process.removeListener('SIGINT', abortStart).removeListener('SIGTERM', abortStart);
  if (app.generatedAdminKey) {
    // Printed to the terminal once, never logged: it is only stored as a hash.
    process.stderr.write(
      `\n  Admin API key (shown once, store it now):\n\n    ${app.generatedAdminKey}\n\n` +
        '  Use it as `Authorization: Bearer <key>`. Create workspace keys with createApiKey.\n\n',
    );
  }
  if (config.allowPrivateTargets) {
    log.warn('SWITCHBOARD_ALLOW_PRIVATE_TARGETS is on: webhooks may reach private, loopback and link-local addresses (this machine and its network)');
  }
  if (app.url) log.info({ graphql: `${app.url}/graphql`, graphiql: config.graphiql }, `Switchboard is ready: GraphiQL at ${app.url}/graphql`);
  if (config.embedded) log.info({ databaseUrl: redactPassword(app.databaseUrl) }, 'other processes can share this database with DATABASE_URL');
  log.info({ role: config.role }, 'running');

  let signals = 0;
  const onSignal = (signal: string) => {
    if (++signals > 1) process.exit(1);
    log.info({ signal }, 'stopping');
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}

const redactPassword = (url: string) => url.replace(/:\/\/([^:]+):[^@]+@/, '://$1:***@');

await main();
