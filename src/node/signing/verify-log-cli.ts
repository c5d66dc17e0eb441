// `nawa verify-log`: checks a decision log's chain and every signature, from a hub or an exported file.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fetchLog, parseExport, verifyExport } from './log-export';

const HELP = `Usage: nawa verify-log (--hub URL | --file EXPORT) [--export FILE]

Checks the decision chain (seq order, prevHash, hash) and every decision's
Ed25519 signature against the signing keys the feed publishes. Exits 0 when
all hold, 1 naming the first decision that fails, 2 on a usage error.

Options:
  --hub URL      read the feed of a central API; the account is taken from
                 NAWA_VERIFY_USER and NAWA_VERIFY_PASSWORD
  --file EXPORT  read an exported log (format nawa-decision-log, version 1)
  --export FILE  with --hub: also write what was read to FILE as an export
  --help         this text
`;

export async function verifyLogMain(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  out = process.stdout,
  err = process.stderr,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        hub: { type: 'string' },
        file: { type: 'string' },
        export: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    err.write(`nawa verify-log: ${(e as Error).message}\n${HELP}`);
    return 2;
  }
  if (values.help) {
    out.write(HELP);
    return 0;
  }
  if (
    (values.hub === undefined) === (values.file === undefined) ||
    (values.export !== undefined && values.hub === undefined)
  ) {
    err.write(`nawa verify-log: give exactly one of --hub or --file (--export goes with --hub)\n${HELP}`);
    return 2;
  }
  let log;
  try {
    if (values.hub !== undefined) {
      const user = env.NAWA_VERIFY_USER;
      const password = env.NAWA_VERIFY_PASSWORD;
      if (!user || !password) {
        err.write('nawa verify-log: set NAWA_VERIFY_USER and NAWA_VERIFY_PASSWORD for --hub\n');
        return 2;
      }
      log = await fetchLog(values.hub, user, password);
      if (values.export) writeFileSync(values.export, `${JSON.stringify(log, null, 1)}\n`, { mode: 0o600 });
    } else {
      log = parseExport(readFileSync(values.file as string, 'utf8'));
    }
  } catch (e) {
    err.write(`nawa verify-log: ${(e as Error).message}\n`);
    return 1;
  }
  const verdict = verifyExport(log);
  if (!verdict.ok) {
    err.write(
      `nawa verify-log: FAILED at entry ${verdict.index} (decision ${verdict.id}, seq ${verdict.seq}): ${verdict.reason}\n`,
    );
    return 1;
  }
  out.write(
    `nawa verify-log: ok, ${verdict.count} decisions, chain and signatures verified to #${verdict.lastSeq} (head ${verdict.head})\n`,
  );
  return 0;
}
