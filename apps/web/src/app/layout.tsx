import './globals.css';
import '../alarms/alarm-banner.css';
import '../alarms/alarm-drawer.css';
import '../alarms/alarm-panel.css';
import '../alarms/alarm-advice.css';
import '../alarms/alarm-responsive.css';
import '../alarm-kpis/alarm-kpis.css';
import '../whatif/whatif.css';
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: 'Twinhelm',
  description: 'Operations console for live digital twins of water networks',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#2a2d30' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
