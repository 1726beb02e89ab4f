import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

export interface CommandArgsSpec<O extends ParseArgsOptionsConfig> {
  /** The command's `--options`, as node:util parseArgs takes them. */
  readonly options: O;
  /** How many positional arguments the command takes (default: none). */
  readonly positionals?: { readonly min?: number; readonly max?: number };
  /** The usage line printed after any mistake, so the message says what to type instead. */
  readonly usage: string;
}

type Parsed<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/**
 * The one argument parser of the maintenance commands: node:util parseArgs,
 * strict, so an unknown or misspelt option is an error rather than silently
 * ignored (a mistyped `--checkpoint` must not verify without the checkpoint).
 * On a mistake it prints what was wrong and the usage line and returns null;
 * the command then exits 2.
 */
export function parseCommandArgs<O extends ParseArgsOptionsConfig>(
  args: readonly string[],
  spec: CommandArgsSpec<O>,
): Parsed<O> | null {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...args], options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${spec.usage}`);
    return null;
  }
  const { min = 0, max = 0 } = spec.positionals ?? {};
  const count = parsed.positionals.length;
  if (count < min || count > max) {
    const wanted = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    console.error(`Expected ${wanted} argument(s) besides the options, got ${count}.\n${spec.usage}`);
    return null;
  }
  return parsed;
}
