//! The words of the scorecard's verdict (who put in and took what, the fair
//! shift) and of the shared vision and values section, kept apart from
//! `Messages` like the deck's words, so these views can grow on their own.

use super::Lang;
use crate::contract::catalogue::{is_built_in_label, STATEMENTS};

#[derive(Debug)]
pub struct Verdict {
    pub heading: &'static str,
    pub put_in: &'static str,
    pub put_in_hint: &'static str,
    pub took_out: &'static str,
    pub took_out_hint: &'static str,
    /// `{amount}` of reward from `{from}` to `{to}` would make F = 1.
    pub fair_shift: &'static str,
    pub no_shift: &'static str,
    pub takes_all: &'static str,
    /// For each `{one}` (one unit of the currency) put in, what each side took.
    pub rates: &'static str,
    /// Suffix of a change of a 0–100 score: "▼ −11.1 pts".
    pub points: &'static str,
    pub out_of_100: &'static str,
    pub score: &'static str,
    pub gap: &'static str,
    pub gap_value: &'static str,
    pub not_rated: &'static str,
    pub statement: &'static str,
    pub seen_differently: &'static str,
    pub one_side_only: &'static str,
    pub chart_title: &'static str,
    pub chart_summary: &'static str,
    pub low: &'static str,
    pub high: &'static str,
    /// The built-in statements, in `catalogue::STATEMENTS` order.
    pub statements: [&'static str; 6],
}

impl Verdict {
    /// A statement's label in this language when the feed kept the built-in
    /// one; a feed's own label as it is.
    ///
    /// ```
    /// use partner_scorecard::i18n::Lang;
    /// let v = Lang::De.verdict();
    /// assert_eq!(v.statement_label("trust", "We trust each other"), "Wir vertrauen einander");
    /// assert_eq!(v.statement_label("trust", "Vertrauen (unser Wort)"), "Vertrauen (unser Wort)");
    /// ```
    pub fn statement_label<'a>(&self, key: &str, label: &'a str) -> &'a str {
        if !is_built_in_label(key, label) {
            return label;
        }
        STATEMENTS
            .iter()
            .position(|(k, _)| *k == key)
            .and_then(|i| self.statements.get(i).copied())
            .unwrap_or(label)
    }
}

pub static EN: Verdict = Verdict {
    heading: "The verdict",
    put_in: "Put in",
    put_in_hint: "investment + risk",
    took_out: "Took out",
    took_out_hint: "reward",
    fair_shift: "To balance, {amount} of this quarter's reward would go from {from} to {to}.",
    no_shift: "The reward is split in proportion to what each side put in.",
    takes_all: "{side} takes all the reward while both sides put something in, so fairness is not a ratio: red.",
    rates: "For each {one} put in, {vendor} took {vendor_rate} and {partner} {partner_rate}.",
    points: "pts",
    out_of_100: "of 100",
    score: "Score",
    gap: "Gap between the sides",
    gap_value: "{gap} pts",
    not_rated: "Neither side rated the statements this quarter.",
    statement: "Statement",
    seen_differently: "seen differently",
    one_side_only: "rated by one side only",
    chart_title: "How each side rates each statement",
    chart_summary: "{count} statements; score {score} of 100; the sides are {gap} points apart on average; {differ} seen differently.",
    low: "low",
    high: "high",
    statements: [
        "We share a vision for this partnership",
        "We share the same values",
        "We share information openly",
        "We plan together",
        "We are easy to do business with",
        "We trust each other",
    ],
};

pub static DE: Verdict = Verdict {
    heading: "Das Fazit",
    put_in: "Eingebracht",
    put_in_hint: "Investition + Risiko",
    took_out: "Erhalten",
    took_out_hint: "Ertrag",
    fair_shift: "Für eine ausgewogene Verteilung gingen {amount} des Ertrags dieses Quartals von {from} an {to}.",
    no_shift: "Der Ertrag ist im Verhältnis zum Eingebrachten verteilt.",
    takes_all: "{side} erhält den ganzen Ertrag, obwohl beide Seiten etwas eingebracht haben; Fairness ist daher kein Verhältnis: rot.",
    rates: "Je {one} Einsatz erhielt {vendor} {vendor_rate} und {partner} {partner_rate}.",
    points: "Pkt.",
    out_of_100: "von 100",
    score: "Wert",
    gap: "Abstand der Seiten",
    gap_value: "{gap} Pkt.",
    not_rated: "Keine Seite hat die Aussagen in diesem Quartal bewertet.",
    statement: "Aussage",
    seen_differently: "unterschiedlich gesehen",
    one_side_only: "nur von einer Seite bewertet",
    chart_title: "Wie jede Seite jede Aussage bewertet",
    chart_summary: "{count} Aussagen; Wert {score} von 100; die Seiten liegen im Mittel {gap} Punkte auseinander; {differ} unterschiedlich gesehen.",
    low: "niedrig",
    high: "hoch",
    statements: [
        "Wir teilen eine Vision für diese Partnerschaft",
        "Wir teilen dieselben Werte",
        "Wir teilen Informationen offen",
        "Wir planen gemeinsam",
        "Mit uns ist die Zusammenarbeit einfach",
        "Wir vertrauen einander",
    ],
};

pub static FR: Verdict = Verdict {
    heading: "Le verdict",
    put_in: "Apporté",
    put_in_hint: "investissement + risque",
    took_out: "Reçu",
    took_out_hint: "gains",
    fair_shift: "Pour équilibrer, {amount} des gains de ce trimestre passeraient de {from} à {to}.",
    no_shift: "Les gains sont répartis en proportion de ce que chaque partie a apporté.",
    takes_all: "{side} reçoit tous les gains alors que les deux parties ont apporté quelque chose : l’équité n’est pas un ratio, rouge.",
    rates: "Pour chaque {one} apporté, {vendor} a reçu {vendor_rate} et {partner} {partner_rate}.",
    points: "pts",
    out_of_100: "sur 100",
    score: "Score",
    gap: "Écart entre les parties",
    gap_value: "{gap} pts",
    not_rated: "Aucune partie n’a évalué les affirmations ce trimestre.",
    statement: "Affirmation",
    seen_differently: "vu différemment",
    one_side_only: "évalué par une seule partie",
    chart_title: "Comment chaque partie évalue chaque affirmation",
    chart_summary: "{count} affirmations ; score {score} sur 100 ; les parties sont en moyenne à {gap} points d’écart ; {differ} vues différemment.",
    low: "bas",
    high: "haut",
    statements: [
        "Nous partageons une vision pour ce partenariat",
        "Nous partageons les mêmes valeurs",
        "Nous partageons l’information ouvertement",
        "Nous planifions ensemble",
        "Il est facile de travailler avec nous",
        "Nous nous faisons confiance",
    ],
};

impl Lang {
    pub fn verdict(self) -> &'static Verdict {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
            Lang::Fr => &FR,
        }
    }
}
