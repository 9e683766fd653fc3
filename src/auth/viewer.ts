import { AppError, forbidden, notFound } from '../errors.ts';

/**
 * Who is calling: an admin key sees every workspace, a workspace key only its own. A workspace key
 * also carries its Twilio-style identity (its SID and its workspace's account SID), which the
 * Twilio-compatible door checks the Basic user name against.
 */
export type Viewer =
  | { kind: 'admin'; keyId: string; rateLimitPerMinute: number | null }
  | { kind: 'workspace'; workspaceId: number; keyId: string; rateLimitPerMinute: number | null; keySid: string; accountSid: string };

const KEY_FORMS = 'send it as `Authorization: Bearer <key>`, `authorization: <key>` or `x-api-key: <key>`';

export const unauthenticated = () => new AppError('UNAUTHENTICATED', `A valid API key is required: ${KEY_FORMS}`);

/** A key was sent but is not one we know (mistyped, revoked, or a placeholder). */
export const rejectedKey = () => new AppError('UNAUTHENTICATED', `The API key sent is not valid (unknown or revoked): ${KEY_FORMS}`);

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function requireAdmin(viewer: Viewer | null): Viewer {
  const v = requireViewer(viewer);
  if (v.kind !== 'admin') throw forbidden();
  return v;
}

/** A workspace key asking about another workspace learns nothing: the answer is NOT_FOUND. */
export function assertWorkspaceAccess(viewer: Viewer, workspaceId: number, what = 'Workspace'): void {
  if (viewer.kind === 'workspace' && viewer.workspaceId !== workspaceId) throw notFound(what);
}

/** The workspace an operation applies to: the key's own, or (admin) the one given. */
export function resolveWorkspaceId(viewer: Viewer, workspaceId: number | null | undefined): number {
  if (workspaceId == null) {
    if (viewer.kind === 'workspace') return viewer.workspaceId;
    throw new AppError('BAD_USER_INPUT', 'workspaceId: is required with an admin key', {
      details: [{ field: 'workspaceId', message: 'is required with an admin key' }],
    });
  }
  assertWorkspaceAccess(viewer, workspaceId);
  return workspaceId;
}

/** Prisma `where` that limits a query to what the viewer may see. */
export function visibleWorkspaces(viewer: Viewer): { workspaceId?: number } {
  return viewer.kind === 'workspace' ? { workspaceId: viewer.workspaceId } : {};
}
