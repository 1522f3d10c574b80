//! The widget's stylesheets without comments and needless spaces, for the
//! `include_str!`s of `src/embed/mod.rs` and `src/ui/lazy.rs`: the comments
//! explain the CSS to us, and would otherwise ship in the wasm (measured:
//! 370 B of the first download's brotli, 1.8 KB in all).

use std::{env, fs, path::Path};

const SHEETS: [&str; 5] = ["widget", "qbr", "plan", "portfolio", "quadrant"];

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=build.rs");
    for name in SHEETS {
        let src = format!("style/{name}.css");
        println!("cargo:rerun-if-changed={src}");
        let css = fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        fs::write(Path::new(&out).join(format!("{name}.css")), minify(&css))
            .unwrap_or_else(|e| panic!("writing {name}.css: {e}"));
    }
}

/// Drops comments, folds every run of white space into one space, and drops
/// the spaces next to `{ } ; , >`, where CSS never needs them. Quoted text is
/// copied as it is. Spaces elsewhere are kept: in a selector `a :hover` is not
/// `a:hover`, and in `calc()` the spaces around `-` are required.
fn minify(css: &str) -> String {
    const TIGHT: &[char] = &['{', '}', ';', ',', '>'];
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut space, c, TIGHT);
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            c => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                push_space(&mut out, &mut space, c, TIGHT);
                out.push(c);
            }
        }
    }
    out
}

/// A pending space is written only between two characters that need it.
fn push_space(out: &mut String, space: &mut bool, next: char, tight: &[char]) {
    if *space && !out.is_empty() && !out.ends_with(tight) && !tight.contains(&next) {
        out.push(' ');
    }
    *space = false;
}
