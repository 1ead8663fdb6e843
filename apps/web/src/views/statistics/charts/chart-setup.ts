import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

// Only what the four charts use, so the statistics chunk stays small.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.color = '#1b1f24';
Chart.defaults.borderColor = '#c9d0d8';
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.font.size = 13;
// Charts appear at once: no motion for those who asked for none, and nothing half-drawn on paper.
Chart.defaults.animation = false;

export { Chart };
export type { ChartConfiguration, Plugin } from 'chart.js';
