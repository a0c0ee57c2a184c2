//! Deadlines as people write them, and Excel's serial dates.

use super::super::date;
use crate::domain::sheet_in::when::{number_day, read_when, serial_day, serial_of, DateSystem, When};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

#[test]
fn deadlines_read_as_people_write_them() {
    let y = 2023;
    let on = |s: &str| read_when(s, y);
    assert_eq!(on("2023-12-31"), When::On(date(2023, 12, 31)));
    assert_eq!(on("2023/6/30"), When::On(date(2023, 6, 30)));
    assert_eq!(on("2023.6.30"), When::On(date(2023, 6, 30)));
    assert_eq!(on("2023年12月31日"), When::On(date(2023, 12, 31)));
    assert_eq!(on("2023年12月底"), When::On(date(2023, 12, 31)));
    assert_eq!(on("2024年2月底前"), When::On(date(2024, 2, 29)));
    assert_eq!(on("12月底"), When::On(date(2023, 12, 31)));
    assert_eq!(on("年底"), When::On(date(2023, 12, 31)));
    assert_eq!(on("年底前"), When::On(date(2023, 12, 31)));
    assert_eq!(on("年内"), When::On(date(2023, 12, 31)));
    assert_eq!(on("6月30日前"), When::On(date(2023, 6, 30)));
    assert_eq!(on("6月30号"), When::On(date(2023, 6, 30)));
    assert_eq!(on("第三季度"), When::On(date(2023, 9, 30)));
    assert_eq!(on("三季度末"), When::On(date(2023, 9, 30)));
    assert_eq!(on("2023年第一季度"), When::On(date(2023, 3, 31)));
    assert_eq!(on("上半年"), When::On(date(2023, 6, 30)));
    assert_eq!(on("下半年"), When::On(date(2023, 12, 31)));
    assert_eq!(on("二〇二三年十二月三十一日"), When::On(date(2023, 12, 31)));
    assert_eq!(on("十月底前完成"), When::On(date(2023, 10, 31)));
    assert_eq!(on("２０２３年６月３０日"), When::On(date(2023, 6, 30)));
    assert_eq!(on("6.30前"), When::On(date(2023, 6, 30)));
    assert_eq!(on(" 2023 年 9 月 "), When::On(date(2023, 9, 30)));
    assert_eq!(on("2023年"), When::On(date(2023, 12, 31)));
}

#[test]
fn several_days_give_the_last_and_a_range_its_end() {
    assert_eq!(read_when("6月底前完成方案，12月底前完成建设", 2023), When::Last(date(2023, 12, 31)));
    assert_eq!(read_when("2022年3月-12月", 2023), When::Last(date(2022, 12, 31)));
    assert_eq!(read_when("2022年3月至2023年6月", 2023), When::Last(date(2023, 6, 30)));
}

#[test]
fn work_that_goes_on_has_no_deadline_and_nonsense_is_unreadable() {
    assert_eq!(read_when("长期坚持", 2023), When::Ongoing);
    assert_eq!(read_when("持续推进", 2023), When::Ongoing);
    assert_eq!(read_when("每月", 2023), When::Ongoing);
    assert_eq!(read_when("", 2023), When::Blank);
    assert_eq!(read_when(" — ", 2023), When::Blank);
    assert_eq!(read_when("尽快", 2023), When::Unreadable);
    assert_eq!(read_when("2023年13月", 2023), When::Unreadable);
    assert_eq!(read_when("2月30日", 2023), When::Unreadable);
    assert_eq!(read_when("一批项目", 2023), When::Unreadable);
    assert_eq!(When::Ongoing.day(), None);
}

