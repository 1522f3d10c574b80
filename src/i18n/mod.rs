//! The widget's words in English, German and French. One struct per language,
//! so a missing translation is a compile error rather than a blank on screen.
//! Numbers and dates are not here: the UI formats them with the browser's Intl.
//!
//! A language's tables are gathered in one `Words`. The shipped widget keeps
//! English in its main module and downloads German or French as a chunk of
//! their own (src/ui/lang.rs), so in that build (`split`) the lookups by
//! `Lang` are compiled out: a view that named another language's table would
//! pull it back into every page's first download.

mod de;
mod en;
mod fr;
pub mod plan;
pub mod qbr;
pub mod verdict;

/// A language the widget speaks; any other locale falls back to English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    De,
    Fr,
}

impl Lang {
    /// Picks the language of a BCP 47 tag by its primary subtag: `de-AT` → German.
    ///
    /// ```
    /// use partner_scorecard::i18n::Lang;
    /// assert_eq!(Lang::from_locale("de-AT"), Lang::De);
    /// assert_eq!(Lang::from_locale("pt-BR"), Lang::En);
    /// ```
    pub fn from_locale(locale: &str) -> Lang {
        let primary = locale
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "de" => Lang::De,
            "fr" => Lang::Fr,
            _ => Lang::En,
        }
    }

    /// The BCP 47 primary tag, for the `lang` attribute of what is shown.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
        }
    }

    #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
    pub fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN_WORDS,
            Lang::De => &DE_WORDS,
            Lang::Fr => &FR_WORDS,
        }
    }

    #[cfg(not(all(target_arch = "wasm32", feature = "split")))]
    pub fn messages(self) -> &'static Messages {
        self.words().messages
    }
}

/// Everything one language says: the views', the verdict's, the deck's and
/// (through `qbr.plan`) the plan slide's words.
#[derive(Debug)]
pub struct Words {
    pub lang: Lang,
    pub messages: &'static Messages,
    pub verdict: &'static verdict::Verdict,
    pub qbr: &'static qbr::Qbr,
}

/// English, the fallback: always in the main module.
pub static EN_WORDS: Words = Words {
    lang: Lang::En,
    messages: &en::EN,
    verdict: &verdict::EN,
    qbr: &qbr::EN,
};

/// German; in the shipped widget only the chunk `split_de.wasm` refers to it.
pub static DE_WORDS: Words = Words {
    lang: Lang::De,
    messages: &de::DE,
    verdict: &verdict::DE,
    qbr: &qbr::DE,
};

/// French; in the shipped widget only the chunk `split_fr.wasm` refers to it.
pub static FR_WORDS: Words = Words {
    lang: Lang::Fr,
    messages: &fr::FR,
    verdict: &verdict::FR,
    qbr: &qbr::FR,
};

