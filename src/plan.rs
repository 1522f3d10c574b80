//! The plan both sides agree in a quarterly business review for the next
//! quarter: each side's planned investment, risk and expected reward, the
//! commitments they take home, and who signed it off. Format
//! `partner-scorecard-plan/v1` (docs/plan.md). Its fairness comes from the same
//! [`Fairness::of`] as a scorecard's, so a slide and `scorecard plan` agree.

use crate::contract::{Commitment, CommitmentStatus, Dataset, Quarter, Side, Thresholds};
use crate::score::{Fairness, PerSide, ScoreBook, Scorecard, Shares};
use serde::Serialize;
use serde_json::{Map, Value};

pub const SCHEMA: &str = "partner-scorecard-plan/v1";

/// What one side plans to put in, carry and take out next quarter.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Planned {
    pub investment: f64,
    pub risk: f64,
    pub reward: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct PlanSides {
    pub vendor: Planned,
    pub partner: Planned,
}

/// A promise for the plan's quarter; `carried_from` names the quarter of a
/// commitment that was still open at the review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanCommitment {
    pub side: Side,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<Quarter>,
}

/// One side's agreement: who, and when (an ISO timestamp, as the host's clock says).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SignOff {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Agreed {
    pub vendor: Option<SignOff>,
    pub partner: Option<SignOff>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub schema: &'static str,
    pub partner: String,
    /// The quarter reviewed, whose figures the plan started from.
    pub based_on: Quarter,
    /// The quarter planned: the one after `based_on`.
    pub period: Quarter,
    pub figures: PlanSides,
    pub commitments: Vec<PlanCommitment>,
    pub agreed: Agreed,
}

/// Why a plan is refused: where (a JSON Pointer) and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub location: String,
    pub reason: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.location.as_str() {
            "" => write!(f, "{}", self.reason),
            at => write!(f, "{at}: {}", self.reason),
        }
    }
}

/// Everything the plan slide shows, computed by the engine.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PlanFigures {
    pub contribution: PerSide,
    pub reward: PerSide,
    pub shares: Shares,
    pub fairness: Option<f64>,
    pub band: Option<crate::score::Band>,
    pub balance: Option<crate::score::Balance>,
    pub reward_rate: crate::score::PerSideOpt,
    pub fair_shift: Option<f64>,
    pub takes_all: Option<Side>,
}

impl Plan {
    /// The plan a review starts from: this quarter's totals, and every
    /// commitment still open at its end carried over.
    pub fn prefill(s: &Scorecard, still_open: &[&Commitment]) -> Option<Plan> {
        let side = |side: Side| Planned {
            investment: s.investment.get(side),
            risk: s.risk.get(side),
            reward: s.reward.get(side),
        };
        Some(Plan {
            schema: SCHEMA,
            partner: s.partner.clone(),
            based_on: s.period,
            period: s.period.next()?,
            figures: PlanSides {
                vendor: side(Side::Vendor),
                partner: side(Side::Partner),
            },
            commitments: still_open
                .iter()
                .filter(|c| c.status == CommitmentStatus::Open)
                .map(|c| PlanCommitment {
                    side: c.side,
                    text: c.text.clone(),
                    owner: None,
                    due: c.due.clone(),
                    carried_from: Some(c.period),
                })
                .collect(),
            agreed: Agreed::default(),
        })
    }

    /// The plan a review of `partner`'s `period` starts from, with the
    /// commitments of that quarter and earlier ones still open.
    pub fn prefill_for(
        ds: &Dataset,
        book: &ScoreBook,
        partner: usize,
        period: Quarter,
    ) -> Option<Plan> {
        let s = book.get(partner, period)?;
        let view = crate::score::commitments(ds, &s.partner, period);
        let open: Vec<&Commitment> = view
            .carried_over
            .iter()
            .chain(view.current.iter())
            .copied()
            .collect();
        Plan::prefill(s, &open)
    }

    pub fn figures(&self, t: &Thresholds) -> PlanFigures {
        let (v, p) = (self.figures.vendor, self.figures.partner);
        let side = |a: f64, b: f64| PerSide {
            vendor: a,
            partner: b,
        };
        let (investment, risk) = (side(v.investment, p.investment), side(v.risk, p.risk));
        let reward = side(v.reward, p.reward);
        let contribution = crate::score::contribution(investment, risk);
        let f = Fairness::of(contribution, reward, t);
        PlanFigures {
            contribution,
            reward,
            shares: Shares::of(investment, risk, reward),
            fairness: f.ratio,
            band: f.band,
            balance: f.balance,
            reward_rate: f.reward_rate,
            fair_shift: f.fair_shift,
            takes_all: f.takes_all,
        }
    }

    /// The same plan with the fair shift moved, so that F = 1 (where it can be).
    /// Any change to the figures clears both agreements.
    pub fn fair_split(&self, t: &Thresholds) -> Plan {
        let mut plan = self.clone();
        if let Some(shift) = self.figures(t).fair_shift {
            plan.figures.partner.reward += shift;
            plan.figures.vendor.reward -= shift;
            plan.agreed = Agreed::default();
        }
        plan
    }

