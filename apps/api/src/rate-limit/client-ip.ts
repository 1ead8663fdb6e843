import type { Request } from 'express';

/** Express's `request.ip`: the socket's peer unless `trust proxy` is set. */
export function clientIp(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
