// A feed server for tests/feeds.test: the demo feeds at /<file>, and the
// bad endpoints.  Listens on an ephemeral port and writes it to argv[3]
// once listening.
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const demo = process.argv[2];
const portFile = process.argv[3];
const files = ['westminster-wire.xml', 'northern-gazette.xml',
  'community-voice.atom', 'policy-desk.atom'];

const rss = (name, items) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${name}</title><link>https://${name}.example/</link>
${items.map(([id, title, desc]) => `<item><title>${title}</title><guid isPermaLink="false">${id}</guid>
<link>https://${name}.example/${id}</link><description>${desc}</description></item>`).join('\n')}
</channel></rss>`;

const gzipped = gzipSync(rss('gzip-news', [
  ['g1', 'Compressed: JCORE welcomes report', 'A gzip-encoded item.'],
  ['g2', 'Compressed: weather', 'Rain later.'],
]));
const etagBody = rss('etag-news', [
  ['e1', 'Cached: refugee week announced', 'An item behind an ETag.'],
]);

const server = createServer((req, res) => {
  const path = req.url.split('?')[0];
  if (path === '/stall') return; // never answers
  if (path === '/500') { res.writeHead(500); return res.end('oops'); }
  if (path === '/loop') {
    res.writeHead(302, { Location: '/loop' });
    return res.end();
  }
  if (path === '/big') {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>');
    const chunk = '<item><title>x</title><description>' + 'y'.repeat(65000) +
      '</description></item>';
    let sent = 0;
    const more = () => {
      while (sent < 9 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', more);
      }
      res.end('</channel></rss>');
    };
    res.on('error', () => {});
    return more();
  }
  if (path === '/gzip') {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml',
      'Content-Encoding': 'gzip' });
    return res.end(gzipped);
  }
  if (path === '/etag') {
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304, { ETag: '"v1"' });
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"v1"' });
    return res.end(etagBody);
  }
  const name = path.slice(1);
  if (files.includes(name)) {
    res.writeHead(200, { 'Content-Type': 'application/xml' });
    return res.end(readFileSync(join(demo, name)));
  }
  res.writeHead(404);
  res.end();
});
server.listen(0, '127.0.0.1', () => {
  writeFileSync(portFile, String(server.address().port));
});
