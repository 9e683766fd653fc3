/**
 * GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, as SMPP carries it with
 * data_coding 0: one septet per octet, unpacked (the SMSC packs for the air interface).
 */

// Position = septet value.
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** Characters reached through the escape septet 0x1B, with the septet that follows it. */
const EXTENSION: Record<string, number> = { '\f': 0x0a, '^': 0x14, '{': 0x28, '}': 0x29, '\\': 0x2f, '[': 0x3c, '~': 0x3d, ']': 0x3e, '|': 0x40, '€': 0x65 };
const ESCAPE = 0x1b;

const BASIC_CODE = new Map([...BASIC].map((c, i) => [c, i] as const).filter(([c]) => c !== '\x1b'));
const EXTENSION_CHAR = new Map(Object.entries(EXTENSION).map(([c, v]) => [v, c] as const));

/** True when every character of the text has a GSM-7 septet (basic or extension). */
export function isGsm7(text: string): boolean {
  for (const c of text) if (!BASIC_CODE.has(c) && !(c in EXTENSION)) return false;
  return true;
}

/** The septets of one character (two for an extension character); throws for a character GSM-7 lacks. */
export function gsm7Septets(c: string): number[] {
  const basic = BASIC_CODE.get(c);
  if (basic !== undefined) return [basic];
  const ext = EXTENSION[c];
  if (ext === undefined) throw new Error(`no GSM-7 septet for U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  return [ESCAPE, ext];
}

/** Unpacked septets to text; an escape before an unknown septet reads as that septet's basic character (23.038). */
export function decodeGsm7(octets: Buffer): string {
  let text = '';
  for (let i = 0; i < octets.length; i++) {
    const septet = octets[i]! & 0x7f;
    if (septet === ESCAPE && i + 1 < octets.length) {
      const next = octets[++i]! & 0x7f;
      text += EXTENSION_CHAR.get(next) ?? BASIC[next];
    } else if (septet !== ESCAPE) {
      text += BASIC[septet];
    }
  }
  return text;
}
