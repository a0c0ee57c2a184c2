//! Dates in files and storage, written and read by hand: `YYYY-MM-DD` for
//! days and RFC 3339 (`2022-02-07T09:00:00Z`, UTC) for instants. chrono's
//! own serde support pulls its whole format-string machinery into the
//! browser build; these few lines do the one format the app uses.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{de::Error, Deserialize, Deserializer, Serializer};

fn parse_day<E: Error>(s: &str) -> Result<NaiveDate, E> {
    super::numbers::parse_date(s).filter(|_| s.len() == 10).ok_or_else(|| E::custom(format!("'{s}' is not a date (YYYY-MM-DD)")))
}

/// Parse `2022-02-07T09:00:00Z` (fractions of a second allowed; only UTC).
pub fn parse_instant(s: &str) -> Option<DateTime<Utc>> {
    let (day, rest) = s.split_once('T')?;
    let time = rest.strip_suffix('Z').or_else(|| rest.strip_suffix("+00:00"))?;
    let (hms, frac) = time.split_once('.').unwrap_or((time, ""));
    let mut parts = hms.splitn(3, ':').map(|p| p.parse::<u32>().ok());
    let (h, m, sec) = (parts.next()??, parts.next()??, parts.next()??);
    let nanos = if frac.is_empty() {
        0
    } else {
        let digits: String = frac.chars().take(9).collect();
        digits.parse::<u32>().ok()? * 10u32.pow(9 - digits.len() as u32)
    };
    let t = NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?;
    Some(NaiveDateTime::new(super::numbers::parse_date(day)?, t).and_utc())
}

fn parse_instant_or<E: Error>(s: &str) -> Result<DateTime<Utc>, E> {
    parse_instant(s).ok_or_else(|| E::custom(format!("'{s}' is not a UTC time (YYYY-MM-DDThh:mm:ssZ)")))
}

/// An instant as files write it (`2022-02-07T09:05:03.25Z`, fractions when there are).
pub fn instant_text(t: &DateTime<Utc>) -> String {
    format!("{}T{}Z", t.date_naive(), t.time())
}

/// `2022-02-07T09:05:03Z`, whole seconds: a key that sorts by time.
pub fn second_text(t: DateTime<Utc>) -> String {
    use chrono::Timelike;
    format!("{}T{:02}:{:02}:{:02}Z", t.date_naive(), t.hour(), t.minute(), t.second())
}

/// `2022-02-07 09:05 UTC`: a time where no zone offset is known.
pub fn minute_text(t: DateTime<Utc>) -> String {
    use chrono::Timelike;
    format!("{} {:02}:{:02} UTC", t.date_naive(), t.hour(), t.minute())
}

/// A time as a person reads it: `2022-02-07 17:05` in the zone whose
/// offset from UTC at that time is `then` (seconds east), and the zone
/// (`UTC+8`) only when it is not the one in force `now` (a time across a
/// daylight-saving change), since the browser's own zone is what people
/// expect. Files and storage keep UTC (`second_text`).
pub fn zoned_minute_text(t: DateTime<Utc>, then: i32, now: i32) -> String {
    use chrono::{FixedOffset, Timelike};
    let Some(zone) = FixedOffset::east_opt(then) else { return minute_text(t) };
    let local = t.with_timezone(&zone);
    let mut out = format!("{} {:02}:{:02}", local.date_naive(), local.hour(), local.minute());
    if then != now {
        let (sign, abs) = if then < 0 { ('-', -then) } else { ('+', then) };
        let (h, m) = (abs / 3600, abs % 3600 / 60);
        out.push_str(&if m == 0 { format!(" (UTC{sign}{h})") } else { format!(" (UTC{sign}{h}:{m:02})") });
    }
    out
}

/// The one way a time is shown: in the local zone (the browser's, through
/// chrono's `wasmbind`), see `zoned_minute_text`.
pub fn shown_time(t: DateTime<Utc>) -> String {
    use chrono::{Local, Offset, TimeZone};
    let offset = |at: DateTime<Utc>| Local.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc();
    zoned_minute_text(t, offset(t), offset(Utc::now()))
}

