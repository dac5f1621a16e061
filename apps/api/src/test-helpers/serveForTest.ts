// Runs `startServer` in a process of its own for tests that must kill a server mid-load:
// node --import tsx serveForTest.ts DB — prints the URL once it listens.
import { startServer } from '../server.js';

const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: serveForTest.ts DB');
const { url } = await startServer({ dbPath, port: 0, logger: false });
process.stdout.write(`${url}\n`);
