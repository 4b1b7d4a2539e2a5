import { htmlTables, looksLikeHtml } from '../../lib/cli/article-html';
import { readSavedArticle } from '../../lib/cli/saved-article';
import { thrown } from '../thrown';

describe('htmlTables', () => {
  test('reads each table under the heading before it, cells as a reader sees them (a nested table is part of its cell)', () => {
    const html = `<!DOCTYPE html><html><body><div id="sections">
      <h2 class="gb-header">Device&nbsp;setup</h2><p>Intro</p>
      <div class="table-wrapper"><table><tbody>
        <tr><th><p class="gb-paragraph">Hosts</p></th><th>Ports</th></tr>
        <tr><td><p>albert.apple.com</p></td><td>443,<br>80</td></tr>
        <tr><td>nested<table><tr><td>inner</td></tr></table></td><td><script>x()</script>  443 </td></tr>
      </tbody></table></div>
      <h3>App Store</h3><table><tr><td>only</td></tr></table>
    </div></body></html>`;
    expect(htmlTables(html)).toEqual([
      { heading: 'Device setup', where: 'table 1', rows: [['Hosts', 'Ports'], ['albert.apple.com', '443, 80'], ['nested inner', '443']] },
      { heading: 'App Store', where: 'table 2', rows: [['only']] },
    ]);
  });

  test('tells an HTML page from a plain-text copy', () => {
    expect([looksLikeHtml('<!doctype html><html>'), looksLikeHtml('\uFEFF<html lang="zh-CN">'), looksLikeHtml('---\ntitle: x\n---\n端口\tTCP')]).toEqual([true, true, false]);
  });
});

describe('readSavedArticle', () => {
  test('names the file and what it lacks', () => {
    expect(thrown(() => readSavedArticle('a.html', '<html><body><table><tr><td>x</td></tr></table></body></html>')).message).toBe(
      'a.html: no Apple port table (a table whose first header cell is "Port" or "端口") and no host table (first header cell "Hosts") among its 1 tables',
    );
    expect(thrown(() => readSavedArticle('b.html', '<html><body><table><tr><th>Hosts</th><th>Ports</th></tr></table></body></html>')).message).toBe(
      'b.html: table 1 has no heading before it, so its category is unknown',
    );
    const port = '<table><tr><th>Port</th><th>TCP or UDP</th><th>n</th><th>RFC</th><th>s</th><th>u</th></tr></table>';
    expect(thrown(() => readSavedArticle('c.html', `<html>${port}${port}</html>`)).message).toBe('c.html: table 1 and table 2 are both port tables: save one article per file');
  });
});
