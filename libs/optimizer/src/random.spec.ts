import { createRandom, hashString, normalSample } from './random';

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs between seeds', () => {
    const a = createRandom('seed-1');
    const b = createRandom('seed-1');
    const c = createRandom('seed-2');
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it('is uniform on [0, 1) and its normals have mean 0 and SD 1', () => {
    const random = createRandom('uniform');
    const u = Array.from({ length: 20000 }, random);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((s, v) => s + v, 0) / u.length).toBeCloseTo(0.5, 1);
    const z = Array.from({ length: 20000 }, () => normalSample(random));
    const m = z.reduce((s, v) => s + v, 0) / z.length;
    const sd = Math.sqrt(z.reduce((s, v) => s + (v - m) ** 2, 0) / z.length);
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(sd).toBeCloseTo(1, 1);
  });

  it('hashes strings to fixed 32-bit values (same numbers on every machine)', () => {
    expect(hashString('abc')).toBe(hashString('abc'));
    expect(hashString('abc')).not.toBe(hashString('abd'));
    expect(Number.isInteger(hashString('x'))).toBe(true);
    expect(hashString('x')).toBeLessThan(2 ** 32);
  });
});
