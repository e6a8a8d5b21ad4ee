import { MAGNITUDE_PREFIXES, unitConversionExponent } from '../../src/model/units.js';
import { describe, expect, it } from 'vitest';

describe('unitConversionExponent', () => {
  it.each<[string, string, number]>([
    ['人', '万人', -4],
    ['万人', '人', 4],
    ['万人', '万人', 0],
    ['亿元', '万元', 4],
    ['万元', '亿元', -4],
    ['元', '亿元', -8],
    ['万亿元', '亿元', 4],
    ['十万人', '万人', 1],
    ['百万亩', '万亩', 2],
    ['千万元', '元', 7],
    ['千瓦时', '亿千瓦时', -8],
    ['亿千瓦时', '千瓦时', 8],
    ['万千瓦时', '亿千瓦时', -4],
    ['%', '%', 0],
    ['个百分点', '个百分点', 0],
    ['个', '万个', -4],
    ['百万千瓦', '千瓦', 6],
    ['万千瓦', '千瓦', 4],
  ])('converts %s to %s by 10^%i', (from, to, exponent) => {
    expect(unitConversionExponent(from, to)).toBe(exponent);
  });

  it.each<[string, string]>([
    ['人', '亩'],
    ['万人', '亿元'],
    ['%', '个百分点'],
    ['个百分点', '%'],
    ['万%', '%'],
    ['十个百分点', '个百分点'],
    ['万', '亿'],
    ['平方米', '万亩'],
  ])('finds %s and %s incompatible', (from, to) => {
    expect(unitConversionExponent(from, to)).toBeUndefined();
  });

  it('gives opposite exponents in the two directions', () => {
    const units = ['人', '万人', '亿元', '万元', '元', '千瓦时', '亿千瓦时', '万千瓦时', '十万亩', '亩'];
    for (const a of units) {
      for (const b of units) {
        const there = unitConversionExponent(a, b);
        const back = unitConversionExponent(b, a);
        expect(back).toBe(there === undefined ? undefined : 0 - there);
      }
    }
  });
});

describe('MAGNITUDE_PREFIXES', () => {
  it('lists the nine prefixes of the plan format with their powers of ten', () => {
    expect({ ...MAGNITUDE_PREFIXES }).toEqual({ 十: 1, 百: 2, 千: 3, 万: 4, 十万: 5, 百万: 6, 千万: 7, 亿: 8, 万亿: 12 });
  });
});
