// A feed server for tests/feeds.test and tests/fault-feeds.test: the demo
// feeds at /<file>, and the bad endpoints.  Listens on an ephemeral port
// and writes it to argv[3] once listening.
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync, gzipSync } from 'node:zlib';

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

// A gzip bomb: GB of spaces (inside the first title of a feed) in a few MB of
// gzip.  A 16 MiB run of spaces deflated with a full flush is a
// byte-aligned chunk that refers to nothing before it, so it can be sent
// again and again; the stream would end with a final empty block and a
// trailer that no client reading within its limits ever reaches.
const ZEROS = 16 * 1024 * 1024;
let bombParts = null;
function bomb() {
  if (bombParts === null) {
    const full = { finishFlush: constants.Z_FULL_FLUSH };
    bombParts = {
      head: Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]),
        deflateRawSync('<?xml version="1.0"?><rss version="2.0"><channel>' +
          '<title>bomb</title><item><title>', full)]),
      zeros: deflateRawSync(Buffer.alloc(ZEROS, 0x20), full),
    };
  }
  return bombParts;
}

// Stream n bytes of generated feed-like text (never held in memory),
// minding back-pressure; stops when the client goes away.
function stream(res, total, chunk) {
  let sent = 0;
  const more = () => {
    while (sent < total && !res.destroyed) {
      const n = Math.min(chunk.length, total - sent);
      sent += n;
      if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n)))
        return res.once('drain', more);
    }
    res.end();
  };
  res.on('error', () => {});
  more();
}

const TWO_GB = 2 * 1024 * 1024 * 1024;
const itemChunk = Buffer.from(('<item><title>x</title><description>' +
  'y'.repeat(65000) + '</description></item>'));

const server = createServer((req, res) => {
  const path = req.url.split('?')[0];
  if (path === '/stall') return; // never answers
  if (path === '/trickle') {
    // Headers at once, then a byte a quarter-second, for ever.
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
    const t = setInterval(() => res.write(' '), 250);
    res.on('close', () => clearInterval(t));
    return res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
  }
  if (path === '/2gb' || path === '/2gb-declared') {
    // 2 GiB, chunked, or with its length declared up front.
    const head = { 'Content-Type': 'application/rss+xml' };
    if (path === '/2gb-declared')
      head['Content-Length'] = String(TWO_GB);
    res.writeHead(200, head);
    return stream(res, TWO_GB, itemChunk);
  }
  if (path === '/bomb') {
    const b = bomb();
    res.writeHead(200, { 'Content-Type': 'application/rss+xml',
      'Content-Encoding': 'gzip' });
    res.on('error', () => {});
    res.write(b.head);
    // 256 x 16 MiB: 4 GiB once inflated.
    let left = 256;
    const more = () => {
      while (left > 0 && !res.destroyed) {
        left--;
        if (!res.write(b.zeros)) return res.once('drain', more);
      }
      res.end();
    };
    return more();
  }
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
