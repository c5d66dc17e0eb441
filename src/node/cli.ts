// `nawa <command>`: the hub (reference central API) and serve (the console host for browsers).
import { hubMain } from './hub/hub-cli';
import { serveMain } from './serve/serve-cli';
import { verifyLogMain } from './signing/verify-log-cli';

const USAGE = `Usage: nawa <command> [options]

Commands:
  serve   run the console host and serve the console and wall pages (see nawa serve --help)
  hub     run the reference central API (see nawa hub --help)
  verify-log  check the decision log's chain and signatures (see nawa verify-log --help)
`;

export async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  try {
    if (command === 'serve') await serveMain(rest);
    else if (command === 'hub') await hubMain(rest);
    else if (command === 'verify-log') process.exitCode = await verifyLogMain(rest);
    else {
      process.stdout.write(USAGE);
      process.exitCode = command === undefined || command === '--help' || command === 'help' ? 0 : 2;
    }
  } catch (e) {
    process.stderr.write(`nawa ${command}: ${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
