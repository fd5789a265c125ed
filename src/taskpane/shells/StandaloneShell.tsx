/**
 * The web page without Excel: the clerk opens an .xlsx (or an .xls, .xlsb, .ods or .et, converted
 * in the browser) and the page's worker reads, checks and writes it (src/taskpane/worker/), the
 * way the command line does: the own reader, the same engine, and 下载结果 made by the patching
 * writer as "<name>.checked.xlsx". The page's own thread only shows the result, so it stays
 * responsive on a county's roster. Nothing is uploaded anywhere.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LegacyFormat } from '../../workbook/legacy/format';
import type { MarkOutcome } from '../../workbook/host';
import type { HeldBack, PaneActions } from '../actions';
import { App, type SettingsStore } from '../App';
import type { Lang } from '../i18n';
import { checkedFileName, downloadBlob } from '../model/download';
import type { FindingsView } from '../model/findingRows';
import type { RowCell } from '../model/rowCells';
import type { CheckWorker } from '../worker/client';
import { startCheckWorker } from '../worker/start';
import type { PageSummary } from '../worker/protocol';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function StandaloneShell(props: { settings: SettingsStore; initialLang?: Lang }) {
  const worker = useRef<CheckWorker | undefined>(undefined);
  const [fileName, setFileName] = useState<string>();
  const [convertedFrom, setConvertedFrom] = useState<LegacyFormat>();
  // Started with the page, so its script is loaded and compiled before the clerk picks a file.
  useEffect(() => {
    worker.current ??= startCheckWorker();
  }, []);

  const actions = useMemo<PaneActions>(() => {
    const w = () => (worker.current ??= startCheckWorker());
    return {
      ready: fileName !== undefined,
      fileName,
      convertedFrom,
      async open(file) {
        // The file goes to the worker unread: reading a county's roster into memory here took up to
        // 200 ms of the page's thread (bench §8), and the page keeps no copy of the roster.
        const opened = await w().call<{ convertedFrom?: LegacyFormat }>({ op: 'open', file, name: file.name });
        setFileName(file.name);
        setConvertedFrom(opened.convertedFrom);
      },
      check: (policy, onProgress, rosterSheet, leaveOut, lang = 'zh') =>
        w().call<PageSummary>({ op: 'check', policy, rosterSheet, leaveOut, lang }, onProgress),
      findingsView: (lang) =>
        w()
          .call<{ view: FindingsView }>({ op: 'view', lang })
          .then((v) => v.view),
      // The worker marks from its own copy of the result (the page's is the same check's).
      mark: (_result, lang, onProgress) => w().call<MarkOutcome>({ op: 'mark', lang }, onProgress),
      clear: () => w().call<number>({ op: 'clear' }),
      generate: (kind, _result, policy, opts) =>
        w().call<string>({
          op: 'generate',
          kind,
          policy,
          opts: { ...opts, exclude: opts.exclude ? [...opts.exclude] : undefined },
        }),
      heldBack: (exclude) => w().call<HeldBack[]>({ op: 'heldBack', exclude: [...exclude] }),
      report: (policy) =>
        w()
          .call<ArrayBuffer>({ op: 'report', policy })
          .then((b) => new Uint8Array(b)),
      rowCells: (index) => w().call<RowCell[]>({ op: 'rowCells', finding: index }),
      async download() {
        const bytes = await w().call<ArrayBuffer>({ op: 'save' });
        const name = checkedFileName(fileName);
        downloadBlob(new Blob([bytes], { type: XLSX_TYPE }), name);
        return name;
      },
    };
  }, [fileName, convertedFrom]);

  return <App actions={actions} settings={props.settings} initialLang={props.initialLang} standalone />;
}
