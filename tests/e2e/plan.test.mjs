// The next quarter's plan as a QBR room uses it: the "Next quarter" slide
// prefilled with this quarter's totals, figures typed (in English and German),
// F and the fair shift following the engine (`scorecard plan` on the very JSON
// the `scorecard-plan` event carried), the fair split, commitments added,
// edited and removed from the keyboard, both sides signing, a later change
// clearing the sign-off, and the plan loaded back through the `plan` property
// (and refused with a message when it does not fit the data).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ARTIFACTS, assert, expected, hostPage, pageTest, ratio, scorecard, scratchFile, suite,
} from './harness.mjs';
import { DECK_SLIDES, DECK_TOTAL } from './deck.mjs';

const env = suite();
// A partner with commitments still open at the review, carried into the plan.
const PARTNER = 'P-00002';

function page(h, attrs = '', before = '') {
  return hostPage(`
    <partner-scorecard id="s" src="${h.data}/sample.json" partner="${PARTNER}" ${attrs}></partner-scorecard>
    ${before}`);
}

function latestCard() {
  const latest = expected(env.feeds.json).periods.at(-1);
  return expected(env.feeds.json, PARTNER, latest).scorecard;
}

/** What `scorecard plan FEED PLAN` makes of a plan. */
function engine(plan) {
  const feed = scratchFile(env.feeds.json);
  const file = scratchFile(JSON.stringify(plan));
  return JSON.parse(scorecard('plan', feed, file));
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 2 });
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const signedMoney = (v) => (v < 0 ? `−${money.format(-v)}` : money.format(v));

async function openPlan(h) {
  await h.waitEvent('scorecard-ready', { target: 's' });
  await h.$('#s', 'plan-open').click();
  await h.waitVisible('#s', 'deck');
  await h.waitText('#s', 'slide-title', 'Next quarter');
}

const input = (h, side, pillar) => h.$('#s', `plan-input-${side}-${pillar}`);

/** The n-th scorecard-plan event (1-based) of #s. */
const planEvent = (h, n) => h.waitEvent('scorecard-plan', { target: 's', count: n });

/** The slide's F and fair shift are the engine's for the plan the event carried. */
async function followsEngine(h, plan) {
  const out = engine(plan);
  await h.waitText('#s', 'plan-fairness', ratio(out.figures.fairness));
  await h.waitText('#s', 'plan-fair-shift', signedMoney(out.figures.fair_shift));
  return out;
}

