import { useEffect, useRef } from 'preact/hooks';
import { Chart, Legend, LinearScale, PointElement, ScatterController, Tooltip } from 'chart.js';

// Only what a scatter chart needs: keeps Chart.js's share of the bundle small.
Chart.register(ScatterController, LinearScale, PointElement, Tooltip, Legend);

export interface ScatterPoint {
  x: number;
  y: number;
  label: string;
}

interface Props {
  /** Accessible name of the chart; the data is also in a table or list beside it. */
  label: string;
  xTitle: string;
  yTitle: string;
  series: { name: string; points: ScatterPoint[]; color: string; radius?: number; style?: 'circle' | 'rectRot' }[];
}

export function ScatterChart({ label, xTitle, yTitle, series }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'scatter', ScatterPoint[]> | null>(null);

  useEffect(() => {
    const datasets = series.map((s) => ({
      label: s.name,
      data: s.points,
      backgroundColor: s.color,
      borderColor: s.color,
      pointRadius: s.radius ?? 3,
      pointStyle: s.style ?? 'circle',
    }));
    if (chart.current) {
      chart.current.data.datasets = datasets;
      chart.current.options.scales!.x!.title!.text = xTitle;
      chart.current.update();
      return;
    }
    chart.current = new Chart(canvas.current!, {
      type: 'scatter',
      data: { datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: 'linear', title: { display: true, text: xTitle } },
          y: { type: 'linear', title: { display: true, text: yTitle }, beginAtZero: true },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const p = ctx.raw as ScatterPoint;
                return `${p.label}: ${p.x} → ${p.y.toFixed(4)}`;
              },
            },
          },
        },
      },
    });
  }, [series, xTitle, yTitle]);

  useEffect(() => () => chart.current?.destroy(), []);

  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