    /// Applies `change`; if it changed anything but the sign-off, both
    /// agreements are cleared (they were given to the plan as it was).
    /// Returns whether an agreement was cleared, so the slide can say so.
    pub fn edit(&mut self, change: impl FnOnce(&mut Plan)) -> bool {
        let before = self.clone();
        change(self);
        let mut unsigned = self.clone();
        unsigned.agreed = before.agreed.clone();
        let changed = unsigned != before;
        let had = before.agreed.vendor.is_some() || before.agreed.partner.is_some();
        if changed && had {
            self.agreed = Agreed::default();
        }
        changed && had
    }

    pub fn planned_mut(&mut self, side: Side) -> &mut Planned {
        match side {
            Side::Vendor => &mut self.figures.vendor,
            Side::Partner => &mut self.figures.partner,
        }
    }

    pub fn planned(&self, side: Side) -> Planned {
        match side {
            Side::Vendor => self.figures.vendor,
            Side::Partner => self.figures.partner,
        }
    }

    pub fn sign_off_mut(&mut self, side: Side) -> &mut Option<SignOff> {
        match side {
            Side::Vendor => &mut self.agreed.vendor,
            Side::Partner => &mut self.agreed.partner,
        }
    }

    /// Both sides signed it off.
    pub fn agreed_by_both(&self) -> bool {
        self.agreed.vendor.is_some() && self.agreed.partner.is_some()
    }

    /// The plan's commitments as feed `commitments`, open, in the planned quarter.
    pub fn commitment_records(&self) -> Vec<Value> {
        self.commitments
            .iter()
            .map(|c| {
                let mut o = Map::new();
                o.insert("partner".into(), self.partner.clone().into());
                o.insert("period".into(), self.period.to_string().into());
                o.insert("side".into(), c.side.as_str().into());
                o.insert("text".into(), c.text.clone().into());
                if let Some(d) = &c.due {
                    o.insert("due".into(), d.clone().into());
                }
                o.insert("status".into(), "open".into());
                // Not part of the feed contract yet: readers ignore unknown members.
                if let Some(w) = &c.owner {
                    o.insert("owner".into(), w.clone().into());
                }
                Value::Object(o)
            })
            .collect()
    }

    /// A plan must be for a partner of the feed, start from a quarter the feed
    /// has a scorecard of, and plan the quarter after it.
    pub fn check_against(&self, ds: &Dataset, book: &ScoreBook) -> Result<(), Refusal> {
        let refuse = |location: &str, reason: String| Refusal {
            location: location.into(),
            reason,
        };
        let Some(i) = ds.partner_index(&self.partner) else {
            return Err(refuse(
                "/partner",
                format!(
                    "the plan is for partner \"{}\", which the data does not have",
                    self.partner
                ),
            ));
        };
        if book.get(i, self.based_on).is_none() {
            return Err(refuse(
                "/based_on",
                format!(
                    "the plan starts from {}, but the data has no scorecard of \"{}\" for that quarter",
                    self.based_on, self.partner
                ),
            ));
        }
        Ok(())
    }
}

impl Planned {
    pub fn get(&self, p: crate::contract::Pillar) -> f64 {
        use crate::contract::Pillar;
        match p {
            Pillar::Investment => self.investment,
            Pillar::Risk => self.risk,
            Pillar::Reward | Pillar::Alignment => self.reward,
        }
    }

    pub fn set(&mut self, p: crate::contract::Pillar, v: f64) {
        use crate::contract::Pillar;
        match p {
            Pillar::Investment => self.investment = v,
            Pillar::Risk => self.risk = v,
            Pillar::Reward | Pillar::Alignment => self.reward = v,
        }
    }
}

/// Whether `v` can be planned for pillar `p`: the rule `parse` applies
/// (finite; only a reward may be negative), so the slide never makes a plan
/// the format refuses.
pub fn amount_allowed(p: crate::contract::Pillar, v: f64) -> bool {
    v.is_finite() && (v >= 0.0 || p == crate::contract::Pillar::Reward)
}

/// Whether a commitment can be kept in a plan: text, and a due date (if any)
/// that is a calendar date, as `parse` requires.
pub fn commitment_allowed(c: &PlanCommitment) -> bool {
    !c.text.trim().is_empty()
        && c.due
            .as_deref()
            .is_none_or(crate::contract::validate::is_iso_date)
}

