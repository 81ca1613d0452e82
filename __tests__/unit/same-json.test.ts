import fc from 'fast-check';
import { sameJson } from '@/lib/same-json';

describe('sameJson', () => {
  it('is true for a value and its JSON round trip, whatever the order of keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = JSON.parse(JSON.stringify(value)) as unknown;
        expect(sameJson(value, copy)).toBe(true);
        expect(sameJson(copy, value)).toBe(true);
      }),
    );
    expect(sameJson({ a: 1, b: { c: [1, 2], d: 'x' } }, { b: { d: 'x', c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameJson({ a: 1, gone: undefined }, { a: 1 })).toBe(true);
  });

  it('is false when any value differs, is missing or has another type', () => {
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson({ a: null }, { a: {} })).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), fc.string(), fc.integer(), (value, key, extra) => {
        const changed = { ...value, [key]: (value[key] ?? extra) + 1 };
        expect(sameJson(value, changed)).toBe(false);
      }),
    );
  });
});
