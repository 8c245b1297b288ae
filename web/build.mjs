// Builds the investigator page into ../api/static/ui/ (served by the API at /ui).
//   node build.mjs               production bundle (minified, hashed names, source maps)
//   node build.mjs --test-bundle compiles test/*.test.ts into dist/test/ for `node --test`
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "api", "static", "ui");

async function testBundle() {
  const dir = join(here, "test");
  const entries = (await readdir(dir)).filter((f) => f.endsWith(".test.ts")).map((f) => join(dir, f));
  await rm(join(here, "dist", "test"), { recursive: true, force: true });
  await build({
    entryPoints: entries,
    outdir: join(here, "dist", "test"),
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node18",
    logLevel: "warning",
  });
}

async function app() {
  const started = Date.now();
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, "assets"), { recursive: true });
  const result = await build({
    entryPoints: [join(here, "src", "main.ts")],
    outdir: join(out, "assets"),
    entryNames: "[name]-[hash]",
    bundle: true,
    minify: true,
    sourcemap: "linked",
    format: "esm",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    legalComments: "linked",
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.keys(result.metafile.outputs).map((p) => p.split("/").pop());
  const js = outputs.find((f) => f.endsWith(".js"));
  const css = outputs.find((f) => f.endsWith(".css"));
  if (!js || !css) throw new Error(`esbuild produced no js/css: ${outputs.join(", ")}`);
  const template = await readFile(join(here, "src", "index.html"), "utf8");
  const html = template
    .replace("<!-- styles -->", `<link rel="stylesheet" href="assets/${css}">`)
    .replace("<!-- scripts -->", `<script type="module" src="assets/${js}"></script>`);
  await writeFile(join(out, "index.html"), html);
  const stamp = createHash("sha256").update(html).digest("hex").slice(0, 12);
  const size = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  console.log(`built ${out} (${js}, ${css}; ${(size / 1024).toFixed(0)} KiB incl. maps; ${stamp}) in ${Date.now() - started} ms`);
}

await (process.argv.includes("--test-bundle") ? testBundle() : app());
