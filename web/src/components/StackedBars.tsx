import { useEffect, useRef } from 'preact/hooks';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSegment {
  /** Legend entry, e.g. the pool "ecs.c7.large spot". */
  name: string;
  /** One value per bar (0 where the segment is absent). */
  values: number[];
  color: string;
}

interface Props {
  label: string;
  bars: string[];
  segments: BarSegment[];
  yTitle: string;
}

/** Bars stacked by segment (Chart.js, only the bar parts registered). */
export function StackedBars({ label, bars, segments, yTitle }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  useEffect(() => {
    const data = {
      labels: bars,
      datasets: segments.map((s) => ({ label: s.name, data: s.values, backgroundColor: s.color, borderColor: '#ffffff', borderWidth: 1 })),
    };
    if (chart.current) {
      chart.current.data = data;
      chart.current.update();
      return;
    }
    chart.current = new Chart(canvas.current!, {
      type: 'bar',
      data,
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, title: { display: true, text: yTitle } },
        },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      },
    });
  }, [bars, segments, yTitle]);
  useEffect(() => () => chart.current?.destroy(), []);
  return (
    <div class="chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
