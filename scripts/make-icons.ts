/**
 * Draws Balise's two Teams icons (a lighthouse beacon, "balise" in French) and checks icons
 * against Teams' rules. `npx tsx scripts/make-icons.ts` rewrites `manifest/color.png` (192×192,
 * colour on a solid background) and `manifest/outline.png` (32×32, white on transparent); the
 * PNGs are committed, so this only runs when the design changes. `npm run package` uses
 * {@link checkIcon} on whatever icons are in `manifest/`, hand-made ones included.
 */
import pngjs from 'pngjs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const { PNG } = pngjs;

/** The two icons Teams requires, with the sizes it enforces. */
export const iconSpecs = {
  color: { file: 'color.png', size: 192 },
  outline: { file: 'outline.png', size: 32 },
} as const;
export type IconKind = keyof typeof iconSpecs;

/** Background of the colour icon; the manifest's `accentColor` is the same navy. */
export const accentColor = '#1B3A5C';

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];
/** `ink` is drawn white in the outline icon; `cut` is a hole (transparent) in it. */
interface Shape {
  readonly polygon: readonly Point[];
  readonly color: Rgb;
  readonly outline: 'ink' | 'cut';
}

const navy: Rgb = [0x1b, 0x3a, 0x5c];
const white: Rgb = [0xff, 0xff, 0xff];
const red: Rgb = [0xe4, 0x57, 0x2e];
const yellow: Rgb = [0xff, 0xc8, 0x45];
const ray: Rgb = [0x8d, 0x81, 0x50]; // yellow at ~55 % over the navy

const rect = (x0: number, y0: number, x1: number, y1: number): Point[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
/** A horizontal band of the tower (a trapezoid narrowing upwards), between heights y0 and y1. */
const towerBand = (y0: number, y1: number): Point[] => {
  const halfWidth = (y: number) => 0.09 + ((y - 0.42) / (0.84 - 0.42)) * 0.06;
  return [[0.5 - halfWidth(y0), y0], [0.5 + halfWidth(y0), y0], [0.5 + halfWidth(y1), y1], [0.5 - halfWidth(y1), y1]];
};

/** The beacon in unit coordinates (y down), painted in order: later shapes cover earlier ones. */
const beacon: readonly Shape[] = [
  { polygon: [[0.37, 0.29], [0.37, 0.33], [0.1, 0.43], [0.1, 0.19]], color: ray, outline: 'ink' },
  { polygon: [[0.63, 0.29], [0.63, 0.33], [0.9, 0.43], [0.9, 0.19]], color: ray, outline: 'ink' },
  { polygon: towerBand(0.42, 0.84), color: white, outline: 'ink' },
  { polygon: towerBand(0.52, 0.6), color: red, outline: 'cut' },
  { polygon: towerBand(0.68, 0.76), color: red, outline: 'cut' },
  { polygon: rect(0.47, 0.78, 0.53, 0.84), color: navy, outline: 'cut' },
  { polygon: rect(0.36, 0.37, 0.64, 0.42), color: white, outline: 'ink' },
  { polygon: rect(0.43, 0.26, 0.57, 0.37), color: yellow, outline: 'ink' },
  { polygon: rect(0.465, 0.29, 0.535, 0.345), color: yellow, outline: 'cut' },
  { polygon: [[0.4, 0.265], [0.6, 0.265], [0.5, 0.16]], color: red, outline: 'ink' },
  { polygon: rect(0.27, 0.84, 0.73, 0.89), color: white, outline: 'ink' },
];

function inside([x, y]: Point, polygon: readonly Point[]): boolean {
  let hit = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** Draws one icon as PNG bytes; edges are anti-aliased by 8×8 supersampling. */
export function drawIcon(kind: IconKind): Buffer {
  const size = iconSpecs[kind].size;
  // The colour icon keeps a margin (Teams rounds its corners); the outline uses the whole square.
  const scale = kind === 'color' ? 0.86 : 1.04;
  const samples = 8;
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = ((px + (sx + 0.5) / samples) / size - 0.5) / scale + 0.5;
          const v = ((py + (sy + 0.5) / samples) / size - 0.5) / scale + 0.5;
          const top = [...beacon].reverse().find((s) => inside([u, v], s.polygon));
          if (kind === 'color') {
            const c = top?.color ?? navy;
            sum[0]! += c[0]; sum[1]! += c[1]; sum[2]! += c[2]; sum[3]! += 255;
          } else if (top?.outline === 'ink') {
            sum[3]! += 255;
          }
        }
      }
      const n = samples * samples;
      const at = (py * size + px) * 4;
      if (kind === 'color') {
        png.data[at] = Math.round(sum[0]! / n);
        png.data[at + 1] = Math.round(sum[1]! / n);
        png.data[at + 2] = Math.round(sum[2]! / n);
      } else {
        png.data[at] = png.data[at + 1] = png.data[at + 2] = 255;
      }
      png.data[at + 3] = Math.round(sum[3]! / n);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** Problems of one icon against Teams' rules (size; outline white on transparent); empty when fine. */
export function checkIcon(kind: IconKind, bytes: Buffer): string[] {
  const { file, size } = iconSpecs[kind];
  let image: { width: number; height: number; data: Buffer };
  try {
    image = PNG.sync.read(bytes);
  } catch (err) {
    return [`${file} : PNG illisible (${(err as Error).message})`];
  }
  if (image.width !== size || image.height !== size) return [`${file} : ${image.width}×${image.height} px, Teams exige ${size}×${size} px`];
  let transparent = 0;
  let visible = 0;
  let coloured = 0;
  for (let at = 0; at < image.data.length; at += 4) {
    const alpha = image.data[at + 3]!;
    if (alpha === 0) transparent++;
    else visible++;
    // Anti-aliased edges are white with partial alpha; anything tinted breaks the rule.
    if (alpha > 0 && Math.min(image.data[at]!, image.data[at + 1]!, image.data[at + 2]!) < 250) coloured++;
  }
  const problems: string[] = [];
  if (visible === 0) problems.push(`${file} : l'icône est entièrement transparente`);
  if (kind === 'outline') {
    if (coloured > 0) problems.push(`${file} : ${coloured} pixel(s) non blancs; l'icône de contour doit être blanche sur fond transparent`);
    if (transparent === 0) problems.push(`${file} : aucun pixel transparent; le fond de l'icône de contour doit être transparent`);
  }
  return problems;
}

/** Rewrites the committed icons in `manifest/`. */
function main(): void {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'manifest');
  for (const kind of Object.keys(iconSpecs) as IconKind[]) {
    const file = path.join(dir, iconSpecs[kind].file);
    writeFileSync(file, drawIcon(kind));
    console.log(`make-icons: ${path.relative(process.cwd(), file)} écrit`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
