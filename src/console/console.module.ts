import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { consolePublicDir } from './console-assets.js';
import { ConsoleController } from './console.controller.js';

/**
 * The web console (Indonesian): static HTML, CSS and JavaScript modules under `/console/`, talking to
 * `/api/v1` with a bearer token kept in sessionStorage. Static files need no login; every API call does.
 * helmet's content security policy (configure-app.ts) covers these responses too: no inline code.
 */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as FastifyAdapter | undefined;
    if (!adapter?.useStaticAssets) return; // e.g. a testing module without an HTTP server
    adapter.useStaticAssets({
      root: consolePublicDir(),
      prefix: '/console',
      index: 'index.html',
      redirect: true,
      // Small files that change with each release: revalidate every time (ETag), never serve stale code.
      cacheControl: false,
      // @fastify/static 10 passes the reply itself (Nest's type still names the older response shape)
      setHeaders: (reply) => void (reply as unknown as FastifyReply).header('Cache-Control', 'no-cache'),
    });
  }
}
