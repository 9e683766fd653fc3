import { z } from 'zod';
import { requireViewer, type Viewer } from '../auth/viewer.ts';
import { inTransaction } from '../db/pool.ts';
import { pgSql } from '../db/sql.ts';
import { notFound } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { parseInput } from '../validation/parse.ts';
import { endWhere } from './end-conversations.ts';

/** Ends a conversation by API (ENDING_CONV). Ending an ended one changes nothing. */
export async function endConversation(rt: Runtime, viewer: Viewer | null, input: unknown) {
  const v = requireViewer(viewer);
  const { id } = parseInput(z.object({ id: z.string() }), input);
  const conversation = await rt.prisma.conversation.findUnique({ where: { id } });
  if (!conversation || (v.kind === 'workspace' && conversation.workspaceId !== v.workspaceId)) throw notFound('Conversation');
  await inTransaction(rt.pool, (client) => endWhere(pgSql(client), rt.boss, 'c.id = $1', [id], 'ended by API'));
  return rt.prisma.conversation.findUniqueOrThrow({ where: { id } });
}
