//! Every unit's slice at once, in one ZIP (the office's export).

use super::Msg;

pub const EXPORT_ALL: Msg = Msg("导出全部单位的任务包（ZIP）", "Export every unit's slice (ZIP)");
/// Followed by the number of units.
pub const ALL_HINT: Msg = Msg(
    "每个负责或协办任务的单位各一份分片，已签名，打包成一个 ZIP 文件。单位数",
    "One signed slice for each unit responsible for or co-organizing a task, packed in one ZIP file. Units",
);
pub const NO_UNIT: Msg = Msg(
    "还没有单位负责或协办任务，没有分片可导出。",
    "No unit is responsible for or co-organizes a task yet: there is no slice to export.",
);
pub const BUSY: Msg = Msg("正在生成各单位任务包", "Preparing every unit's slice");
pub const STEP_SEAL: Msg = Msg("写出并签名这个单位的分片", "writing and signing this unit's slice");
pub const STEP_PACK: Msg = Msg("打包成 ZIP 文件", "packing them into one ZIP file");
/// Followed by the file's name and why.
pub const FAILED: Msg = Msg("未能生成 ZIP 文件", "Could not make the ZIP file");
pub const NO_PACKER: Msg = Msg(
    "浏览器未能启动打包程序。请刷新页面后再试，或逐个单位导出分片。",
    "The browser could not start the packer. Reload the page and try again, or export each unit's slice on its own.",
);
/// Followed by the packer's own words (in English).
pub const PACKER_STOPPED: Msg = Msg(
    "打包程序中途停止，请再试一次，或逐个单位导出分片。打包程序的说明：",
    "The packer stopped. Try again, or export each unit's slice on its own. The packer said:",
);
