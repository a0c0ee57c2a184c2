//! The compact stored form, for a plan too large to keep as plain JSON.
//!
//! Chromium keeps about 5.2 million characters of localStorage per origin. A
//! city's programme (1,000 tasks, 20,000 reports) is 8.6 million characters
//! of JSON, so it would not fit, let alone with backups. Above a sixth of the
//! limit (the current save and five backups must fit) the envelope's JSON is
//! stored as
//!
//! ```text
//! gongjian-lz4:<revision>:<bytes>:<chars>
//! ```
//!
//! - the JSON's UTF-8 bytes compressed as one LZ4 block with the
//!   uncompressed length in front (a little-endian u32), about 2.8× smaller;
//! - `<chars>` packs those bytes at 15 bits per character, each character
//!   being `0x0800 + v` (never a surrogate, never a character JSON or HTML
//!   would escape), most significant bit first, the last one zero-padded —
//!   so a UTF-16 string carries almost two bytes per character;
//! - `<bytes>` is how many bytes were packed, and `<revision>` the save's
//!   revision, readable without unpacking (a tab checks it before saving).
//!
//! The large plan is stored in 1.8 million characters this way. Unpacking
//! checks everything and reports a damaged text instead of panicking.

/// What every compact value starts with.
pub const PREFIX: &str = "gongjian-lz4:";
/// The first character of the packing alphabet.
const BASE: u32 = 0x0800;
/// Bits carried by one character.
const BITS: u32 = 15;

/// Above this many characters (UTF-16 code units) of plain JSON the plan is
/// stored compactly: a sixth of the quota, so that the save and five
/// backups fit.
pub const COMPACT_ABOVE: usize = (super::keep::LOCAL_STORAGE_CHARS as usize) / (super::keep::KEEP + 1);

/// Whether plain JSON of this length should be stored compactly. The byte
/// length bounds the character count from above, so most texts are decided
/// without counting.
pub fn should_pack(json: &str) -> bool {
    json.len() > COMPACT_ABOVE && json.encode_utf16().count() > COMPACT_ABOVE
}

/// Whether a stored value is in the compact form.
pub fn is_packed(raw: &str) -> bool {
    raw.starts_with(PREFIX)
}

/// The compact form of the envelope's JSON, saved at `revision`.
pub fn pack(json: &str, revision: u64) -> String {
    let bytes = lz4_flex::compress_prepend_size(json.as_bytes());
    let chars = (bytes.len() * 8).div_ceil(BITS as usize);
    let mut out = String::with_capacity(PREFIX.len() + 40 + chars * 3);
    out.push_str(PREFIX);
    out.push_str(&revision.to_string());
    out.push(':');
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let (mut acc, mut have) = (0u32, 0u32);
    for &b in &bytes {
        acc = (acc << 8) | u32::from(b);
        have += 8;
        if have >= BITS {
            have -= BITS;
            out.push(char_of(acc >> have));
            acc &= (1 << have) - 1;
        }
    }
    if have > 0 {
        out.push(char_of(acc << (BITS - have)));
    }
    out
}

fn char_of(v: u32) -> char {
    // v < 2^15, so BASE + v is at most 0x87FF: a plain BMP character.
    char::from_u32(BASE + v).unwrap_or('\u{0800}')
}

/// The revision written in a compact value's head.
pub fn packed_revision(raw: &str) -> Option<u64> {
    let rest = raw.strip_prefix(PREFIX)?;
    rest.get(..rest.find(':')?)?.parse().ok()
}

