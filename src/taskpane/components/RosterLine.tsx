/**
 * Where the roster comes from. The sheet the last check found (name, header row, households),
 * with 更换 to pick another. On the web page: 打开 Excel 文件, a real file input behind a Fluent button, and
 * the name of the opened file. Files dropped on the line are opened too.
 */
import { useRef, useState, type DragEvent } from 'react';
import { Button, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../../domain/types';
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
});

/**
 * 花名册：花名册（表头第3行，60户） [更换]. 更换 offers the workbook's other sheets, for a roster
 * the automatic detection did not pick; choosing one checks again with that sheet.
 */
export function RosterLine(props: {
  result?: CheckResult;
  sheets?: string[];
  disabled: boolean;
  onRosterSheet: (sheet: string) => void;
}) {
  const s = useStrings();
  const styles = useStyles();
  const [choosing, setChoosing] = useState(false);
  const r = props.result;
  const sheets = props.sheets ?? [];
  return (
    <div className={styles.root}>
      <Text weight="semibold">{s.rosterLabel}</Text>
      <Text>
        {r
          ? s.roster(r.roster.sheet, r.roster.headerRows[r.roster.headerRows.length - 1], r.households.length)
          : s.rosterUnknown}
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
