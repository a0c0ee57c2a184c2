//! CSV and TSV files as text. The worker only decodes them; the page parses
//! the text with the app's one parser (`sheet_in::grid::from_csv` and
//! `from_tsv`).
//!
//! Chinese Excel and WPS save CSV in the system's code page, GB18030 (GBK),
//! without a byte-order mark; "CSV UTF-8" has one; Excel's "Unicode text"
//! is UTF-16 with one.

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};
use serde::Serialize;

/// Which text parser the page runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextKind {
    Csv,
    Tsv,
}

/// The text of a file: a byte-order mark says the encoding (UTF-8, UTF-16
/// little or big end first); without one, valid UTF-8 is UTF-8 and anything
/// else GB18030, which covers GBK and GB2312. Never fails: a byte no
/// encoding can read becomes U+FFFD.
pub fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return UTF_16LE.decode_without_bom_handling(rest).0.into_owned();
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return UTF_16BE.decode_without_bom_handling(rest).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => GB18030.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// The file's extension, lower case (`报表.CSV` is `csv`).
pub fn extension(name: &str) -> String {
    name.rsplit_once('.').map(|(_, e)| e.trim().to_lowercase()).unwrap_or_default()
}

/// What a text file is by its name: `.csv` CSV, `.tsv` TSV, `.txt` (Excel's
/// "Text (tab delimited)" and "Unicode text") TSV when its first line has
/// more tabs than commas; anything else is not a text table.
pub fn kind_of(name: &str, text: &str) -> Option<TextKind> {
    match extension(name).as_str() {
        "csv" => Some(TextKind::Csv),
        "tsv" => Some(TextKind::Tsv),
        "txt" => {
            let first = text.lines().next().unwrap_or("");
            Some(if first.matches('\t').count() > first.matches(',').count() { TextKind::Tsv } else { TextKind::Csv })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb18030_without_a_mark_decodes_back() {
        let (bytes, _, _) = GB18030.encode("具体任务,责任单位\r\n推进改革,区发展改革局、区住房建设局\r\n");
        assert!(std::str::from_utf8(&bytes).is_err(), "GBK bytes are not UTF-8");
        assert_eq!(decode(&bytes), "具体任务,责任单位\r\n推进改革,区发展改革局、区住房建设局\r\n");
        // A character outside GBK (GB18030's four-byte range) too.
        let (bytes, _, _) = GB18030.encode("𠮷任务");
        assert_eq!(decode(&bytes), "𠮷任务");
    }

    #[test]
    fn utf8_with_and_without_its_mark() {
        assert_eq!(decode("具体任务,责任单位".as_bytes()), "具体任务,责任单位");
        assert_eq!(decode("\u{feff}具体任务,责任单位".as_bytes()), "具体任务,责任单位");
        assert_eq!(decode(b""), "");
    }

    #[test]
    fn utf16_by_its_mark_either_end_first() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("具体任务\t责任单位".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("具体任务\t责任单位".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&le), "具体任务\t责任单位");
        assert_eq!(decode(&be), "具体任务\t责任单位");
    }

    #[test]
    fn a_text_file_is_csv_or_tsv_by_its_name_and_first_line() {
        assert_eq!(kind_of("任务.CSV", "a,b"), Some(TextKind::Csv));
        assert_eq!(kind_of("粘贴.tsv", "a,b"), Some(TextKind::Tsv));
        assert_eq!(kind_of("导出.txt", "具体任务\t责任单位\n"), Some(TextKind::Tsv));
        assert_eq!(kind_of("导出.txt", "具体任务,责任单位\n"), Some(TextKind::Csv));
        assert_eq!(kind_of("表.xlsx", "a,b"), None);
        assert_eq!(kind_of("无扩展名", "a,b"), None);
    }
}
