#!/usr/bin/env node
// Renders Marginalia's icon set from its one source, resources/icon.svg: PNGs at every size a
// desktop asks for (resvg draws each size from the vector), the Windows .ico and the macOS .icns
// (png2icons, from the 1024-pixel rendering). The outputs are committed; run this after changing
// the SVG (`node scripts/render-icons.mjs`), and tests/packaging checks that they match it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SOURCE = path.join(root, 'resources/icon.svg');
export const ICON_DIR = path.join(root, 'resources/icons');
/** Linux hicolor sizes (and the window icon); electron-builder reads the folder by file name. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** One size of the icon as PNG bytes. */
export function renderPng(svg, size) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    background: 'rgba(0,0,0,0)',
  });
  return Buffer.from(resvg.render().asPng());
}

export function renderAll() {
  const svg = fs.readFileSync(ICON_SOURCE);
  const pngDir = path.join(ICON_DIR, 'png');
  fs.mkdirSync(pngDir, { recursive: true });
  const pngs = new Map(PNG_SIZES.map((size) => [size, renderPng(svg, size)]));
  for (const [size, png] of pngs) fs.writeFileSync(path.join(pngDir, `${size}x${size}.png`), png);
  const large = pngs.get(1024);
  const ico = png2icons.createICO(large, png2icons.BICUBIC2, 0, false, true);
  const icns = png2icons.createICNS(large, png2icons.BICUBIC2, 0);
  if (!ico || !icns) throw new Error('png2icons could not convert the 1024-pixel icon.');
  fs.writeFileSync(path.join(ICON_DIR, 'icon.ico'), ico);
  fs.writeFileSync(path.join(ICON_DIR, 'icon.icns'), icns);
  fs.writeFileSync(path.join(ICON_DIR, 'icon.png'), large);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  renderAll();
  console.log(`Rendered ${PNG_SIZES.length} PNG sizes, icon.ico and icon.icns into ${ICON_DIR}`);
}
