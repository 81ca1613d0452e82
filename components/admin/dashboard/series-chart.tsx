'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * The time series as lines (Recharts). Loaded on demand by SeriesSection, so Recharts ships only with /admin. Its
 * text alternative (summary and table) lives beside it; the drawing itself is hidden from assistive technology.
 */
export interface SeriesChartProps {
  points: { label: string; conversations: number; leads: number; meetings: number }[];
  names: { conversations: string; leads: string; meetings: string };
}

const LINES = [
  { key: 'conversations', color: '#1f57d1' },
  { key: 'leads', color: '#047857' },
  { key: 'meetings', color: '#b45309' },
] as const;

export default function SeriesChart({ points, names }: SeriesChartProps) {
  return (
    <div aria-hidden="true" className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#475569' }} minTickGap={24} />
          <YAxis allowDecimals={false} width={44} tick={{ fontSize: 12, fill: '#475569' }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          {LINES.map((line) => (
            <Line key={line.key} type="monotone" dataKey={line.key} name={names[line.key]} stroke={line.color} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
