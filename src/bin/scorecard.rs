//! `scorecard`: the native command for portal pipelines — check a feed, score
//! it to JSON, export scorecards as CSV, or write sample data. Exit status: 0 nothing rejected, 1 some
//! entries rejected (output still printed), 2 usage error or unreadable data.

use partner_scorecard::contract::{self, Counts, Dataset, Format, Quarter, Rejection};
use partner_scorecard::sample::{self, SampleOptions};
use partner_scorecard::score::{ScoreBook, Scorecard};
use serde::Serialize;
use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
scorecard: the joint vendor/partner scorecard on the command line

usage:
  scorecard check FILE [--format json|csv]
      Validate a partner-scorecard/v1 feed. Prints every rejection as
      LOCATION: REASON, then warnings, then a count line.
  scorecard score FILE [--partner ID] [--period YYYY-Qn] [--pretty] [--format json|csv]
      Score the feed and print the scorecards, rejections and counts as JSON.
  scorecard export FILE [--partner ID] [--period YYYY-Qn] [--format json|csv]
      Print the selected scorecards as CSV: one row per figure, then one per KPI.
  scorecard plan FEED PLAN [--pretty] [--format json|csv]
      Read a partner-scorecard-plan/v1 PLAN made in the review of a quarter of
      FEED and print its figures (the plan slide's numbers) and its commitments
      as feed records for the planned quarter, as JSON.
  scorecard sample [--partners N] [--quarters Q] [--seed S] [--format json|csv] [-o FILE]
      Write deterministic sample data (default 12 partners, 8 quarters, seed 7)
      to FILE or standard output.
  scorecard --help

FILE may be - for standard input. A name ending in .csv, or --format csv, reads
CSV; otherwise the format is told from the name and the first byte.

exit status: 0 nothing rejected, 1 something rejected (the output is still
printed), 2 usage error, unreadable file or unreadable data.
";

/// Why a command stopped early; both exit with status 2.
enum Stop {
    /// The command line is wrong: the message and a pointer to --help.
    Usage(String),
    /// The input cannot be read or scored at all.
    Error(String),
}

fn main() -> ExitCode {
    let args: Result<Vec<String>, _> = std::env::args_os()
        .skip(1)
        .map(|a| a.into_string())
        .collect();
    let result = match args {
        Ok(args) => run(&args),
        Err(bad) => Err(Stop::Usage(format!("argument {bad:?} is not valid UTF-8"))),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Stop::Usage(message)) => {
            eprintln!("scorecard: {message}\nrun `scorecard --help` for usage");
            ExitCode::from(2)
        }
        Err(Stop::Error(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, Stop> {
    let Some((command, rest)) = args.split_first() else {
        eprint!("{USAGE}");
        return Ok(2);
    };
    if command == "help" || args.iter().any(|a| a == "--help" || a == "-h") {
        print!("{USAGE}");
        return Ok(0);
    }
    match command.as_str() {
        "check" => check(rest),
        "score" => score(rest),
        "export" => export(rest),
        "plan" => plan(rest),
        "sample" => write_sample(rest),
        other if other.starts_with('-') => Err(Stop::Usage(format!("unknown option {other}"))),
        other => Err(Stop::Usage(format!(
            "unknown command \"{other}\": use check, score, export, plan or sample"
        ))),
    }
}

/// `scorecard check FILE`: rejections, warnings and a count line.
fn check(args: &[String]) -> Result<u8, Stop> {
    let given = Given::parse(args, &["--format"], &[])?;
    let ds = load(&given)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let printed = (|| {
        for r in &ds.rejected {
            writeln!(out, "{r}")?;
        }
        for w in &ds.warnings {
            writeln!(out, "warning: {w}")?;
        }
        writeln!(out, "{}", count_line(&ds.counts))?;
        out.flush()
    })();
    written(printed)?;
    Ok(status(&ds))
}

/// `1200 records: 1195 accepted, 5 rejected`.
fn count_line(c: &Counts) -> String {
    let s = if c.input == 1 { "" } else { "s" };
    format!(
        "{} record{s}: {} accepted, {} rejected",
        c.input, c.accepted, c.rejected
    )
}

/// 1 when anything (a record or a declaration) was rejected, else 0.
fn status(ds: &Dataset) -> u8 {
    u8::from(!ds.rejected.is_empty())
}

/// What `scorecard score` prints.
#[derive(Serialize)]
struct ScoreOutput<'a> {
    currency: &'a str,
    periods: Vec<Quarter>,
    scorecards: Vec<&'a Scorecard>,
    rejected: &'a [Rejection],
    warnings: &'a [Rejection],
    counts: Counts,
}

/// The scorecards `--partner` and `--period` select, with the periods they cover.
fn select<'a>(
    given: &Given,
    ds: &Dataset,
    book: &'a ScoreBook,
) -> Result<(Vec<Quarter>, Vec<&'a Scorecard>), Stop> {
    let period = match given.value("--period") {
        Some(p) => Some(p.parse::<Quarter>().map_err(Stop::Usage)?),
        None => None,
    };
    let partner = match given.value("--partner") {
        Some(id) => Some(
            ds.partner_index(id)
                .ok_or_else(|| Stop::Error(unknown_partner(ds, id)))?,
        ),
        None => None,
    };
    let periods = match period {
        Some(q) if !book.periods.contains(&q) => {
            return Err(Stop::Error(format!(
                "period {q} has no records: {}",
                coverage(&book.periods)
            )))
        }
        Some(q) => vec![q],
        None => book.periods.clone(),
    };
    let scorecards = book
        .scorecards
        .iter()
        .filter(|s| partner.is_none_or(|i| s.partner_index == i))
        .filter(|s| period.is_none_or(|q| s.period == q))
        .collect();
    Ok((periods, scorecards))
}

/// `scorecard score FILE`: the scorecards as JSON, optionally of one partner or period.
fn score(args: &[String]) -> Result<u8, Stop> {
    let given = Given::parse(args, &["--format", "--partner", "--period"], &["--pretty"])?;
    let ds = load(&given)?;
    let book = ScoreBook::new(&ds);
    let (periods, scorecards) = select(&given, &ds, &book)?;
    let output = ScoreOutput {
        currency: &ds.currency,
        periods,
        scorecards,
        rejected: &ds.rejected,
        warnings: &ds.warnings,
        counts: ds.counts,
    };
    print_json(&output, given.flag("--pretty"))?;
    Ok(status(&ds))
}

/// JSON on standard output, one line or `--pretty`, with a final newline.
fn print_json(value: &impl Serialize, pretty: bool) -> Result<(), Stop> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let printed = match pretty {
        true => serde_json::to_writer_pretty(&mut out, value),
        false => serde_json::to_writer(&mut out, value),
    };
    written(
        printed
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
            .and_then(|()| out.flush()),
    )
}

/// `scorecard export FILE`: the selected scorecards as CSV, the QBR handout's numbers.
fn export(args: &[String]) -> Result<u8, Stop> {
    let given = Given::parse(args, &["--format", "--partner", "--period"], &[])?;
    let ds = load(&given)?;
    let book = ScoreBook::new(&ds);
    let (_, scorecards) = select(&given, &ds, &book)?;
    let text = partner_scorecard::export::scorecards_csv(scorecards);
    written(io::stdout().lock().write_all(text.as_bytes()))?;
    Ok(status(&ds))
}

fn unknown_partner(ds: &Dataset, id: &str) -> String {
    match ds.partners.as_slice() {
        [] => format!("unknown partner \"{id}\": the data declares no partners"),
        [only] => format!(
            "unknown partner \"{id}\": the data has 1 partner, \"{}\"",
            only.id
        ),
        [first, ..] => format!(
            "unknown partner \"{id}\": the data has {} partners, e.g. \"{}\"",
            ds.partners.len(),
            first.id
        ),
    }
}

fn coverage(periods: &[Quarter]) -> String {
    match periods {
        [] => "the data has no accepted records".to_string(),
        [only] => format!("the data has only {only}"),
        [first, .., last] => format!("the data covers {first} to {last}"),
    }
}

/// `scorecard sample`: deterministic sample data to a file or standard output.
fn write_sample(args: &[String]) -> Result<u8, Stop> {
    let names = [
        "--partners",
        "--quarters",
        "--seed",
        "--format",
        "-o",
        "--output",
    ];
    let given = Given::parse(args, &names, &[])?;
    if let Some(extra) = given.files.first() {
        return Err(Stop::Usage(format!(
            "sample takes no FILE (got \"{extra}\"); use -o FILE to write to a file"
        )));
    }
    let number = |name: &str, default: u64| -> Result<u64, Stop> {
        match given.value(name) {
            None => Ok(default),
            Some(v) => v.parse::<u64>().map_err(|_| {
                Stop::Usage(format!(
                    "{name} needs a whole number of 0 or more, got \"{v}\""
                ))
            }),
        }
    };
    let defaults = SampleOptions::default();
    let opts = SampleOptions {
        partners: usize::try_from(number("--partners", defaults.partners as u64)?)
            .map_err(|_| Stop::Usage("--partners is too large".into()))?,
        quarters: usize::try_from(number("--quarters", defaults.quarters as u64)?)
            .map_err(|_| Stop::Usage("--quarters is too large".into()))?,
        seed: number("--seed", defaults.seed)?,
    };
    let path = given.value("-o").or(given.value("--output"));
    let csv = match given.value("--format") {
        Some("csv") => true,
        Some("json") => false,
        Some(other) => return Err(bad_format(other)),
        None => path.is_some_and(|p| p.to_ascii_lowercase().ends_with(".csv")),
    };
    let write = |w: &mut dyn Write| match csv {
        true => sample::write_csv(&opts, w),
        false => sample::write_json(&opts, w),
    };
    match path {
        Some(path) if path != "-" => {
            let mut file = std::fs::File::create(path)
                .map_err(|e| Stop::Error(format!("cannot create {path}: {e}")))?;
            write(&mut file).map_err(|e| Stop::Error(format!("cannot write {path}: {e}")))?;
        }
        _ => written(write(&mut io::stdout().lock()))?,
    }
    Ok(0)
}

fn bad_format(other: &str) -> Stop {
    Stop::Usage(format!("--format must be json or csv, got \"{other}\""))
}

/// `scorecard plan FEED PLAN`: the plan's figures and commitments, or why it is refused.
fn plan(args: &[String]) -> Result<u8, Stop> {
    let given = Given::parse(args, &["--format"], &["--pretty"])?;
    let (feed, plan_file) = match given.files.as_slice() {
        [feed, plan] => (feed.as_str(), plan.as_str()),
        _ => return Err(Stop::Usage("plan needs FEED and PLAN".into())),
    };
    let ds = load_file(feed, &given)?;
    let book = ScoreBook::new(&ds);
    let plan = partner_scorecard::plan::parse(&read(plan_file)?)
        .and_then(|p| p.check_against(&ds, &book).map(|()| p))
        .map_err(|r| Stop::Error(format!("the plan {plan_file} is refused: {r}")))?;
    let output = serde_json::json!({
        "schema": plan.schema,
        "partner": plan.partner,
        "based_on": plan.based_on,
        "period": plan.period,
        "currency": ds.currency,
        "figures": plan.figures(&ds.thresholds),
        "agreed": plan.agreed,
        "agreed_by_both": plan.agreed_by_both(),
        "commitments": plan.commitment_records(),
    });
    print_json(&output, given.flag("--pretty"))?;
    Ok(0)
}

/// Reads FILE (or standard input for `-`) and validates it.
fn load(given: &Given) -> Result<Dataset, Stop> {
    match given.files.as_slice() {
        [file] => load_file(file, given),
        [] => Err(Stop::Usage(
            "missing FILE (use - for standard input)".into(),
        )),
        [_, extra, ..] => Err(Stop::Usage(format!("one FILE only; \"{extra}\" is extra"))),
    }
}

fn read(file: &str) -> Result<Vec<u8>, Stop> {
    if file == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Stop::Error(format!("cannot read standard input: {e}")))?;
        Ok(bytes)
    } else {
        std::fs::read(file).map_err(|e| Stop::Error(format!("cannot read {file}: {e}")))
    }
}

