//! The deck as a PowerPoint outline (`pptx::Deck`): one slide per deck slide,
//! with the words, the engine's figures and the charts of the slides on
//! screen, formatted the same way. Charts become PNGs through the same SVG →
//! PNG path as the charts' own PNG buttons.

use super::pillar::chart_size;
use super::slide::{fairness_sentence, Kind, Subject, SLIDES};
use crate::chart;
use crate::contract::{CommitmentStatus, Pillar, Side};
use crate::export::standalone_svg;
use crate::host::download::{self, DownloadError};
use crate::i18n::{fill, qbr::Qbr};
use crate::plan::Plan;
use crate::pptx::{Block, Deck, Slide};
use crate::score::{commitments, Scorecard};
use crate::ui::format::{Fmt, UNDEFINED};
use crate::ui::words;

/// A chart's SVG as a picture block; `alt` is what its slide's label says.
async fn picture(svg: &str, alt: String) -> Result<Block, DownloadError> {
    let file = standalone_svg(svg).map_err(|e| DownloadError::Failed(e.into()))?;
    let png = download::png_bytes(&file).await?;
    Ok(Block::Picture {
        png,
        width: file.width,
        height: file.height,
        alt,
    })
}

pub(super) fn band_text(fmt: &Fmt, band: Option<crate::score::Band>) -> String {
    band.map(|b| {
        let (icon, word) = words::band(fmt.m, b);
        format!("{icon} {word}")
    })
    .unwrap_or_default()
}

pub(super) fn side_name(subject: &Subject, fmt: &Fmt, side: Side) -> String {
    match side {
        Side::Vendor => subject.vendor.clone(),
        Side::Partner => fmt.m.partner.to_string(),
    }
}

/// The whole deck, in the viewer's language; `plan` is the plan on screen.
pub async fn deck(
    subject: &Subject,
    fmt: &Fmt,
    q: &'static Qbr,
    plan: Option<&Plan>,
) -> Result<Deck, DownloadError> {
    let mut slides = Vec::with_capacity(SLIDES.len());
    let Some(s) = subject.scorecard() else {
        return Err(DownloadError::Failed(UNDEFINED.into()));
    };
    for kind in SLIDES {
        let blocks = match kind {
            Kind::Summary => summary(subject, s, fmt, q).await?,
            Kind::Pillar(p) => pillar(subject, s, p, fmt, q).await?,
            Kind::Balance => balance(subject, s, fmt, q).await?,
            Kind::Alignment => alignment(subject, s, fmt),
            Kind::Targets => targets(s, fmt),
            Kind::Commitments => commitment_lists(subject, fmt, q),
            Kind::Plan => plan
                .map(|p| super::outline_plan::plan_blocks(subject, p, fmt, q))
                .unwrap_or_default(),
        };
        slides.push(Slide {
            title: kind.title(fmt.m, q).to_string(),
            blocks,
        });
    }
    Ok(Deck {
        title: fill(
            q.deck_label,
            &[
                ("name", subject.name()),
                ("period", &subject.period.to_string()),
            ],
        ),
        lang: fmt.locale.clone(),
        slides,
    })
}

async fn summary(
    subject: &Subject,
    s: &Scorecard,
    fmt: &Fmt,
    q: &Qbr,
) -> Result<Vec<Block>, DownloadError> {
    let m = fmt.m;
    let prev = s.trend.previous.as_ref();
    let lines = vec![
        format!("{}: {}", m.health, fmt.score(s.health)),
        format!(
            "{}: {} {} {}",
            m.fairness,
            fmt.ratio(s.fairness),
            band_text(fmt, s.band),
            s.balance.map(|b| words::balance(m, b)).unwrap_or_default()
        ),
        fairness_sentence(s, fmt, &subject.vendor),
    ];
    let rows = Pillar::MONEY
        .into_iter()
        .map(|p| {
            let per_side = prev.map(|c| c.totals(p)).unwrap_or_default();
            vec![
                words::pillar(m, p).to_string(),
                fmt.change(per_side.vendor, true),
                fmt.change(per_side.partner, true),
                fmt.change_points(prev.and_then(|c| c.shares.pillar(p))),
            ]
        })
        .collect();
    let h = chart::health_trend(
        &subject.model.book,
        subject.index,
        chart_size(1168, 220),
        &|v| fmt.number(v),
    );
    Ok(vec![
        Block::Text(lines),
        Block::Table {
            head: vec![
                q.pillar.into(),
                subject.vendor.clone(),
                m.partner.into(),
                m.partner_share.into(),
            ],
            rows,
        },
        picture(&h.svg, m.chart_health_title.to_string()).await?,
    ])
}

