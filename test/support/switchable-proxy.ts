import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy of the test's own on 127.0.0.1 in front of a real server (Redis, PostgreSQL): while
 * off it drops every connection at once, as a server that is down; `on()` lets them through.
 */
export class SwitchableProxy {
  private passing = false;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<SwitchableProxy> {
    let proxy: SwitchableProxy | null = null;
    const server = createServer((client) => proxy?.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');
    proxy = new SwitchableProxy(server, address.port);
    return proxy;
  }

  on(): void {
    this.passing = true;
  }

  /** Drops every open connection and refuses new ones. */
  off(): void {
    this.passing = false;
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.off();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (!this.passing) return void client.destroy();
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