pageTest(env, 'plan 1. figures typed, fair split, commitments, sign-off: the slide follows the engine and the event carries it all', { timeout: 90_000 }, async (h) => {
  const card = latestCard();
  await h.open(page(h));
  await openPlan(h);
  assert.equal(await h.text('#s', 'slide-counter'), `${DECK_TOTAL} / ${DECK_TOTAL}`);
  // Prefilled with this quarter's totals; F is this quarter's.
  for (const side of ['vendor', 'partner']) {
    for (const pillar of ['investment', 'risk', 'reward']) {
      assert.equal(await input(h, side, pillar).inputValue(), number.format(card[pillar][side]), `${side} ${pillar}`);
      assert.ok(await input(h, side, pillar).getAttribute('aria-label'), 'every input is labelled');
    }
  }
  assert.equal(await h.text('#s', 'plan-fairness'), ratio(card.fairness));

  // A figure changes: F follows, and the event carries the plan.
  await input(h, 'vendor', 'reward').fill('250,000');
  let e = await planEvent(h, 1);
  assert.ok(e.bubbles && e.composed, 'scorecard-plan bubbles out of the shadow root');
  assert.equal(e.detail.reason, 'change');
  assert.equal(e.detail.plan.schema, 'partner-scorecard-plan/v1');
  assert.equal(e.detail.plan.figures.vendor.reward, 250000);
  assert.deepEqual(JSON.parse(e.detail.json), e.detail.plan);
  const out = await followsEngine(h, e.detail.plan);
  assert.notEqual(ratio(out.figures.fairness), ratio(card.fairness), 'the change moved F');

  // Text the input cannot read: a message at the input, the last valid figure kept.
  const f = await h.text('#s', 'plan-fairness');
  await input(h, 'vendor', 'reward').fill('12a');
  await h.page.keyboard.press('Tab');
  await h.waitText('#s', 'plan-error-vendor-reward', '“12a” is not a number. Write it like 1,234.56. The plan keeps 250,000.');
  assert.equal(await input(h, 'vendor', 'reward').getAttribute('aria-invalid'), 'true');
  const describedBy = await input(h, 'vendor', 'reward').getAttribute('aria-describedby');
  assert.equal(await h.$('#s', 'plan-error-vendor-reward').getAttribute('id'), describedBy);
  assert.equal(await h.text('#s', 'plan-fairness'), f);
  await input(h, 'partner', 'risk').fill('-5');
  await h.page.keyboard.press('Tab');
  await h.waitText('#s', 'plan-error-partner-risk', `Risk cannot be negative. The plan keeps ${number.format(card.risk.partner)}.`);

  // The fair split: F = 1.00×, and the engine agrees.
  await h.$('#s', 'plan-fair-split').click();
  await h.waitText('#s', 'plan-fairness', '1.00×');
  e = await planEvent(h, 2);
  assert.equal(ratio(engine(e.detail.plan).figures.fairness), '1.00×');
  assert.equal(await input(h, 'vendor', 'reward').getAttribute('aria-invalid'), 'false', 'the wrong text is replaced');
  assert.equal(await h.text('#s', 'plan-error-vendor-reward'), '');

  // Commitments: add one from the keyboard, edit one, remove one.
  const rows = () => h.$('#s', 'plan-commitment').count();
  const before = await rows();
  assert.ok(before > 0, 'this partner has open commitments');
  assert.equal(before, e.detail.plan.commitments.length, 'the still-open commitments are carried over');
  assert.ok(e.detail.plan.commitments.every((c) => c.carried_from), 'each says where it came from');
  await h.$('#s', 'plan-new-text').focus();
  await h.page.keyboard.type('Run a joint webinar');
  await h.page.keyboard.press('Tab');
  await h.$('#s', 'plan-new-side').selectOption('partner');
  await h.page.keyboard.press('Tab');
  await h.$('#s', 'plan-new-due').fill('2026-11-15');
  // (Tab walks the date field's own parts in Chromium: go to Add directly.)
  await h.$('#s', 'plan-add').focus();
  await h.page.keyboard.press('Enter');
  await h.waitText('#s', 'plan-announce', 'Commitment added: Run a joint webinar');
  assert.equal(await rows(), before + 1);
  e = await planEvent(h, 3);
  assert.deepEqual(e.detail.plan.commitments.at(-1), { side: 'partner', text: 'Run a joint webinar', due: '2026-11-15' });
  // An empty new commitment is refused at its input.
  await h.$('#s', 'plan-add').click();
  await h.waitText('#s', 'plan-new-error', 'Write what is promised.');

  const last = h.$('#s', 'plan-commitment').last();
  await last.getByTestId('plan-text').fill('Run two joint webinars');
  await h.page.keyboard.press('Tab');
  e = await planEvent(h, 4);
  assert.equal(e.detail.plan.commitments.at(-1).text, 'Run two joint webinars');
  await h.$('#s', 'plan-commitment').first().getByTestId('plan-remove').focus();
  await h.page.keyboard.press('Enter');
  e = await planEvent(h, 5);
  assert.equal(e.detail.plan.commitments.length, before);
  assert.equal(await rows(), before);
  const focus = await h.page.evaluate(() => document.querySelector('#s').shadowRoot.activeElement?.dataset.testid);
  assert.ok(['plan-remove', 'plan-new-text'].includes(focus), `the focus stays on the list (${focus})`);
  // The feed records a pipeline merges into next quarter's feed.
  const records = engine(e.detail.plan).commitments;
  assert.ok(records.some((r) => r.text === 'Run two joint webinars' && r.side === 'partner' && r.period === '2026-Q4' && r.status === 'open'));

  // Sign-off: each side with a name; the event fires at once.
  await h.$('#s', 'plan-sign-vendor').getByTestId('plan-sign').click();
  assert.match(await h.$('#s', 'plan-sign-vendor').textContent(), /Enter the name of who agrees/);
  await h.$('#s', 'plan-sign-vendor').getByTestId('plan-sign-name').fill('Ana Ruiz');
  await h.$('#s', 'plan-sign-vendor').getByTestId('plan-sign').click();
  e = await planEvent(h, 6);
  assert.equal(e.detail.reason, 'sign-off');
  assert.equal(e.detail.plan.agreed.vendor.name, 'Ana Ruiz');
  await h.$('#s', 'plan-sign-partner').getByTestId('plan-sign-name').fill('Kim Lee');
  await h.page.keyboard.press('Enter');
  e = await planEvent(h, 7);
  assert.equal(e.detail.agreed, true);
  assert.equal(e.detail.plan.agreed.partner.name, 'Kim Lee');
  await h.waitText('#s', 'plan-status', 'Both sides agreed to this plan.');
  assert.match(await h.text('#s', 'plan-sign-partner'), /Agreed by Kim Lee/);
  const signed = e.detail.plan;
  assert.equal(engine(signed).agreed_by_both, true);

  // The host keeps it; the element's plan property reads it too.
  const held = await h.page.evaluate(() => document.querySelector('#s').plan);
  assert.deepEqual(held, signed);

  // Any later change clears both agreements, and says so.
  await input(h, 'vendor', 'risk').fill('1');
  await h.waitText('#s', 'plan-status', 'The plan changed after sign-off: both agreements were cleared.');
  e = await planEvent(h, 8);
  assert.deepEqual(e.detail.plan.agreed, { vendor: null, partner: null });
  assert.equal(e.detail.agreed, false);
  await followsEngine(h, e.detail.plan);

  // Loaded back through `plan`, set before the element is defined.
  await h.open(page(h, '', `<script>document.querySelector('#s').plan = ${JSON.stringify(signed)};</script>`));
  await openPlan(h);
  assert.equal(await input(h, 'vendor', 'reward').inputValue(), number.format(signed.figures.vendor.reward));
  await h.waitText('#s', 'plan-status', 'Both sides agreed to this plan.');
  assert.equal(await h.$('#s', 'plan-commitment').count(), signed.commitments.length);
  await followsEngine(h, signed);

  // A plan for a partner the data does not have is refused; the plan on screen stays.
  await h.page.evaluate((p) => { document.querySelector('#s').plan = { ...p, partner: 'P-99999' }; }, signed);
  const err = await h.waitEvent('scorecard-error', { target: 's' });
  assert.equal(err.detail.kind, 'plan');
  assert.match(err.detail.message, /P-99999/);
  await h.waitText('#s', 'plan-refused', err.detail.message);
  assert.equal(await input(h, 'vendor', 'reward').inputValue(), number.format(signed.figures.vendor.reward));
  await h.page.evaluate(() => { document.querySelector('#s').plan = '{"schema": '; });
  const err2 = await h.waitEvent('scorecard-error', { target: 's', count: 2 });
  assert.match(err2.detail.message, /not valid JSON/);
  assert.equal((await h.events('scorecard-plan')).length, 0, 'loading a plan is not a change');
});