async fn pillar(
    subject: &Subject,
    s: &Scorecard,
    p: Pillar,
    fmt: &Fmt,
    q: &Qbr,
) -> Result<Vec<Block>, DownloadError> {
    let m = fmt.m;
    let last = subject.at(s.period.previous());
    let year = subject.at(s.period.year_before());
    let now = s.totals(p);
    let cell = |then: Option<&Scorecard>, side: Side| match then {
        None => UNDEFINED.to_string(),
        Some(t) => {
            let value = t.totals(p).get(side);
            format!(
                "{} ({})",
                fmt.compact(value),
                fmt.change(Some(now.get(side) - value), true)
            )
        }
    };
    let rows = Side::ALL
        .into_iter()
        .map(|side| {
            vec![
                side_name(subject, fmt, side),
                fmt.money(now.get(side)),
                cell(last, side),
                cell(year, side),
            ]
        })
        .collect();
    let period = |t: Option<&Scorecard>| t.map(|t| format!(" ({})", t.period)).unwrap_or_default();
    let c = super::pillar::pillar_chart(subject, p, fmt);
    let name = words::pillar(m, p);
    Ok(vec![
        Block::Table {
            head: vec![
                m.side.into(),
                format!("{} ({})", q.this_quarter, s.period),
                format!("{}{}", q.last_quarter, period(last)),
                format!("{}{}", q.year_ago, period(year)),
            ],
            rows,
        },
        Block::Text(vec![format!(
            "{}: {}",
            m.partner_share,
            fmt.percent(s.shares.pillar(p))
        )]),
        picture(&c.svg, fill(m.chart_pillar_title, &[("pillar", name)])).await?,
    ])
}

async fn balance(
    subject: &Subject,
    s: &Scorecard,
    fmt: &Fmt,
    q: &Qbr,
) -> Result<Vec<Block>, DownloadError> {
    let m = fmt.m;
    let super::pillar::BalanceCharts {
        fairness: f,
        quadrant,
        place,
    } = super::pillar::balance_charts(subject, s, fmt, q);
    Ok(vec![
        Block::Text(vec![
            format!(
                "{}: {} {} {}",
                m.fairness,
                fmt.ratio(s.fairness),
                band_text(fmt, s.band),
                s.balance.map(|b| words::balance(m, b)).unwrap_or_default()
            ),
            fairness_sentence(s, fmt, &subject.vendor),
        ]),
        picture(&f.svg, m.chart_fairness_title.to_string()).await?,
        picture(&quadrant.svg, place).await?,
    ])
}

/// Both sides' ratings of each statement as a table, flagged as on the slide.
fn alignment(subject: &Subject, s: &Scorecard, fmt: &Fmt) -> Vec<Block> {
    let v = fmt.v;
    let Some(a) = s.alignment.as_ref() else {
        return vec![Block::Text(vec![v.not_rated.to_string()])];
    };
    let rating = |r: Option<f64>| r.map_or_else(|| UNDEFINED.to_string(), |r| fmt.number(r));
    let rows = a
        .statements
        .iter()
        .map(|st| {
            let flag = if st.differs {
                format!("⚠ {}", v.seen_differently)
            } else if st.gap.is_none() {
                format!("◐ {}", v.one_side_only)
            } else {
                String::new()
            };
            vec![
                v.statement_label(&st.metric, &st.label).to_string(),
                rating(st.vendor),
                rating(st.partner),
                flag,
            ]
        })
        .collect();
    vec![
        Block::Text(vec![format!(
            "{}: {} · {}: {}",
            v.score,
            fmt.score(a.score),
            v.gap,
            a.gap
                .map_or_else(|| UNDEFINED.to_string(), |g| fmt.number(g))
        )]),
        Block::Table {
            head: vec![
                v.statement.to_string(),
                subject.vendor.clone(),
                s.partner_name.clone(),
                String::new(),
            ],
            rows,
        },
    ]
}

