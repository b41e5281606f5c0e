// @ts-check
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @param {string} dir */
async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/**
 * A stylesheet of nothing but `@font-face` rules: a face's declarations, which the page loads
 * only once its text needs that face (src/renderer/src/fonts.ts), counted with the fonts.
 * @param {string} file
 */
const onlyFontFaces = async (file) =>
  (await readFile(file, 'utf8'))
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/@font-face\s*\{[^}]*\}/g, '')
    .trim() === '';

/** @param {string} file */
const gzipped = async (file) => gzipSync(await readFile(file), { level: 9 }).length;

/** The bundled typefaces, longest name first: a file's name starts with its face's. */
const FONT_FACES = [
  'atkinson-hyperlegible-next',
  'noto-sans-arabic',
  'noto-sans-hebrew',
  'noto-sans-sc',
  'noto-sans',
];

/**
 * 6. Size of the built renderer: its JavaScript and CSS gzipped (gzip -9, as a server or an
 * installer would compress them); the fonts and pictures apart, as they are (already compressed
 * formats, or SVG pictures that belong to the content).
 * @param {string} rendererDir
 * @param {string} contentDir
 */
export async function measureSize(rendererDir, contentDir) {
  const files = await filesUnder(rendererDir);
  /** @type {{ js: number; css: number; html: number; files: { file: string; gzipBytes: number; bytes: number }[] }} */
  const code = { js: 0, css: 0, html: 0, files: [] };
  let fonts = 0;
  let fontCss = 0;
  /** @type {Record<string, number>} */
  const fontBytesByFace = {};
  let pictures = 0;
  for (const file of files) {
    const ext = extname(file).toLowerCase();
    if (ext === '.css' && (await onlyFontFaces(file))) {
      fontCss += await gzipped(file);
    } else if (ext === '.js' || ext === '.mjs' || ext === '.css' || ext === '.html') {
      const size = await gzipped(file);
      code[ext === '.css' ? 'css' : ext === '.html' ? 'html' : 'js'] += size;
      code.files.push({ file: relative(rendererDir, file), gzipBytes: size, bytes: (await stat(file)).size });
    } else if (/\.(woff2?|ttf|otf)$/.test(ext)) {
      const bytes = (await stat(file)).size;
      const name = relative(rendererDir, file).split('/').at(-1) ?? '';
      const face = FONT_FACES.find((prefix) => name.startsWith(`${prefix}-`)) ?? 'other';
      fonts += bytes;
      fontBytesByFace[face] = (fontBytesByFace[face] ?? 0) + bytes;
    } else if (/\.(svg|png|jpe?g|webp|gif|ico)$/.test(ext)) {
      pictures += (await stat(file)).size;
    }
  }
  let contentPictures = 0;
  for (const file of await filesUnder(join(contentDir, 'images')).catch(() => [])) {
    contentPictures += (await stat(file)).size;
  }
  return {
    jsCssGzipBytes: code.js + code.css,
    jsGzipBytes: code.js,
    cssGzipBytes: code.css,
    htmlGzipBytes: code.html,
    codeFiles: code.files,
    fontBytes: fonts,
    fontBytesByFace,
    fontCssGzipBytes: fontCss,
    rendererPictureBytes: pictures,
    contentPictureBytes: contentPictures,
  };
}
