/**
 * The web page without Excel: the clerk opens an .xlsx (or an .xls, .xlsb, .ods or .et, converted
 * in the browser), the same pane checks it through the file host, marks and new sheets go into
 * that in-memory workbook, and 下载结果 saves it as "<name>.checked.xlsx". Nothing is uploaded
 * anywhere.
 */
import { useMemo, useRef, useState } from 'react';
import type { LegacyFormat } from '../../workbook/legacy/format';
import { openWorkbookBytes, type OpenedWorkbook } from '../../workbook/open';
import { addGeneratedSheet, markResult, runCheck } from '../../workbook/actions';
import { outcome, type PaneActions } from '../actions';
import { App, type SettingsStore } from '../App';
import type { Lang } from '../i18n';
import { checkedFileName, downloadBlob } from '../model/download';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function StandaloneShell(props: { settings: SettingsStore; initialLang?: Lang }) {
  // The actions read the workbook through a ref: a check that follows opening a file in the
  // same click must see the new workbook before React has re-rendered.
  const workbook = useRef<OpenedWorkbook['host'] | undefined>(undefined);
  const [fileName, setFileName] = useState<string>();
  const [convertedFrom, setConvertedFrom] = useState<LegacyFormat>();

  const actions = useMemo<PaneActions>(() => {
    const host = () => {
      if (!workbook.current) throw new Error('no workbook opened');
      return workbook.current;
    };
    return {
      ready: fileName !== undefined,
      fileName,
      convertedFrom,
      async open(file) {
        const opened = await openWorkbookBytes(new Uint8Array(await file.arrayBuffer()), file.name);
        workbook.current = opened.host;
        setFileName(file.name);
        setConvertedFrom(opened.convertedFrom);
      },
      check: async (policy, onProgress, rosterSheet) =>
        outcome(await runCheck(host(), policy, { onProgress, rosterSheet })),
      mark: (result, lang, onProgress) => markResult(host(), result, lang, onProgress),
      clear: () => host().clearMarks(),
      generate: (kind, result, policy, opts) => addGeneratedSheet(host(), kind, result, policy, opts),
      async download() {
        const bytes = await host().toBuffer();
        const name = checkedFileName(fileName);
        downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }), name);
        return name;
      },
    };
  }, [fileName, convertedFrom]);

  return <App actions={actions} settings={props.settings} initialLang={props.initialLang} standalone />;
}