fn targets(s: &Scorecard, fmt: &Fmt) -> Vec<Block> {
    let m = fmt.m;
    if s.kpis.is_empty() {
        return vec![Block::Text(vec![m.no_targets.into()])];
    }
    let rows = s
        .kpis
        .iter()
        .map(|k| {
            let (icon, word) = words::status(m, k.status);
            vec![
                k.label.clone(),
                words::side(m, k.side).into(),
                fmt.number(k.value),
                fmt.number(k.target),
                fmt.percent(k.attainment),
                format!("{icon} {word}"),
            ]
        })
        .collect();
    vec![
        Block::Text(vec![format!("{} {}", m.health, fmt.score(s.health))]),
        Block::Table {
            head: vec![
                m.metric.into(),
                m.side.into(),
                m.actual.into(),
                m.target.into(),
                m.attainment.into(),
                m.status.into(),
            ],
            rows,
        },
    ]
}

fn commitment_lists(subject: &Subject, fmt: &Fmt, q: &Qbr) -> Vec<Block> {
    let m = fmt.m;
    let ds = &subject.model.ds;
    let Some(partner) = ds.partners.get(subject.index).map(|p| p.id.clone()) else {
        return vec![Block::Text(vec![q.none.into()])];
    };
    let now = commitments(ds, &partner, subject.period);
    let last_period = subject.period.previous();
    let last = last_period
        .map(|p| commitments(ds, &partner, p).current)
        .unwrap_or_default();
    let row = |c: &crate::contract::Commitment| {
        let (icon, word) = words::commitment(m, c.status);
        vec![
            format!("{icon} {word}"),
            c.text.clone(),
            side_name(subject, fmt, c.side),
            c.due.as_deref().map(|d| fmt.date(d)).unwrap_or_default(),
        ]
    };
    let head = vec![
        m.status.into(),
        m.commitments.into(),
        m.side.into(),
        m.due.into(),
    ];
    let period_text = last_period.map(|p| p.to_string()).unwrap_or_default();
    let open: Vec<Vec<String>> = now
        .current
        .iter()
        .filter(|c| c.status == CommitmentStatus::Open)
        .map(|c| row(c))
        .collect();
    let mut blocks = vec![Block::Text(vec![fill(
        q.last_quarter_commitments,
        &[("period", &period_text)],
    )])];
    blocks.push(if last.is_empty() {
        Block::Text(vec![q.none.into()])
    } else {
        Block::Table {
            head: head.clone(),
            rows: last.iter().map(|c| row(c)).collect(),
        }
    });
    blocks.push(Block::Text(vec![fill(
        q.open_this_quarter,
        &[("period", &subject.period.to_string())],
    )]));
    blocks.push(if open.is_empty() {
        Block::Text(vec![q.none.into()])
    } else {
        Block::Table { head, rows: open }
    });
    blocks
}

/// The deck bar's "Download PowerPoint (.pptx)": builds the file from the
/// outline and hands it to the browser; a failure is said next to the button.
pub fn download(
    state: crate::ui::state::State,
    subject: Subject,
    error: leptos::prelude::RwSignal<Option<String>>,
) {
    use leptos::prelude::*;
    let q = super::words(state);
    let fmt = crate::ui::fmt_for(state, &subject.model);
    let plan = state
        .plan
        .plan
        .get_untracked()
        .filter(|p| {
            Some(p.partner.as_str()) == subject.scorecard().map(|s| s.partner.as_str())
                && p.based_on == subject.period
        })
        // Not opened yet: the plan the slide would start from.
        .or_else(|| {
            Plan::prefill_for(
                &subject.model.ds,
                &subject.model.book,
                subject.index,
                subject.period,
            )
        });
    error.set(None);
    leptos::task::spawn_local(async move {
        let outcome = match deck(&subject, &fmt, q, plan.as_ref()).await {
            Ok(outline) => {
                let bytes = crate::pptx::write(&outline);
                let partner = subject
                    .scorecard()
                    .map(|s| s.partner.clone())
                    .unwrap_or_default();
                let period = subject.period.to_string();
                let name = format!("{}.pptx", crate::export::file_stem(&[&partner, &period]));
                download::save_bytes(
                    &bytes,
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    &name,
                )
                .map(|()| (partner, period))
            }
            Err(e) => Err(e),
        };
        match outcome {
            Ok((partner, period)) => state.fire(
                "scorecard-export",
                &[
                    ("format", wasm_bindgen::JsValue::from_str("pptx")),
                    ("partner", wasm_bindgen::JsValue::from_str(&partner)),
                    ("period", wasm_bindgen::JsValue::from_str(&period)),
                ],
            ),
            Err(e) => {
                let detail = e.message(fmt.m);
                let _ = error.try_set(Some(fill(q.plan.pptx_failed, &[("detail", &detail)])));
            }
        }
    });
}
