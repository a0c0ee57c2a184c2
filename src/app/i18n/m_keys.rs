//! Settings → "Signing key": the key this browser holds, its key file, and
//! why a key could not be made, exported or imported, (Chinese, English).

use super::{Msg, Tr};
use crate::app::keys::{KeyError, NotKeyFile, MIN_PASSPHRASE};
use crate::domain::Lang;

pub const HEADING: Msg = Msg("签名密钥", "Signing key");
pub const HINT: Msg = Msg(
    "本浏览器导出的文件用这个密钥签名，导入方据此确认文件确实出自本方。密钥只保存在本浏览器中，不在表格数据和备份里：清除本站数据后密钥即丢失，只能用密钥文件恢复；没有密钥文件时，单位的密钥须由督查办重置。",
    "Files exported from this browser are signed with this key, so that whoever imports them knows they come from you. The key is kept in this browser only, not in the plan's data or its backups: clearing this site's data loses it, and only a key file brings it back; without one, the office must reset a unit's key.",
);
pub const ROLE: Msg = Msg("本浏览器代表：", "This browser acts as:");
pub const READING: Msg = Msg("正在读取密钥……", "Reading the key…");
pub const FINGERPRINT: Msg = Msg("密钥指纹：", "Key fingerprint:");
pub const FINGERPRINT_HINT: Msg = Msg("对方可以在电话中与您核对这个指纹。", "The other side can check this fingerprint with you by phone.");
pub const NONE_HELD: Msg = Msg(
    "本浏览器还没有这个身份的签名密钥；首次导出或导入文件时会自动生成。",
    "This browser holds no signing key for this role yet; one is made at the first export or import.",
);
pub const MAKE_NOW: Msg = Msg("现在生成密钥", "Make the key now");
pub const WORKING: Msg = Msg("正在处理……", "Working…");
pub const MADE: Msg = Msg("已生成签名密钥。", "The signing key is made.");

pub const EXPORT_HEADING: Msg = Msg("导出密钥文件", "Export key file");
pub const EXPORT_HINT: Msg = Msg(
    "换电脑时，在新电脑上导入这个文件，即可继续以同一身份签名。文件用口令加密；同时拿到文件和口令的人可以冒用本方身份，请把两者分开保管。",
    "To move this role to another laptop, import this file there. The file is encrypted with a passphrase; whoever has both the file and the passphrase can sign as you, so keep them apart.",
);
pub const PASSPHRASE: Msg = Msg("口令", "Passphrase");
pub const PASSPHRASE_AGAIN: Msg = Msg("再次输入口令", "Passphrase again");
pub const PASS_RULE: Msg = Msg(
    "口令至少 8 个字符，两次输入必须一致。忘记口令，这个文件就无法使用。",
    "At least 8 characters, typed the same twice. Without the passphrase the file cannot be used.",
);
pub const PASS_DIFFER: Msg = Msg("两次输入的口令不一致。", "The two passphrases differ.");
pub const EXPORT: Msg = Msg("导出密钥文件", "Export key file");
pub const EXPORTED: Msg = Msg("已导出密钥文件：", "Key file exported:");
/// The word in the key file's name: `<plan title>.签名密钥.json`.
pub const FILE_WORD: Msg = Msg("签名密钥", "signing-key");

pub const IMPORT_HEADING: Msg = Msg("导入密钥文件", "Import key file");
pub const IMPORT_HINT: Msg = Msg(
    "在新电脑上，导入原来的电脑导出的密钥文件，恢复签名密钥。",
    "On a new laptop, import the key file exported on the old one to restore the signing key.",
);
pub const KEY_FILE: Msg = Msg("密钥文件", "Key file");
pub const FILE_PASSPHRASE: Msg = Msg("密钥文件的口令", "The key file's passphrase");
pub const IMPORT: Msg = Msg("导入密钥文件", "Import key file");
pub const CHOOSE_FILE: Msg = Msg("请先选择密钥文件。", "Choose the key file first.");
pub const UNREADABLE_FILE: Msg = Msg("浏览器无法读取这个文件。", "The browser could not read the file.");
pub const IMPORTED: Msg = Msg("已导入签名密钥，指纹：", "Signing key imported. Fingerprint:");
pub const ALREADY_HELD: Msg =
    Msg("本浏览器已持有这个密钥，没有改动。指纹：", "This browser already holds this key; nothing changed. Fingerprint:");
pub const FOR_OTHER_PLAN: Msg =
    Msg("这个密钥属于另一张表，打开那张表时才会使用。", "This key belongs to another plan: it is used when that plan is open.");
