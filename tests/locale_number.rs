//! The plan slide's number inputs read what people type in their locale.

use partner_scorecard::locale_number::{parse, NumberError, Separators};

const DE: Separators = Separators {
    group: '.',
    decimal: ',',
};
const FR: Separators = Separators {
    group: '\u{202F}',
    decimal: ',',
};
const EN: Separators = Separators::EN;

#[test]
fn german_groups_and_decimals() {
    assert_eq!(parse("1.234,56", DE), Ok(1234.56));
    assert_eq!(parse("1234,56", DE), Ok(1234.56));
    assert_eq!(parse("1.234.567", DE), Ok(1_234_567.0));
    assert_eq!(parse(" 42 ", DE), Ok(42.0));
    assert_eq!(parse("0,5", DE), Ok(0.5));
    assert_eq!(parse(",5", DE), Ok(0.5));
    // In German the dot groups digits: "1.5" is a typo, never 1.5 nor 15.
    assert_eq!(parse("1.5", DE), Err(NumberError::Grouping));
    assert_eq!(parse("1,2,3", DE), Err(NumberError::NotANumber));
}

#[test]
fn english_and_indian_grouping() {
    assert_eq!(parse("1,234.56", EN), Ok(1234.56));
    assert_eq!(parse("1234.56", EN), Ok(1234.56));
    assert_eq!(parse("12,34,567.5", EN), Ok(1_234_567.5));
    assert_eq!(parse("1,23", EN), Err(NumberError::Grouping));
    assert_eq!(parse("1234,", EN), Err(NumberError::Grouping));
}

#[test]
fn french_spaces_of_any_kind_group() {
    assert_eq!(parse("1 234,5", FR), Ok(1234.5));
    assert_eq!(parse("1\u{A0}234,5", FR), Ok(1234.5));
    assert_eq!(parse("1\u{202F}234,5", FR), Ok(1234.5));
}

#[test]
fn signs() {
    assert_eq!(parse("-1.000", DE), Ok(-1000.0));
    assert_eq!(parse("−250", DE), Ok(-250.0));
    assert_eq!(parse("+7", EN), Ok(7.0));
    assert_eq!(parse("1-2", EN), Err(NumberError::NotANumber));
}

#[test]
fn not_numbers() {
    assert_eq!(parse("", EN), Err(NumberError::Empty));
    assert_eq!(parse("   ", EN), Err(NumberError::Empty));
    assert_eq!(parse("abc", EN), Err(NumberError::NotANumber));
    assert_eq!(parse("12a", EN), Err(NumberError::NotANumber));
    assert_eq!(parse("1.2.3", EN), Err(NumberError::NotANumber));
    assert_eq!(parse("-", EN), Err(NumberError::NotANumber));
    assert_eq!(parse("1e5", EN), Err(NumberError::NotANumber));
    assert_eq!(parse("1.", EN), Err(NumberError::NotANumber));
}

#[test]
fn separators_from_the_locale_sample() {
    assert_eq!(Separators::from_sample("12.345,6"), DE);
    assert_eq!(Separators::from_sample("12,345.6"), EN);
    assert_eq!(Separators::from_sample("12\u{202F}345,6"), FR);
    assert_eq!(
        Separators::from_sample("12345,6"),
        Separators {
            group: '.',
            decimal: ','
        }
    );
    assert_eq!(Separators::from_sample("?"), EN);
}
