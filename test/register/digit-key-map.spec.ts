/** The validator's compact NIK/NOKA map behaves like a Map. */
import { describe, expect, it } from '@jest/globals';
import { DigitKeyMap } from '../../src/register/validation/digit-key-map.js';

describe('DigitKeyMap', () => {
  it('finds what was set, through growth, and tells keys apart by any digit', () => {
    const map = new DigitKeyMap(16);
    const reference = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = `${String(1703060000 + (i % 7919)).padStart(10, '0')}${String(i).padStart(6, '0')}`;
      map.set(key, i + 2);
      reference.set(key, i + 2);
    }
    map.set('0000000000000001', 1);
    reference.set('0000000000000001', 1);
    expect(map.size).toBe(reference.size);
    for (const [key, value] of reference) expect(map.get(key)).toBe(value);
    expect(map.get('1000000000000001')).toBeUndefined();
    expect(map.get('0000000000000002')).toBeUndefined();
  });

  it('refuses keys of another length or with other characters', () => {
    const map = new DigitKeyMap(13);
    expect(() => map.get('123')).toThrow();
    expect(() => map.set('12345678901x3', 1)).toThrow();
  });
});