pub const FOR_OTHER_ROLE: Msg = Msg("这个密钥属于另一个身份：", "This key is another role's:");
pub const OTHER_UNIT: Msg = Msg("另一个单位", "another unit");
pub const REPLACE: Msg = Msg("用文件中的密钥替换", "Replace it with the file's key");
pub const CONFIRM_REPLACE: Msg = Msg(
    "替换后，本浏览器现有的这个密钥将被删除，除非您已导出过它的密钥文件。确定替换吗？",
    "The key this browser holds now will be gone, unless you exported its key file. Replace it?",
);

// Why not
pub const UNAVAILABLE: Msg = Msg(
    "这个浏览器无法生成或保存签名密钥（可能版本过旧、页面不是通过 https 打开，或处于无痕模式）。",
    "This browser cannot make or keep signing keys (it may be too old, the page may not be served over https, or it is in a private mode).",
);
pub const STORAGE: Msg = Msg(
    "浏览器拒绝读取或保存密钥（存储空间可能已满或被禁用）。",
    "The browser refused to read or store the key (its storage may be full or blocked).",
);
pub const CRYPTO: Msg = Msg("浏览器的加密功能出错，密钥没有改动。", "The browser's cryptography failed; the key was not changed.");
pub const NO_KEY: Msg =
    Msg("本浏览器还没有这个身份的签名密钥，无可导出。", "This browser holds no signing key for this role, so there is nothing to export.");
pub const PASS_SHORT: Msg = Msg("口令太短：至少需要 8 个字符。", "The passphrase is too short: it needs at least 8 characters.");
pub const WRONG_PASSPHRASE: Msg = Msg("口令不正确，密钥没有导入。", "Wrong passphrase: the key was not imported.");
pub const NOT_A_KEY_FILE: Msg = Msg("这不是可用的签名密钥文件，没有导入。", "This is not a usable signing key file; nothing was imported.");

/// Why a key could not be made, kept, exported or imported, in `l`.
pub fn error(l: Lang, e: &KeyError) -> String {
    let zh = l == Lang::Zh;
    match e {
        KeyError::Unavailable => l.t(UNAVAILABLE).into(),
        KeyError::Storage => l.t(STORAGE).into(),
        KeyError::Crypto => l.t(CRYPTO).into(),
        KeyError::NoKey => l.t(NO_KEY).into(),
        KeyError::ShortPassphrase => l.t(PASS_SHORT).into(),
        KeyError::WrongPassphrase => l.t(WRONG_PASSPHRASE).into(),
        KeyError::NotAKeyFile { path, reason } => {
            let why = not_key_file(l, reason);
            if zh {
                format!("{}位置 {path}：{why}。", l.t(NOT_A_KEY_FILE))
            } else {
                format!("{} At {path}: {why}.", l.t(NOT_A_KEY_FILE))
            }
        }
        KeyError::OtherKeyHeld { held, found } => {
            if zh {
                format!("本浏览器已持有这个身份的另一个密钥（指纹 {held}），文件中的密钥指纹为 {found}；没有导入。")
            } else {
                format!("This browser already holds another key for this role (fingerprint {held}); the file's key has fingerprint {found}. It was not imported.")
            }
        }
    }
}

fn not_key_file(l: Lang, r: &NotKeyFile) -> String {
    let zh = l == Lang::Zh;
    match r {
        NotKeyFile::NotJson if zh => "内容不是 JSON".into(),
        NotKeyFile::NotJson => "the text is not JSON".into(),
        NotKeyFile::Format if zh => "不是本应用导出的签名密钥文件".into(),
        NotKeyFile::Format => "it is not a signing key file exported by this app".into(),
        NotKeyFile::Version(v) if zh => format!("密钥文件的版本为 {v}，本应用只能读取版本 1"),
        NotKeyFile::Version(v) => format!("the key file's version is {v}; this app reads version 1"),
        NotKeyFile::Missing if zh => "缺少这一项".into(),
        NotKeyFile::Missing => "this entry is missing".into(),
        NotKeyFile::Malformed if zh => "这一项的值不符合格式".into(),
        NotKeyFile::Malformed => "this entry's value is not in the format".into(),
        NotKeyFile::Iterations(n) if zh => format!("口令加密的迭代次数为 {n}，应在 600000 到 10000000 之间"),
        NotKeyFile::Iterations(n) => format!("the passphrase's iteration count is {n}; it must be from 600000 to 10000000"),
        NotKeyFile::Mismatch if zh => "私钥与文件中的公钥不对应".into(),
        NotKeyFile::Mismatch => "the private key is not the file's public key's".into(),
    }
}

/// "至少 8 个字符" — `MIN_PASSPHRASE` is written into PASS_RULE and PASS_SHORT.
const _: () = assert!(MIN_PASSPHRASE == 8);
