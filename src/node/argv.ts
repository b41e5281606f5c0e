/**
 * Reads `--name VALUE` or `--name=VALUE` from a command line. Pure and free of Electron, so the
 * kiosk and its command-line tools read their switches the same way.
 *
 * A following switch means the value was forgotten, not that it is called "--something"; an
 * empty value is a mistake too. Both are reported in `warnings` and ignored. The last one wins,
 * as with most command-line tools.
 */
export function findFlagValue(argv: readonly string[], flag: string, warnings: string[]): string | undefined {
  let found: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    let value: string | undefined;
    if (arg === flag) {
      value = argv[index + 1];
      if (value === undefined || value.startsWith('--')) value = undefined;
      else index += 1;
    } else if (arg.startsWith(`${flag}=`)) {
      value = arg.slice(flag.length + 1);
    } else {
      continue;
    }
    if (value === undefined || value.trim() === '') {
      warnings.push(`${flag} was given without a folder, so it was ignored`);
      continue;
    }
    found = value;
  }
  return found;
}
