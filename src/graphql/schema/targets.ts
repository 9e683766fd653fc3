import { mask } from '../../crypto/secret-box.ts';
import { builder, type InputFields, type Types } from '../builder.ts';
import type { Context } from '../context.ts';
import type { OpenTarget } from '../../targets/targets.ts';
import type { TargetAuth as Auth, TargetField as Field } from '../../targets/target-config.ts';
import { withoutCredentials } from '../../targets/url-credentials.ts';

export const HeaderInputDescription =
  'Headers as an object (`{"x-api-key": "secret"}`) or a list of `{ key, type: TEXT|VARIABLE, value }`; a value `{{name}}` is a variable. Values are stored encrypted and shown masked.';

export const FieldType = builder.enumType('FieldType', {
  values: { TEXT: { description: 'Sent as written.' }, VARIABLE: { description: 'Replaced by the value of a variable such as {{channel}}.' } },
});

export const HttpMethod = builder.enumType('HttpMethod', { values: ['GET', 'POST', 'PUT', 'DELETE'] as const });
export const TargetAuthType = builder.enumType('TargetAuthType', { values: ['NONE', 'API_KEY', 'BASIC', 'BEARER'] as const });

export const TargetField = builder.objectRef<Field>('TargetField').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    type: t.field({ type: FieldType, resolve: (f) => f.type }),
    value: t.exposeString('value'),
  }),
});

export const TargetAuth = builder.objectRef<Auth>('TargetAuth').implement({
  description: 'How requests authenticate to the target; secrets are masked.',
  fields: (t) => ({
    type: t.field({ type: TargetAuthType, resolve: (a) => a.type }),
    headerName: t.string({ nullable: true, resolve: (a) => (a.type === 'API_KEY' ? a.headerName : null) }),
    username: t.string({ nullable: true, resolve: (a) => (a.type === 'BASIC' ? a.username : null) }),
    secret: t.string({
      nullable: true,
      description: 'The API key value, password or token, masked.',
      resolve: (a) => (a.type === 'API_KEY' ? mask(a.value) : a.type === 'BASIC' ? mask(a.password) : a.type === 'BEARER' ? mask(a.token) : null),
    }),
  }),
});

export const TargetFieldInput = builder.inputType('TargetFieldInput', {
  fields: (t) => ({
    key: t.string({ required: true, description: 'Body keys take dot notation (`multimedia.url`) and `[]` for arrays.' }),
    type: t.field({ type: FieldType, required: false, defaultValue: 'TEXT' }),
    value: t.string({ required: true }),
  }),
});

export const TargetAuthInput = builder.inputType('TargetAuthInput', {
  fields: (t) => ({
    type: t.field({ type: TargetAuthType, required: true }),
    headerName: t.string({ required: false, description: 'API_KEY: the header that carries the key.' }),
    value: t.string({ required: false, description: 'API_KEY: the key.' }),
    username: t.string({ required: false, description: 'BASIC' }),
    password: t.string({ required: false, description: 'BASIC' }),
    token: t.string({ required: false, description: 'BEARER' }),
  }),
});

/** Target input fields shared by webhooks and live-chat integrations. */
export const targetInputFields = (t: InputFields) => ({
  method: t.field({ type: HttpMethod, required: false, description: 'POST unless given.' }),
  queryParams: t.field({ type: [TargetFieldInput], required: false }),
  headers: t.field({ type: 'JSON', required: false, description: HeaderInputDescription }),
  auth: t.field({ type: TargetAuthInput, required: false }),
  bodyFields: t.field({ type: [TargetFieldInput], required: false, description: 'Build the body from these fields instead of the event payload.' }),
  permanentStatusCodes: t.intList({ required: false, description: 'Answers that end a delivery at once, without retries.' }),
});

/** Target output fields, resolved from an opened target. */
export function targetOutputFields<P>(t: PothosSchemaTypes.RootFieldBuilder<Types, P, any>, open: (parent: P, ctx: Context) => OpenTarget) {
  const from =
    <R>(pick: (target: OpenTarget) => R) =>
    (parent: P, _args: object, ctx: Context) =>
      pick(open(parent, ctx));
  return {
    url: t.string({ resolve: from((o) => withoutCredentials(o.url)) }),
    method: t.field({ type: HttpMethod, resolve: from((o) => o.method) }),
    queryParams: t.field({ type: [TargetField], resolve: from((o) => o.queryParams) }),
    headers: t.field({
      type: 'JSON',
      description: 'Header names and masked values.',
      resolve: from((o) => Object.fromEntries(o.headers.map((h) => [h.key, h.type === 'VARIABLE' ? h.value : mask(h.value)]))),
    }),
    headerFields: t.field({
      type: [TargetField],
      resolve: from((o) => o.headers.map((h) => ({ ...h, value: h.type === 'VARIABLE' ? h.value : mask(h.value) }))),
    }),
    auth: t.field({ type: TargetAuth, resolve: from((o) => o.auth) }),
    bodyFields: t.field({ type: [TargetField], nullable: true, resolve: from((o) => o.bodyFields) }),
    permanentStatusCodes: t.intList({ resolve: from((o) => o.permanentStatusCodes) }),
  };
}
