/**
 * Command-line arguments → a command. The grammar is a contract other tools rely on:
 *   check <roster.xlsx|folder> [--sheet NAME]... [--policy FILE.json] [--as-of YYYY-MM-DD]
 *         [--out FILE.xlsx | --no-out] [--report FILE.json] [--list KIND=FILE]... [--mask-ids] [--force]
 *   clear <marked.xlsx> --out FILE.xlsx [--force]
 * Both "--out FILE" and "--out=FILE" are accepted.
 */
import { LIST_KINDS, type ListKind } from '../domain/fields';
import { CliError } from './errors';

export interface ListArg {
  kind: ListKind;
  file: string;
}

export interface CheckArgs {
  command: 'check';
  input: string;
  /** --sheet, given once per roster sheet to check (empty: every roster sheet found). */
  sheets: string[];
  policy?: string;
  asOf?: string;
  out?: string;
  noOut: boolean;
  report?: string;
  lists: ListArg[];
  maskIds: boolean;
  force: boolean;
}

export interface ClearArgs {
  command: 'clear';
  input: string;
  out?: string;
  force: boolean;
}

export type Args = CheckArgs | ClearArgs | { command: 'help' };

type OptionSpec = { takesValue: boolean; commands: ('check' | 'clear')[] };

const OPTIONS: Record<string, OptionSpec> = {
  '--sheet': { takesValue: true, commands: ['check'] },
  '--policy': { takesValue: true, commands: ['check'] },
  '--as-of': { takesValue: true, commands: ['check'] },
  '--out': { takesValue: true, commands: ['check', 'clear'] },
  '--no-out': { takesValue: false, commands: ['check'] },
  '--report': { takesValue: true, commands: ['check'] },
  '--list': { takesValue: true, commands: ['check'] },
  '--mask-ids': { takesValue: false, commands: ['check'] },
  '--force': { takesValue: false, commands: ['check', 'clear'] },
};

const SINGLE_VALUED = ['--policy', '--as-of', '--out', '--report'];

export function parseArgs(argv: readonly string[]): Args {
  if (argv.length === 0) {
    throw new CliError('missing-command');
  }
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'clear') {
    throw new CliError('unknown-command', { command });
  }

  const positional: string[] = [];
  const values = new Map<string, string>();
  const lists: ListArg[] = [];
  const sheets: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--') || arg === '--') {
      if (arg !== '--') positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = OPTIONS[name];
    if (!spec || !spec.commands.includes(command)) {
      throw new CliError('unknown-option', { option: name, command });
    }
    if (!spec.takesValue) {
      if (eq > 0) throw new CliError('option-takes-no-value', { option: name });
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) value = rest[++i];
    if (value === undefined || value === '') {
      throw new CliError('option-needs-value', { option: name });
    }
    if (name === '--list') lists.push(parseList(value));
    else if (name === '--sheet') sheets.push(value);
    else if (values.has(name) && SINGLE_VALUED.includes(name)) {
      throw new CliError('option-twice', { option: name });
    } else values.set(name, value);
  }

  if (positional.length === 0) {
    throw new CliError('missing-input', { command });
  }
  if (positional.length > 1) {
    throw new CliError('one-input-only', { extra: positional.slice(1) });
  }
  const input = positional[0];

  if (command === 'clear') {
    return { command, input, out: values.get('--out'), force: flags.has('--force') };
  }
  const asOf = values.get('--as-of');
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new CliError('bad-as-of', { value: asOf });
  }
  if (flags.has('--no-out') && values.has('--out')) {
    throw new CliError('out-and-no-out');
  }
  return {
    command,
    input,
    sheets,
    policy: values.get('--policy'),
    asOf,
    out: values.get('--out'),
    noOut: flags.has('--no-out'),
    report: values.get('--report'),
    lists,
    maskIds: flags.has('--mask-ids'),
    force: flags.has('--force'),
  };
}

function parseList(value: string): ListArg {
  const eq = value.indexOf('=');
  const kind = eq > 0 ? value.slice(0, eq) : '';
  const file = eq > 0 ? value.slice(eq + 1) : '';
  if (!(LIST_KINDS as readonly string[]).includes(kind) || !file) {
    throw new CliError('bad-list-option', { value });
  }
  return { kind: kind as ListKind, file };
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
