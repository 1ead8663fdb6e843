import { ConfigError, loadConfig, type Config } from '@referral/config';
import { StoreLockedError } from '@referral/event-store';

/** Reads the configuration, or stops the process with a message naming what is wrong. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    exitWith(error);
  }
}

/** Known start-up failures get their own clear message and no stack trace. */
export function exitWith(error: unknown): never {
  if (error instanceof ConfigError || error instanceof StoreLockedError) {
    process.stderr.write(`referral: ${error.message}\n`);
  } else {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`referral: could not start: ${message}\n`);
  }
  process.exit(1);
}
