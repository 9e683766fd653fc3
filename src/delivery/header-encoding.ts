import { isSendableHeaderValue } from '../validation/rules.ts';

/** Tab and printable ASCII: what every receiver reads the same way. */
const PLAIN = /^[\t\x20-\x7e]*$/;
/** UTF-8 bytes per encoded word: 60 base64 characters keep a word within RFC 2047's 75. */
const WORD_BYTES = 45;

/**
 * RFC 2047 encoded words of a value's UTF-8 bytes (`=?UTF-8?B?…?=`, space-separated, no character
 * split between words). Receivers decode them with Go's mime.WordDecoder.DecodeHeader, Python's
 * email.header.decode_header or Node's libmime, and a plain value passes through those unchanged.
 */
export function encodedWords(value: string): string {
  const words: string[] = [];
  let word = '';
  let bytes = 0;
  for (const char of value) {
    const size = Buffer.byteLength(char);
    if (bytes + size > WORD_BYTES) {
      words.push(word);
      word = '';
      bytes = 0;
    }
    word += char;
    bytes += size;
  }
  words.push(word);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(' ');
}

/**
 * A header value as it is sent. A variable's value (an SMS text in `{{text}}`) is encoded unless
 * it is plain ASCII: a line break or an emoji cannot be sent at all, and a Latin-1 "é" would
 * reach a UTF-8 receiver garbled. A configured value is sent as written; one Node would refuse
 * (stored before values were checked) is encoded rather than failing every attempt.
 */
export function headerValueToSend(value: string, fromVariable: boolean): string {
  if (fromVariable ? PLAIN.test(value) : isSendableHeaderValue(value)) return value;
  return encodedWords(value);
}
