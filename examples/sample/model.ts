/**
 * The synthetic township as plain data, before it becomes a workbook: households, their members
 * and the reference lists. Plants (plants.ts) change these records; layout files write them.
 */

export type Sex = '男' | '女';

export interface Person {
  name: string;
  /** As written in the sheets (18 digits normally; planted problems change it). */
  id: string;
  sex: Sex;
  /** YYYY-MM-DD. */
  birth: string;
  /** 与户主关系 as the clerk wrote it. */
  relation: string;
  /** 是否保障对象. */
  covered: boolean;
  disabilityCert?: string;
  /** 死亡日期 in the member sheet, YYYY-MM-DD. */
  deathDate?: string;
}

/** One roster row. Strings are what the clerk typed ('' = blank cell). */
export interface Household {
  village: string;
  group: string;
  members: Person[];
  householdSize: number | string;
  coveredPersons: number;
  annualIncome: number | string | null;
  monthlyIncome: number | null;
  standard: number;
  category: string;
  benefit: number | null;
  supplement: number;
  status: '原有' | '新增' | '停保';
  bottomLine: boolean;
  registeredPoor: boolean;
  singleReason: string;
  hardshipCause: string;
  disabilityCert: string;
  vehicle: string;
  housing: string;
  business: string;
  payroll: string;
  cadreRelative: string;
  relativeFiled: string;
  application: string;
  declaration: string;
  visitForm: string;
  visitSigned: string;
  authorization: string;
  authorizationSigned: string;
  idCopies: string;
  medicalProof: string;
  review: string;
  publicity: string;
  verification: string;
  revisit: string;
  /** A Date cell, or text in one of the clerks' spellings, or '' for blank. */
  lastReview: Date | string;
  ableBodied: string;
  deathDate: string;
  note: string;
  /** The head's ID cell when it is not the text of members[0].id (a number, for ID-04). */
  headIdCell?: number;
  /** 性别 cell when it disagrees with the head's record (ID-05). */
  genderCell?: string;
  /** Member-sheet rows when they differ from `members` (HH-05, HH-06 plants). */
  memberRows?: Person[];
}

/** A person in a reference list sheet (death list, vehicle register, poverty register). */
export interface ListEntry {
  name: string;
  id: string;
  village: string;
  extra: Record<string, string | number | Date>;
}

export interface Township {
  county: string;
  township: string;
  areaCode: string;
  /** 填报日期 of the roster. */
  filledOn: Date;
  households: Household[];
  deaths: ListEntry[];
  vehicles: ListEntry[];
  /** 建档立卡 register: extra.是否兜底 is 是/否. */
  poor: ListEntry[];
}

export const head = (h: Household): Person => h.members[0];
