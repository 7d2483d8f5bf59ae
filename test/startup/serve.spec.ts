// Our static server (scripts/serve.mjs, behind `npm start`) stops with npm:
// stopping `npm start` by its PID ends npm and its shell, and the server,
// orphaned, exits instead of holding its port.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

test("the server started by npm start exits when the shell npm ran it in is stopped", async () => {
  // As npm runs a script: a shell (which doesn't exec its last command, thanks to "; true").
  const shell = spawn("sh", ["-c", "node scripts/serve.mjs --port 0; true"], { cwd: ROOT, env: { ...process.env, npm_lifecycle_event: "start" } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      shell.stdout.on("data", (data: Buffer) => {
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(String(data));
        if (found) resolve(found[0]);
      });
      shell.on("exit", () => reject(new Error("the server exited before serving")));
    });
    expect((await fetch(`${url}/pyscript.js`)).status).toBe(200);
    shell.kill("SIGTERM"); // the shell goes; the server is orphaned
    await expect.poll(() => fetch(`${url}/pyscript.js`).then(() => "serving", () => "stopped"), { timeout: 10_000 }).toBe("stopped");
  } finally {
    shell.kill("SIGKILL");
  }
});
