import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Region } from './entities/region.entity.js';
import { RegionsException } from './regions.exception.js';
import { normalizeVillageCode } from './village-code.js';

export interface VillageView {
  code: string;
  name: string;
  level: 'desa' | 'kelurahan';
  kecamatanCode: string;
  kecamatanName: string;
}

@Injectable()
export class RegionsService {
  private cache?: Promise<VillageView[]>;
  private codes?: Promise<ReadonlySet<string>>;

  constructor(@InjectRepository(Region) private readonly regions: Repository<Region>) {}

  /** The 218 desa/kelurahan with their kecamatan. Master data changes only by migration, so it is cached. */
  villages(): Promise<VillageView[]> {
    return (this.cache ??= this.load());
  }

  /** Their codes (dots), cached with them. */
  villageCodes(): Promise<ReadonlySet<string>> {
    return (this.codes ??= this.villages().then((villages) => new Set(villages.map((v) => v.code))));
  }

  /** The village code as stored (dots), or 404 VILLAGE_NOT_FOUND when the regency has no such desa/kelurahan. */
  async village(raw: string): Promise<string> {
    const code = normalizeVillageCode(raw);
    if (code === null || !(await this.villageCodes()).has(code)) throw RegionsException.villageNotFound(raw);
    return code;
  }

  private async load(): Promise<VillageView[]> {
    const rows = await this.regions.find({ order: { code: 'ASC' } });
    const kecamatan = new Map(rows.filter((r) => r.level === 'kecamatan').map((r) => [r.code, r.name]));
    return rows
      .filter((r): r is Region & { level: 'desa' | 'kelurahan' } => r.level !== 'kecamatan')
      .map((r) => ({ code: r.code, name: r.name, level: r.level, kecamatanCode: r.kecamatanCode, kecamatanName: kecamatan.get(r.kecamatanCode) ?? '' }));
  }

  findByCodes(codes: string[]): Promise<Region[]> {
    return this.regions.findBy({ code: In(codes) });
  }
}
