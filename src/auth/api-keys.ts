import { z } from 'zod';
import { newToken, sha256 } from '../crypto/tokens.ts';
import { forbidden, notFound } from '../errors.ts';
import { pagingInput } from '../validation/paging.ts';
import { newId } from '../ids.ts';
import type { Runtime } from '../runtime.ts';
import { LIMITS, requiredText } from '../validation/rules.ts';
import { parseInput } from '../validation/parse.ts';
import { assertWorkspaceAccess, requireAdmin, requireViewer, type Viewer } from './viewer.ts';

export const createApiKeyInput = z.object({
  workspaceId: z.number().int().nullish(),
  label: requiredText(LIMITS.label),
  rateLimitPerMinute: z.number().int().min(1, 'must be at least 1').max(1_000_000, 'must be at most 1000000').nullish(),
});

export const listApiKeysInput = pagingInput.extend({ workspaceId: z.number().int().nullish(), includeRevoked: z.boolean().nullish() });

/**
 * Creates a key and returns its secret, the only time it is shown. Without workspaceId it is an
 * admin key, which only an admin key may create; a workspace key creates keys for its own workspace.
 */
export async function createApiKey(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const data = parseInput(createApiKeyInput, input);
  const workspaceId = data.workspaceId ?? null;
  if (data.rateLimitPerMinute != null && v.kind !== 'admin') throw forbidden('Only an admin key can set rateLimitPerMinute');
  if (workspaceId === null) requireAdmin(v);
  else {
    assertWorkspaceAccess(v, workspaceId);
    if (!(await rt.prisma.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } }))) throw notFound('Workspace');
  }
  const { token, prefix, hash } = newToken(workspaceId === null ? 'sba' : 'sbk');
  const apiKey = await rt.prisma.apiKey.create({
    data: { id: newId(), workspaceId, prefix, hash, label: data.label, rateLimitPerMinute: data.rateLimitPerMinute ?? null },
  });
  return { apiKey, secret: token };
}

export async function revokeApiKey(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const { id } = parseInput(z.object({ id: z.string() }), input);
  const key = await rt.prisma.apiKey.findUnique({ where: { id } });
  if (!key || (v.kind === 'workspace' && key.workspaceId !== v.workspaceId)) throw notFound('API key');
  const revoked = key.revokedAt ? key : await rt.prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  rt.keys.forget(id);
  return revoked;
}

/** Stores the bootstrap admin key (from SWITCHBOARD_ADMIN_KEY, or generated) and returns a new secret if it made one. */
export async function ensureAdminKey(rt: Pick<Runtime, 'prisma'>, configured: string | undefined, generate: boolean): Promise<string | null> {
  if (configured) {
    const hash = sha256(configured);
    const label = 'bootstrap (SWITCHBOARD_ADMIN_KEY)';
    await rt.prisma.apiKey.upsert({
      where: { hash },
      update: { revokedAt: null },
      // The key is the operator's, so its prefix is derived from the hash: nothing of it is shown.
      create: { id: newId(), workspaceId: null, prefix: `env_${hash.slice(0, 8)}`, hash, label },
    });
    // Changing the variable rotates the key: the previous one stops working.
    await rt.prisma.apiKey.updateMany({ where: { label, hash: { not: hash }, revokedAt: null }, data: { revokedAt: new Date() } });
    return null;
  }
  if (!generate) return null;
  const existing = await rt.prisma.apiKey.count({ where: { workspaceId: null, revokedAt: null } });
  if (existing > 0) return null;
  const { token, prefix, hash } = newToken('sba');
  await rt.prisma.apiKey.create({ data: { id: newId(), workspaceId: null, prefix, hash, label: 'bootstrap (generated)' } });
  return token;
}
