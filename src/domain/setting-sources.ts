/**
 * Where each setting's value came from, in words: the command line's settings line and the
 * pane's say the same thing. The pane knows one thing more than the policy — whether a value
 * "from the settings" was the workbook's own or this computer's defaults — and passes it in.
 */
import type { Lang } from './messages';
import type { DefaultStandard, Policy, SettingSources } from './policy';

/** How the pane refines 'settings': the workbook's own, or the clerk's defaults on this computer. */
export type SettingsOrigin = 'workbook' | 'user';

type Labels = Record<'settings' | 'title' | 'filled' | 'today' | 'column' | 'unknown', string> & {
  workbook: string;
  user: string;
  hunan: (d: DefaultStandard, asOfYear: number) => string;
  blankRows: (hunan: string) => string;
};

const LABELS: Record<Lang, Labels> = {
  zh: {
    settings: '核查参数',
    workbook: '工作簿参数',
    user: '本机默认',
    title: '花名册标题',
    filled: '花名册填报日期',
    today: '今天',
    column: '花名册“低保标准”列',
    unknown: '未知',
    hunan: (d, year) =>
      `湖南省${d.year}年指导标准` +
      (d.basis === 'carried'
        ? `，${year}年沿用`
        : d.basis === 'earliest'
          ? '，最早已知'
          : d.basis === 'latest'
            ? `；${d.year + 1}年起各县自定，请填写本县标准`
            : ''),
    blankRows: (hunan) => `，空白行按${hunan}`,
  },
  en: {
    settings: 'settings',
    workbook: 'workbook settings',
    user: "this computer's defaults",
    title: 'roster title',
    filled: 'roster filing date',
    today: 'today',
    column: 'roster 低保标准 column',
    unknown: 'unknown',
    hunan: (d, year) =>
      `Hunan guiding standard ${d.year}` +
      (d.basis === 'carried'
        ? `, still in force in ${year}`
        : d.basis === 'earliest'
          ? ', earliest known'
          : d.basis === 'latest'
            ? `; from ${d.year + 1} each county sets its own: enter yours`
            : ''),
    blankRows: (hunan) => `; blank rows: ${hunan}`,
  },
};

export type SourcedField = keyof SettingSources;

/** "花名册标题", "湖南省2018年指导标准", "本机默认" … for one field of the policy used. */
export function sourceLabel(policy: Policy, field: SourcedField, lang: Lang = 'zh', origin?: SettingsOrigin): string {
  const l = LABELS[lang];
  const source = policy.sources[field];
  const settings = origin ? l[origin] : l.settings;
  if (source === 'settings') return settings;
  const hunan = policy.defaultStandard && l.hunan(policy.defaultStandard, Number(policy.asOf.slice(0, 4)));
  if (source === 'default') return hunan ?? settings;
  // A row that leaves its 低保标准 blank takes the policy's standard: say which.
  if (source === 'column') return `${l.column}${l.blankRows(hunan ?? settings)}`;
  return l[source];
}
