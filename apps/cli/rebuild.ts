import 'reflect-metadata';
import { formatRebuildProgress, progressFromView, type RebuildState } from '@referral/projections';
import { operatorToken } from './admin-token';

/**
 * `npm run projections:rebuild -- <name> [--url http://localhost:3000]`: rebuilds a read model in
 * the running service from position zero, showing a progress bar, without stopping anything.
 * It asks the API (any API process in the scaled shape); a worker runs the rebuild.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--'));
  const urlFlag = args.indexOf('--url');
  const base = `${urlFlag >= 0 ? args[urlFlag + 1] : `http://localhost:${process.env.PORT ?? 3000}`}/api/v1/admin/projections`;
  const headers = { Authorization: `Bearer ${await operatorToken('city', ['admin'], 'projections-cli', '1h')}` };
  if (!name) {
    const list = (await call(`${base}`, headers)) as Array<{ name: string; state: string }>;
    process.stderr.write(`usage: npm run projections:rebuild -- <name>\nprojections: ${list.map((p) => p.name).join(', ')}\n`);
    process.exit(2);
  }
  await call(`${base}/${encodeURIComponent(name)}/rebuild`, headers, 'POST');
  const tty = process.stderr.isTTY;
  let waitingShown = false;
  for (;;) {
    const state = (await call(`${base}/${encodeURIComponent(name)}`, headers)) as RebuildState;
    if (state.state === 'running' && state.claimedAt === null && !waitingShown) {
      process.stderr.write(`${name}: waiting for a worker to take the rebuild up\n`);
      waitingShown = true;
    }
    if ((state.state === 'running' || state.state === 'finished') && state.progress) {
      process.stderr.write(`${tty ? '\r' : ''}${name} ${formatRebuildProgress(progressFromView(state.progress))}${tty ? '' : '\n'}`);
    }
    if (state.state === 'finished') break;
    if (state.state === 'failed') throw new Error(`the rebuild failed (${state.error}${state.code ? ` ${state.code}` : ''})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  process.stderr.write(`\n${name}: rebuilt and swapped in\n`);
}

async function call(url: string, headers: Record<string, string>, method = 'GET'): Promise<unknown> {
  const response = await fetch(url, { method, headers }).catch(() => {
    throw new Error(`the service does not answer at ${url.split('/api/')[0]}; is it running?`);
  });
  const body = (await response.json()) as { message?: string };
  if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
  return body;
}

main().catch((error: unknown) => {
  process.stderr.write(`projections:rebuild: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
