import { ensureTestExtracts } from './test-extracts.ts';

const dir = await ensureTestExtracts();
process.stdout.write(`${dir}\n`);
