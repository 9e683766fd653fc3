import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type PrismaTypes from '../generated/pothos-prisma-types.ts';
import { getDatamodel } from '../generated/pothos-prisma-types.ts';
import type { Context } from './context.ts';

/** Plugins and scalars only; each domain's schema.ts adds its types, queries and mutations. */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [PrismaPlugin, SimpleObjectsPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (ctx) => ctx.rt.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
  },
});

/** The times PostgreSQL and an ISO string both hold: years 1 to 9999 (year 0 reaches the database as a date it refuses). */
export const isStorableDate = (d: Date) => d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999;

function storable(date: Date, node?: ValueNode): Date {
  if (isStorableDate(date)) return date;
  throw new GraphQLError(`DateTime must be between years 0001 and 9999, found ${date.toISOString()}`, { nodes: node });
}

const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  parseValue: (value) => storable(DateTimeResolver.parseValue(value)),
  parseLiteral: (node, variables) => storable(DateTimeResolver.parseLiteral(node, variables), node),
});

builder.addScalarType('DateTime', DateTime);
builder.addScalarType('JSON', JSONResolver);
builder.queryType({});
builder.mutationType({});

/** The builder's schema types, for helpers that add fields to several types. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
export type InputFields = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