#[test]
fn excel_serial_dates_in_both_systems() {
    assert_eq!(serial_day(45291.0, DateSystem::From1900), Some(date(2023, 12, 31)));
    assert_eq!(serial_day(45291.75, DateSystem::From1900), Some(date(2023, 12, 31)));
    assert_eq!(serial_day(43829.0, DateSystem::From1904), Some(date(2023, 12, 31)));
    assert_eq!(serial_day(61.0, DateSystem::From1900), Some(date(1900, 3, 1)));
    // Excel's 29 February 1900, which never was, and nonsense.
    assert_eq!(serial_day(60.0, DateSystem::From1900), None);
    assert_eq!(serial_day(-3.0, DateSystem::From1900), None);
    assert_eq!(serial_day(f64::NAN, DateSystem::From1900), None);
    assert_eq!(serial_day(1e12, DateSystem::From1900), None);
    // A number in a deadline column is a date only when it is a plausible one.
    assert_eq!(number_day(3.0, DateSystem::From1900), None);
    assert_eq!(number_day(45291.0, DateSystem::From1900), Some(date(2023, 12, 31)));
}

fn last_of(y: i32, m: u32) -> NaiveDate {
    let next = if m == 12 { date(y + 1, 1, 1) } else { date(y, m + 1, 1) };
    next.pred_opt().unwrap()
}

/// Digits as a Chinese document may write them.
fn zh_number(n: u32) -> String {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    match n {
        0..=9 => D[n as usize].to_string(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[(n % 10) as usize]),
        _ if n.is_multiple_of(10) => format!("{}十", D[(n / 10) as usize]),
        _ => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
    }
}

fn zh_year(y: i32) -> String {
    y.to_string().chars().map(|c| ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'][c.to_digit(10).unwrap() as usize]).collect()
}

fn full_width(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap() } else { c }).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any day, written in any of the ways a table writes a day, reads back
    /// as that day, with or without "前" after it.
    #[test]
    fn a_day_written_any_way_reads_back(days in 0i64..(365 * 150), form in 0usize..8, before in any::<bool>(), plan_year in 1990i32..2090) {
        let d = date(1950, 1, 1) + chrono::Duration::days(days);
        let (y, m, dd) = (d.year(), d.month(), d.day());
        let text = match form {
            0 => format!("{y}-{m:02}-{dd:02}"),
            1 => format!("{y}/{m}/{dd}"),
            2 => format!("{y}.{m}.{dd}"),
            3 => format!("{y}年{m}月{dd}日"),
            4 => format!("{y}年{m}月{dd}号"),
            5 => full_width(&format!("{y}年{m}月{dd}日")),
            6 => format!("{}年{}月{}日", zh_year(y), zh_number(m), zh_number(dd)),
            _ => format!("{y} 年 {m} 月 {dd} 日"),
        };
        let text = if before { format!("{text}前") } else { text };
        prop_assert_eq!(read_when(&text, plan_year), When::On(d));
    }

    /// A month without a day is its last day; the plan's year fills a
    /// year left out.
    #[test]
    fn a_month_reads_as_its_last_day(y in 1990i32..2090, m in 1u32..=12, form in 0usize..4) {
        let text = match form {
            0 => format!("{y}年{m}月底"),
            1 => format!("{m}月底前"),
            2 => format!("{}月末", zh_number(m)),
            _ => format!("{y}-{m}"),
        };
        prop_assert_eq!(read_when(&text, y), When::On(last_of(y, m)));
    }

    /// A serial date and the day it stands for go both ways.
    #[test]
    fn serial_dates_go_both_ways(days in 0i64..(365 * 150)) {
        let d = date(1950, 1, 1) + chrono::Duration::days(days);
        prop_assert_eq!(serial_day(serial_of(d), DateSystem::From1900), Some(d));
        prop_assert_eq!(serial_day(serial_of(d) - 1462.0, DateSystem::From1904), Some(d));
    }

    /// Whatever is typed, the reader answers and never panics; a day it
    /// gives is a real one.
    #[test]
    fn any_text_is_answered(text in "\\PC{0,40}", y in 1900i32..2200) {
        let _ = read_when(&text, y).day();
    }

    /// Text made of date words and digits, the likeliest to trip a scanner.
    #[test]
    fn date_like_noise_is_answered(text in "[0-9０-９年月日号底末前第季度上下半至/.十一二三〇-]{0,24}", y in 1990i32..2090) {
        let _ = read_when(&text, y);
    }
}
