import type { PatternKind } from './palette';

const SIZE = 10;
const cache = new Map<string, CanvasPattern | string>();

/**
 * A fill of `color` with white strokes of the given kind, so bars differ by more than colour
 * (legends draw the same fill). Falls back to the plain colour where a canvas cannot be made.
 */
export function patternFill(color: string, kind: PatternKind): CanvasPattern | string {
  const id = `${color} ${kind}`;
  const known = cache.get(id);
  if (known) return known;
  const fill = drawPattern(color, kind) ?? color;
  cache.set(id, fill);
  return fill;
}

function drawPattern(color: string, kind: PatternKind): CanvasPattern | null {
  if (kind === 'solid' || typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, SIZE, SIZE);
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.lineWidth = 2;
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.stroke();
  };
  switch (kind) {
    case 'diagonal':
      line(0, SIZE, SIZE, 0); line(-SIZE / 2, SIZE / 2, SIZE / 2, -SIZE / 2); line(SIZE / 2, SIZE * 1.5, SIZE * 1.5, SIZE / 2);
      break;
    case 'back-diagonal':
      line(0, 0, SIZE, SIZE); line(-SIZE / 2, SIZE / 2, SIZE / 2, SIZE * 1.5); line(SIZE / 2, -SIZE / 2, SIZE * 1.5, SIZE / 2);
      break;
    case 'dots':
      ctx.beginPath();
      ctx.arc(SIZE / 2, SIZE / 2, 2, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'cross':
      line(SIZE / 2, 0, SIZE / 2, SIZE); line(0, SIZE / 2, SIZE, SIZE / 2);
      break;
    case 'vertical':
      line(SIZE / 2, 0, SIZE / 2, SIZE);
      break;
    case 'horizontal':
      line(0, SIZE / 2, SIZE, SIZE / 2);
      break;
  }
  return ctx.createPattern(canvas, 'repeat');
}
