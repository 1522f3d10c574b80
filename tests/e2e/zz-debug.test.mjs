import { ARTIFACTS, assert, hostPage, pageTest, suite } from './harness.mjs';
import { mkdirSync } from 'node:fs';
const env = suite();
mkdirSync(ARTIFACTS, { recursive: true });
for (const theme of ['light', 'dark']) {
pageTest(env, `debug ${theme}`, { viewport: { width: 1920, height: 1080 }, colorScheme: theme, timeout: 60000 }, async (h) => {
  await h.open(hostPage(`<partner-scorecard id="s" src="${h.data}/sample.json" partner="P-00002" theme="${theme}"></partner-scorecard>`));
  await h.waitEvent('scorecard-ready', { target: 's' });
  await h.$('#s', 'plan-open').click();
  await h.waitText('#s', 'slide-title', 'Next quarter');
  const small = await h.page.evaluate(() => {
    const slide = document.querySelector('#s').shadowRoot.querySelector('[data-testid="slide"]');
    const out = [];
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent.trim()) continue;
      const fs = parseFloat(getComputedStyle(n.parentElement).fontSize);
      if (fs < 24) out.push([n.parentElement.localName, n.parentElement.className, fs, n.textContent.slice(0, 30)]);
    }
    return out;
  });
  console.log(JSON.stringify(small));
  await h.page.screenshot({ path: `${ARTIFACTS}/plan-slide-1920-${theme}.png` });
});
}
