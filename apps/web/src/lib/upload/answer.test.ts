import { describe, expect, it } from 'vitest';
import { fixableRejectsHref, heldSlices, readUploadAnswer, rejectsHref } from './answer.js';

const summary = (file: string, status: 'loaded' | 'refused') => ({
  file, status, loadId: 7, kind: 'repair_orders', dealers: ['D001'], months: ['2024-01'], rowsLoaded: 10, rowsRejected: 1,
  rowsSkipped: 0, rowsDuplicate: 0, encoding: 'gb18030', separator: 'comma', errors: [], checksum: null, ms: 1, phases: {}, columns: { mapped: {}, ignored: [], dropped: [] },
});

describe('upload answer', () => {
  it('a 200 is the per-file summary list', () => {
    const a = readUploadAnswer(200, JSON.stringify([summary('a.csv', 'loaded')]));
    expect(a.ok).toBe(true);
    expect(a.files.map((f) => f.file)).toEqual(['a.csv']);
  });

  it('a 422 refusal carries every file\'s summary in details.files', () => {
    const body = { error: { code: 'load_refused', message: '1 个文件未导入：b.csv', details: { files: [summary('a.csv', 'loaded'), summary('b.csv', 'refused')] } } };
    const a = readUploadAnswer(422, JSON.stringify(body));
    expect(a).toMatchObject({ ok: false, status: 422, code: 'load_refused', message: '1 个文件未导入：b.csv' });
    expect(a.files.map((f) => f.status)).toEqual(['loaded', 'refused']);
  });

  it('a 409 hold carries the held file, and its hold error names the months that shrink', () => {
    const slices = [{ kind: 'repair_orders', dealer: 'SZ009', month: '2025-12', rowsNow: 412, rowsAfter: 60 }];
    const held = { ...summary('p.csv', 'loaded'), status: 'needs_confirmation', rowsLoaded: 0, slices: [...slices, { kind: 'repair_orders', dealer: 'SZ009', month: '2025-11', rowsNow: 300, rowsAfter: 290 }],
      error: { code: 'needs_confirmation', message: { zh: '…', en: '…' }, details: { file: 'p.csv', maxDropRate: 0.3, slices } } };
    const a = readUploadAnswer(409, JSON.stringify({ error: { code: 'needs_confirmation', message: 'p.csv：将替换…', details: { files: [held], slices } } }));
    expect(a).toMatchObject({ ok: false, status: 409, code: 'needs_confirmation' });
    expect(a.files[0]!.status).toBe('needs_confirmation');
    expect(heldSlices(a.files[0]!)).toEqual(slices);
    expect(heldSlices({ ...a.files[0]!, error: undefined })).toHaveLength(2);
  });

  it('any other error, or a body that is not JSON, has no files', () => {
    expect(readUploadAnswer(415, JSON.stringify({ error: { code: 'not_a_csv', message: 'x 不是 CSV', details: {} } }))).toEqual({ ok: false, status: 415, code: 'not_a_csv', message: 'x 不是 CSV', files: [] });
    expect(readUploadAnswer(0, '')).toMatchObject({ ok: false, code: 'bad_answer', message: 'network error' });
    expect(readUploadAnswer(502, '<html>')).toMatchObject({ ok: false, code: 'bad_answer', message: 'HTTP 502' });
  });

  it('links the rejected rows of a load', () => {
    expect(rejectsHref(12)).toBe('/api/loads/12/rejects.csv');
  });
});

describe('load history time', () => {
  it('shows a stored timestamp to the minute', async () => {
    const { shortTime } = await import('./history.js');
    expect(shortTime('2025-12-03T08:15:42.123Z')).toBe('2025-12-03 08:15');
    expect(shortTime('2025-12-03 08:15:42')).toBe('2025-12-03 08:15');
    expect(shortTime('yesterday')).toBe('yesterday');
  });
});

describe('rejected rows to fix', () => {
  it('asks for the file\'s own columns in the page\'s language', () => {
    expect(fixableRejectsHref(12, 'csv', 'en')).toBe('/api/loads/12/rejects.csv?layout=file&lang=en');
    expect(fixableRejectsHref(7, 'xlsx', 'zh')).toBe('/api/loads/7/rejects.xlsx?layout=file&lang=zh');
  });
});
