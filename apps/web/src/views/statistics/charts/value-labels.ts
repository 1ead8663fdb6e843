import type { Chart, Plugin } from 'chart.js';

/** The text of a bar's direct label, or null for none. */
export type LabelText = (value: number, datasetIndex: number, index: number) => string | null;

interface BarGeometry {
  x: number;
  y: number;
  base: number;
  width: number;
  height: number;
  horizontal: boolean;
}

/**
 * Direct labels on bars, so a value is read where it is drawn: `end` beyond the bar's end (after
 * the last stack when `stackTotal` is given), `inside` centred on a white plate, only where it fits.
 */
export function valueLabels(text: LabelText, placement: 'end' | 'inside'): Plugin<'bar'> {
  return {
    id: `value-labels-${placement}`,
    afterDatasetsDraw(chart: Chart<'bar'>) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `600 12px ${String(chart.options.font?.family ?? 'sans-serif')}`;
      chart.data.datasets.forEach((dataset, di) => {
        const meta = chart.getDatasetMeta(di);
        if (meta.hidden || !chart.isDatasetVisible(di)) return;
        meta.data.forEach((element, i) => {
          const value = dataset.data[i];
          if (typeof value !== 'number') return;
          const label = text(value, di, i);
          if (!label) return;
          const bar = element.getProps(['x', 'y', 'base', 'width', 'height', 'horizontal'], true) as unknown as BarGeometry;
          if (placement === 'inside') drawInside(ctx, label, bar);
          else drawAtEnd(ctx, label, bar);
        });
      });
      ctx.restore();
    },
  };
}

function drawInside(ctx: CanvasRenderingContext2D, label: string, bar: BarGeometry): void {
  const textWidth = ctx.measureText(label).width;
  const length = Math.abs(bar.horizontal ? bar.x - bar.base : bar.y - bar.base);
  const thickness = bar.horizontal ? bar.height : bar.width;
  const along = bar.horizontal ? textWidth + 8 : 18;
  const across = bar.horizontal ? 18 : textWidth + 8;
  if (length < along + 2 || thickness < across) return;
  const cx = bar.horizontal ? (bar.x + bar.base) / 2 : bar.x;
  const cy = bar.horizontal ? bar.y : (bar.y + bar.base) / 2;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.92)';
  ctx.fillRect(cx - (textWidth + 8) / 2, cy - 9, textWidth + 8, 18);
  ctx.fillStyle = '#1b1f24';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(label, cx, cy);
}

function drawAtEnd(ctx: CanvasRenderingContext2D, label: string, bar: BarGeometry): void {
  ctx.fillStyle = '#1b1f24';
  if (bar.horizontal) {
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, Math.max(bar.x, bar.base) + 4, bar.y);
  } else {
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(label, bar.x, Math.min(bar.y, bar.base) - 3);
  }
}
