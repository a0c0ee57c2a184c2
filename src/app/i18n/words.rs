//! Words for the domain's enums — lights, their reasons, risk levels — in both languages.

use crate::domain::light::{Light, Reason};
use crate::domain::{Lang, RiskCategory, RiskLevel, RiskStatus};

/// The word for a light (the domain words it, so that exports say the same).
pub fn light_name(l: Lang, light: Light) -> &'static str {
    crate::domain::spreadsheet::light_name(l, light)
}

/// A reason in `l`, as the exports word it too.
pub fn reason(l: Lang, r: &Reason) -> String {
    crate::domain::spreadsheet::reason_text(l, r)
}

/// A risk level's word (the domain words it, so that a light's reason says the same).
pub fn risk_level(l: Lang, v: RiskLevel) -> &'static str {
    v.name(l)
}

pub fn risk_category(l: Lang, v: RiskCategory) -> &'static str {
    let zh = l == Lang::Zh;
    match v {
        RiskCategory::WorkSafety => {
            if zh {
                "安全生产"
            } else {
                "Work safety"
            }
        }
        RiskCategory::Schedule => {
            if zh {
                "工期"
            } else {
                "Schedule"
            }
        }
        RiskCategory::Funding => {
            if zh {
                "资金"
            } else {
                "Funding"
            }
        }
        RiskCategory::Land => {
            if zh {
                "用地"
            } else {
                "Land"
            }
        }
        RiskCategory::Stability => {
            if zh {
                "社会稳定"
            } else {
                "Social stability"
            }
        }
        RiskCategory::Other => {
            if zh {
                "其他"
            } else {
                "Other"
            }
        }
    }
}

pub fn risk_status(l: Lang, v: RiskStatus) -> &'static str {
    let zh = l == Lang::Zh;
    match v {
        RiskStatus::Open => {
            if zh {
                "未处置"
            } else {
                "Open"
            }
        }
        RiskStatus::Mitigating => {
            if zh {
                "处置中"
            } else {
                "Mitigating"
            }
        }
        RiskStatus::Closed => {
            if zh {
                "已消除"
            } else {
                "Closed"
            }
        }
    }
}
