/**
 * Policy configuration (DOMAIN §6): every threshold a county sets. Validated with zod; unknown
 * keys and bad values are refused with a message that names the key.
 */
import { z } from 'zod';
import { CodedError } from './coded-error';
import type { SettingIssue } from './error-texts';
import { ROSTER_SPECS, type RosterField } from './fields';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD（date must be YYYY-MM-DD）' })
  .refine(
    (s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s),
    {
      message: '不是有效日期（not a real date）',
    },
  );

/**
 * Amounts in yuan. Above 1亿元 (the engine's MAX_YUAN for roster amounts) a standard is a typing
 * error — and 1e308 made every expected benefit infinite, which no report can hold.
 */
const money = z
  .number()
  .finite()
  .nonnegative()
  .max(1e8, { message: '金额不能超过 1 亿元（amount above 100,000,000 yuan）' });

/** A field's key in `columns`: its English name (benefit) or its canonical header (月保障金). */
const FIELD_OF_KEY = new Map<string, RosterField>(
  ROSTER_SPECS.flatMap((s) => [[s.field, s.field] as const, [s.header, s.field] as const]),
);

/**
 * `columns`: the header the roster uses for a field, when the built-in aliases do not know it
 * ({"benefit": "发放金额"} or {"月保障金": "发放金额"}). Header text as in the sheet.
 */
const columnNames = z
  .record(z.string(), z.string().trim().min(1, { message: '表头不能为空（header text must not be empty）' }).max(100))
  .transform((named, ctx) => {
    const out: Partial<Record<RosterField, string>> = {};
    for (const [key, header] of Object.entries(named)) {
      const field = FIELD_OF_KEY.get(key.trim());
      if (field) out[field] = header;
      else {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `“${key}”不是花名册的字段，应为字段名（如 benefit）或标准表头（如 月保障金）（not a roster field: use a field name such as benefit or a header such as 月保障金）`,
        });
      }
    }
    return out;
  });

/** Known Hunan provincial rural guiding standards, yuan per person per year (DOMAIN §6). */
export const HUNAN_ANNUAL_STANDARDS: Record<number, number> = {
  2016: 2640,
  2017: 3026,
  2018: 3200,
  2020: 4000,
  2021: 4300,
};

const KNOWN_YEARS = Object.keys(HUNAN_ANNUAL_STANDARDS)
  .map(Number)
  .sort((a, b) => a - b);

/** The Hunan standard a reference year falls under when the clerk gives none. */
export interface DefaultStandard {
  /** The year of the published standard used (DOMAIN §6 table). */
  year: number;
  /** Yuan per person per year. */
  annual: number;
  /**
   * 'exact': published for the reference year; 'carried': the year has none, the latest earlier
   * one still holds (2019 → 2018's); 'earliest': before the first known year (the lowest known);
   * 'latest': after 2021, when each county sets its own — the province's last figure is a floor
   * and the clerk should enter the county's.
   */
  basis: 'exact' | 'carried' | 'earliest' | 'latest';
}

/** The Hunan guiding standard of the reference date's year (DOMAIN §6), as the default. */
export function hunanDefaultStandard(asOf: string): DefaultStandard {
  const year = Number(asOf.slice(0, 4));
  const first = KNOWN_YEARS[0];
  const last = KNOWN_YEARS[KNOWN_YEARS.length - 1];
  if (HUNAN_ANNUAL_STANDARDS[year] !== undefined) return { year, annual: HUNAN_ANNUAL_STANDARDS[year], basis: 'exact' };
  if (!(year > first)) return { year: first, annual: HUNAN_ANNUAL_STANDARDS[first], basis: 'earliest' };
  if (year > last) return { year: last, annual: HUNAN_ANNUAL_STANDARDS[last], basis: 'latest' };
  const known = KNOWN_YEARS.filter((y) => y < year).pop()!;
  return { year: known, annual: HUNAN_ANNUAL_STANDARDS[known], basis: 'carried' };
}

/**
 * The settings the clerk also sets in the pane, checked once: the pane's settings schema
 * (src/workbook/settings.ts) wraps these for a form (blank = absent, numbers typed as text), and
 * the policy below adds its defaults. A new pane setting is added here.
 */
export const SETTING_FIELDS = {
  county: z.string().trim().max(100),
  township: z.string().trim().max(100),
  /** 低保标准, the policy's annualStandard or monthlyStandard (the pane's standardUnit says which). */
  standard: money,
  /** Reference date (基准日). */
  asOf: isoDate,
  /** 误差, yuan. */
  tolerance: money,
  /** Area code the IDs should start with (ID-07), 2–6 digits. */
  areaCode: z
    .string()
    .trim()
    .regex(/^\d{2,6}$/, { message: '行政区划代码应为2至6位数字（area code must be 2–6 digits）' }),
  /** 制表人: the name written after "制表人：" in the generated sheets' footers; blank to sign by hand. */
  preparer: z.string().trim().max(20),
  /** 表头对应: the roster's own header for a field. */
  columns: columnNames,
};