/// Fills `{name}` placeholders; unknown placeholders stay as they are.
///
/// ```
/// use partner_scorecard::i18n::fill;
/// assert_eq!(fill("{a} and {b}", &[("a", "x"), ("b", "y")]), "x and y");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let key = &after[..end];
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every text the widget shows. Templates use `{placeholders}` for `fill`.
#[derive(Debug)]
pub struct Messages {
    // Sides, pillars, bands, balance, statuses
    pub vendor: &'static str,
    pub partner: &'static str,
    pub investment: &'static str,
    pub risk: &'static str,
    pub reward: &'static str,
    pub alignment: &'static str,
    pub green: &'static str,
    pub amber: &'static str,
    pub red: &'static str,
    pub balanced: &'static str,
    pub partner_favoured: &'static str,
    pub vendor_favoured: &'static str,
    pub met: &'static str,
    pub at_risk: &'static str,
    pub missed: &'static str,
    pub open: &'static str,
    pub done: &'static str,
    pub slipped: &'static str,
    // Headings and labels
    pub period: &'static str,
    pub with_vendor: &'static str,
    pub all_partners: &'static str,
    pub back_to_all: &'static str,
    pub partner_share: &'static str,
    pub vs_last_quarter: &'static str,
    pub vs_last_year: &'static str,
    pub balance: &'static str,
    pub fairness: &'static str,
    pub roi: &'static str,
    pub health: &'static str,
    pub targets: &'static str,
    pub metric: &'static str,
    pub side: &'static str,
    pub actual: &'static str,
    pub target: &'static str,
    pub attainment: &'static str,
    pub status: &'static str,
    pub no_targets: &'static str,
    pub commitments: &'static str,
    pub due: &'static str,
    pub owner: &'static str,
    pub no_commitments: &'static str,
    pub still_open_from: &'static str,
    pub trends: &'static str,
    pub show_as_table: &'static str,
    pub quarter: &'static str,
    pub tier: &'static str,
    pub region: &'static str,
    pub partner_type: &'static str,
    pub search: &'static str,
    pub any: &'static str,
    pub partners_count: &'static str,
    pub vendor_investment: &'static str,
    pub partner_investment: &'static str,
    pub vendor_reward: &'static str,
    pub partner_reward: &'static str,
    pub fair_shift_to_partner: &'static str,
    pub alignment_score: &'static str,
    pub trend: &'static str,
    pub sort_by: &'static str,
    pub page_of: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub balance_quadrant: &'static str,
    pub contribution_share: &'static str,
    pub reward_share: &'static str,
    pub fair_line: &'static str,
    // Export menu and chart downloads
    pub export: &'static str,
    pub export_print: &'static str,
    pub export_csv: &'static str,
    /// Accessible names of a chart's download buttons; `{chart}` is its title.
    pub download_svg: &'static str,
    pub download_png: &'static str,
    pub export_png_blocked: &'static str,
    pub export_failed: &'static str,
    // Sentences (templates)
    pub fairness_sentence: &'static str,
    pub chart_pillar_title: &'static str,
    pub chart_pillar_summary: &'static str,
    pub chart_fairness_title: &'static str,
    pub chart_fairness_summary: &'static str,
    pub chart_health_title: &'static str,
    pub chart_health_summary: &'static str,
    pub chart_quadrant_summary: &'static str,
    /// The quadrant's keyboard help, its accessible name ({chart}: its title).
    pub quadrant_keys: &'static str,
    /// What the live region says about the partner in focus on the quadrant.
    pub quadrant_point: &'static str,
    // States and odd cases
    pub loading: &'static str,
    pub retry: &'static str,
    pub retrying: &'static str,
    /// A part that loads on demand (deck, portfolio, charts) could not be fetched.
    pub part_failed: &'static str,
    pub technical_detail: &'static str,
    pub stale_since: &'static str,
    pub records_rejected_one: &'static str,
    pub records_rejected_many: &'static str,
    pub unknown_partner: &'static str,
    pub unknown_period: &'static str,
    pub bad_period: &'static str,
    pub no_periods: &'static str,
    pub no_records_for_period: &'static str,
    pub side_reported_nothing: &'static str,
    pub no_matches: &'static str,
    pub entries_rejected: &'static str,
    /// Error messages by `scorecard-error` kind (the technical detail stays as sent).
    pub err_config: &'static str,
    pub err_unauthorised: &'static str,
    pub err_not_found: &'static str,
    pub err_http: &'static str,
    pub err_server: &'static str,
    pub err_network: &'static str,
    pub err_timeout: &'static str,
    pub err_parse: &'static str,
    pub err_schema: &'static str,
    pub err_empty: &'static str,
    pub err_too_large: &'static str,
    // The header's way into the deck and its plan: on the first paint, while
    // the deck's own words load with the deck.
    pub present: &'static str,
    pub present_hint: &'static str,
    pub open_plan: &'static str,
    pub open_plan_hint: &'static str,
}

