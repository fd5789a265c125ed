/**
 * 表头对应 in the settings form: the roster's own header for a field the tool does not recognize
 * (policy `columns`). A few rows of field + header text; a row left blank is dropped on saving.
 */
import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ROSTER_SPECS, type RosterField } from '../../domain/fields';
import { useStrings } from '../i18n';
import type { ColumnName } from '../model/settingsDraft';

const useStyles = makeStyles({
  root: { gridColumn: '1 / -1' },
  rows: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  field: { flex: '0 1 45%', minWidth: '90px' },
  header: { flex: '1 1 auto', minWidth: '90px' },
});

export function ColumnNamesField(props: {
  value: ColumnName[];
  onChange: (value: ColumnName[]) => void;
  disabled: boolean;
}) {
  const s = useStrings();
  const styles = useStyles();
  const rows = props.value;
  const update = (i: number, patch: Partial<ColumnName>) =>
    props.onChange(rows.map((row, k) => (k === i ? { ...row, ...patch } : row)));
  const firstFree = ROSTER_SPECS.find((spec) => !rows.some((r) => r.field === spec.field))?.field ?? 'benefit';

  return (
    <Field className={styles.root} label={s.columnNames} hint={s.columnNamesHint} size="small">
      <div className={styles.rows}>
        {rows.map((row, i) => {
          const spec = ROSTER_SPECS.find((x) => x.field === row.field)!;
          return (
            <div className={styles.row} key={i}>
              <Select
                className={styles.field}
                size="small"
                aria-label={s.columnField}
                value={row.field}
                disabled={props.disabled}
                onChange={(_, v) => update(i, { field: v.value as RosterField })}
              >
                {ROSTER_SPECS.map((x) => (
                  <option key={x.field} value={x.field}>
                    {s.fieldName(x.header, x.en)}
                  </option>
                ))}
              </Select>
              <Input
                className={styles.header}
                size="small"
                aria-label={s.columnHeader}
                value={row.header}
                disabled={props.disabled}
                onChange={(_, v) => update(i, { header: v.value })}
              />
              <Button
                size="small"
                appearance="subtle"
                aria-label={s.removeColumnName(spec.header)}
                disabled={props.disabled}
                onClick={() => props.onChange(rows.filter((_, k) => k !== i))}
              >
                ×
              </Button>
            </div>
          );
        })}
        <div>
          <Button
            size="small"
            disabled={props.disabled}
            onClick={() => props.onChange([...rows, { field: firstFree, header: '' }])}
          >
            {s.addColumnName}
          </Button>
        </div>
      </div>
    </Field>
  );
}