/// The envelope's JSON back from its compact form, or why the text is
/// damaged.
pub fn unpack(raw: &str) -> Result<String, String> {
    let rest = raw.strip_prefix(PREFIX).ok_or("it does not start with the compact form's name")?;
    let mut parts = rest.splitn(3, ':');
    let (Some(revision), Some(count), Some(chars)) = (parts.next(), parts.next(), parts.next()) else {
        return Err("its head (revision and length) is cut short".into());
    };
    revision.parse::<u64>().map_err(|_| format!("the revision '{revision}' is not a whole number"))?;
    let count: usize = count.parse().map_err(|_| format!("the length '{count}' is not a whole number"))?;
    let expected_chars = (count * 8).div_ceil(BITS as usize);
    let mut bytes = Vec::with_capacity(count);
    let (mut acc, mut have, mut seen) = (0u32, 0u32, 0usize);
    for c in chars.chars() {
        let v = (c as u32).checked_sub(BASE).filter(|v| *v < (1 << BITS));
        let Some(v) = v else { return Err(format!("character {} (U+{:04X}) is not part of the packing", seen + 1, c as u32)) };
        seen += 1;
        acc = (acc << BITS) | v;
        have += BITS;
        while have >= 8 && bytes.len() < count {
            have -= 8;
            bytes.push((acc >> have) as u8);
            acc &= (1 << have) - 1;
        }
    }
    if seen != expected_chars || bytes.len() != count {
        return Err(format!("it holds {seen} packed characters where {expected_chars} were written: it is cut short or extended"));
    }
    let json = lz4_flex::decompress_size_prepended(&bytes).map_err(|e| format!("the compressed data is damaged ({e})"))?;
    String::from_utf8(json).map_err(|_| "the unpacked text is not UTF-8".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_text_comes_back_as_it_went_in() {
        for text in ["", "{}", "{\"title\":\"罗湖区2022年攻坚任务\"}", &"abc".repeat(1000)] {
            let packed = pack(text, 42);
            assert!(is_packed(&packed));
            assert_eq!(packed_revision(&packed), Some(42));
            assert_eq!(unpack(&packed).as_deref(), Ok(text));
        }
    }

    #[test]
    fn the_packing_uses_no_surrogates_and_nothing_json_escapes() {
        let text: String = (0..3000u32).filter_map(char::from_u32).collect();
        let packed = pack(&text, 1);
        let body = &packed[packed.rfind(':').unwrap() + 1..];
        assert!(body.chars().all(|c| (0x0800..=0x87FF).contains(&(c as u32))));
        assert_eq!(unpack(&packed), Ok(text));
    }

    #[test]
    fn damage_is_reported_not_panicked_on() {
        let packed = pack(&"{\"a\":1}".repeat(50), 3);
        let cut = &packed[..packed.len() - 3];
        assert!(unpack(cut).unwrap_err().contains("cut short or extended"));
        let extra = format!("{packed}\u{0800}");
        assert!(unpack(&extra).unwrap_err().contains("cut short or extended"));
        let foreign = packed.replacen(PREFIX, "gongjian-lz4:3:5:", 1);
        assert!(unpack(&foreign).is_err());
        let letter = format!("{}x", &packed[..packed.len() - 3]);
        assert!(unpack(&letter).unwrap_err().contains("not part of the packing"));
        assert!(unpack("gongjian-lz4:1").unwrap_err().contains("cut short"));
        assert!(unpack("gongjian-lz4:x:1:").unwrap_err().contains("revision"));
    }

    #[test]
    fn only_a_plan_over_a_sixth_of_the_quota_is_packed() {
        assert_eq!(COMPACT_ABOVE, 873_813);
        assert!(!should_pack(&"a".repeat(COMPACT_ABOVE)));
        assert!(should_pack(&"a".repeat(COMPACT_ABOVE + 1)));
        // Chinese text: three bytes a character, counted in characters.
        assert!(!should_pack(&"罗".repeat(COMPACT_ABOVE)));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        #[test]
        fn any_text_round_trips(text in ".{0,400}", revision in any::<u64>()) {
            let packed = pack(&text, revision);
            prop_assert_eq!(packed_revision(&packed), Some(revision));
            prop_assert_eq!(unpack(&packed), Ok(text));
        }

        #[test]
        fn damage_never_panics(text in "[a-z{}:,\"0-9罗湖]{1,300}", at in any::<prop::sample::Index>(), c in 0x0800u32..0x8800) {
            let packed = pack(&text, 1);
            let mut chars: Vec<char> = packed.chars().collect();
            let head = packed.rfind(':').unwrap() + 1;
            let head_chars = packed[..head].chars().count();
            if chars.len() > head_chars {
                let i = head_chars + at.index(chars.len() - head_chars);
                chars[i] = char::from_u32(c).unwrap();
                let damaged: String = chars.into_iter().collect();
                // Refused with a reason, or (when the change hit padding or a
                // literal) a text; never a panic.
                match unpack(&damaged) {
                    Ok(back) => prop_assert!(back.len() <= text.len() * 2 + 16),
                    Err(why) => prop_assert!(!why.is_empty()),
                }
            }
        }
    }
}
