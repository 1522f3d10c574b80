//! The presentation deck's words, kept apart from `Messages` so the deck can
//! grow without touching every other view's catalogue.

use super::Lang;

#[derive(Debug)]
pub struct Qbr {
    pub present: &'static str,
    pub present_hint: &'static str,
    pub deck_label: &'static str,
    pub slide: &'static str,
    pub slide_of: &'static str,
    pub summary: &'static str,
    pub previous_slide: &'static str,
    pub next_slide: &'static str,
    pub full_screen: &'static str,
    pub exit: &'static str,
    pub keys_hint: &'static str,
    pub headline_changes: &'static str,
    pub this_quarter: &'static str,
    pub last_quarter: &'static str,
    pub year_ago: &'static str,
    pub last_quarter_commitments: &'static str,
    pub open_this_quarter: &'static str,
    pub none: &'static str,
    pub earlier_still_open: &'static str,
    pub partner_in_quadrant: &'static str,
    pub more_rows: &'static str,
    pub print_title: &'static str,
    pub print_pdf: &'static str,
    pub pillar: &'static str,
    /// The plan slide's words.
    pub plan: &'static super::plan::PlanWords,
}

pub static EN: Qbr = Qbr {
    present: "Present",
    present_hint: "Show this scorecard as slides for a quarterly business review",
    deck_label: "{name} · {period} · quarterly business review",
    slide: "slide",
    slide_of: "Slide {n} of {total}: {title}",
    summary: "Summary",
    previous_slide: "Previous slide",
    next_slide: "Next slide",
    full_screen: "Full screen",
    exit: "Exit (Esc)",
    keys_hint: "← → to move, Esc to leave",
    headline_changes: "Against last quarter",
    this_quarter: "This quarter",
    last_quarter: "Last quarter",
    year_ago: "A year ago",
    last_quarter_commitments: "Last quarter's commitments ({period})",
    open_this_quarter: "Open this quarter ({period})",
    none: "None",
    earlier_still_open: "Still open from earlier quarters",
    partner_in_quadrant: "{name} among {count} partners in {period}",
    more_rows: "+ {count} more in the handout's CSV",
    print_title: "{name} · {period}",
    print_pdf: "Print / PDF",
    pillar: "Pillar",
    plan: &super::plan::EN,
};

pub static DE: Qbr = Qbr {
    present: "Präsentieren",
    present_hint: "Diese Scorecard als Folien für ein Quartalsgespräch zeigen",
    deck_label: "{name} · {period} · Quartalsgespräch",
    slide: "Folie",
    slide_of: "Folie {n} von {total}: {title}",
    summary: "Zusammenfassung",
    previous_slide: "Vorige Folie",
    next_slide: "Nächste Folie",
    full_screen: "Vollbild",
    exit: "Beenden (Esc)",
    keys_hint: "← → blättern, Esc beendet",
    headline_changes: "Gegenüber dem Vorquartal",
    this_quarter: "Dieses Quartal",
    last_quarter: "Vorquartal",
    year_ago: "Vor einem Jahr",
    last_quarter_commitments: "Zusagen des Vorquartals ({period})",
    open_this_quarter: "Offen in diesem Quartal ({period})",
    none: "Keine",
    earlier_still_open: "Aus früheren Quartalen noch offen",
    partner_in_quadrant: "{name} unter {count} Partnern in {period}",
    more_rows: "+ {count} weitere in der CSV-Datei",
    print_title: "{name} · {period}",
    print_pdf: "Drucken / PDF",
    pillar: "Säule",
    plan: &super::plan::DE,
};

pub static FR: Qbr = Qbr {
    present: "Présenter",
    present_hint: "Afficher ce tableau de bord en diapositives pour une revue trimestrielle",
    deck_label: "{name} · {period} · revue trimestrielle",
    slide: "diapositive",
    slide_of: "Diapositive {n} sur {total} : {title}",
    summary: "Synthèse",
    previous_slide: "Diapositive précédente",
    next_slide: "Diapositive suivante",
    full_screen: "Plein écran",
    exit: "Quitter (Échap)",
    keys_hint: "← → pour naviguer, Échap pour quitter",
    headline_changes: "Par rapport au trimestre précédent",
    this_quarter: "Ce trimestre",
    last_quarter: "Trimestre précédent",
    year_ago: "Il y a un an",
    last_quarter_commitments: "Engagements du trimestre précédent ({period})",
    open_this_quarter: "Ouverts ce trimestre ({period})",
    none: "Aucun",
    earlier_still_open: "Encore ouverts depuis des trimestres antérieurs",
    partner_in_quadrant: "{name} parmi {count} partenaires en {period}",
    more_rows: "+ {count} autres dans le CSV",
    print_title: "{name} · {period}",
    print_pdf: "Imprimer / PDF",
    pillar: "Pilier",
    plan: &super::plan::FR,
};

impl Lang {
    pub fn qbr(self) -> &'static Qbr {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
            Lang::Fr => &FR,
        }
    }
}
