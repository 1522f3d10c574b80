// Only the active language's words: English is in the main module; German and
// French are chunks of their own (split_de.wasm, split_fr.wasm) that a widget
// fetches as soon as it knows its locale, beside the data. An English page
// never asks for them, a German page never shows English while its words are
// on their way, a chunk that fails leaves the widget in English, and a change
// of the locale attribute loads the new language.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  assert, DIST, FAILED_STATUS, hostPage, pageTest, suite,
} from './harness.mjs';

const env = suite();
const LANG_CHUNK = /\/split_(de|fr)\.wasm$/;
const scorecard = (attrs = '') => `<partner-scorecard id="s" src="{{DATA}}/sample.json" partner="P-00001" ${attrs}></partner-scorecard>`;
// Words only one language has (src/i18n): the verdict's heading and the investment pillar's.
const WORDS = {
  en: { verdict: 'The verdict', investment: 'Investment' },
  de: { verdict: 'Das Fazit', investment: 'Investition' },
  fr: { verdict: 'Le verdict', investment: 'Investissement' },
};

/** The language chunks the page asked for, in order. */
function recordLanguageChunks(h) {
  const asked = [];
  h.page.on('request', (req) => {
    const m = LANG_CHUNK.exec(new URL(req.url()).pathname);
    if (m) asked.push(m[1]);
  });
  return asked;
}

/** Waits until the scorecard of #s speaks `lang`: the root's lang and two headings. */
async function speaks(h, lang) {
  await h.page.waitForFunction((lang) => document.querySelector('#s')?.shadowRoot
    ?.querySelector('[data-testid="root"]')?.getAttribute('lang') === lang, lang, { timeout: 10_000 });
  await h.waitVisible('#s', 'verdict');
  assert.equal((await h.$('#s', 'verdict').locator('h3').first().textContent()).trim(), WORDS[lang].verdict);
  assert.equal((await h.$('#s', 'pillar-investment').locator('h3').textContent()).trim(), WORDS[lang].investment);
}

test('lang 1. the main module holds no German or French words; each language chunk holds its own', () => {
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  const main = wasm.find((f) => !/^(split|chunk)_/.test(f));
  assert.ok(main, `a main .wasm in dist/ (${wasm})`);
  assert.ok(wasm.includes('split_de.wasm') && wasm.includes('split_fr.wasm'), `one chunk per language (${wasm})`);
  const text = (f) => readFileSync(join(DIST, f)).toString('latin1');
  const utf8 = (s) => Buffer.from(s, 'utf8').toString('latin1');
  // A messages string, a verdict statement, a deck word and a plan word of each language.
  const only = {
    de: ['Investition Hersteller', 'Wir vertrauen einander', 'Präsentieren', 'Nächstes Quartal planen'],
    fr: ['Investissement fournisseur', 'Nous nous faisons confiance', 'Diapositive', 'Planifier le trimestre prochain'],
  };
  for (const [lang, words] of Object.entries(only)) {
    for (const w of words) {
      for (const f of wasm) {
        const expected = f === `split_${lang}.wasm`;
        assert.equal(text(f).includes(utf8(w)), expected, `"${w}" ${expected ? 'is' : 'is not'} in ${f}`);
      }
    }
  }
  assert.ok(text(main).includes('The verdict'), 'English stays in the main module');
});

pageTest(env, 'lang 2. an English page never asks for a language chunk, through the trends and the deck', async (h) => {
  const asked = recordLanguageChunks(h);
  await h.open(hostPage(scorecard()));
  await speaks(h, 'en');
  await h.waitVisible('#s', 'chart-reward');
  await h.$('#s', 'present').click();
  await h.waitVisible('#s', 'deck', 2000);
  assert.deepEqual(asked, [], 'no language chunk');
});

pageTest(env, 'lang 3. a German page asks for split_de beside the data, shows no English meanwhile, then German', async (h) => {
  const asked = recordLanguageChunks(h);
  const held = [];
  await h.page.route(LANG_CHUNK, (route) => held.push(route));
  // The feed answers only once the language was asked for: a widget that
  // waited for the data before asking would time out here.
  await h.page.route(/\/sample\.json$/, async (route) => {
    for (let i = 0; i < 100 && asked.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await (asked.length ? route.continue() : route.abort());
  });
  await h.open(hostPage(scorecard('locale="de-DE"')));
  await h.waitEvent('scorecard-ready', { target: 's' });
  assert.deepEqual(asked, ['de'], 'German only, asked before the data came');

  // The data is in; the words are not: the skeleton, and not one word of English.
  await h.page.waitForTimeout(200);
  await h.waitVisible('#s', 'loading');
  assert.equal(await h.$('#s', 'scorecard').count(), 0, 'no scorecard without its words');
  const shown = await h.page.locator('#s').evaluate((el) => el.shadowRoot.textContent.trim());
  assert.equal(shown, '', 'nothing to read yet');

  for (const route of held) await route.continue();
  await speaks(h, 'de');
  assert.match(await h.text('#s', 'present'), /Präsentieren/);
  assert.deepEqual(asked, ['de']);
});

pageTest(env, 'lang 4. a French page (its <html lang>) asks for split_fr only; its deck speaks French', async (h) => {
  const asked = recordLanguageChunks(h);
  await h.open(hostPage(scorecard(), { lang: 'fr-FR' }));
  await speaks(h, 'fr');
  await h.$('#s', 'present').click();
  await h.waitVisible('#s', 'deck', 2000);
  const next = await h.page.locator('#s').getByRole('button', { name: 'Diapositive suivante' }).count();
  assert.equal(next, 1, 'the deck\'s buttons are French');
  assert.deepEqual(asked, ['fr']);
});

pageTest(env, 'lang 5. a language chunk that cannot be fetched leaves a working widget in English, with no alert', {
  allow: [FAILED_STATUS, /WebAssembly|HTTP status code|Failed to fetch|wasm/i],
}, async (h) => {
  await h.page.route(LANG_CHUNK, (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'down' }));
  await h.open(hostPage(scorecard('locale="de-DE"')));
  await speaks(h, 'en');
  assert.equal(await h.$('#s', 'part-error').count(), 0, 'no error message for missing words');
  assert.equal(await h.$('#s', 'error').count(), 0);
  // Numbers still follow the locale: a decimal comma.
  assert.match(await h.text('#s', 'fairness'), /^\d+,\d\d×$/);
  await h.$('#s', 'present').click();
  await h.waitVisible('#s', 'deck', 2000);
});

pageTest(env, 'lang 6. changing the locale attribute loads the new language and re-renders; back to English at once', async (h) => {
  const asked = recordLanguageChunks(h);
  await h.open(hostPage(scorecard()));
  await speaks(h, 'en');
  await h.page.locator('#s').evaluate((el) => el.setAttribute('locale', 'fr'));
  await speaks(h, 'fr');
  assert.deepEqual(asked, ['fr']);
  await h.page.locator('#s').evaluate((el) => el.setAttribute('locale', 'en-GB'));
  await speaks(h, 'en');
  await h.page.locator('#s').evaluate((el) => el.setAttribute('locale', 'fr-CA'));
  await speaks(h, 'fr');
  assert.deepEqual(asked, ['fr'], 'French is fetched once');
});