/// Reads a `partner-scorecard-plan/v1` document, refusing it whole at its first problem.
pub fn parse(bytes: &[u8]) -> Result<Plan, Refusal> {
    let refuse = |location: &str, reason: String| Refusal {
        location: location.into(),
        reason,
    };
    let doc: Value = serde_json::from_slice(bytes)
        .map_err(|e| refuse("", format!("the plan is not valid JSON: {e}")))?;
    let Value::Object(o) = doc else {
        return Err(refuse(
            "",
            format!("a plan must be a JSON object with \"schema\": \"{SCHEMA}\""),
        ));
    };
    match o.get("schema") {
        Some(Value::String(s)) if s == SCHEMA => {}
        Some(Value::String(s)) => {
            return Err(refuse(
                "/schema",
                format!("schema \"{s}\" is not supported: a plan is \"{SCHEMA}\""),
            ))
        }
        _ => {
            return Err(refuse(
                "/schema",
                format!("the plan has no \"schema\": add \"schema\": \"{SCHEMA}\""),
            ))
        }
    }
    let text = |o: &Map<String, Value>, key: &str, at: &str| -> Result<String, Refusal> {
        match o.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
            _ => Err(refuse(
                &format!("{at}/{key}"),
                format!("{key} is missing or empty"),
            )),
        }
    };
    let opt_text =
        |o: &Map<String, Value>, key: &str, at: &str| -> Result<Option<String>, Refusal> {
            match o.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(refuse(
                    &format!("{at}/{key}"),
                    format!("{key} must be text"),
                )),
            }
        };
    let quarter = |o: &Map<String, Value>, key: &str, at: &str| -> Result<Quarter, Refusal> {
        text(o, key, at)?
            .parse::<Quarter>()
            .map_err(|e| refuse(&format!("{at}/{key}"), e))
    };
    let partner = text(&o, "partner", "")?;
    let based_on = quarter(&o, "based_on", "")?;
    let period = quarter(&o, "period", "")?;
    if based_on.next() != Some(period) {
        return Err(refuse(
            "/period",
            format!("the plan is for {period}, but a plan made in the review of {based_on} is for the quarter after it"),
        ));
    }
    let object = |v: Option<&Value>, at: &str| -> Result<Map<String, Value>, Refusal> {
        match v {
            Some(Value::Object(m)) => Ok(m.clone()),
            _ => Err(refuse(at, "must be an object".into())),
        }
    };
    let figures = object(o.get("figures"), "/figures")?;
    let side_figures = |side: &str| -> Result<Planned, Refusal> {
        let at = format!("/figures/{side}");
        let f = object(figures.get(side), &at)?;
        let amount = |key: &str| match f.get(key).and_then(Value::as_f64) {
            Some(v) if v.is_finite() && (v >= 0.0 || key == "reward") => Ok(v),
            _ => Err(refuse(
                &format!("{at}/{key}"),
                format!("{key} must be a number (0 or more; only a reward may be negative)"),
            )),
        };
        Ok(Planned {
            investment: amount("investment")?,
            risk: amount("risk")?,
            reward: amount("reward")?,
        })
    };
    let figures = PlanSides {
        vendor: side_figures("vendor")?,
        partner: side_figures("partner")?,
    };
    let mut commitments = Vec::new();
    match o.get("commitments") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("/commitments/{i}");
                let c = object(Some(item), &at)?;
                let side = text(&c, "side", &at)?
                    .parse::<Side>()
                    .map_err(|e| refuse(&format!("{at}/side"), e))?;
                let due = opt_text(&c, "due", &at)?;
                if let Some(d) = due
                    .as_deref()
                    .filter(|d| !crate::contract::validate::is_iso_date(d))
                {
                    return Err(refuse(
                        &format!("{at}/due"),
                        format!("due \"{d}\" is not a calendar date like \"2026-12-15\""),
                    ));
                }
                let carried_from = match opt_text(&c, "carried_from", &at)? {
                    Some(q) => Some(
                        q.parse::<Quarter>()
                            .map_err(|e| refuse(&format!("{at}/carried_from"), e))?,
                    ),
                    None => None,
                };
                commitments.push(PlanCommitment {
                    side,
                    text: text(&c, "text", &at)?,
                    owner: opt_text(&c, "owner", &at)?.filter(|w| !w.trim().is_empty()),
                    due,
                    carried_from,
                });
            }
        }
        Some(_) => {
            return Err(refuse(
                "/commitments",
                "commitments must be an array".into(),
            ))
        }
    }
    let mut agreed = Agreed::default();
    if let Some(a) = o.get("agreed").filter(|a| !a.is_null()) {
        let a = object(Some(a), "/agreed")?;
        for side in Side::ALL {
            let at = format!("/agreed/{}", side.as_str());
            let sign = match a.get(side.as_str()) {
                None | Some(Value::Null) => None,
                Some(v) => {
                    let s = object(Some(v), &at)?;
                    Some(SignOff {
                        name: text(&s, "name", &at)?,
                        at: opt_text(&s, "at", &at)?,
                    })
                }
            };
            match side {
                Side::Vendor => agreed.vendor = sign,
                Side::Partner => agreed.partner = sign,
            }
        }
    }
    Ok(Plan {
        schema: SCHEMA,
        partner,
        based_on,
        period,
        figures,
        commitments,
        agreed,
    })
}
