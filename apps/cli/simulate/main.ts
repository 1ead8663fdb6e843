import 'reflect-metadata';
import { ConfigError, loadConfig } from '@referral/config';
import { resolveAuthSecret } from '@referral/platform';
import { USAGE, UsageError, parseSimulateArgs } from './cli-args';
import { checkPeriod, formatTally, InvalidSimulationError, readSimulationConfig, simulate, stderrProgress } from './index';
import { ServiceUnreachableError } from './run/service-client';

/** `npm run simulate -- --from … --to …`: a simulated period played against the running service. */
async function main(): Promise<void> {
  const args = parseSimulateArgs(process.argv.slice(2));
  checkPeriod(args.from, args.to, new Date());
  const { secret } = resolveAuthSecret(loadConfig(process.env));
  process.stderr.write(`simulate: ${args.from} to ${args.to}, seed ${args.seed}, scale ${args.scale}, against ${args.url}\n`);
  const result = await simulate({
    from: args.from, to: args.to, seed: args.seed, scale: args.scale, baseUrl: args.url, secret,
    concurrency: args.concurrency, config: args.config ? readSimulationConfig(args.config) : undefined, progress: stderrProgress(),
  });
  process.stdout.write(`${formatTally(result.tally, result.seconds)}\n`);
  if (result.tally.errors > 0) process.exit(1);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`simulate: ${error.message}\n${USAGE}\n`);
  else if (error instanceof InvalidSimulationError || error instanceof ServiceUnreachableError || error instanceof ConfigError) {
    process.stderr.write(`simulate: ${error.message}\n`);
  }
  else process.stderr.write(`simulate: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
