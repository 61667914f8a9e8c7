import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IntelInputError, parseCaseNumber } from '../../src/intel/index.js';

const YEAR = 2026; // pinned: "a future year" must not depend on the day the suite runs

interface Row {
  input: string;
  plausible: boolean;
  finding: string;
  court?: string;
  level?: string;
  type?: string;
  why: string;
}

// Real numbers from domain-facts.md §1 (sources R1–R5, C3) and impossible ones seen in scam notices.
const ROWS: Row[] = [
  { input: '(2024)浙0192民诉前调595号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', court: '浙0192', level: 'basic', type: '民诉前调', why: "Hangzhou internet court's 浙0192 is real" },
  { input: '(2023)京0491民初12142号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', court: '京0491', level: 'basic', type: '民初', why: 'Beijing internet court [S:C3]' },
  { input: '(2021)川0104民诉前调801号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', type: '民诉前调', why: '[S:C3]' },
  { input: '(2024)浙02民诉前调595号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', level: 'intermediate', why: '[S:C3]' },
  { input: '(2024)粤0604诉前调确1716号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', type: '诉前调确', why: '诉前调确 from 2022 [S:R5]' },
  { input: '(2021)最高法知民终2270号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', court: '最高法', level: 'supreme', type: '民终', why: 'SPC with 知 [S:R2]' },
  { input: '(2020)浙01知民初277号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', level: 'intermediate', type: '民初', why: '知 after a court code' },
  { input: '(2022)沪74民终186号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', why: 'Shanghai financial court' },
  { input: '(2022)京73民终2463号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', why: 'Beijing IP court' },
  { input: '（2023）黔01民终12号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', why: 'full-width brackets; 黔 is Guizhou' },
  { input: '〔2024〕内01执恢3号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', type: '执恢', why: '内 is Inner Mongolia' },
  { input: '(2024)兵01财保7号', plausible: true, finding: 'CASE_NUMBER_FORMAT_OK', type: '财保', why: 'XPCC court, pre-suit preservation' },
  { input: '(2012)曲中法执字第66号', plausible: true, finding: 'CASE_NUMBER_OLD_STYLE', level: 'old_style', why: 'pre-2016 style [S:R4]' },
  { input: '(2023)蚂调字第123号', plausible: false, finding: 'CASE_NUMBER_OLD_STYLE_AFTER_2016', why: '"蚂调字" Huabei-notice scam number' },
  { input: '(2019)沪字第3号', plausible: false, finding: 'CASE_NUMBER_OLD_STYLE_AFTER_2016', why: '字第 after 2016' },
  { input: '(2024)贵01民初5号', plausible: false, finding: 'CASE_NUMBER_BAD_COURT', why: 'Guizhou is 黔, not 贵' },
  { input: '(2024)蒙01民初5号', plausible: false, finding: 'CASE_NUMBER_BAD_COURT', why: 'Inner Mongolia is 内, not 蒙' },
  { input: '(2024)港01民初5号', plausible: false, finding: 'CASE_NUMBER_BAD_COURT', why: 'no 港 court code' },
  { input: '(2024)浙012民初5号', plausible: false, finding: 'CASE_NUMBER_BAD_COURT', why: '3 digits after the province' },
  { input: '(2030)京01民初1号', plausible: false, finding: 'CASE_NUMBER_FUTURE_YEAR', why: 'future year' },
  { input: '(2020)粤0604诉前调确1716号', plausible: false, finding: 'CASE_NUMBER_TYPE_TOO_EARLY', why: '诉前调确 did not exist in 2020' },
  { input: '(2024)浙02调解12号', plausible: false, finding: 'CASE_NUMBER_UNKNOWN_TYPE', why: '调解 is not a type code' },
  { input: '(2024)浙02诉前调12号', plausible: false, finding: 'CASE_NUMBER_UNVERIFIED_TYPE', why: '诉前调 has no source' },
];

describe('parseCaseNumber', () => {
  for (const row of ROWS) {
    it(`${row.input} → ${row.plausible ? 'could exist' : 'cannot exist'} (${row.why})`, () => {
      const c = parseCaseNumber(row.input, { year: YEAR });
      const ids = c.findings.map((f) => f.id);
      assert.equal(c.plausible, row.plausible, ids.join(','));
      assert.ok(ids.includes(row.finding), `${row.finding} missing in ${ids.join(',')}`);
      if (row.court) assert.equal(c.court, row.court);
      if (row.level) assert.equal(c.courtLevel, row.level);
      if (row.type) assert.equal(c.type, row.type);
      for (const f of c.findings) assert.doesNotMatch(f.explanation.zh + f.explanation.en, /\{\w+\}/);
    });
  }

  it('a plausible number says it proves nothing and how to verify', () => {
    const c = parseCaseNumber('(2024)浙0192民诉前调595号', { year: YEAR });
    assert.match(c.findings[0]?.explanation.zh ?? '', /12368/);
    assert.match(c.findings[0]?.explanation.en ?? '', /proves nothing/);
  });

  it('reads the year, the 知 code and the serial', () => {
    const c = parseCaseNumber('(2021)最高法知民终2270号', { year: YEAR });
    assert.equal(c.year, 2021);
    assert.equal(c.specialised, true);
    assert.equal(c.serial, '2270');
  });

  it('suggests the right province character', () => {
    const c = parseCaseNumber('(2024)贵01民初5号', { year: YEAR });
    assert.match(c.findings[0]?.explanation.zh ?? '', /黔/);
  });

  it('rejects text that is no case number', () => {
    for (const bad of ['', '2024浙0192民初5号', '(2024)', 'hello', `(2024)${'民'.repeat(80)}1号`]) assert.throws(() => parseCaseNumber(bad, { year: YEAR }), IntelInputError, bad);
  });
});
