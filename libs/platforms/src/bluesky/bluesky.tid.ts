import { createHash } from 'node:crypto';

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/**
 * A record key in the AT Protocol TID format (13 base32-sortable characters: 53 bits of microseconds since the
 * epoch, then a 10-bit clock id). The AppView only indexes posts whose rkey is a TID, so the key we choose up front
 * uses the current time; its sub-millisecond digits and clock id come from `seed` (our idempotency key and part
 * index), so two parts sent in the same millisecond still differ.
 */
export function createTid(seed: string, nowMs = Date.now()): string {
  const hash = createHash('sha256').update(seed).digest();
  const micros = BigInt(nowMs) * 1000n + BigInt(hash.readUInt16BE(0) % 1000);
  return encodeTid(micros, hash.readUInt16BE(2));
}

/** The TID of a timestamp in microseconds and a clock id (its low 10 bits are used). */
export function encodeTid(micros: bigint, clockId: number): string {
  const value = (micros << 10n) | BigInt(clockId & 0x3ff);
  let tid = '';
  for (let shift = 60n; shift >= 0n; shift -= 5n) tid += S32[Number((value >> shift) & 31n)];
  return tid;
}

export function isTid(value: string): boolean {
  return TID.test(value);
}