export const PolicySchema = z
  .strictObject({
    /** No default: unknown until the settings or the roster's title name it (DOMAIN §6). */
    county: SETTING_FIELDS.county.default(''),
    township: SETTING_FIELDS.township.default(''),
    areaCode: SETTING_FIELDS.areaCode.optional(),
    annualStandard: SETTING_FIELDS.standard.optional(),
    monthlyStandard: SETTING_FIELDS.standard.optional(),
    asOf: SETTING_FIELDS.asOf.optional(),
    tolerance: SETTING_FIELDS.tolerance.default(1),
    rounding: z.enum(['fen', 'yuan']).default('fen'),
    reviewMonths: z
      .strictObject({
        bottomLine: z.number().int().positive().default(12),
        ableBodied: z.number().int().positive().default(6),
        other: z.number().int().positive().default(12),
      })
      .prefault({}),
    supplements: z.record(z.string(), money).default({}),
    vehicleExceptions: z.array(z.string().min(1)).default(['摩托', '电动', '残疾人代步', '农用']),
    sampleRate: z.number().min(0).max(1).default(0.3),
    fullSampleVillages: z.array(z.string()).default([]),
    sampleSeed: z.union([z.string(), z.number()]).default('dibao'),
    columns: SETTING_FIELDS.columns.default({}),
    preparer: SETTING_FIELDS.preparer.optional(),
  })
  .refine((p) => !(p.annualStandard !== undefined && p.monthlyStandard !== undefined), {
    message: '年标准与月标准只能填一个（give annualStandard or monthlyStandard, not both）',
    path: ['monthlyStandard'],
  });

export type PolicyInput = z.input<typeof PolicySchema>;
export type ParsedPolicy = z.output<typeof PolicySchema>;

/** The policy as the engine uses it: the reference date resolved, the monthly standard known. */
/** Where a setting's value came from, as the pane and the command line show it. */
export interface SettingSources {
  /** 'title': the roster's title row or 填报单位 line; 'unknown': nowhere (left out of titles). */
  county: 'settings' | 'title' | 'unknown';
  township: 'settings' | 'title' | 'unknown';
  /** 'filled': the roster's 填报日期. */
  asOf: 'settings' | 'filled' | 'today';
  /** 'column': the roster's own 低保标准 column (the policy's value for rows that leave it blank). */
  standard: 'settings' | 'column' | 'default';
}

export interface Policy extends ParsedPolicy {
  asOf: string;
  /** Monthly standard S, yuan per person per month (before a row's own 低保标准 overrides it). */
  monthlyStandardResolved: number;
  /** Where county, township, reference date and standard came from. */
  sources: SettingSources;
  /** The Hunan standard used as the default, when the settings give no standard. */
  defaultStandard?: DefaultStandard;
  /** The period the roster's title names ("2018年1月"), when it names one. */
  period?: string;
}

/** Settings that do not validate: the keys at fault and zod's reasons (words in error-texts.ts). */
export class PolicyError extends CodedError<'policy-invalid'> {
  constructor(issues: readonly SettingIssue[]) {
    super('PolicyError', 'policy-invalid', { issues });
  }
}

function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Validate raw policy input (e.g. parsed JSON); throws PolicyError with messages naming each key. */
export function parsePolicy(input: unknown, today: string = todayIso()): Policy {
  const res = PolicySchema.safeParse(input ?? {});
  if (!res.success) {
    throw new PolicyError(
      res.error.issues.map((i) =>
        i.code === 'unrecognized_keys'
          ? { keys: i.keys }
          : { keys: i.path.length ? i.path.map(String) : ['(policy)'], reason: i.message },
      ),
    );
  }
  const p = res.data;
  const sources: SettingSources = {
    county: p.county ? 'settings' : 'unknown',
    township: p.township ? 'settings' : 'unknown',
    asOf: p.asOf ? 'settings' : 'today',
    standard: p.monthlyStandard !== undefined || p.annualStandard !== undefined ? 'settings' : 'default',
  };
  const asOf = p.asOf ?? today;
  if (p.monthlyStandard !== undefined || p.annualStandard !== undefined) {
    return { ...p, asOf, monthlyStandardResolved: p.monthlyStandard ?? p.annualStandard! / 12, sources };
  }
  return withDefaultStandard({ ...p, asOf, monthlyStandardResolved: 0, sources });
}

/**
 * The default standard follows the reference date: call again when the date changes (the
 * roster's 填报日期 is found after the settings are parsed). A standard from the settings stays.
 */
export function withDefaultStandard(p: Policy): Policy {
  if (p.monthlyStandard !== undefined || p.annualStandard !== undefined) return p;
  const defaultStandard = hunanDefaultStandard(p.asOf);
  return { ...p, defaultStandard, monthlyStandardResolved: defaultStandard.annual / 12 };
}
