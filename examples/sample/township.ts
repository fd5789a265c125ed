/**
 * A township's roster as data: villages in roster order, each household clean or planted.
 * The layout (which plant sits on which row) is fixed so the README table stays true.
 */
import type { Household, ListEntry, Township } from './model';
import { head } from './model';
import { HouseholdMaker } from './households';
import { People } from './people';
import { PLANT_BY_KEY, type ExpectedAdjustment, type PlantContext } from './plants';
import { Prng } from './prng';

/** One village: its name and, per household in roster order, a plant key or null (clean). */
export interface VillagePlan {
  village: string;
  rows: (string | null)[];
}

export interface TownshipOptions {
  township: string;
  seed: number;
  villages: VillagePlan[];
  county?: string;
  areaCode?: string;
  filledOn?: Date;
}

export interface PlannedRow {
  /** 0-based household index in the roster. */
  index: number;
  key: string | null;
  rules: string[];
  what: string;
  adjustment?: ExpectedAdjustment;
}

export interface BuiltTownship extends Township {
  plan: PlannedRow[];
}

/** Family sizes of clean households: mostly small, as in rural dibao rosters. */
const SIZES = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5];

export function buildTownship(opts: TownshipOptions): BuiltTownship {
  const rng = new Prng(opts.seed);
  const people = new People(rng, opts.areaCode ?? '430529');
  const maker = new HouseholdMaker(rng, people);
  const deaths: ListEntry[] = [];
  const vehicles: ListEntry[] = [];
  const ctx: PlantContext = { rng, maker, deaths, vehicles, planted: new Map() };
  const households: Household[] = [];
  const plan: PlannedRow[] = [];

  for (const v of opts.villages) {
    for (const key of v.rows) {
      const h = maker.clean(v.village, rng.pick(SIZES));
      const plant = key ? PLANT_BY_KEY.get(key) : undefined;
      if (key && !plant) throw new Error(`unknown plant ${key}`);
      plant?.apply(h, ctx);
      ctx.planted.set(key ?? '', h);
      households.push(h);
      plan.push({ index: households.length - 1, key, rules: plant?.rules ?? [], what: plant?.what ?? '' });
    }
  }
  // Adjustments are computed from the final data, after every plant ran.
  for (const row of plan) {
    const plant = row.key ? PLANT_BY_KEY.get(row.key) : undefined;
    if (plant?.adjustment) row.adjustment = plant.adjustment(households[row.index]);
  }

  return {
    county: opts.county ?? '城步苗族自治县',
    township: opts.township,
    areaCode: people.areaCode,
    filledOn: opts.filledOn ?? new Date(Date.UTC(2018, 0, 10)),
    households,
    deaths: [...deaths, ...strangers(people, rng, opts, 4, 'death')],
    vehicles: [...vehicles, ...strangers(people, rng, opts, 6, 'vehicle')],
    poor: strangers(people, rng, opts, 4, 'poor'),
    plan,
  };
}

/** People of the township who are not on the roster: the other entries of a reference list. */
function strangers(people: People, rng: Prng, opts: TownshipOptions, n: number, kind: string): ListEntry[] {
  const out: ListEntry[] = [];
  for (let i = 0; i < n; i++) {
    const sex = rng.chance(0.5) ? '男' : '女';
    const p = people.person({ sex, from: 1935, to: 1990, relation: '本人' });
    const village = rng.pick(opts.villages).village;
    const extra: ListEntry['extra'] =
      kind === 'death'
        ? { 性别: sex, 死亡日期: new Date(Date.UTC(2017, rng.int(0, 11), rng.int(1, 28))) }
        : kind === 'vehicle'
          ? {
              号牌号码: `湘E${rng.int(10000, 99999)}`,
              车辆类型: rng.pick(['小型普通客车', '轻型货车', '小型越野客车']),
              登记日期: new Date(Date.UTC(rng.int(2010, 2017), rng.int(0, 11), rng.int(1, 28))),
            }
          : // The first stranger of the poverty register is a safety-net household missing from the roster.
            { 家庭人口: rng.int(1, 4), 是否兜底: i === 0 ? '是' : '否' };
    out.push({ name: p.name, id: p.id, village, extra });
  }
  return out;
}

/** The poverty register as the county sends it: the roster's registered households plus others. */
export function povertyRegister(t: Township): ListEntry[] {
  const fromRoster = t.households
    .filter((h) => h.registeredPoor)
    .map((h) => ({
      name: head(h).name,
      id: head(h).id,
      village: h.village,
      extra: { 家庭人口: h.members.length, 是否兜底: h.bottomLine ? '是' : '否' },
    }));
  return [...fromRoster, ...t.poor];
}
