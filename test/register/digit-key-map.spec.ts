/** The validator's compact NIK/NOKA map behaves like a Map; so does its note of namesakes (NamesakesInFile). */
import { describe, expect, it } from '@jest/globals';
import { DigitKeyMap } from '../../src/register/validation/digit-key-map.js';
import { NamesakesInFile } from '../../src/register/validation/namesakes-in-file.js';

describe('DigitKeyMap', () => {
  it('finds what was set, through growth, and tells keys apart by any digit', () => {
    const map = new DigitKeyMap(16);
    const reference = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = `${String(1703060000 + (i % 7919)).padStart(10, '0')}${String(i).padStart(6, '0')}`;
      expect(map.getOrSet(key, i + 2)).toBeUndefined();
      reference.set(key, i + 2);
    }
    map.getOrSet('0000000000000001', 1);
    reference.set('0000000000000001', 1);
    expect(map.size).toBe(reference.size);
    for (const [key, value] of reference) expect(map.get(key)).toBe(value);
    expect(map.get('1000000000000001')).toBeUndefined();
    expect(map.get('0000000000000002')).toBeUndefined();
  });

  it("getOrSet answers a key's value and keeps it, or sets it and answers undefined, through growth", () => {
    const map = new DigitKeyMap(13);
    const key = (i: number) => String(1_000_000_000_000 + i * 7919);
    for (let i = 0; i < 5_000; i++) expect(map.getOrSet(key(i), i)).toBeUndefined();
    for (let i = 0; i < 5_000; i++) expect(map.getOrSet(key(i), -1)).toBe(i);
    expect(map.size).toBe(5_000);
    expect(map.get(key(3))).toBe(3);
  });

  it('refuses keys of another length or with other characters', () => {
    const map = new DigitKeyMap(13);
    expect(() => map.get('123')).toThrow();
    expect(() => map.getOrSet('12345678901x3', 1)).toThrow();
  });
});

/** The validator's note of rows sharing a birth date and a name (PERSON_IN_FILE_OTHER_NIK's candidates), as compact. */
describe('NamesakesInFile', () => {
  it('lists every row of a birth date and name another row has, the first included, through growth; names as NAME_KEY compares them', () => {
    const namesakes = new NamesakesInFile();
    const nik = (i: number) => `170306${String(i).padStart(10, '0')}`;
    // 20,000 people of other names (the table grows from 1,024 slots), and among them one person four times, far apart
    for (let i = 1; i <= 20_000; i++) {
      const same = i % 5_000 === 0;
      namesakes.add(nik(i), same ? '1961-06-21' : '1980-01-01', same ? ['Joko Susilo', 'JOKO  SUSILO', 'joko susilo.', 'Joko’ Susilo'][i / 5_000 - 1] : `Orang ${i}`);
    }
    expect(namesakes.niks).toEqual([nik(5_000), nik(10_000), nik(15_000), nik(20_000)]);
    // another birth date, or another name, is another person
    namesakes.add(nik(20_001), '1961-06-22', 'Joko Susilo');
    namesakes.add(nik(20_002), '1961-06-21', 'Joko Susanto');
    expect(namesakes.niks).toHaveLength(4);
  });
});
