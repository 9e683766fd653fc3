import type { OpenDeviceLink } from './link-types.ts';
import { openSmppLink } from './smpp-link.ts';

/** How each linked driver's devices are connected, by driver name (drivers marked `linked`). */
export const LINK_OPENERS: Record<string, OpenDeviceLink> = { smpp: openSmppLink };
