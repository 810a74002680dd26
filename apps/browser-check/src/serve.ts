/**
 * A one-page HTTP server on 127.0.0.1 (loopback only, a free port): `/` is a blank HTML page
 * that loads `/main.js`, the esbuild bundle.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const HTML = '<!doctype html><meta charset="utf-8"><title>nncompat browser check</title><script src="/main.js"></script>';

/** Starts the server; resolves with its base URL and a `close()`. */
export async function servePage(script: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HTML);
    } else if (req.url === '/main.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
