/**
 * 核查参数: a one-line summary that opens into a small form (县, 乡镇, 低保标准 with the Hunan
 * presets, 基准日, 误差). The form edits a draft of text fields; turning it into a policy (and
 * refusing bad numbers with a message) happens when the check runs. Enter in a field checks.
 */
import { useId, useState } from 'react';
import { Button, Field, Input, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { HUNAN_ANNUAL_STANDARDS, hunanDefaultStandard, type Policy } from '../../domain/policy';
import { sourceLabel, type SettingsOrigin, type SourcedField } from '../../domain/setting-sources';
import { useLang, useStrings, type Strings } from '../i18n';
import type { Lang } from '../../domain/messages';
import { draftProblems, type SettingsDraft } from '../model/settingsDraft';
import { ColumnNamesField } from './ColumnNamesField';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  toggle: { justifyContent: 'flex-start', textAlign: 'left', minWidth: 0, paddingLeft: 0 },
  // The label never breaks (at 350 px it was squeezed into one character a line).
  label: { flexShrink: 0, whiteSpace: 'nowrap' },
  summary: { color: tokens.colorNeutralForeground2, whiteSpace: 'normal' },
  // Closed, the line with its sources keeps to two lines so the findings stay in view; open, it is whole.
  clamped: {
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  standard: { display: 'flex', gap: tokens.spacingHorizontalXS },
  standardInput: { flex: '1 1 auto', minWidth: '70px' },
  actions: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const PRESETS = Object.entries(HUNAN_ANNUAL_STANDARDS).map(([year, yuan]) => ({ year: Number(year), yuan }));

/**
 * The settings the last check used, each with where it came from, as the command line says it:
 * "新宁县（花名册标题） · 低保标准 266.67元/月（湖南省2018年指导标准） · 基准日 2018-01-10（花名册填报日期）".
 */
export function usedSettingsLine(
  p: Policy,
  s: Strings,
  lang: Lang,
  origin?: (field: SourcedField) => SettingsOrigin | undefined,
): string {
  const src = (f: SourcedField) => sourceLabel(p, f, lang, origin?.(f));
  const place = p.county ? s.sourced(p.county, src('county')) : s.countyUnknown;
  const township = p.township ? ` ${s.sourced(p.township, src('township'))}` : '';
  const standard = s.sourced(s.standardUsed(p.monthlyStandardResolved), src('standard'));
  return `${place}${township} · ${standard} · ${s.sourced(s.asOfUsed(p.asOf), src('asOf'))}`;
}

export function SettingsForm(props: {
  draft: SettingsDraft;
  onChange: (draft: SettingsDraft) => void;
  onSave: () => void;
  saved: boolean;
  disabled: boolean;
  /** Enter in a field: check with these settings. */
  onSubmit?: () => void;
  /** The policy the last check used, while the form still holds the settings it was made from. */
  used?: Policy;
  /** Whether a value "from the settings" was the workbook's or this computer's default. */
  origin?: (field: SourcedField) => SettingsOrigin | undefined;
}) {
  const s = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const formId = useId();
  const d = props.draft;
  const problems = draftProblems(d);
  const set = (patch: Partial<SettingsDraft>) => props.onChange({ ...d, ...patch });
  const preset = PRESETS.find(
    (p) => d.standardUnit === 'year' && Number(d.standardValue) === p.yuan && d.standardValue !== '',
  );
  const standardText = s.standardText(
    d.standardValue.trim() === '' ? undefined : Number(d.standardValue),
    d.standardUnit,
  );
  const summary = props.used
    ? usedSettingsLine(props.used, s, lang, props.origin)
    : s.settingsSummary(d.county, d.township, standardText, d.asOf);

  return (
    <section className={styles.root}>
      <Button
        appearance="transparent"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}&nbsp;</span>
        <Text weight="semibold" className={styles.label}>
          {s.settings}
        </Text>
        &nbsp;
        <Text className={mergeClasses(styles.summary, !open && styles.clamped)} size={200} title={summary}>
          {summary}
        </Text>
      </Button>
      {open && (
        <div
          id={formId}
          className={styles.form}
          role="group"
          aria-label={s.settings}
          onKeyDown={(e) => {
            // Enter in a text field checks (selects keep Enter for their own list).
            if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement) || props.disabled) return;
            if (Object.keys(problems).length > 0) return;
            e.preventDefault();
            props.onSubmit?.();
          }}
        >
          <Field label={s.county} size="small">
            <Input
              size="small"
              value={d.county}
              disabled={props.disabled}
              onChange={(_, v) => set({ county: v.value })}
            />
          </Field>
          <Field label={s.township} size="small">
            <Input
              size="small"
              value={d.township}
              disabled={props.disabled}
              onChange={(_, v) => set({ township: v.value })}
            />
          </Field>
          <div className={styles.standard}>
            <Field
              className={styles.standardInput}
              label={s.standard}
              size="small"
              validationState={problems.standardValue ? 'error' : 'none'}
              validationMessage={problems.standardValue ? s.invalidNumber : undefined}
            >
              <Input
                size="small"
                inputMode="decimal"
                placeholder={d.standardUnit === 'year' && d.asOf ? String(hunanDefaultStandard(d.asOf).annual) : ''}
                value={d.standardValue}
                disabled={props.disabled}
                onChange={(_, v) => set({ standardValue: v.value })}
              />
            </Field>
            <Field label={s.standardUnit} size="small">
              <Select
                size="small"
                value={d.standardUnit}
                disabled={props.disabled}
                onChange={(_, v) => set({ standardUnit: v.value === 'month' ? 'month' : 'year' })}
              >
                <option value="year">{s.perYear}</option>
                <option value="month">{s.perMonth}</option>
              </Select>
            </Field>
          </div>
          <Field label={s.standardPreset} size="small">
            <Select
              size="small"
              value={preset ? String(preset.year) : ''}
              disabled={props.disabled}
              onChange={(_, v) => {
                const p = PRESETS.find((x) => String(x.year) === v.value);
                if (p) set({ standardValue: String(p.yuan), standardUnit: 'year' });
              }}
            >
              <option value="">{s.presetNone}</option>
              {PRESETS.map((p) => (
                <option key={p.year} value={String(p.year)}>
                  {s.presetOption(p.year, p.yuan)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={s.asOf} size="small">
            <Input
              size="small"
              type="date"
              value={d.asOf}
              disabled={props.disabled}
              onChange={(_, v) => set({ asOf: v.value })}
            />
          </Field>
          <Field
            label={s.tolerance}
            size="small"
            validationState={problems.tolerance ? 'error' : 'none'}
            validationMessage={problems.tolerance ? s.invalidNumber : undefined}
          >
            <Input
              size="small"
              inputMode="decimal"
              placeholder="1"
              value={d.tolerance}
              disabled={props.disabled}
              onChange={(_, v) => set({ tolerance: v.value })}
            />
          </Field>
          <Field
            label={s.areaCode}
            size="small"
            hint={s.areaCodeHint}
            validationState={problems.areaCode ? 'error' : 'none'}
            validationMessage={problems.areaCode ? s.invalidAreaCode : undefined}
          >
            <Input
              size="small"
              inputMode="numeric"
              placeholder="430529"
              value={d.areaCode}
              disabled={props.disabled}
              onChange={(_, v) => set({ areaCode: v.value })}
            />
          </Field>
          <Field label={s.preparer} size="small" hint={s.preparerHint}>
            <Input
              size="small"
              value={d.preparer}
              maxLength={20}
              disabled={props.disabled}
              onChange={(_, v) => set({ preparer: v.value })}
            />
          </Field>
          <ColumnNamesField value={d.columns} disabled={props.disabled} onChange={(columns) => set({ columns })} />
          <div className={styles.actions}>
            <Button size="small" disabled={props.disabled || Object.keys(problems).length > 0} onClick={props.onSave}>
              {s.saveSettings}
            </Button>
            {props.saved && (
              <Text size={200} role="status">
                {s.settingsSaved}
              </Text>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
