import { randomBytes } from 'node:crypto';

// The last 3 of the 8 "random" bytes count up from a random start (as MongoDB's ObjectId does), so
// ids made by one process in the same second still sort in creation order.
let counter = randomBytes(3).readUIntBE(0, 3);
const processBytes = randomBytes(5).toString('hex');

/** 24 hex characters: 4 bytes of Unix time then 8 bytes that look random (the shape seed 001 shows). */
export function newId(now = Date.now()): string {
  const time = Math.floor(now / 1000).toString(16).padStart(8, '0');
  counter = (counter + 1) % 0x1000000;
  return time + processBytes + counter.toString(16).padStart(6, '0');
}

let lastMs = 0;
let sequence = 0;

/** A UUIDv7: time-ordered, so lists can page by id; within one millisecond a 12-bit counter keeps the order. */
export function uuidv7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = randomBytes(2).readUInt16BE(0) & 0x3ff;
  } else {
    sequence++;
    if (sequence > 0xfff) {
      lastMs++;
      sequence = 0;
    }
  }
  const b = randomBytes(16);
  b.writeUIntBE(lastMs, 0, 6);
  b[6] = 0x70 | (sequence >> 8);
  b[7] = sequence & 0xff;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

