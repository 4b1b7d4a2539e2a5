import { alignedTable, csvField, csvTable, displayWidth, markdownTable } from '../../lib/review/text-table';

describe('CSV (RFC 4180)', () => {
  test.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "HTTPS"', '"say ""HTTPS"""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ['semi; colon', 'semi; colon'],
    ['中文，逗号', '中文，逗号'],
  ])('%j is written as %j', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  test('records end with CRLF, the last one included', () => {
    expect(csvTable({ header: ['a', 'b'], rows: [['1', 'x,y']] })).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('Markdown tables', () => {
  test('pipes, backslashes and line breaks cannot break a row', () => {
    expect(markdownTable({ header: ['A', 'B'], rows: [['x|y', 'a\\b\nc']] })).toBe('| A | B |\n|---|---|\n| x\\|y | a\\\\b<br>c |');
  });
});

describe('aligned text tables', () => {
  test('Chinese characters take two columns', () => {
    expect(displayWidth('FaceTime 通话')).toBe(13);
    expect(displayWidth('（）：')).toBe(6);
  });

  test('columns line up and lines carry no trailing spaces', () => {
    expect(alignedTable({ header: ['产品', 'Ports'], rows: [['FaceTime', '37'], ['信息', '']] })).toBe('产品      Ports\nFaceTime  37\n信息');
  });
});
