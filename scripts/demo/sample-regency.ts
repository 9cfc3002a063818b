/**
 * A synthetic regency: a few thousand fake residents spread over the real village codes,
 * generated deterministically from a seed. No real person's data: names are drawn from common
 * given names, NIKs are built to pass the §2 rules with a serial that encodes the index.
 */
import { WILAYAH_1703 } from '../../src/regions/data/wilayah-1703.js';

export interface SampleResident {
  nik: string;
  noKk: string;
  noka: string;
  name: string;
  birthDate: string;
  sex: 'L' | 'P';
  villageCode: string;
  tmt: string;
  tat?: string;
  endReason?: string;
}

/** mulberry32: a tiny, well-known deterministic PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN_L = ['Ahmad', 'Budi', 'Joko', 'Rudi', 'Slamet', 'Agus', 'Dedi', 'Hendra', 'Eko', 'Yusuf', 'Andi', 'Rahmat'];
const GIVEN_P = ['Siti', 'Sri', 'Dewi', 'Nur', 'Rina', 'Yuni', 'Lestari', 'Wati', 'Fitri', 'Ani', 'Rosmiati', 'Marlina'];
const FAMILY = ['Saputra', 'Wijaya', 'Susanto', 'Hidayat', 'Pratama', 'Lubis', 'Harahap', 'Nasution', 'Rangkuti', 'Simatupang'];

export function sampleRegency(count = 3000, seed = 1703): SampleResident[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const villages = WILAYAH_1703.filter((r) => r[1] !== 'kecamatan');
  const out: SampleResident[] = [];
  for (let i = 0; i < count; i++) {
    const village = pick(villages);
    const sex: 'L' | 'P' = rand() < 0.5 ? 'L' : 'P';
    const year = 1940 + Math.floor(rand() * 80);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const dd = String(day + (sex === 'P' ? 40 : 0)).padStart(2, '0');
    const kec = village[3].replace(/\./g, '').slice(0, 6);
    const nik = `${kec}${dd}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(1 + (i % 9999)).padStart(4, '0')}`;
    const tmtYear = 2024 + Math.floor(rand() * 3);
    const tmtMonth = 1 + Math.floor(rand() * (tmtYear === 2026 ? 9 : 12));
    const resident: SampleResident = {
      nik,
      noKk: `${kec}${String(100000 + Math.floor(rand() * 899999)).padStart(6, '0')}${String(1000 + (i % 8999))}`,
      noka: String(1000000000000 + i * 7919),
      name: `${sex === 'L' ? pick(GIVEN_L) : pick(GIVEN_P)} ${pick(FAMILY)}`,
      birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      sex,
      villageCode: village[0],
      tmt: `${tmtYear}-${String(tmtMonth).padStart(2, '0')}-01`,
    };
    // About 3 % died on 15 June 2026: only those covered by then (a death before TMT is refused by the upload).
    if (rand() < 0.03 && resident.tmt <= '2026-06-15') Object.assign(resident, { tat: '2026-06-15', endReason: 'MENINGGAL' });
    out.push(resident);
  }
  return uniqueByNik(out);
}

function uniqueByNik(residents: SampleResident[]): SampleResident[] {
  const seen = new Set<string>();
  return residents.filter((r) => !seen.has(r.nik) && seen.add(r.nik));
}