fn load_file(file: &str, given: &Given) -> Result<Dataset, Stop> {
    let bytes = read(file)?;
    let format = match given.value("--format") {
        Some("json") => Format::Json,
        Some("csv") => Format::Csv,
        Some(other) => return Err(bad_format(other)),
        None if file.to_ascii_lowercase().ends_with(".csv") => Format::Csv,
        None => Format::detect(None, (file != "-").then_some(file), &bytes),
    };
    contract::parse(&bytes, format).map_err(|fatal| Stop::Error(fatal.to_string()))
}

/// A closed reader of our output (`| head`) is not an error worth a message.
fn written(result: io::Result<()>) -> Result<(), Stop> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(Stop::Error(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// The command line after the command: FILEs, `--name value` (or `--name=value`)
/// options and bare flags. Anything else is a usage error.
#[derive(Default)]
struct Given {
    files: Vec<String>,
    values: Vec<(String, String)>,
    flags: Vec<String>,
}

impl Given {
    fn parse(args: &[String], with_value: &[&str], flags: &[&str]) -> Result<Given, Stop> {
        let mut given = Given::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if arg == "-" || !arg.starts_with('-') {
                given.files.push(arg.clone());
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (arg.as_str(), None),
            };
            if with_value.contains(&name) {
                let value = match inline {
                    Some(v) => v,
                    None => args
                        .next()
                        .cloned()
                        .ok_or_else(|| Stop::Usage(format!("{name} needs a value")))?,
                };
                given.values.push((name.to_string(), value));
            } else if flags.contains(&name) && inline.is_none() {
                given.flags.push(name.to_string());
            } else {
                return Err(Stop::Usage(format!("unknown option {arg}")));
            }
        }
        Ok(given)
    }

    /// The last value given for `name`.
    fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }
}
