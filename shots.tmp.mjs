import { chromium } from '@playwright/test';
const [url, out, w = '1024', h = '768', ...steps] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
p.on('console', (m) => console.log('console', m.type(), m.text()));
await p.addInitScript(() => localStorage.setItem('warrant.author', 'Sam'));
await p.goto(url);
await p.waitForTimeout(1500);
for (const s of steps) {
  if (s.startsWith('click:')) await p.getByRole('button', { name: s.slice(6) }).first().click();
  else if (s.startsWith('key:')) await p.keyboard.press(s.slice(4));
  else if (s.startsWith('wait:')) await p.waitForTimeout(+s.slice(5));
}
await p.waitForTimeout(800);
await p.screenshot({ path: out });
await b.close();
