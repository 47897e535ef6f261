import { createServer } from 'node:net';

/** The URL of a port nothing listens on (taken from the OS, then released): connections are refused at once. */
export async function unreachableServerUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