pageTest(env, 'plan 2. in German the inputs read "1.234,56" and refuse "1.5"', { timeout: 60_000 }, async (h) => {
  await h.open(page(h, 'locale="de-DE"'));
  await h.waitEvent('scorecard-ready', { target: 's' });
  await h.$('#s', 'plan-open').click();
  await h.waitText('#s', 'slide-title', 'Nächstes Quartal');
  await input(h, 'vendor', 'investment').fill('1.234,56');
  const e = await planEvent(h, 1);
  assert.equal(e.detail.plan.figures.vendor.investment, 1234.56);
  const out = engine(e.detail.plan);
  const de = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await h.waitText('#s', 'plan-fairness', `${de.format(out.figures.fairness)}×`);
  await input(h, 'vendor', 'investment').fill('1.5');
  await h.page.keyboard.press('Tab');
  await h.waitText('#s', 'plan-error-vendor-investment', '„1.5“: Ziffern werden hier in Dreiergruppen getrennt, wie 1.234,56. Der Plan behält 1.234,56.');
  assert.equal(await input(h, 'vendor', 'investment').getAttribute('aria-invalid'), 'true');
  // Arrow keys in a field move the caret, not the slide.
  await input(h, 'vendor', 'investment').focus();
  await h.page.keyboard.press('ArrowLeft');
  assert.equal(await h.text('#s', 'slide-counter'), `${DECK_TOTAL} / ${DECK_TOTAL}`);
});

