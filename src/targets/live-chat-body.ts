import type { TargetField } from './target-config.ts';

/** Seed 002's predefined body parameters, the default body of a live-chat target. */
export const LIVE_CHAT_DEFAULT_BODY: TargetField[] = [
  { key: 'chatId', type: 'VARIABLE', value: '{{chatId}}' },
  { key: 'contact', type: 'VARIABLE', value: '{{contact}}' },
  { key: 'event', type: 'VARIABLE', value: '{{event}}' },
  { key: 'text', type: 'VARIABLE', value: '{{text}}' },
  { key: 'multimedia.url', type: 'VARIABLE', value: '{{multimedia.url}}' },
  { key: 'multimedia.caption', type: 'VARIABLE', value: '{{multimedia.caption}}' },
  { key: 'sender', type: 'VARIABLE', value: '{{sender}}' },
  { key: 'channel', type: 'VARIABLE', value: '{{channel}}' },
  { key: 'timestamp', type: 'VARIABLE', value: '{{timestamp}}' },
];
