// What `fixops start` and `fixops serve` hand to the API so that the CLI can reach them: the
// socket beside the database and the runner that executes the CLI's own commands in-process.

import type { AppOptions } from '@fixops/api';
import { runCommand } from '../cli.js';
import { socketPathFor } from './protocol.js';
import { remoteCommandHandler } from './server.js';

export function localCommands(dbPath: string): NonNullable<AppOptions['localCommands']> {
  return { socketPath: socketPathFor(dbPath), handle: remoteCommandHandler(runCommand) };
}