/** Every part of a .pptx, read with python3's zipfile; XML parts parsed (well-formed or it throws). */
function readPptx(file) {
  const script = `
import json, sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
out = {}
for n in z.namelist():
    data = z.read(n)
    if n.endswith('.xml') or n.endswith('.rels'):
        doc = xml.dom.minidom.parseString(data)
        out[n] = ' '.join(t.firstChild.data for t in doc.getElementsByTagName('a:t') if t.firstChild)
    else:
        out[n] = data[:8].hex()
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

pageTest(env, 'plan 3. Download PowerPoint: one well-formed slide per deck slide, the plan as text and tables, charts as PNG; LibreOffice opens it', { timeout: 120_000 }, async (h) => {
  await h.open(page(h));
  await openPlan(h);
  await input(h, 'partner', 'reward').fill('30,000');
  await planEvent(h, 1);
  const fairness = await h.text('#s', 'plan-fairness');
  const [d] = await Promise.all([h.page.waitForEvent('download', { timeout: 30_000 }), h.$('#s', 'deck-pptx').click()]);
  assert.equal(await d.failure(), null);
  assert.equal(d.suggestedFilename(), `${PARTNER}-2026-Q3.pptx`);
  const dir = mkdtempSync(join(tmpdir(), 'ps-pptx-'));
  try {
    const file = join(dir, 'deck.pptx');
    writeFileSync(file, readFileSync(await d.path()));
    const parts = readPptx(file);
    const slides = Object.keys(parts).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    assert.equal(slides.length, DECK_TOTAL, 'one slide per deck slide');
    const plan = parts[`ppt/slides/slide${DECK_SLIDES.indexOf('plan') + 1}.xml`];
    for (const text of ['Next quarter', 'Planned figures', '$30,000', fairness, 'Not agreed yet']) {
      assert.ok(plan.includes(text), `the plan slide says "${text}": ${plan.slice(0, 400)}`);
    }
    assert.ok(parts['ppt/slides/slide1.xml'].includes('Summary'));
    const pictures = Object.entries(parts).filter(([n]) => n.startsWith('ppt/media/'));
    assert.ok(pictures.length >= 6, `charts as pictures: ${pictures.length}`);
    for (const [n, magic] of pictures) assert.equal(magic, '89504e470d0a1a0a', `${n} is a PNG`);
    const exported = (await h.events('scorecard-export')).at(-1);
    assert.deepEqual(exported.detail, { format: 'pptx', partner: PARTNER, period: '2026-Q3' });

    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
    if (!soffice) {
      assert.ok(!process.env.PS_REQUIRE_LIBREOFFICE, 'PS_REQUIRE_LIBREOFFICE is set but LibreOffice is not installed');
      h.t.diagnostic('LibreOffice is not installed: the conversion check needs ./x test');
      return;
    }
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { timeout: 90_000, stdio: 'pipe' });
    const info = execFileSync('pdfinfo', [join(dir, 'deck.pdf')], { encoding: 'utf8' });
    assert.equal(Number(/Pages:\s+(\d+)/.exec(info)[1]), DECK_TOTAL, info);
    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '50', join(dir, 'deck.pdf'), join(ARTIFACTS, 'pptx-page')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const theme of ['light', 'dark']) {
  pageTest(env, `plan 4. a picture of the slide at 1920×1080, ${theme} theme`, { viewport: { width: 1920, height: 1080 }, colorScheme: theme }, async (h) => {
    await h.open(page(h, `theme="${theme}"`));
    await openPlan(h);
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `plan-slide-1920-${theme}.png`);
    await h.page.screenshot({ path: file });
    assert.ok(readFileSync(file).length > 20_000);
  });
}
