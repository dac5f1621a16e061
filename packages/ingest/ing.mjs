import { openDatabase } from '@fixops/db';
import { ingestFile } from './dist/index.js';
const db = await openDatabase(process.argv[2]);
const t = Date.now();
const s = await ingestFile(db.connection, process.argv[3], {});
console.log(s.phases, s.status, s.rowsLoaded, s.error?.message.en, 'ms', Date.now() - t);
db.close();
