/**
 * Terbilang: a whole number written in Indonesian words, as on a Berita Acara
 * ("tiga puluh tujuh ribu delapan ratus"). Pure; handles 0 up to the trillions (and beyond, by
 * repeating "triliun"), negatives with "minus".
 */
const UNITS = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'];

/** Scales from the largest, each a power of 1000. */
const SCALES: Array<[bigint, string]> = [
  [1_000_000_000_000n, 'triliun'],
  [1_000_000_000n, 'miliar'],
  [1_000_000n, 'juta'],
  [1_000n, 'ribu'],
];

/** 0 < n < 1000 */
function belowThousand(n: number): string {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push('seratus');
  else if (hundreds > 1) words.push(`${UNITS[hundreds]} ratus`);
  if (rest === 0) return words.join(' ');
  if (rest < 12) words.push(rest === 10 ? 'sepuluh' : UNITS[rest]);
  else if (rest < 20) words.push(`${UNITS[rest - 10]} belas`);
  else {
    words.push(`${UNITS[Math.floor(rest / 10)]} puluh`);
    if (rest % 10) words.push(UNITS[rest % 10]);
  }
  return words.join(' ');
}

function positive(n: bigint): string {
  for (const [scale, name] of SCALES) {
    if (n >= scale) {
      const head = n / scale;
      const tail = n % scale;
      // "seribu", never "satu ribu"; every other scale keeps "satu" ("satu juta").
      const headWords = head === 1n && scale === 1_000n ? 'seribu' : `${positive(head)} ${name}`;
      return tail === 0n ? headWords : `${headWords} ${positive(tail)}`;
    }
  }
  return belowThousand(Number(n));
}

/** Words for a whole number: terbilang(37800) = "tiga puluh tujuh ribu delapan ratus". */
export function terbilang(value: number | bigint | string): string {
  const n = BigInt(value);
  if (n === 0n) return 'nol';
  if (n < 0n) return `minus ${positive(-n)}`;
  return positive(n);
}

/** Words for an amount of money: "tiga puluh tujuh ribu delapan ratus rupiah". */
export function terbilangRupiah(value: number | bigint | string): string {
  return `${terbilang(value)} rupiah`;
}

/**
 * Words for a balance paid − owed, as a statement's signatories read it: "kurang bayar dua puluh lima
 * ribu enam ratus rupiah" for −25.600, "lebih bayar …" for a surplus, "nol rupiah" when even; the
 * §8 statuses' words (Kurang bayar, Lebih bayar), where terbilangRupiah would say "minus …".
 */
export function terbilangBalance(value: number | bigint | string): string {
  const n = BigInt(value);
  if (n === 0n) return terbilangRupiah(0);
  return n < 0n ? `kurang bayar ${terbilangRupiah(-n)}` : `lebih bayar ${terbilangRupiah(n)}`;
}

/**
 * Words for the part of a balance that is premiums not yet due (a shortfall, negative as the balance is): "belum
 * dibayar, belum jatuh tempo: seratus delapan puluh sembilan ribu rupiah" for −189.000, never "kurang bayar …", which a
 * signatory reads as an arrear (DOMAIN §8: due by the 10th; an unpaid month is not late).
 */
export function terbilangNotYetDue(value: number | bigint | string): string {
  const n = BigInt(value);
  return `belum dibayar, belum jatuh tempo: ${terbilangRupiah(n < 0n ? -n : n)}`;
}
