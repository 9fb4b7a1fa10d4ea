import { correlatedNormals } from './posterior-draw';
import { createRandom } from './random';

describe('correlatedNormals', () => {
  const random = createRandom('draws');
  const draws = Array.from({ length: 3000 }, () => correlatedNormals(random));
  const column = (slot: number): number[] => draws.map((d) => d[slot]);
  const corr = (a: number[], b: number[]): number => {
    const ma = a.reduce((s, v) => s + v, 0) / a.length;
    const mb = b.reduce((s, v) => s + v, 0) / b.length;
    let ab = 0;
    let aa = 0;
    let bb = 0;
    a.forEach((v, i) => {
      ab += (v - ma) * (b[i] - mb);
      aa += (v - ma) ** 2;
      bb += (b[i] - mb) ** 2;
    });
    return ab / Math.sqrt(aa * bb);
  };

  it('gives every slot a standard normal', () => {
    const tue10 = column(34);
    const m = tue10.reduce((s, v) => s + v, 0) / tue10.length;
    const sd = Math.sqrt(tue10.reduce((s, v) => s + (v - m) ** 2, 0) / tue10.length);
    expect(Math.abs(m)).toBeLessThan(0.06);
    expect(sd).toBeGreaterThan(0.95);
    expect(sd).toBeLessThan(1.05);
  });

  it('correlates neighbouring hours strongly, distant hours and weekday vs weekend little', () => {
    const tue10 = column(34);
    expect(corr(tue10, column(35))).toBeGreaterThan(0.8);
    expect(corr(tue10, column(37))).toBeLessThan(corr(tue10, column(35)));
    expect(Math.abs(corr(tue10, column(46)))).toBeLessThan(0.1);
    expect(Math.abs(corr(tue10, column(5 * 24 + 10)))).toBeLessThan(0.2);
  });
});
