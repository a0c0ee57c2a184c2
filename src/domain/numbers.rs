//! Numbers as people read them, and one way to sort. Both exist to keep
//! the browser build small: fixed-point text without the float formatting
//! machinery, and a sort compiled once per key type instead of once per
//! call site.

/// `v` with `places` decimals (rounded half away from zero), e.g.
/// `fixed(12.345, 1)` is "12.3"; not-a-number is "0".
pub fn fixed(v: f64, places: u8) -> String {
    let scale = 10_i64.pow(places as u32) as f64;
    let scaled = (v * scale).round();
    if !scaled.is_finite() || scaled.abs() >= 9.0e15 {
        return if v.is_finite() { format!("{}", v.round()) } else { "0".into() };
    }
    let n = scaled as i64;
    let (sign, n) = if n < 0 { ("-", -n) } else { ("", n) };
    if places == 0 {
        return format!("{sign}{n}");
    }
    let s = 10_i64.pow(places as u32);
    format!("{sign}{}.{:0width$}", n / s, n % s, width = places as usize)
}

/// A number as a person writes it: 50, not 50.0; 2.5, not 2.50; at most
/// four decimals. The one way the page, the preview and the trail show a
/// reading, a baseline or a target.
pub fn plain(v: f64) -> String {
    let s = fixed(v, 4);
    if s.contains('.') {
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".into()
        } else {
            s.to_string()
        }
    } else {
        s
    }
}

/// A date typed as `YYYY-MM-DD` (what `<input type="date">` gives), if it
/// is a real date.
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let mut parts = s.trim().splitn(3, '-');
    let y = parts.next()?.parse::<i32>().ok()?;
    let m = parts.next()?.parse::<u32>().ok()?;
    let d = parts.next()?.parse::<u32>().ok()?;
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

/// Sort `v` stably by `key`.
pub fn sort_by<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    let mut keyed: Vec<(K, usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(keyed.into_iter().filter_map(|(_, i)| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rounds_to_the_places_asked() {
        assert_eq!(fixed(12.345, 1), "12.3");
        assert_eq!(fixed(12.35, 1), "12.4");
        assert_eq!(fixed(99.6, 0), "100");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(-2.5, 0), "-3");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(f64::NAN, 1), "0");
        assert_eq!(fixed(172_000.0, 0), "172000");
    }

    #[test]
    fn plain_numbers_drop_trailing_zeros() {
        assert_eq!(plain(50.0), "50");
        assert_eq!(plain(2.5), "2.5");
        assert_eq!(plain(0.125), "0.125");
        assert_eq!(plain(1.0 / 3.0), "0.3333");
        assert_eq!(plain(-0.00001), "0");
        assert_eq!(plain(172_000.0), "172000");
    }

    #[test]
    fn dates_parse_only_when_real() {
        assert_eq!(parse_date(" 2022-02-07 "), chrono::NaiveDate::from_ymd_opt(2022, 2, 7));
        assert_eq!(parse_date("2022-02-30"), None);
        assert_eq!(parse_date("2022-02"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn sort_is_stable_and_by_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut v, |x| x.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }
}
