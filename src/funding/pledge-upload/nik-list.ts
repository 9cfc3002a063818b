/**
 * The NIKs of a sheet cell, in order: separated by commas, semicolons, line breaks or spaces, and a
 * NIK written in groups of digits (`1703 0102 0709 2185`, as printed on the KTP) read as one. Short
 * runs of digits next to each other are joined while they make up to 16 digits (QA: a grouped NIK
 * became four NIKs of four digits); anything else stays as typed, so the pledge rules name each value
 * they refuse. The console's form does the same per line (pledge-form.js nikList).
 */
export function nikList(text: string): string[] {
  return text.split(/[\n\r,;]+/).flatMap((item) => joinGroups(item.split(/\s+/).filter(Boolean)));
}

function joinGroups(tokens: string[]): string[] {
  const niks: string[] = [];
  let group: string[] = [];
  for (const token of tokens) {
    if (!/^\d{1,15}$/.test(token)) {
      niks.push(...group, token);
      group = [];
      continue;
    }
    group.push(token);
    const digits = group.join('');
    if (digits.length < 16) continue;
    niks.push(...(digits.length === 16 ? [digits] : group)); // past 16 digits: no NIK, each part as typed
    group = [];
  }
  return [...niks, ...group];
}
