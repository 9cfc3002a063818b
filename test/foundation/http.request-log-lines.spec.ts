import { describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import request from 'supertest';
import { requestLogger } from '../../src/common/http/request-logger.js';

/** A bare node:http server with the service's request logger in front, its lines collected. */
function appLogging(level: string) {
  const lines: Record<string, unknown>[] = [];
  const log = requestLogger(level, { write: (line: string) => lines.push(JSON.parse(line)) });
  const answer = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/api/v1/never') return; // answers nothing: the client gives up
    res.writeHead(req.url === '/api/v1/boom' ? 500 : 200, { 'Content-Type': 'application/json' }).end('{}');
  };
  const server = createServer((req, res) => log(req, res, () => answer(req, res)));
  return { http: request(server), lines };
}

describe('request log lines', () => {
  it('writes one line per request with its id, method, URL, status and time', async () => {
    const { http, lines } = appLogging('info');
    const res = await http.get('/api/v1/splits?nik=1703010101900001').set('x-request-id', 'permintaan-7').expect(200);
    expect(res.headers['x-request-id']).toBe('permintaan-7');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        reqId: 'permintaan-7',
        req: { method: 'GET', url: '/api/v1/splits?nik=1703010101900001' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
        msg: 'request completed',
      }),
    ]);
    expect(Object.keys(lines[0]).sort()).toEqual(['hostname', 'level', 'msg', 'pid', 'req', 'reqId', 'res', 'responseTime', 'time']);
  });

  it('writes a failed request at error level, and nothing for /health', async () => {
    const { http, lines } = appLogging('info');
    await http.get('/health').expect(200);
    const failed = await http.get('/api/v1/boom').expect(500);
    expect(lines).toEqual([expect.objectContaining({ level: 50, reqId: failed.headers['x-request-id'], res: { statusCode: 500 }, msg: 'request failed' })]);
  });

  it('writes a request the client gave up on as aborted, without a status it never got', async () => {
    const { http, lines } = appLogging('info');
    await expect(http.get('/api/v1/never').set('x-request-id', 'batal-1').timeout(100)).rejects.toThrow();
    for (let i = 0; i < 50 && !lines.length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lines).toEqual([expect.objectContaining({ level: 30, reqId: 'batal-1', req: { method: 'GET', url: '/api/v1/never' }, msg: 'request aborted by the client' })]);
    expect(lines[0].res).toBeUndefined();
  });

  it('keeps giving ids, and writes nothing, when silent or above the level', async () => {
    for (const level of ['silent', 'error']) {
      const { http, lines } = appLogging(level);
      const res = await http.get('/api/v1/splits').expect(200);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines).toEqual([]);
    }
  });

  it('logs a caller id over 64 characters, or of other characters than A-Z a-z 0-9 . _ -, as the new id it was replaced by', async () => {
    const { http, lines } = appLogging('info');
    for (const id of ['x'.repeat(150), 'a"b\\c']) {
      const res = await http.get('/api/v1/splits').set('x-request-id', id);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.at(-1)!.reqId).toBe(res.headers['x-request-id']);
    }
  });
});
