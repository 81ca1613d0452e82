import type { Metadata, Viewport } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: 'Northwind Cloud — talk to sales',
  description: 'Ask our AI sales rep about plans, prices and features.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#2f6fed' };

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
