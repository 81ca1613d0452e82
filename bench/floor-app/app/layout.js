// A blank Next.js 16 page (what create-next-app's layout does, minus fonts and CSS): the page benchmark's floor.
export const metadata = { title: 'Blank Next.js page', description: 'The floor of the page benchmark: a blank Next.js 16 page.' };

/** @param {{ children: import('react').ReactNode }} props */
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
