// Writes migration SQL with Prisma's schema engine compiled to WebAssembly, because the native
// engine that `prisma migrate` downloads is not always reachable (see README, "Migrations").
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { SchemaEngine } from '@prisma/schema-engine-wasm';

type Source = { tag: 'empty' } | { tag: 'schemaDatamodel'; files: { path: string; content: string }[] };

const source = (schema: string | null): Source =>
  schema === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] };

/**
 * The SQL that turns a database described by `from` (null: an empty one) into one described by `to`.
 * The engine needs a reachable PostgreSQL to start, though the diff itself reads no tables.
 */
export async function diffSchemas(connectionString: string, from: string | null, to: string): Promise<string> {
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', to]] }, () => undefined, adapter);
  try {
    const result = await engine.diff({
      from: source(from),
      to: source(to),
      script: true,
      exitCode: true,
      shadowDatabaseUrl: null,
      filters: { externalTables: [], externalEnums: [] },
    } as Parameters<SchemaEngine['diff']>[0]);
    return result.stdout ?? '';
  } finally {
    engine.free();
  }
}