impl Messages {
    /// The message for an error kind, or `None` for a kind this version does not know.
    pub fn error(&self, kind: &str) -> Option<&'static str> {
        Some(match kind {
            "config" => self.err_config,
            "unauthorised" => self.err_unauthorised,
            "not-found" => self.err_not_found,
            "http" => self.err_http,
            "server" => self.err_server,
            "network" => self.err_network,
            "timeout" => self.err_timeout,
            "parse" => self.err_parse,
            "schema" => self.err_schema,
            "empty" => self.err_empty,
            "too-large" => self.err_too_large,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each language's `Words` (what one chunk of the widget holds) gathers
    /// that language's tables and none of another's.
    #[test]
    fn each_words_holds_its_own_language() {
        for (lang, investment, verdict, present, plan) in [
            (
                Lang::En,
                "Investment",
                "The verdict",
                "Present",
                "Next quarter",
            ),
            (
                Lang::De,
                "Investition",
                "Das Fazit",
                "Präsentieren",
                "Nächstes Quartal",
            ),
            (
                Lang::Fr,
                "Investissement",
                "Le verdict",
                "Présenter",
                "Trimestre prochain",
            ),
        ] {
            let w = lang.words();
            assert_eq!(w.lang, lang);
            assert_eq!(Lang::from_locale(lang.tag()), lang);
            assert_eq!(w.messages.investment, investment, "{lang:?}");
            assert_eq!(w.verdict.heading, verdict, "{lang:?}");
            assert_eq!(w.messages.present, present, "{lang:?}");
            assert_eq!(w.qbr.plan.title, plan, "{lang:?}");
        }
    }

    /// Every placeholder of a template exists in the English one and vice versa,
    /// so `fill` never leaves `{name}` on screen in one language only.
    #[test]
    fn templates_have_the_same_placeholders_in_every_language() {
        fn holes(t: &str) -> Vec<String> {
            let mut v: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|s| s.split('}').next().map(str::to_string))
                .collect();
            v.sort();
            v
        }
        let en = Lang::En.messages();
        for lang in [Lang::De, Lang::Fr] {
            let m = lang.messages();
            for (a, b) in [
                (en.fairness_sentence, m.fairness_sentence),
                (en.chart_pillar_title, m.chart_pillar_title),
                (en.chart_pillar_summary, m.chart_pillar_summary),
                (en.chart_fairness_title, m.chart_fairness_title),
                (en.chart_fairness_summary, m.chart_fairness_summary),
                (en.chart_health_title, m.chart_health_title),
                (en.chart_health_summary, m.chart_health_summary),
                (en.chart_quadrant_summary, m.chart_quadrant_summary),
                (en.quadrant_keys, m.quadrant_keys),
                (en.quadrant_point, m.quadrant_point),
                (en.stale_since, m.stale_since),
                (en.records_rejected_many, m.records_rejected_many),
                (en.entries_rejected, m.entries_rejected),
                (en.unknown_partner, m.unknown_partner),
                (en.unknown_period, m.unknown_period),
                (en.bad_period, m.bad_period),
                (en.no_records_for_period, m.no_records_for_period),
                (en.side_reported_nothing, m.side_reported_nothing),
                (en.still_open_from, m.still_open_from),
                (en.partners_count, m.partners_count),
                (en.page_of, m.page_of),
                (en.with_vendor, m.with_vendor),
                (en.download_svg, m.download_svg),
                (en.download_png, m.download_png),
                (en.export_failed, m.export_failed),
            ] {
                assert_eq!(holes(a), holes(b), "{lang:?}: {b}");
            }
            let (ev, v) = (Lang::En.verdict(), lang.verdict());
            for (a, b) in [
                (ev.fair_shift, v.fair_shift),
                (ev.takes_all, v.takes_all),
                (ev.rates, v.rates),
                (ev.chart_summary, v.chart_summary),
            ] {
                assert_eq!(holes(a), holes(b), "{lang:?}: {b}");
            }
        }
    }
}
