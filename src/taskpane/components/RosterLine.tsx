/**
 * Where the roster comes from. The sheet the last check found (name, header row, households),
 * with 更换 to pick another. On the web page: 打开 Excel 文件, a real file input behind a Fluent button, and
 * the name of the opened file. Files dropped on the line are opened too.
 */
import { useRef, useState, type DragEvent } from 'react';
import { Button, Checkbox, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PaneResult } from '../actions';
import { FORMAT_LABEL, LEGACY_EXTENSIONS, type LegacyFormat } from '../../workbook/legacy/format';
import { useStrings } from '../i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    minHeight: '32px',
  },
  drop: {
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dragging: {
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorBrandStroke1}`,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  sheetList: { display: 'flex', flexDirection: 'column', flexBasis: '100%' },
});

/** One row of the sheet list: a roster sheet checked (with its households) or left out. */
export interface FoundSheet {
  name: string;
  households?: number;
  left: boolean;
}

/**
 * The roster sheets of the last check and those the clerk left out, in the workbook's order.
 * A left-out sheet that is gone from the workbook is not listed.
 */
export function foundSheets(result: PaneResult, sheets: string[], leftOut: readonly string[]): FoundSheet[] {
  const checked = new Map((result.rosterSheets ?? [result.roster]).map((r) => [r.sheet, r.households]));
  const left = new Set(leftOut.filter((n) => !checked.has(n) && sheets.includes(n)));
  const order = (n: string) => {
    const i = sheets.indexOf(n);
    return i < 0 ? sheets.length : i;
  };
  return [...checked.keys(), ...left]
    .sort((a, b) => order(a) - order(b))
    .map((name) => ({ name, households: checked.get(name), left: left.has(name) }));
}

/**
 * 花名册：花名册（表头第3行，60户） [更换]. 更换 offers the workbook's other sheets, for a roster
 * the automatic detection did not pick; choosing one checks again with that sheet.
 */
export function RosterLine(props: {
  result?: PaneResult;
  sheets?: string[];
  disabled: boolean;
  onRosterSheet: (sheet: string) => void;
  /** Roster sheets the clerk left out (unticked). */
  leftOut?: readonly string[];
  /** Tick (false) or untick (true) a roster sheet: the pane checks again. */
  onLeaveOut?: (sheet: string, leave: boolean) => void;
}) {
  const s = useStrings();
  const styles = useStyles();
  const [choosing, setChoosing] = useState(false);
  const r = props.result;
  const sheets = props.sheets ?? [];
  const found = r ? foundSheets(r, sheets, props.leftOut ?? []) : [];
  const checkedCount = found.filter((f) => !f.left).length;
  return (
    <div className={styles.root}>
      <Text weight="semibold">{s.rosterLabel}</Text>
      <Text>
        {!r
          ? s.rosterUnknown
          : found.length > 1
            ? s.rosters(checkedCount, r.summary.households)
            : s.roster(r.roster.sheet, r.roster.headerRows[r.roster.headerRows.length - 1], r.summary.households)}
      </Text>
      {r && sheets.length > 1 && !choosing && (
        <Button size="small" appearance="subtle" disabled={props.disabled} onClick={() => setChoosing(true)}>
          {s.changeRoster}
        </Button>
      )}
      {r && choosing && (
        <Select
          size="small"
          aria-label={s.rosterSheet}
          value={r.roster.sheet}
          disabled={props.disabled}
          onChange={(_, d) => {
            setChoosing(false);
            if (d.value !== r.roster.sheet) props.onRosterSheet(d.value);
          }}
        >
          {sheets.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      )}
      {found.length > 1 && props.onLeaveOut && (
        <div className={styles.sheetList} role="group" aria-label={s.rosterSheets}>
          <Text size={200} className={styles.hint}>
            {s.rosterSheetsHint}
          </Text>
          {found.map((f) => (
            <Checkbox
              key={f.name}
              label={f.left ? s.sheetLeftOut(f.name) : s.sheetChecked(f.name, f.households ?? 0)}
              checked={!f.left}
              // The last sheet still checked stays: a check needs a roster.
              disabled={props.disabled || (!f.left && checkedCount === 1)}
              onChange={(_, d) => props.onLeaveOut!(f.name, !d.checked)}
            />
          ))}
        </div>
      )}
      {r && r.roster.otherCandidates?.length > 0 && (
        <Text size={200} className={styles.hint} role="note">
          {s.otherRosters(r.roster.otherCandidates)}
        </Text>
      )}
    </div>
  );
}

/** What the file input offers: Excel's formats, OpenDocument and WPS 表格 (.et). */
const ACCEPT = [
  '.xlsx',
  ...LEGACY_EXTENSIONS,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.ms-excel.sheet.binary.macroEnabled.12',
  'application/vnd.oasis.opendocument.spreadsheet',
].join(',');

export function FilePicker(props: {
  fileName?: string;
  convertedFrom?: LegacyFormat;
  disabled: boolean;
  onFile: (file: File) => void;
}) {
  const s = useStrings();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !props.disabled) props.onFile(file);
  };
  return (
    <div
      className={mergeClasses(styles.root, styles.drop, dragging && styles.dragging)}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Button appearance="primary" disabled={props.disabled} onClick={() => input.current?.click()}>
        {s.openFile}
      </Button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        aria-label={s.openFile}
        tabIndex={-1}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Reset so choosing the same file again (after editing it in Excel) still fires.
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
      <Text>{props.fileName ? s.fileChosen(props.fileName) : s.noFile}</Text>
      {props.fileName && props.convertedFrom && (
        <Text size={200} role="note">
          {s.fileConverted(FORMAT_LABEL[props.convertedFrom])}
        </Text>
      )}
      <Text size={200} className={styles.hint}>
        {s.openFileHint}
      </Text>
    </div>
  );
}
