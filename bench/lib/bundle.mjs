// @ts-check
import { join } from 'node:path';
import { build } from 'vite';

/**
 * One of the app's own TypeScript modules (`entry`, from the project root) bundled by Vite as the
 * app bundles it, for Node to import: the benchmark measures and uses the kiosk's code, not a copy.
 * Returns the bundle's path.
 * @param {string} root
 * @param {string} entry
 * @param {string} outDir
 */
export async function bundleModule(root, entry, outDir) {
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    build: {
      ssr: join(root, entry),
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rolldownOptions: { output: { entryFileNames: 'bundle.mjs' } },
    },
  });
  return join(outDir, 'bundle.mjs');
}
