// Entry point of the built `fixops` command.
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
