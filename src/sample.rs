//! Deterministic sample data (placeholder; being written).

/// What to generate.
#[derive(Debug, Clone)]
pub struct SampleOptions {
    pub partners: usize,
    pub quarters: usize,
    pub seed: u64,
}

/// A `partner-scorecard/v1` JSON document.
pub fn generate(opts: &SampleOptions) -> String {
    let _ = opts;
    String::new()
}
