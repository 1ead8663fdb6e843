import { useEffect, useRef } from 'react';
import { Chart, type ChartConfiguration } from './chart-setup';

/**
 * A chart.js chart on a canvas that screen readers meet as one image named `label` and described
 * by the figure's caption; the data table beside it is the readable form. Redrawn when `config`
 * changes, resized for print.
 */
export function ChartCanvas({ config, label, describedBy }: { config: ChartConfiguration<'bar' | 'line'>; label: string; describedBy: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, config);
    const print = window.matchMedia('print');
    const resize = () => chart.resize();
    print.addEventListener('change', resize);
    window.addEventListener('beforeprint', resize);
    return () => {
      print.removeEventListener('change', resize);
      window.removeEventListener('beforeprint', resize);
      chart.destroy();
    };
  }, [config]);
  return <canvas ref={canvas} role="img" aria-label={label} aria-describedby={describedBy} />;
}
