import { connect, createServer, type Server, type Socket } from 'node:net';

interface Link {
  client: Socket;
  upstream: Socket | null;
  /** Closes that happened while cut, passed on when the network heals. */
  closedWhileCut: Set<Socket>;
}

/**
 * A TCP proxy of the test's own between one process and PostgreSQL that can cut the network as
 * a partition does, not as a server that is down: while cut nothing crosses in either direction
 * and nobody is told (no reset, no close): bytes wait, new connections hang. On `heal` the
 * bytes flow on, closes that happened meanwhile are passed on, and waiting connections connect.
 */
export class PartitionProxy {
  private cutNow = false;
  private readonly links = new Set<Link>();

  private constructor(private readonly server: Server, readonly port: number, private readonly target: { host: string; port: number }) {}

  static async start(target: { host: string; port: number }): Promise<PartitionProxy> {
    let proxy: PartitionProxy | null = null;
    const server = createServer((client) => proxy?.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');
    proxy = new PartitionProxy(server, address.port, target);
    return proxy;
  }

  get isCut(): boolean {
    return this.cutNow;
  }

  cut(): void {
    this.cutNow = true;
    for (const link of this.links) {
      link.client.pause();
      link.upstream?.pause();
    }
  }

  heal(): void {
    this.cutNow = false;
    for (const link of [...this.links]) {
      if (link.upstream === null) this.connectUpstream(link);
      for (const closed of link.closedWhileCut) this.passClose(link, closed);
      link.closedWhileCut.clear();
      link.client.resume();
      link.upstream?.resume();
    }
  }

  async close(): Promise<void> {
    for (const link of this.links) {
      link.client.destroy();
      link.upstream?.destroy();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    const link: Link = { client, upstream: null, closedWhileCut: new Set() };
    this.links.add(link);
    this.watch(link, client);
    if (this.cutNow) client.pause();
    else this.connectUpstream(link);
  }

  private connectUpstream(link: Link): void {
    const upstream = connect(this.target.port, this.target.host);
    link.upstream = upstream;
    this.watch(link, upstream);
    link.client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => link.client.write(chunk));
  }

  private watch(link: Link, socket: Socket): void {
    socket.on('error', () => undefined);
    socket.on('close', () => (this.cutNow ? link.closedWhileCut.add(socket) : this.passClose(link, socket)));
  }

  private passClose(link: Link, closed: Socket): void {
    (closed === link.client ? link.upstream : link.client)?.destroy();
    this.links.delete(link);
  }
}