/// A required day.
pub mod day {
    use super::*;
    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        parse_day(&String::deserialize(d)?)
    }
}

/// An optional day (`null` or absent for none).
pub mod opt_day {
    use super::*;
    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?.map(|s| parse_day(&s)).transpose()
    }
}

/// A required instant.
pub mod instant {
    use super::*;
    pub fn serialize<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&instant_text(t))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
        parse_instant_or(&String::deserialize(d)?)
    }
}

/// An optional instant.
pub mod opt_instant {
    use super::*;
    pub fn serialize<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(&instant_text(t)),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        Option::<String>::deserialize(d)?.map(|s| parse_instant_or(&s)).transpose()
    }
}

/// JSON Schemas of the four date forms, for the generated exchange schema.
#[cfg(not(target_arch = "wasm32"))]
mod schemas {
    use schemars::{json_schema, Schema, SchemaGenerator};
    pub fn day_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date", "description": "A day, YYYY-MM-DD." })
    }
    pub fn opt_day_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "null"], "format": "date", "description": "A day, YYYY-MM-DD, or null." })
    }
    pub fn instant_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date-time", "description": "A UTC time, RFC 3339." })
    }
    pub fn opt_instant_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["string", "null"], "format": "date-time", "description": "A UTC time, RFC 3339, or null." })
    }
}
#[cfg(not(target_arch = "wasm32"))]
pub use schemas::*;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn times_for_keys_and_people() {
        let t = Utc.with_ymd_and_hms(2022, 2, 7, 9, 5, 3).unwrap() + chrono::Duration::milliseconds(250);
        assert_eq!(second_text(t), "2022-02-07T09:05:03Z");
        assert_eq!(minute_text(t), "2022-02-07 09:05 UTC");
    }

    #[test]
    fn a_time_is_shown_in_the_local_zone_with_the_zone_only_when_not_obvious() {
        let t = Utc.with_ymd_and_hms(2022, 3, 1, 18, 11, 0).unwrap();
        let beijing = 8 * 3600;
        // Beijing: the next day, 02:11, no zone (it is the browser's own).
        assert_eq!(zoned_minute_text(t, beijing, beijing), "2022-03-02 02:11");
        assert_eq!(zoned_minute_text(t, 0, 0), "2022-03-01 18:11");
        // A summer time seen in winter says its zone.
        assert_eq!(zoned_minute_text(t, 2 * 3600, 3600), "2022-03-01 20:11 (UTC+2)");
        assert_eq!(zoned_minute_text(t, -(3 * 3600 + 1800), -(2 * 3600 + 1800)), "2022-03-01 14:41 (UTC-3:30)");
    }

    #[test]
    fn instants_round_trip_with_and_without_fractions() {
        let t = Utc.with_ymd_and_hms(2022, 2, 7, 9, 5, 3).unwrap();
        assert_eq!(instant_text(&t), "2022-02-07T09:05:03Z");
        assert_eq!(parse_instant("2022-02-07T09:05:03Z"), Some(t));
        let f = t + chrono::Duration::milliseconds(250);
        assert_eq!(parse_instant(&instant_text(&f)), Some(f));
        assert_eq!(parse_instant("2022-02-07T09:05:03.25+00:00"), Some(f));
    }

    #[test]
    fn chrono_s_own_rfc3339_text_reads_back() {
        let t = Utc.with_ymd_and_hms(2024, 12, 31, 23, 59, 59).unwrap() + chrono::Duration::nanoseconds(123_456_789);
        assert_eq!(parse_instant(&t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)), Some(t));
    }

    #[test]
    fn bad_times_are_refused() {
        for s in ["2022-02-07", "2022-02-07T25:00:00Z", "2022-02-07T09:00:00+08:00", "yesterday", "2022-02-30T00:00:00Z"] {
            assert_eq!(parse_instant(s), None, "{s}");
        }
        assert!(parse_day::<serde_json::Error>("2022-2-7").is_err());
        assert!(parse_day::<serde_json::Error>("2022-02-07").is_ok());
    }
}
