//! What the import preview says of a file's seal.

use super::Msg;

pub const SIGNATURE: Msg = Msg("签名", "Signature");
pub const PINNED: Msg = Msg("已签名，与本表记录的密钥一致，指纹", "Signed by the key this table knows, fingerprint");
pub const FIRST: Msg = Msg("已签名，指纹", "Signed, fingerprint");
pub const FIRST_HINT: Msg = Msg(
    "这是首次收到对方的密钥：应用后本表将记住它，之后只接受由它签名的文件。请通过电话与对方核对这个指纹。",
    "This is the first key from them: applying remembers it, and from then on only files it signed are accepted. Confirm the fingerprint with them by phone.",
);
pub const UNSIGNED: Msg = Msg(
    "未签名：无法确认这个文件是谁制作的。请只导入来源可靠的文件。",
    "Unsigned: who made this file cannot be confirmed. Import it only if you trust where it came from.",
);
pub const CLAIMS_OFFICE: Msg = Msg("自称督查办（未签名，无法确认）", "Says it is from the supervision office (unsigned, not confirmed)");
pub const NO_KEY_FOR_ROLE: Msg = Msg(
    "本浏览器没有所代表身份的签名密钥，不能以这个身份导出文件。请在“设置 → 签名密钥”中导入该身份的密钥文件。",
    "This browser does not hold the signing key of the role it acts as, so it cannot export as that role. Import that role's key file under Settings → Signing key.",
);
pub const ROLES_HINT: Msg = Msg(
    "只列出本浏览器持有签名密钥的身份。导入任务分片时会自动设置。",
    "Only the roles whose signing keys this browser holds are listed. Importing a slice sets it.",
);
pub const UNIT_KEY: Msg = Msg("签名密钥", "Signing key");
pub const UNIT_KEY_NONE: Msg = Msg("尚未记录：该单位首次报送已签名的文件时记录。", "None yet: recorded at the unit's first signed report.");
pub const RESET_KEY: Msg = Msg("重置密钥", "Reset the key");
pub const RESET_KEY_CONFIRM: Msg = Msg(
    "重置后，本表不再认这个密钥，该单位下次报送的已签名文件将记录新的密钥。只在该单位丢失密钥（例如电脑丢失）时重置。确定重置吗？",
    "After a reset this table no longer knows the key, and the unit's next signed report records its new one. Reset only when the unit lost its key (a lost laptop). Reset it?",
);
pub const SIGNED_FILES: Msg = Msg("文件签名", "Signed files");
pub const SIGNED_FILES_HINT: Msg = Msg(
    "本应用导出的每个文件都带有导出方的签名。打开后，没有签名或签名不符的文件一律拒绝；关闭时，未签名的文件可以预览，但会提示无法确认来源。",
    "Every file this app exports carries its exporter's signature. When this is on, a file without a valid signature is refused; when off, an unsigned file is previewed with a warning that its origin cannot be confirmed.",
);
pub const REQUIRE_SIGNED: Msg = Msg("只接受已签名的文件", "Require signed files");
