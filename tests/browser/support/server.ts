import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../../..');
const project = join(repo, 'src/Switchboard.Server');

export const demoPassword = 'browser-pass-123';

/**
 * The real Switchboard server on a free loopback port with its own SQLite data folder and the demo workspace.
 * It runs the built server (SB_SERVER_DLL, else the newest built Switchboard.Server.dll, else `dotnet run
 * --no-build`), waits for /healthz with a deadline, and can be restarted on the same port and data.
 */
export class SwitchboardServer {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'sb-browser-'));
  readonly logFile: string;
  #process: ChildProcess | undefined;
  #log: WriteStream | undefined;
  #exited: Promise<void> = Promise.resolve();

  private constructor(readonly port: number, logDir: string) {
    mkdirSync(logDir, { recursive: true });
    this.logFile = join(logDir, `server-${port}.log`);
  }

  get baseURL(): string { return `http://127.0.0.1:${this.port}`; }

  static async start(logDir: string): Promise<SwitchboardServer> {
    const server = new SwitchboardServer(await freePort(), logDir);
    await server.#launch();
    return server;
  }

  async #launch(): Promise<number> {
    // Rate limits off: every page of the run comes from 127.0.0.1, far faster than visitors and sign-ins do; the fake LLM
    // listens on 127.0.0.1, which outgoing requests may reach only when allowed (docs/operations.md).
    const args = ['--urls', this.baseURL, '--data', this.dataDir, '--demo-password', demoPassword,
      '--RateLimits:Enabled=false', '--Outbound:AllowedHosts:0=127.0.0.1'];
    const dll = serverDll();
    const [command, argv] = dll !== undefined ? ['dotnet', [dll, ...args]] : ['dotnet', ['run', '--project', project, '--no-build', '--', ...args]];
    this.#log ??= createWriteStream(this.logFile, { flags: 'a' });
    this.#log.write(`\n=== start ${new Date().toISOString()}: ${command} ${argv.join(' ')}\n`);
    // The content root is the project folder, where the built wwwroot (dashboard, widget.js) lives.
    const child = spawn(command, argv, { cwd: project, env: { ...process.env, DOTNET_NOLOGO: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#process = child;
    child.stdout.pipe(this.#log, { end: false });
    child.stderr.pipe(this.#log, { end: false });
    // If the test worker dies without its teardown, the server must not outlive it.
    const orphan = (): void => { child.kill('SIGKILL'); };
    process.once('exit', orphan);
    this.#exited = new Promise((done) => child.once('exit', () => { process.removeListener('exit', orphan); done(); }));
    return this.#waitHealthy(child, 90_000);
  }

  /** Resolves with the time (epoch ms) /healthz first answered. */
  async #waitHealthy(child: ChildProcess, timeoutMs: number): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.#exited.then(() => { exited = true; });
    while (Date.now() < deadline) {
      if (exited) throw new Error(`The server exited during start (code ${child.exitCode}); see ${this.logFile}`);
      try {
        const response = await fetch(`${this.baseURL}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return Date.now();
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100)); // polling interval of a bounded start-up wait
    }
    throw new Error(`The server did not answer /healthz within ${timeoutMs} ms; see ${this.logFile}`);
  }

  /** Stops the process: SIGTERM (graceful shutdown), SIGKILL if it has not exited after 15 s. */
  async stop(): Promise<void> {
    const child = this.#process;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await this.#exited;
    clearTimeout(killer);
    this.#process = undefined;
  }

  /** Starts the stopped server again on the same port and data folder; resolves with when /healthz first answered (epoch ms). */
  async resume(): Promise<number> {
    return this.#launch();
  }

  /** Stops and starts the server again on the same port and data folder. */
  async restart(): Promise<void> {
    await this.stop();
    await this.resume();
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.#log?.end();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function serverDll(): string | undefined {
  const fromEnv = process.env['SB_SERVER_DLL'];
  if (fromEnv) return resolve(fromEnv);
  // The newest build of either configuration (test.sh builds Release, a developer usually Debug).
  const candidates: string[] = [];
  for (const config of ['Release', 'Debug']) {
    const dir = join(project, 'bin', config);
    if (!existsSync(dir)) continue;
    for (const tfm of readdirSync(dir)) {
      const dll = join(dir, tfm, 'Switchboard.Server.dll');
      if (existsSync(dll)) candidates.push(dll);
    }
  }
  candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return candidates[0];
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}
